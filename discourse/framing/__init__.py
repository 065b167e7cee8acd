"""Framing: which aspects of an event a text makes salient, how it names the actors,
and whom it lets speak.

Four tools, each returning a tidy DataFrame:

- :func:`score` counts frame indicators from a frame dictionary per document or per
  sentence (``n``, ``share``, ``present``); :func:`primary` picks each document's
  primary frame with its margin; :func:`aggregate` averages by outlet and period with
  bootstrap intervals over documents.
- :class:`FrameClassifier` learns frames from hand-coded texts (TF-IDF plus one
  logistic regression per frame), reports cross-validated precision, recall and F1
  per frame and predicts the rest. It is a scikit-learn estimator.
- :func:`actor_labels` finds every mention of configured actors and the labels
  attached to it: pre-modifiers and head noun ("US-backed regime", "puppet
  government"), appositives ("the chairman of the Joint Chiefs of Staff, Gen. Mark
  Milley") and predicate labels ("described Ghani as an illegitimate president");
  :func:`label_summary` counts them by outlet.
- :func:`sources` tells who is quoted, with affiliation, quote counts, words and
  reporting verbs grouped into neutral, distancing and endorsing.

Bundled frame dictionaries (``discourse/lexicons/``, rationale and sources in
``SOURCES-frames.md``): ``"generic"`` (Semetko & Valkenburg 2000; the default) and
``"policy"`` (Policy Frames Codebook, Boydstun et al. 2014).

The code lives in private modules: ``_dictionaries`` (loading frame dictionaries),
``_scores`` (:func:`score`, :func:`primary`, :func:`aggregate`), ``_classifier``
(:class:`FrameClassifier`), ``_actors`` (:func:`actor_labels`,
:func:`label_summary`), ``_sources`` (:func:`sources`) and ``_tokens`` (the tokens and
noun-phrase rules shared by actor labels and sources).
"""
# ``_LEXICONS`` and ``_last_name`` are private, re-exported for the tests that use them.
from discourse.framing._actors import actor_labels, label_summary
from discourse.framing._classifier import FrameClassifier
from discourse.framing._dictionaries import _LEXICONS, DICTIONARIES, dictionary  # noqa: F401
from discourse.framing._scores import aggregate, primary, score
from discourse.framing._sources import _last_name, sources  # noqa: F401

__all__ = [
    "DICTIONARIES",
    "dictionary",
    "score",
    "primary",
    "aggregate",
    "FrameClassifier",
    "actor_labels",
    "label_summary",
    "sources",
]
