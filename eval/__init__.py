"""Quality evaluations against the public datasets in ../shared/eval (read at run time)."""

from pathlib import Path

# Where the public data sets live by default: ../shared/eval beside the project.
SHARED_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
