"""``discourse init PATH``: create a working study folder.

The study holds ``discourse.toml``, an example figure module (``figures/articles.py``),
a paired notebook (``notebooks/explore.py``, jupytext percent format), a ``Makefile``
(``make figures``, ``make check``) and a ``README.md``. Without a corpus of one's own,
a small SYNTHETIC example corpus is written to ``data/example/`` so that
``discourse figures`` and ``discourse figures --check`` work straight away.
"""
from __future__ import annotations

import os
from pathlib import Path

from discourse.study._study import CONFIG, StudyError

__all__ = ["init"]

_TOML = '''# The study: its corpora, parameters and figures (see the discourse docs, docs/study.md).
# `discourse figures` (make figures) builds every figure of figures/*.py into figures/
# with a manifest; `discourse figures --check` (make check) says whether they are current.

[study]
title = "{title}"

[corpora.articles]
path = "{corpus}"   # a file, folder or glob, relative to this folder
{columns}
[lexicons]
# frames = "lexicons/frames.csv"

[parameters]
# every figure function with a keyword of the same name gets these values
period = "MS"   # one bar per month ("QS": quarter, "YS": year)

# the actors of the study and the names that mention them
[parameters.actors]
{actors}
[figures]
formats = ["pdf", "png", "svg"]
corpus = "articles"

# parameters of one figure only, for example:
# [figures.articles-over-time]
# period = "QS"
'''

_DEMO_ACTORS = '''Government = ["government", "regime", "cabinet"]
Opposition = ["opposition", "Mira Solano"]
'''

_FIGURES = '''"""The study's figures: each function decorated with ``@discourse.figure`` is built
by ``discourse figures`` into this folder (NAME.pdf, NAME.png, NAME.svg) and recorded
in figures/manifest.json. A figure function takes the corpus (or, when its first
argument is named ``annotations``, its annotations) and keyword-only parameters,
which come from discourse.toml; it returns a matplotlib Figure and never saves."""
import matplotlib.pyplot as plt

import discourse
from discourse import plots, style
from discourse.figures import sentiment as library


@discourse.figure("article-lengths", corpus="articles")
def article_lengths(corpus, *, width="single"):
    """Article length in words by outlet: a box per outlet, every article a dot."""
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.75))
    plots.lengths(corpus, by="outlet", unit="words", ax=ax)
    ax.set_title(f"Article length ({len(corpus)} articles)")
    return fig


@discourse.figure("articles-over-time", corpus="articles", width="double")
def articles_over_time(corpus, *, period, width="double"):
    """Articles per period by outlet (period: discourse.toml)."""
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.4))
    plots.articles_over_time(corpus, by="outlet", freq=period, ax=ax)
    ax.set_title("Articles over time")
    return fig


@discourse.figure("sentiment-toward-actors", corpus="articles", width="double", n_boot=200)
def sentiment_toward_actors(annotations, *, actors, width="double", n_boot=200):
    """Sentiment toward the study's actors (discourse.toml [parameters.actors]) by outlet and
    voice: the package's figure, drawn with this study's actors."""
    return library.demo_sentiment_toward(annotations, actors=actors, width=width, n_boot=n_boot, min_n=2)
'''

_NOTEBOOK = '''# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exploring the study
#
# Parameters (actors, period ...) come from the study's `discourse.toml`, and paths
# resolve from the study's folder, so this notebook runs from any working
# directory inside the study. Pair it with `jupytext --sync notebooks/explore.py`.

# %%
from discourse import figures, study

# %% tags=["parameters"]
study_path = "."  # any folder inside the study

# %%
s = study.load(study_path)
articles = s.corpus("articles")
s.params

# %%
articles.groupby("outlet").size()

# %% [markdown]
# The registered figures, exactly as `discourse figures` builds them:

# %%
figures.render("article-lengths", root=s.root)
'''

_MAKEFILE = '''# `make figures` builds every figure of figures/*.py into figures/ with a manifest;
# `make check` rebuilds them in a temporary folder and fails if any is not current.
DISCOURSE ?= discourse

.PHONY: figures check

figures:
\t$(DISCOURSE) figures

check:
\t$(DISCOURSE) figures --check
'''

_README = '''# {title}

A study made with `discourse`: its figures are rebuilt, byte for byte, by one
command.

| file | what it is |
|---|---|
| `discourse.toml` | corpora, lexicons, parameters (actors, period ...), figure formats |
| `figures/*.py` | the figure functions (`@discourse.figure`) |
| `figures/` | the built figures and `manifest.json` (commit them) |
| `notebooks/explore.py` | a notebook (jupytext) reading the same parameters |
| `{corpus}` | the corpus{corpus_note} |

```console
$ make figures        # = discourse figures
$ make check          # = discourse figures --check: are the committed figures current?
$ discourse figures --only article-lengths
```
'''


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def init(path, *, corpus=None, title: str | None = None) -> list[Path]:
    """Create a working study in folder ``path``.

    Parameters
    ----------
    path : str or Path
        The study folder (created if needed; it must not hold a ``discourse.toml``).
    corpus : str or Path, optional
        The study's corpus (a file, folder or glob); default: a small SYNTHETIC
        example corpus written to ``data/example/`` (24 invented articles).
    title : str, optional
        The study's title (default: the folder's name).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    StudyError
        When ``path`` already holds a study or a file ``init`` would write.
    FileNotFoundError
        When ``corpus`` does not exist.

    Examples
    --------
    >>> import tempfile
    >>> from discourse import study
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     files = study.init(tmp)
    ...     sorted(p.name for p in files)[:3]
    ['Makefile', 'README.md', 'articles.py']
    """
    root = Path(path).resolve()
    files = {CONFIG: None, "figures/articles.py": _FIGURES, "notebooks/explore.py": _NOTEBOOK,
             "Makefile": _MAKEFILE, "README.md": None}
    if (root / CONFIG).exists():
        raise StudyError(f"{root} is already a study (it has a {CONFIG})")
    taken = [name for name in files if (root / name).exists()]
    if taken:
        raise StudyError(f"{root / taken[0]} exists; init writes only new files: choose an empty folder")
    title = title or root.name
    written = []
    if corpus is None:
        from discourse import demo

        demo.write(root / "data" / "example", n_articles=24, random_state=0)
        rel, note = "data/example", " (SYNTHETIC example: replace it with yours in discourse.toml)"
        written.append(root / "data" / "example")
    else:
        src = Path(corpus)
        if not src.exists():
            raise FileNotFoundError(f"corpus not found: {src}")
        src = src.resolve()
        try:
            rel = src.relative_to(root).as_posix()
        except ValueError:
            rel = Path(os.path.relpath(src, root)).as_posix()
        note = ""
    files[CONFIG] = _TOML.format(title=title.replace('"', "'"), corpus=rel, columns="", actors=_DEMO_ACTORS)
    files["README.md"] = _README.format(title=title, corpus=rel, corpus_note=note)
    for name, text in files.items():
        _write(root / name, text)
        written.append(root / name)
    return written
