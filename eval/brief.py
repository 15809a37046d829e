"""Neutral brief quality on AllSides roundups (../shared/eval/allsides), beside baselines.

For each story with at least two non-empty bodies, the bodies go through newsprism's pipeline
(clean, analyze) as one story's articles; each selected system writes a brief from them:

- `newsprism`: `newsprism.compare.compare_story(articles).brief`;
- `lexrank`: continuous LexRank (TF-IDF cosine sentence graph, power-iteration centrality),
  most central sentences first, a sentence too similar to one already taken skipped, until
  the brief reaches the word budget: the word count of newsprism's summary for the story
  (when newsprism runs and wrote one), else of the lead;
- `lead`: the first sentence of each article.

ROUGE-1/2/L F1 (`rouge_score`, stemming on) is scored on a brief's `summary` sentences (the
conflict and "only reported by" sections are not a summary) against the editors' whole
roundup, and against its first paragraph alone (the news; the second paragraph mostly says
how each side covered the story, which no extractive brief can match). Arousal is the mean
NRC-VAD arousal of the lexicon words in all the brief's sentences, set beside the arousal of
each source body (lower is calmer). Means come with 95 % bootstrap intervals over stories,
and differences from LexRank are paired by story.

    python -m eval.brief [--data ../shared/eval/allsides] [--limit N]
                         [--systems newsprism,lexrank,lead]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from statistics import mean

import numpy as np
from rouge_score import rouge_scorer  # type: ignore[import-untyped]

from eval import SHARED_EVAL
from newsprism.config import Settings, load_settings
from newsprism.datafiles import stopwords
from newsprism.ingest.outlets import OutletResolver
from newsprism.ingest.read import raw_document
from newsprism.model import Article
from newsprism.pipeline import process

SIDES = ("left", "center", "right")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
DEFAULT_DATA = SHARED_EVAL / "allsides"
LEXICON = Path("lexicons") / "NRC-VAD-Lexicon.txt"
STORIES = Path("stories")
ALL_SYSTEMS = ("newsprism", "lexrank", "lead")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

Lexicon = dict[str, float]


# -- the data ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Body:
    side: str
    outlet: str
    title: str | None
    text: str


@dataclass(frozen=True, slots=True)
class RoundupStory:
    """One AllSides story: the editors' roundup and the outlets' bodies that are not empty."""

    id: str
    source: str
    roundup: tuple[str, ...]
    bodies: tuple[Body, ...]

    def references(self) -> dict[str, str]:
        """The texts ROUGE scores against: the whole roundup, and its first paragraph (the
        news summary, without the paragraph on how each side covered the story)."""
        return {"roundup": "\n".join(self.roundup), "first": self.roundup[0] if self.roundup
                else ""}


def _joined(value: object) -> str:
    if isinstance(value, list):
        return "\n\n".join(str(part) for part in value if str(part).strip())
    return str(value or "")


def parse_story(record: dict[str, object], source: str) -> RoundupStory:
    news = record.get("news") or {}
    bodies = []
    for side in SIDES:
        item = news.get(side) if isinstance(news, dict) else None
        if isinstance(item, dict) and _joined(item.get("newBody")).strip():
            bodies.append(Body(side, str(item.get("newsSource") or side),
                               item.get("newsTitle") or None, _joined(item.get("newBody"))))
    roundup = record.get("roundup")
    paragraphs = [str(p) for p in (roundup if isinstance(roundup, list) else [roundup or ""])]
    return RoundupStory(str(record.get("id", source)), source,
                        tuple(p for p in paragraphs if p.strip()), tuple(bodies))


def read_stories(folder: Path) -> Iterator[RoundupStory]:
    """Every story of `folder/*.jsonl`, whatever its number of bodies."""
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip():
                yield parse_story(json.loads(line), f"{path.name}:{number}")


def story_articles(story: RoundupStory, settings: Settings) -> list[Article]:
    """The story's bodies cleaned and analyzed by newsprism's pipeline, as one batch."""
    raws = [replace(raw_document(f"{story.id}-{body.side}", body.text, "text", body.title,
                                 f"{story.source}:{body.side}"), outlet=body.outlet)
            for body in story.bodies]
    articles, _ = process(raws, OutletResolver(), settings)
    return articles


def sentence_texts(article: Article) -> list[str]:
    return [article.text[s.start:s.end] for s in article.sentences]


# -- LexRank ------------------------------------------------------------------------------

def tokens(text: str, stopwords: frozenset[str] = frozenset()) -> list[str]:
    return [word for word in _WORD.findall(text.lower().replace("’", "'"))
            if word not in stopwords]


def tfidf_matrix(sentences: Sequence[Sequence[str]]) -> np.ndarray:
    """Rows of L2-normalised TF-IDF weights, one per tokenised sentence; the IDF is counted
    over these sentences, smoothed (`log((1 + n) / (1 + df)) + 1`)."""
    vocabulary = {word: i for i, word in enumerate(sorted({w for s in sentences for w in s}))}
    counts = np.zeros((len(sentences), len(vocabulary)))
    for row, words in enumerate(sentences):
        for word in words:
            counts[row, vocabulary[word]] += 1
    df = (counts > 0).sum(axis=0)
    weights = counts * (np.log((1 + len(sentences)) / (1 + df)) + 1)
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return np.asarray(np.divide(weights, norms, out=np.zeros_like(weights), where=norms > 0))


def cosine_matrix(sentences: Sequence[Sequence[str]]) -> np.ndarray:
    vectors = tfidf_matrix(sentences)
    return np.asarray(vectors @ vectors.T)


def centrality(similarity: np.ndarray, damping: float = 0.85, tolerance: float = 1e-9,
               max_rounds: int = 500) -> np.ndarray:
    """Stationary distribution of a random walk on the sentence graph (continuous LexRank):
    edge weights are the similarities without self-loops, rows normalised; with probability
    `1 - damping` the walk jumps to any sentence. A sentence linked to none jumps anywhere."""
    size = len(similarity)
    weights = similarity * (1 - np.eye(size))
    totals = weights.sum(axis=1, keepdims=True)
    walk = np.divide(weights, totals, out=np.full_like(weights, 1 / max(size, 1)),
                     where=totals > 0)
    scores = np.full(size, 1 / max(size, 1))
    for _ in range(max_rounds):
        updated = (1 - damping) / size + damping * walk.T @ scores
        converged = float(np.abs(updated - scores).sum()) < tolerance
        scores = updated
        if converged:
            break
    return np.asarray(scores)


def lexrank(sentences: Sequence[str], budget_words: int, redundancy: float = 0.5,
            stopwords: frozenset[str] = frozenset()) -> list[int]:
    """Indices (in text order) of the most central sentences, skipping one whose cosine with
    a sentence already taken is `redundancy` or more. Sentences are added in rank order while
    adding the next one ends nearer to `budget_words` than stopping (at least one is taken)."""
    if not sentences:
        return []
    similarity = cosine_matrix([tokens(s, stopwords) for s in sentences])
    scores = centrality(similarity)
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    words = 0
    for index in ranked:
        length = len(sentences[index].split())
        if chosen and words + length / 2 > budget_words:
            break
        if any(similarity[index, other] >= redundancy for other in chosen):
            continue
        chosen.append(index)
        words += length
    return sorted(chosen)


# -- arousal and ROUGE --------------------------------------------------------------------

def load_lexicon(path: Path) -> Lexicon:
    """Arousal of each single word of the NRC-VAD lexicon (`word<TAB>valence<TAB>arousal
    <TAB>dominance`, no header); multi-word entries are left out."""
    arousal = {}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and " " not in parts[0]:
            try:
                arousal[parts[0].lower()] = float(parts[2])
            except ValueError:  # a header line, if a release has one
                continue
    return arousal


def arousal(text: str, lexicon: Lexicon) -> float | None:
    """Mean arousal of the words of `text` found in `lexicon` (each occurrence counts), or
    None when none is found."""
    found = [lexicon[word] for word in tokens(text) if word in lexicon]
    return mean(found) if found else None


def rouge_f1(scorer: rouge_scorer.RougeScorer, reference: str, text: str) -> dict[str, float]:
    scores = scorer.score(reference, text)
    return {kind: scores[kind].fmeasure for kind in ROUGE_TYPES}


def make_scorer() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


# -- the systems --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Brief:
    """A system's brief for one story: the sentences ROUGE scores, and all its sentences."""

    summary: tuple[str, ...]
    sentences: tuple[str, ...]

    @property
    def words(self) -> int:
        return sum(len(s.split()) for s in self.summary)


