"""Keyness: which words distinguish one outlet (or any group) from another, with
intervals over documents; term rates over time; which label each group picks for the
same referent; and what surrounds a target word.

- :func:`score`: keyness of every term per group against the rest, another group,
  every other group or a reference frequency table (G2, chi-squared, log ratio,
  weighted log odds with an informative Dirichlet prior; Benjamini-Hochberg ``p``).
- :func:`rates`: rates of chosen terms per group (and period) with document-bootstrap
  intervals: term trajectories.
- :func:`label_choice`: each label's share of the mentions of a referent.
- :func:`collocations`: words around a target pattern (frequency, MI, t-score, G2).

Everything is built on :func:`discourse.text.dtm` and the shared annotations, so
``voice="authorial"`` restricts counts to the outlet's own words. Formulas and
references: docs/keyness.md.
"""
from discourse.keyness._collocations import collocations
from discourse.keyness._labels import label_choice
from discourse.keyness._rates import rates
from discourse.keyness._score import EACH, METHODS, score

__all__ = ["score", "rates", "label_choice", "collocations", "METHODS", "EACH"]
