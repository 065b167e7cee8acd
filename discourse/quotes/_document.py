"""The state of one document shared by the stages: text, masked text, sentences,
verb candidates (computed once per sentence) and the quotations found so far."""
from __future__ import annotations

import re

from discourse.quotes._marks import Pairing, mask
from discourse.quotes._phrases import DETS, np_left, np_right, tokens_before
from discourse.quotes._records import Candidate, Quotation
from discourse.quotes._sentences import Sentences, split
from discourse.quotes._verbs import SOURCE_PREPS, VerbTables

__all__ = ["Document"]

_OPENERS = frozenset({'"', "“", "”", ":", "—", "–", "("})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_POSS_WORD = re.compile(r"['’]s?$")
_BY = re.compile(r"\s+by\b")


class Document:
    """One document on its way through the stages (see :func:`discourse.quotes.find`).

    ``orig`` is the text as given, ``text`` the same with TeX quotes (````…''``) read
    as curly marks (same length), ``masked`` the text with quoted words replaced by
    filler, ``sents`` the sentences of ``masked``.
    """

    __slots__ = ("doc_id", "orig", "text", "pairing", "spans", "masked", "sents", "para_starts",
                 "verbs", "scare_max_words", "rows", "_cands", "_cand_starts",
                 "mentions", "by_last", "bags", "mention_starts", "titled")

    def __init__(self, doc_id: str, text: str, pairing: Pairing, *, tables: VerbTables, scare_max_words: int):
        self.doc_id = doc_id
        self.orig = text
        self.text = pairing.text
        self.pairing = pairing
        self.para_starts = pairing.para_starts
        self.spans = pairing.spans  # (open_pos, close_pos, n_paras)
        self.masked = mask(self.text, self.spans)
        self.sents: Sentences = split(self.masked)
        self.verbs = tables
        self.scare_max_words = scare_max_words
        self.rows: list[Quotation] = []
        self._cands: dict[int, list[Candidate]] = {}
        self._cand_starts: dict[int, list[int]] = {}
        self.mentions = None  # name mentions, filled by discourse.quotes._speakers
        self.by_last = None
        self.bags = None
        self.mention_starts = None
        self.titled = None

    def para_of(self, pos: int) -> int:
        return self.pairing.para_of(pos)

    def candidates(self, si: int) -> list[Candidate]:
        """Reporting verbs in sentence ``si`` of the masked text (see :class:`Candidate`)."""
        out = self._cands.get(si)
        if out is not None:
            return out
        m = self.masked
        ss, se = self.sents.starts[si], self.sents.ends[si]
        out = []
        for vs, ve, form in self.verbs.matcher.finditer(m, ss, se):
            form = " ".join(form.split())
            low = form.lower()
            toks = tokens_before(m, ss, vs, 30)
            prev = toks[-1][2] if toks else ""
            if form[0].isupper() and toks and prev not in _OPENERS:
                continue  # capitalised mid-sentence: a name ("United States"), not a verb
            source_prep = low in SOURCE_PREPS
            prev_low = prev.lower()
            if not source_prep and (prev_low in DETS or (prev[:1].isalpha() and _POSS_WORD.search(prev))):
                continue  # "the claims", "the Taliban's claims": a noun
            if prev_low in {"not", "never"} or prev_low.endswith("n't"):
                continue  # negated: "a number she did not recognize: "…""
            if prev_low in _BE and not low.endswith("ing"):
                continue  # passive ("was denounced as")
            if not source_prep and _BY.match(m[ve:ve + 4]):
                continue  # passive with agent
            if source_prep:
                out.append(Candidate(vs, ve, low, np_right(m, ve, se), "according-to"))
                continue
            subj = np_left(m, ss, vs, toks)
            if subj is not None:
                out.append(Candidate(vs, ve, low, subj, "subject"))
            elif low.endswith("ing") and prev_low != "to":
                out.append(Candidate(vs, ve, low, None, "participle"))
            else:
                out.append(Candidate(vs, ve, low, np_right(m, ve, se), "bare"))
        self._cands[si] = out
        self._cand_starts[si] = [cd.start for cd in out]
        return out

    def candidate_starts(self, si: int) -> list[int]:
        self.candidates(si)
        return self._cand_starts[si]