System = Callable[[Sequence[Article], int], Brief]


def lead_brief(articles: Sequence[Article], budget_words: int = 0) -> Brief:
    """The first sentence of each article, in article order."""
    firsts = tuple(sentence_texts(a)[0] for a in articles if a.sentences)
    return Brief(firsts, firsts)


def lexrank_system(stopwords: frozenset[str]) -> System:
    def lexrank_brief(articles: Sequence[Article], budget_words: int) -> Brief:
        sentences = [text for article in articles for text in sentence_texts(article)]
        chosen = tuple(sentences[i] for i in lexrank(sentences, budget_words,
                                                     stopwords=stopwords))
        return Brief(chosen, chosen)
    return lexrank_brief


def newsprism_system() -> System:
    """newsprism's brief; raises ImportError while `newsprism.compare` is not there."""
    from newsprism.compare import compare_story  # type: ignore[attr-defined,import-not-found,unused-ignore]

    def newsprism_brief(articles: Sequence[Article], budget_words: int = 0) -> Brief:
        brief = compare_story(articles).brief
        return Brief(tuple(s.text for s in brief if s.section == "summary"),
                     tuple(s.text for s in brief))
    return newsprism_brief


def build_systems(names: Sequence[str]) -> dict[str, System]:
    makers: dict[str, Callable[[], System]] = {
        "newsprism": newsprism_system, "lexrank": lambda: lexrank_system(stopwords()),
        "lead": lambda: lead_brief}
    return {name: makers[name]() for name in names}


