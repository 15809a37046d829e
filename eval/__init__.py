"""Quality evaluations against the public datasets in ../shared/eval (read at run time)."""
