"""Sentences of the masked text (for attribution) and ``sent_id`` from the text layer.

The masked split is the quotation finder's own: a quotation is one block of filler, so
a sentence never ends inside quoted words, and attribution looks at whole sentences
of the outlet's text. The ``sent_id`` column instead follows
:func:`discourse.text.sentences`, like every other table in the package.
"""
from __future__ import annotations

import bisect
import re

import numpy as np
import pandas as pd

from discourse.quotes._marks import FILL, PARA_SEP
from discourse.words import CASED_ABBREVIATIONS

__all__ = ["Sentences", "split", "sentence_ids"]

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"  # capitals
# (the first character is a class of its own so that the regex engine can skip to it)
_SENT_END = re.compile(r"[.!?…][.!?…]*[\"”’'“‘»«›‹″)\]]*\s+(?=[\"“‘'„‚«»‹›″‶(\[]?\s?[" + _UP + r"0-9" + FILL + r"])")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


class Sentences:
    """Sentence and block (paragraph) boundaries of a masked text."""

    __slots__ = ("starts", "ends", "block_starts")

    def __init__(self, starts: list[int], ends: list[int], block_starts: list[int]):
        self.starts = starts
        self.ends = ends
        self.block_starts = block_starts

    def of(self, pos: int) -> int:
        """The sentence holding ``pos``."""
        return bisect.bisect_right(self.starts, pos) - 1

    def block_of(self, pos: int) -> int:
        """The block (paragraph of the masked text) holding ``pos``."""
        return bisect.bisect_right(self.block_starts, pos) - 1


def split(m: str) -> Sentences:
    """Split the masked text ``m`` into sentences that never cross a paragraph."""
    starts = []
    ends = []
    seps = list(PARA_SEP.finditer(m))
    block_starts = [0] + [x.end() for x in seps]
    block_ends = [x.start() for x in seps] + [len(m)]
    for bs, be in zip(block_starts, block_ends):
        s = bs
        for x in _SENT_END.finditer(m, bs, be):
            w = _last_word(m, x.start())
            if (w in CASED_ABBREVIATIONS or (len(w) == 1 and w.isupper())
                    or ("." in w and _INITIALS.fullmatch(w))):  # ("U.S": initials have a period)
                continue
            e = x.start() + len(x.group().rstrip())
            starts.append(s)
            ends.append(e)
            s = x.end()
        starts.append(s)
        ends.append(be)
    return Sentences(starts, ends, block_starts)


def _last_word(m: str, pos: int) -> str:
    k = pos
    while k > 0 and (m[k - 1].isalnum() or m[k - 1] in ".'’"):
        k -= 1
    return m[k:pos].rstrip(".")


def sentence_ids(out: pd.DataFrame, ids, texts, sents: pd.DataFrame | None = None) -> pd.Series:
    """``sent_id`` of each quotation's start, from :func:`discourse.text.sentences`
    (or the table passed as ``sents``); -1 where the document has no sentences."""
    if not len(out):
        return pd.Series([], dtype="int64")
    docs = set(out["doc_id"])
    if sents is None:
        from discourse import text as _text

        sub = pd.DataFrame({"doc_id": [i for i in ids if i in docs],
                            "text": [t for i, t in zip(ids, texts) if i in docs]})
        sents = _text.sentences(sub.drop_duplicates("doc_id"))
    # one sorted key per sentence, (document, start), searched for every quotation at once
    # (sentences of documents without quotations take part too: they change nothing)
    docs_s = sents["doc_id"].astype(str).to_numpy(dtype=object)
    codes, uniques = pd.factorize(docs_s)
    starts = sents["start"].to_numpy(dtype="int64")
    sids = sents["sent_id"].to_numpy(dtype="int64")
    q_docs = out["doc_id"].to_numpy(dtype=object)
    q_starts = out["start"].to_numpy(dtype="int64")
    if not len(codes):
        return pd.Series(np.full(len(out), -1, dtype="int64"), index=out.index)
    width = int(max(starts.max(initial=0), q_starts.max(initial=0))) + 1
    order = np.lexsort((starts, codes))
    keys = codes[order].astype("int64") * width + starts[order]
    first = np.searchsorted(codes[order], np.arange(len(uniques)), side="left")
    q_codes = pd.Index(uniques).get_indexer(q_docs)
    found = q_codes >= 0
    qc = np.where(found, q_codes, 0)
    k = np.searchsorted(keys, qc.astype("int64") * width + q_starts, side="right") - 1
    k = np.maximum(k, first[qc])  # before its first sentence: the first sentence
    res = np.where(found, sids[order][np.minimum(k, len(keys) - 1)], -1)
    return pd.Series(res, index=out.index, dtype="int64")
