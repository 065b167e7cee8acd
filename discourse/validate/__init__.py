"""Validation of automated text analysis against careful human reading.

Draw a sample of units (:func:`sample`, :func:`context`), write a blinded coding
sheet (:func:`coding_sheet`), read the coded sheets back checked row by row
(:func:`read_coding`), measure agreement between coders (:func:`alpha`,
:func:`kappa`, :func:`percent_agreement`, with bootstrap intervals; all of them
per group with :func:`agreement`), and score the
automated analysis against the codes: spans (:func:`spans`), document labels
(:func:`labels`), lexicon patterns (:func:`pattern_precision`, from coded matches or
from annotated spans with :func:`overlaps`). :func:`candidates`
proposes lexicon entries from coded text for review; :func:`word_intrusion` and
:func:`topic_intrusion` turn a topic model into intrusion tasks (Chang et al. 2009)
scored by :func:`score_intrusion`. See ``docs/validation.md``.

Examples
--------
>>> import pandas as pd
>>> from discourse import validate
>>> codes = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3], "coder": ["a", "b"] * 3,
...                       "code": ["yes", "yes", "no", "no", "yes", "no"]})
>>> validate.alpha(codes)[["statistic", "estimate", "n_units"]]
       statistic  estimate  n_units
0  alpha_nominal  0.444444        3
"""
from discourse.validate._agreement import alpha, kappa, percent_agreement
from discourse.validate._intrusion import score_intrusion, topic_intrusion, word_intrusion
from discourse.validate._patterns import candidates
from discourse.validate._read import read_coding
from discourse.validate._sample import consensus, context, sample
from discourse.validate._scores import labels, overlaps, pattern_precision, spans
from discourse.validate._sheets import coding_sheet
from discourse.validate._summary import agreement

__all__ = ["sample", "context", "coding_sheet", "read_coding", "consensus", "alpha", "kappa",
           "percent_agreement", "agreement", "spans", "overlaps", "labels", "pattern_precision", "candidates", "word_intrusion",
           "topic_intrusion", "score_intrusion"]