def budget_for(briefs: dict[str, Brief]) -> int:
    """LexRank's word budget: newsprism's summary length when it wrote one, else the lead's."""
    for name in ("newsprism", "lead"):
        if name in briefs and briefs[name].summary:
            return briefs[name].words
    return 60


# -- one story, and the totals ------------------------------------------------------------

@dataclass(slots=True)
class Score:
    rouge: dict[str, dict[str, float]]  # reference → ROUGE type → F1
    words: int  # of the summary
    summary: int  # summary sentences
    sentences: int  # all sentences
    arousal: float | None


@dataclass(slots=True)
class StoryResult:
    story: str
    sources: list[float]
    scores: dict[str, Score] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)


def run_systems(articles: Sequence[Article], systems: dict[str, System]) -> tuple[
        dict[str, Brief], dict[str, str]]:
    """Each system's brief, lexrank last (its budget depends on the others)."""
    briefs: dict[str, Brief] = {}
    failures: dict[str, str] = {}
    for name in sorted(systems, key=lambda n: n == "lexrank"):
        try:
            briefs[name] = systems[name](articles, budget_for(briefs))
        except Exception as exc:  # one story a system breaks on must not stop the run
            failures[name] = f"{type(exc).__name__}: {exc}"
    return briefs, failures


def score_story(story: RoundupStory, articles: Sequence[Article], systems: dict[str, System],
                scorer: rouge_scorer.RougeScorer, lexicon: Lexicon) -> StoryResult:
    sources = [value for a in articles if (value := arousal(a.text, lexicon)) is not None]
    briefs, failures = run_systems(articles, systems)
    result = StoryResult(story.id, sources, failures=failures)
    for name, brief in briefs.items():
        text = "\n".join(brief.summary)
        rouge = {key: rouge_f1(scorer, reference, text)
                 for key, reference in story.references().items()}
        result.scores[name] = Score(rouge, brief.words, len(brief.summary), len(brief.sentences),
                                    arousal(" ".join(brief.sentences), lexicon))
    return result


def bootstrap_ci(values: Sequence[float], rounds: int = 1000,
                 seed: int = 0) -> tuple[float, float]:
    """95 % percentile bootstrap interval of the mean of `values`."""
    if not values:
        return math.nan, math.nan
    data = np.asarray(values, dtype=float)
    picks = np.random.default_rng(seed).integers(0, len(data), (rounds, len(data)))
    means = data[picks].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def with_ci(values: Sequence[float]) -> str:
    """`mean [low, high]` with the 95 % bootstrap interval, or `—` for no values."""
    if not values:
        return "—"
    low, high = bootstrap_ci(values)
    return f"{mean(values):.3f} [{low:.3f}, {high:.3f}]"


def arousal_pairs(results: Sequence[StoryResult],
                  name: str) -> list[tuple[float, list[float]]]:
    """(brief arousal, source arousals) of the stories where both are known."""
    return [(brief, r.sources) for r in results
            if name in r.scores and (brief := r.scores[name].arousal) is not None
            and r.sources]


def rouge_row(results: Sequence[StoryResult], name: str, reference: str) -> str:
    scored = [r.scores[name] for r in results if name in r.scores]
    failed = sum(name in r.failures for r in results)
    sizes = [f"{mean(getattr(s, key) for s in scored) if scored else 0:.1f}"
             for key in ("words", "summary", "sentences")]
    cells = [with_ci([s.rouge[reference][kind] for s in scored]) for kind in ROUGE_TYPES]
    return f"| {name} | {len(scored)} ({failed} failed) | " + " | ".join(sizes + cells) + " |"


