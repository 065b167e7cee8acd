"""The one alias matcher: where actors and terms are mentioned, for :func:`discourse.terms.find`,
:func:`discourse.sentiment.mentions` / :func:`~discourse.sentiment.toward` and
:func:`discourse.framing.actor_labels`, so every analysis sees the same mentions.

Two rules on top of the lexicon matcher (:class:`~discourse.terms.Matcher`):

* **Case.** ``case_sensitive=None`` (the default for mentions) matches an
  all-capitals alias of two or more letters ("ICE", "US", "U.S.") case-sensitively and
  every other alias in any case: "ICE" is not "ice" and "US" is not "us", while
  "Kabul" finds the dateline "KABUL" and "Taliban" finds "TALIBAN". To match an
  acronym in any case, write it in lowercase ("ice") or pass ``case_sensitive=False``;
  ``True`` matches every alias exactly as written.
* **Whole words.** A mention starts and ends on the word boundaries of
  :data:`discourse.words.WORD_PATTERN`, with a possessive allowed after it: "Kabul"
  is not mentioned in "Kabul-based" or "pro-Kabul", "US" not in "US-backed", but
  "Taliban" is in "the Taliban's advance".
"""
from __future__ import annotations

import re
from typing import Literal

import numpy as np
import pandas as pd

from discourse.terms._matcher import Matcher, _resolve_longest

__all__ = ["all_caps", "match_arrays", "mentions"]

_HYPHENS = "-\u2010\u2011"
_APOSTROPHES = "'\u2019"
_WORDCHAR = re.compile(r"\w")


