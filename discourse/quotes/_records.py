"""Typed records passed between the stages of quotation finding.

One :class:`Quotation` per found quotation (its fields are the output columns, in
order), one :class:`Problem` per quote mark that cannot be paired, one
:class:`Candidate` per reporting verb in a sentence and one :class:`Attribution` per
quotation while its speaker and verb are looked for.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Optional, Tuple

__all__ = ["COLUMNS", "PROBLEM_COLUMNS", "Quotation", "Problem", "Candidate", "Attribution", "Span"]

#: the columns of :func:`discourse.quotes.find`, in order
COLUMNS = [
    "doc_id", "start", "end", "quote", "speaker", "verb", "kind",
    "speaker_resolved", "verb_lemma", "verb_group", "attribution",
    "para_id", "sent_id", "n_words", "depth", "n_paras", "speaker_id",
]
#: the columns of :func:`discourse.quotes.problems`, in order
PROBLEM_COLUMNS = ["doc_id", "para_id", "pos", "mark", "problem"]

#: character offsets ``(start, end)`` of a noun phrase in the document
Span = Tuple[int, int]


@dataclass(slots=True)
class Quotation:
    """One quotation: the fields of one output row, in :data:`COLUMNS` order.

    Examples
    --------
    >>> list(Quotation.__slots__) == COLUMNS
    True
    """

    doc_id: str
    start: int
    end: int
    quote: str
    speaker: Optional[str]
    verb: Optional[str]
    kind: str
    speaker_resolved: Optional[str]
    verb_lemma: Optional[str]
    verb_group: Optional[str]
    attribution: str
    para_id: int
    sent_id: int
    n_words: int
    depth: int
    n_paras: int
    speaker_id: Optional[str] = None  # set over the whole table by discourse.quotes.find

    def row(self) -> tuple:
        """The values in :data:`COLUMNS` order."""
        return (self.doc_id, self.start, self.end, self.quote, self.speaker, self.verb,
                self.kind, self.speaker_resolved, self.verb_lemma, self.verb_group,
                self.attribution, self.para_id, self.sent_id, self.n_words, self.depth,
                self.n_paras, self.speaker_id)


@dataclass(slots=True)
class Problem:
    """A quote mark that cannot be paired (:data:`PROBLEM_COLUMNS`)."""

    doc_id: str
    para_id: int
    pos: int
    mark: str
    problem: str

    def record(self) -> dict:
        return {"doc_id": str(self.doc_id), "para_id": int(self.para_id), "pos": int(self.pos),
                "mark": str(self.mark), "problem": str(self.problem)}


class Candidate(NamedTuple):
    """A reporting verb in a sentence of the masked text.

    ``how`` is ``subject`` (``np`` is the subject on the left), ``according-to`` (the
    source on the right), ``participle`` (an -ing form without subject, ``np`` None)
    or ``bare`` (no subject; ``np`` is a noun phrase on the right, used only for the
    inversion ``"…," said X``).
    """

    start: int
    end: int
    verb: str  # lowercase, single spaces
    np: Optional[Span]
    how: str


@dataclass(slots=True)
class Attribution:
    """What is known about one quotation's source while it is being attributed."""

    span: Optional[Span] = None  # the speaker's noun phrase
    verb: Optional[str] = None
    attribution: str = "none"  # the rule that fired
    distancing: bool = False  # so-called "…", what X calls "…"
    si: Optional[int] = None  # sentence of the opening mark (None for nested quotations)
    si2: Optional[int] = None  # sentence of the closing mark
    adjacent: bool = False  # the attribution touches the quotation ("…," he said)
    left: str = ""  # context of a nested quotation inside its outer one
    right: str = ""

    def set(self, **fields) -> "Attribution":
        for k, v in fields.items():
            setattr(self, k, v)
        return self
