"""discourse: how news media talk about the world.

Modules are the namespace: ``discourse.corpus.load``, ``discourse.text.sentences``,
``discourse.quotes.find``, ``discourse.terms.find``, ``discourse.sentiment.score``,
``discourse.topics.fit``, ``discourse.framing.score``, ``discourse.plots``; a study's
figures are registered with ``@discourse.figure(...)`` (:mod:`discourse.study`).
Submodules are imported on first use, so ``import discourse`` is cheap.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_SUBMODULES = {
    "corpus", "readers", "text", "words", "quotes", "terms", "lexicon", "sentiment", "topics",
    "framing", "effects", "stats", "plots", "style", "figures", "demo", "cli", "validate",
    "keyness", "study", "batch",
}

__all__ = sorted(_SUBMODULES) + ["__version__", "figure"]


def __getattr__(name: str):
    if name == "figure":  # the decorator of a study's figures (discourse.figures._registry.figure)
        from discourse.figures._registry import figure

        return figure
    if name in _SUBMODULES:
        return importlib.import_module(f"discourse.{name}")
    raise AttributeError(f"module 'discourse' has no attribute {name!r}")