def all_caps(pattern: str) -> bool:
    """An acronym: two or more letters, none of them lowercase ("ICE", "U.S.", "NATO")."""
    letters = [c for c in str(pattern) if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def _w(t: str, i: int) -> bool:
    return 0 <= i < len(t) and bool(_WORDCHAR.match(t[i]))


def _missing_space(t: str, i: int) -> bool:
    """``t[i]`` is a full stop between two sentences written without a space ("the
    vote.Obama said"): two lowercase letters before it, a capital and a lowercase letter
    after it (never an initialism such as "U.S." or a web address such as "x.com")."""
    return (t[i] == "." and i >= 2 and i + 2 < len(t) and t[i - 1].islower() and t[i - 2].islower()
            and t[i + 1].isupper() and t[i + 2].islower())


def _whole_word(t: str, a: int, b: int) -> bool:
    """``t[a:b]`` starts and ends on :data:`~discourse.words.WORD_PATTERN` boundaries
    (a possessive "'s" or "'" may follow)."""
    if b <= a:
        return False
    if _w(t, a):  # a word starts here: nothing joins it from the left
        if _w(t, a - 1) or (a >= 2 and t[a - 1] in _HYPHENS + _APOSTROPHES + "." and _w(t, a - 2)
                            and not _missing_space(t, a - 1)):
            return False
    if _w(t, b - 1) or t[b - 1] == ".":  # a word (or an initialism "U.S.") ends here
        if _w(t, b):
            return False
        if b < len(t) and t[b] in _HYPHENS + "." and _w(t, b + 1) and not _missing_space(t, b):
            return False  # "Kabul-based", "U.S.-backed"
        if b < len(t) and t[b] in _APOSTROPHES and _w(t, b + 1):
            # a possessive "'s" ends the word; "O'Neill" does not
            if not (t[b + 1] in "sS" and not _w(t, b + 2)):
                return False
    return True


def match_arrays(lexicon: pd.DataFrame, texts, *, case_sensitive: bool | None = False,
                 overlap: Literal["longest", "all"] = "longest", whole_words: bool = False,
                 folds: dict | None = None):
    """Matches of a (validated) lexicon in ``texts`` as int64 arrays ``(doc, start, end,
    row)``: ``row`` indexes the lexicon's rows (a pattern under several categories gives
    one match per row); sorted by document and start.

    ``case_sensitive``: ``False`` folds case, ``True`` keeps it, ``None`` keeps it for
    all-capitals patterns only (:func:`all_caps`). ``whole_words`` drops matches that
    start or end inside a word (before overlaps are resolved, so "Kabul-based" cannot
    hide a shorter alias). ``folds``: the case-folded texts kept between calls
    (:meth:`~discourse.terms.Matcher.arrays`).
    """
    if overlap not in ("longest", "all"):
        raise ValueError(f"overlap must be 'longest' or 'all', not {overlap!r}")
    if case_sensitive not in (None, True, False):
        raise ValueError(f"case_sensitive must be True, False or None (exact case for all-capitals "
                         f"aliases only), not {case_sensitive!r}")
    texts = [t if type(t) is str else str(t) for t in texts]
    n = len(lexicon)
    if case_sensitive is None:
        caps = np.fromiter((all_caps(p) for p in lexicon["pattern"]), dtype=bool, count=n)
        groups = [(caps, True), (~caps, False)]
    else:
        groups = [(np.ones(n, dtype=bool), bool(case_sensitive))]
    docs, sts, ens, pids = [], [], [], []
    rows_of: list[np.ndarray] = []  # candidate pattern id -> lexicon rows
    for mask, cs in groups:
        if not mask.any():
            continue
        idx = np.flatnonzero(mask)
        m = Matcher._of_valid(lexicon.iloc[idx], case_sensitive=cs, overlap="all")
        d, s, e, p = m.arrays(texts, folds=folds)
        offset = len(rows_of)
        rows_of.extend(idx[r] for r in m._rows)
        docs.append(d)
        sts.append(s)
        ens.append(e)
        pids.append(p + offset)
    z = np.zeros(0, np.int64)
    if not docs:
        return z, z, z, z
    doc, st, en, pid = (np.concatenate(x).astype(np.int64) for x in (docs, sts, ens, pids))
    if whole_words and len(doc):
        keep = np.fromiter((_whole_word(texts[d], a, b) for d, a, b in zip(doc.tolist(), st.tolist(), en.tolist())),
                           dtype=bool, count=len(doc))
        doc, st, en, pid = doc[keep], st[keep], en[keep], pid[keep]
    if not len(doc):
        return z, z, z, z
    first = np.array([r[0] for r in rows_of], dtype=np.int64)[pid]  # lexicon order breaks ties
    g = doc * (1 << 40) + st
    order = np.lexsort((first, st - en, g))
    doc, st, en, pid, first, g = doc[order], st[order], en[order], pid[order], first[order], g[order]
    ge = doc * (1 << 40) + en
    keep = np.ones(len(g), dtype=bool)
    keep[1:] = ~((g[1:] == g[:-1]) & (ge[1:] == ge[:-1]) & (pid[1:] == pid[:-1]))
    doc, st, en, pid, first, g, ge = doc[keep], st[keep], en[keep], pid[keep], first[keep], g[keep], ge[keep]
    if overlap == "longest" and len(g) > 1:
        keep = _resolve_longest(g, ge, first)
        doc, st, en, pid = doc[keep], st[keep], en[keep], pid[keep]
    # every match once per lexicon row of its pattern, in the order of the rows
    n_rows = np.fromiter((len(r) for r in rows_of), dtype=np.int64, count=len(rows_of))
    flat_rows = np.concatenate(rows_of).astype(np.int64)
    counts = n_rows[pid]
    rep = np.repeat(np.arange(len(pid)), counts)
    within = np.arange(len(rep)) - np.repeat(np.cumsum(counts) - counts, counts)
    row = flat_rows[(np.cumsum(n_rows) - n_rows)[pid][rep] + within] if len(pid) else z
    return doc[rep], st[rep], en[rep], row


def mentions(data, lexicon: pd.DataFrame, *, case_sensitive: bool | None = None,
             overlap: Literal["longest", "all"] = "longest") -> pd.DataFrame:
    """Every mention of the patterns of ``lexicon`` (actors' aliases, terms): the
    columns of :func:`discourse.terms.find`, found by the rules of this module (whole
    words; all-capitals aliases in exact case unless ``case_sensitive`` says
    otherwise). The one place :func:`discourse.sentiment.mentions`,
    :func:`discourse.sentiment.toward` and :func:`discourse.framing.actor_labels` find
    their mentions."""
    from discourse.terms._find import _table

    return _table(data, lexicon, case_sensitive=case_sensitive, overlap=overlap, whole_words=True)
