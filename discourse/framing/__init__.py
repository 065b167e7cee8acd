"""Framing: which aspects of an event a text makes salient, how it names the actors,
and whom it lets speak.

Every function takes the corpus or its annotations (:func:`discourse.text.annotate`)
first and reads sentences, quotations, tokens and voice from them, so nothing is split
twice. Four tools, each returning a tidy DataFrame:

- :func:`score` counts frame indicators from a frame lexicon per document or per
  sentence (``n``, ``share``, ``rate``, ``present``: by default the calibrated
  presence rule of :data:`CALIBRATED`); :func:`primary` picks each document's
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

Bundled frame lexicons (``discourse/lexicons/``, rationale and sources in
``SOURCES-frames.md``; :func:`dictionary` loads them): ``"generic"`` (Semetko &
Valkenburg 2000; the default) and ``"policy"`` (Policy Frames Codebook, Boydstun et
al. 2014).

The code lives in private modules: ``_dictionaries`` (loading frame lexicons),
``_scores`` (:func:`score`, :func:`primary`, :func:`aggregate`, :data:`CALIBRATED`),
``_classifier`` (:class:`FrameClassifier`), ``_actors`` (:func:`actor_labels`,
:func:`label_summary`), ``_sources`` (:func:`sources`), ``_tokens`` (the shared tokens
read as a noun-phrase rule needs them, and word classes) and ``_phrases`` (noun-phrase
extents, labels and appositives); ``_common`` holds the calls into the text layer.
"""
# ``_LEXICONS`` and ``_last_name`` are private, re-exported for the tests that use them.
from discourse.framing._actors import actor_labels, label_summary
from discourse.framing._classifier import FrameClassifier
from discourse.framing._dictionaries import _LEXICONS, DICTIONARIES, dictionary  # noqa: F401
from discourse.framing._scores import CALIBRATED, aggregate, primary, score
from discourse.framing._sources import _last_name, sources  # noqa: F401

__all__ = [
    "DICTIONARIES",
    "CALIBRATED",
    "dictionary",
    "score",
    "primary",
    "aggregate",
    "FrameClassifier",
    "actor_labels",
    "label_summary",
    "sources",
]
