"""Per-article analysis: sentences, entities, quotes and speakers, figures."""
