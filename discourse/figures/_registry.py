"""The figure registry: a figure is a function registered under a stable name.

Usage in a study's ``figures/*.py`` (or ``figures.py``), and in the package's own
``discourse/figures/<topic>.py``::

    import discourse

    @discourse.figure("coverage", corpus="articles")
    def coverage(corpus, *, period="M", width="single"):
        fig, ax = plt.subplots(...)
        ...
        return fig

The function takes the corpus DataFrame first (or, when its first argument is named
``annotations``, the corpus's :func:`discourse.text.annotate` annotations) and
keyword-only parameters after, returns a :class:`matplotlib.figure.Figure`, and never
saves. ``corpus`` names a corpus of the study's ``discourse.toml`` (``[corpora.NAME]``;
default: the study's default corpus). The parameters come from the decorator, then
from the study's ``[parameters]`` (those the function has a keyword for), then from
its ``[figures.NAME]`` table (see :mod:`discourse.study`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["FigureSpec", "figure", "REGISTRY", "synthetic_note"]


@dataclass(frozen=True)
class FigureSpec:
    name: str
    func: Callable[..., Any]
    corpus: str | None = "seed"
    description: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    formats: tuple[str, ...] | None = None


#: the package's own figures (``discourse/figures/*.py``)
REGISTRY: dict[str, FigureSpec] = {}

#: while a study's figure files are read, figures register in the dict on top
_TARGETS: list[dict[str, FigureSpec]] = []


def figure(name: str, *, corpus: str | None = None, formats=None, description: str = "", **params: Any):
    """Register the decorated function as figure ``name``.

    Parameters
    ----------
    name : str
        The figure's stable name: its files are ``NAME.pdf``, ``NAME.png``, ``NAME.svg``.
    corpus : str, optional
        The ``[corpora.NAME]`` of ``discourse.toml`` it is drawn from (default: the
        study's default corpus).
    formats : list of str, optional
        Output formats of this figure (default: the study's ``[figures] formats``).
    description : str, optional
        One line for the manifest (default: the first line of the docstring).
    **params
        Default parameters (``width="double"``, ``n_boot=200`` ...); the study's
        parameters override them.

    Examples
    --------
    >>> import discourse
    >>> @discourse.figure("my-figure", corpus="articles", width="double")
    ... def my_figure(corpus, *, width="double"):
    ...     '''Articles per outlet.'''
    """
    if not isinstance(name, str) or not name or any(c in name for c in '/\\:*?"<>| '):
        raise ValueError(f"figure name must be a non-empty file name without spaces or slashes, not {name!r}")
    fmts = None
    if formats is not None:
        fmts = tuple([formats] if isinstance(formats, str) else formats)

    def decorator(func):
        # the package's figure modules always register in REGISTRY, even when a study's
        # figure file is the first to import them
        own = str(getattr(func, "__module__", "")).startswith("discourse.figures.")
        target = _TARGETS[-1] if _TARGETS and not own else REGISTRY
        if name in target and target[name].func is not func:
            raise ValueError(f"figure {name!r} is registered twice")
        doc = (func.__doc__ or "").strip().split("\n")[0]
        target[name] = FigureSpec(name, func, corpus, description or doc, dict(params), fmts)
        return func

    return decorator


def synthetic_note(corpus) -> str:
    """``" (synthetic demo corpus)"`` when ``corpus`` is the synthetic demo corpus
    (its ``description`` metadata says SYNTHETIC), else ``""``: for figure titles, so a
    synthetic result is never presented as real news."""
    from discourse.text._annotate import corpus_of

    corpus = corpus_of(corpus)
    if "description" in corpus.columns and corpus["description"].astype(str).str.contains("SYNTHETIC").any():
        return " (synthetic demo corpus)"
    return ""
