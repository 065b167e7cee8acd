"""The figure registry: a figure is a function registered under a stable name.

Usage in ``discourse/figures/<topic>.py``::

    from discourse.figures._registry import figure

    @figure("seed-structure", corpus="seed", description="Paragraph lengths ...")
    def seed_structure(corpus, *, width="single"):
        fig, ax = plt.subplots(...)
        ...
        return fig

The function takes the corpus DataFrame first and keyword-only parameters after,
returns a :class:`matplotlib.figure.Figure`, and never saves. ``corpus`` names the
bundled corpus it is built from by default: ``"seed"`` (``seeds/``) or ``"demo"``
(the synthetic demo corpus).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["FigureSpec", "figure", "REGISTRY", "synthetic_note"]


@dataclass(frozen=True)
class FigureSpec:
    name: str
    func: Callable[..., Any]
    corpus: str = "seed"
    description: str = ""
    params: dict[str, Any] = field(default_factory=dict)


REGISTRY: dict[str, FigureSpec] = {}


def figure(name: str, *, corpus: str = "seed", description: str = "", **params: Any):
    """Register ``func`` as figure ``name`` built from ``corpus`` with ``params``."""

    def decorator(func):
        if name in REGISTRY and REGISTRY[name].func is not func:
            raise ValueError(f"figure {name!r} is registered twice")
        REGISTRY[name] = FigureSpec(name, func, corpus, description or (func.__doc__ or "").strip().split("\n")[0], dict(params))
        return func

    return decorator


def synthetic_note(corpus) -> str:
    """``" (synthetic demo corpus)"`` when ``corpus`` is the synthetic demo corpus
    (its ``description`` metadata says SYNTHETIC), else ``""``: for figure titles, so a
    synthetic result is never presented as real news."""
    if "description" in corpus.columns and corpus["description"].astype(str).str.contains("SYNTHETIC").any():
        return " (synthetic demo corpus)"
    return ""