def arousal_row(results: Sequence[StoryResult], name: str) -> str:
    pairs = arousal_pairs(results, name)
    return (f"| {name} | {len(pairs)} | {with_ci([b for b, _ in pairs])} | "
            f"{with_ci([mean(s) for _, s in pairs])} | "
            f"{with_ci([float(b < min(s)) for b, s in pairs])} |")


def paired_row(results: Sequence[StoryResult], name: str, baseline: str,
               reference: str) -> str:
    """Mean per-story difference `name − baseline` on the stories both scored."""
    both = [(r.scores[name].rouge[reference], r.scores[baseline].rouge[reference])
            for r in results if name in r.scores and baseline in r.scores]
    cells = [with_ci([ours[k] - theirs[k] for ours, theirs in both]) for k in ROUGE_TYPES]
    return f"| {name} − {baseline} | {len(both)} | | | | " + " | ".join(cells) + " |"


def rouge_table(results: Sequence[StoryResult], names: Sequence[str], reference: str) -> list[str]:
    lines = [f"ROUGE F1 against `{reference}`", "",
             "| system | stories | summary words | summary sentences | all sentences | "
             "ROUGE-1 | ROUGE-2 | ROUGE-L |", "|---|---|---|---|---|---|---|---|"]
    lines += [rouge_row(results, name, reference) for name in names]
    others = [name for name in names if name != "lexrank"]
    if "lexrank" in names:
        lines += [paired_row(results, name, "lexrank", reference) for name in others]
    return [*lines, ""]


def report(results: Sequence[StoryResult], names: Sequence[str]) -> str:
    """Markdown tables: ROUGE F1 against each reference (with paired differences from
    LexRank) and arousal; every cell a mean over stories with its 95 % bootstrap interval."""
    lines = rouge_table(results, names, "roundup") + rouge_table(results, names, "first")
    lines += ["| system | stories | brief arousal | sources' mean arousal | "
              "share below every source |", "|---|---|---|---|---|"]
    lines += [arousal_row(results, name) for name in names]
    return "\n".join(lines)


# -- the command --------------------------------------------------------------------------

def choose_systems(requested: str | None) -> dict[str, System]:
    """The systems named in `requested` (all by default; newsprism left out with a note when
    `newsprism.compare` does not exist yet and it was not asked for by name)."""
    names = [n.strip() for n in (requested or ",".join(ALL_SYSTEMS)).split(",") if n.strip()]
    unknown = [n for n in names if n not in ALL_SYSTEMS]
    if unknown:
        sys.exit(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(ALL_SYSTEMS)}")
    try:
        return build_systems(names)
    except ImportError as exc:
        if requested:
            sys.exit(f"system newsprism is not available ({exc}); choose lexrank,lead")
        print(f"newsprism left out: {exc}", file=sys.stderr)
        return build_systems([n for n in names if n != "newsprism"])


def show_failures(result: StoryResult) -> None:
    for name, problem in result.failures.items():
        print(f"story {result.story}: {name} failed: {problem}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the AllSides folder (holding stories/ and lexicons/)")
    parser.add_argument("--limit", type=int, default=0, help="stories to score (0: all)")
    parser.add_argument("--systems", default=None,
                        help=f"comma-separated, from {','.join(ALL_SYSTEMS)} (default: all)")
    args = parser.parse_args()
    systems = choose_systems(args.systems)
    lexicon, scorer, settings = load_lexicon(args.data / LEXICON), make_scorer(), load_settings()
    stories = [s for s in read_stories(args.data / STORIES) if len(s.bodies) >= 2]
    stories = stories[: args.limit] if args.limit else stories
    results, skipped, framing, started = [], 0, 0, time.perf_counter()
    for number, story in enumerate(stories, 1):
        articles = story_articles(story, settings)
        framing += sum(len(a.framing) for a in articles)
        if len(articles) < 2:
            skipped += 1
        else:
            results.append(score_story(story, articles, systems, scorer, lexicon))
            show_failures(results[-1])
        if number % 20 == 0 or number == len(stories):
            print(f"[{number}/{len(stories)}] {time.perf_counter() - started:.0f} s",
                  file=sys.stderr)
    print(f"{len(results)} stories scored, {skipped} skipped (fewer than 2 articles left "
          f"after the pipeline); {framing} framing spans in their articles; "
          f"{time.perf_counter() - started:.0f} s\n")
    print(report(results, list(systems)))


if __name__ == "__main__":
    main()
