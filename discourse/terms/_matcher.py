"""The lexicon matcher: every pattern of a lexicon found at once (Aho-Corasick for
fixed words and simple globs, anchored regular expressions for the rest); the rules
are in :mod:`discourse.terms`."""
from __future__ import annotations

import re
from itertools import chain
from typing import Literal, Sequence

import numpy as np
import pandas as pd

from discourse.terms._normalize import (
    _SEP, _WORD_CLASS, _WORD_RUN, _find_all, _fold_text, _glob_anchor, _glob_to_regex, _hyphen_variants, _isword,
    _isword_at, _literal_prefix, _normalize_pattern, _translate, _translate_text, _word_start,
)

__all__ = ["Matcher"]


class Matcher:
    """A lexicon compiled for matching: build once, apply to many texts.

    Parameters
    ----------
    lexicon : DataFrame
        A lexicon (:func:`discourse.lexicon.read`); validated on construction.
    case_sensitive : bool
        Compare without case folding (default ``False``).
    overlap : {"longest", "all"}
        ``"longest"`` resolves overlapping matches (longest, then earliest, then
        lexicon order); ``"all"`` keeps every match.

    Examples
    --------
    >>> from discourse import lexicon
    >>> m = Matcher(lexicon.from_dict({"label": ["regime", "puppet government"]}))
    >>> m.spans(["The Kabul regime's puppet government, a regimen."])
    [(0, 10, 16, 0), (0, 19, 36, 1)]
    """

    def __init__(self, lexicon: pd.DataFrame, *, case_sensitive: bool = False,
                 overlap: Literal["longest", "all"] = "longest"):
        from discourse import lexicon as _lexicon

        if overlap not in ("longest", "all"):
            raise ValueError(f"overlap must be 'longest' or 'all', not {overlap!r}")
        self._setup(_lexicon.validate(lexicon), case_sensitive, overlap)

    @classmethod
    def _of_valid(cls, lexicon: pd.DataFrame, *, case_sensitive: bool = False,
                  overlap: Literal["longest", "all"] = "longest") -> "Matcher":
        """A matcher of a lexicon already validated (:func:`discourse.lexicon.validate`)."""
        m = cls.__new__(cls)
        m._setup(lexicon.reset_index(drop=True), case_sensitive, overlap)
        return m

    def _setup(self, full: pd.DataFrame, case_sensitive: bool, overlap: str) -> None:
        #: every lexicon row; a pattern listed under several categories appears once
        #: per category here but is compiled once (``self.lexicon``)
        self.full_lexicon = full
        first = ~full.duplicated(["pattern", "match"])
        self.lexicon = full[first].reset_index(drop=True)
        key = list(zip(full["pattern"], full["match"]))
        pos = {k: j for j, k in enumerate(zip(self.lexicon["pattern"], self.lexicon["match"]))}
        rows: list[list[int]] = [[] for _ in range(len(self.lexicon))]
        for i, k in enumerate(key):
            rows[pos[k]].append(i)
        self._rows = [np.array(r, dtype=np.int64) for r in rows]
        self.case_sensitive = case_sensitive
        self.overlap = overlap
        self._compile()

    def _compile(self) -> None:
        import ahocorasick

        keys: dict[str, list[tuple[int, bool, bool]]] = {}
        # globs the automaton cannot take: (pattern idx, regex, anchor literal, anchored at start)
        self._globs: list[tuple[int, re.Pattern, str | None, bool]] = []
        # regex patterns: (pattern idx, regex over the original text, case-folded literal prefix)
        self._regexes: list[tuple[int, re.Pattern, str | None]] = []
        for i, (pat, mode) in enumerate(zip(self.lexicon["pattern"], self.lexicon["match"])):
            if mode == "regex":
                flags = 0 if self.case_sensitive else re.IGNORECASE
                rx = re.compile(f"(?<!{_WORD_CLASS})(?:{pat})(?!{_WORD_CLASS})", flags)
                prefix = _literal_prefix(pat, flags)
                if prefix and not self.case_sensitive:
                    prefix = prefix.casefold()
                self._regexes.append((i, rx, _translate(prefix) if len(prefix) >= 2 else None))
                continue
            p = _normalize_pattern(pat, self.case_sensitive)
            if mode == "fixed":
                lead = trail = False
                core = p
            else:
                lead, trail = p.startswith("*"), p.endswith("*")
                core = p.strip("*")
                if "*" in core or "?" in core or not core:
                    self._globs.append((i, re.compile(_glob_to_regex(p)), *_glob_anchor(p)))
                    continue
            for v in _hyphen_variants(core):
                keys.setdefault(v, []).append((i, lead, trail))
        # the anchors of the globs are found by the same automaton (in the one pass over
        # the text), as keys of their own when no pattern has them
        for _, _, anchor, _ in self._globs:
            if anchor is not None:
                keys.setdefault(anchor, [])
        kid_of = {k: kid for kid, k in enumerate(keys)}
        self._glob_kids = [None if anchor is None else kid_of[anchor] for _, _, anchor, _ in self._globs]
        self._automaton = None
        if keys:
            A = ahocorasick.Automaton()
            klen, kfirst, klast, eptr, epid, elead, etrail = [], [], [], [0], [], [], []
            for kid, (k, entries) in enumerate(keys.items()):
                A.add_word(k, kid)
                klen.append(len(k))
                kfirst.append(_isword(k[0]))
                klast.append(_isword(k[-1]))
                for pid, lead, trail in entries:
                    epid.append(pid)
                    elead.append(lead)
                    etrail.append(trail)
                eptr.append(len(epid))
            A.make_automaton()
            self._automaton = A
            self._klen = np.asarray(klen, dtype=np.int64)
            self._kfirst = np.asarray(kfirst, dtype=bool)
            self._klast = np.asarray(klast, dtype=bool)
            self._eptr = np.asarray(eptr, dtype=np.int64)
            self._epid = np.asarray(epid, dtype=np.int64)
            self._elead = np.asarray(elead, dtype=bool)
            self._etrail = np.asarray(etrail, dtype=bool)

    # ------------------------------------------------------------------ core
    def _fold(self, texts: Sequence[str]):
        """Joined normalised text, per-doc folded bases and offset maps (depends on the
        texts and ``case_sensitive`` only, so callers may keep it: :meth:`arrays`)."""
        joined = _SEP.join(texts)
        lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
        orig_bases = np.concatenate([[0], np.cumsum(lens + 1)[:-1]]) if len(texts) else np.zeros(0, np.int64)
        fast = _fold_text(joined, casefold=not self.case_sensitive)
        if fast is not None:  # every character folds to one: offsets are kept
            return fast, orig_bases, orig_bases, {}
        if self.case_sensitive:
            return _translate_text(joined), orig_bases, orig_bases, {}
        folded = joined.casefold()
        if len(folded) == len(joined):
            return _translate_text(folded), orig_bases, orig_bases, {}
        maps: dict[int, np.ndarray] = {}
        parts = []
        flens = lens.copy()
        for d, t in enumerate(texts):
            f = t.casefold()
            parts.append(f)
            if len(f) != len(t):
                widths = np.fromiter((len(c.casefold()) for c in t), dtype=np.int64, count=len(t))
                # folded position -> original position (one extra entry for the end)
                maps[d] = np.concatenate([np.repeat(np.arange(len(t)), widths), [len(t)]])
                flens[d] = len(f)
        fold_bases = np.concatenate([[0], np.cumsum(flens + 1)[:-1]])
        return _translate_text(_SEP.join(parts)), fold_bases, orig_bases, maps

    def _ac_hits(self, s: str, h: np.ndarray):
        """Automaton hits ``h`` (end, key id) with word boundaries checked and ``*``
        extended (vectorized)."""
        if not len(h):
            z = np.zeros(0, np.int64)
            return z, z, z
        kid = h[:, 1]
        b = h[:, 0] + 1
        a = b - self._klen[kid]
        n = len(s)
        # expand keys shared by several patterns
        counts = self._eptr[kid + 1] - self._eptr[kid]
        rep = np.repeat(np.arange(len(kid)), counts)
        eidx = np.repeat(self._eptr[kid], counts) + (np.arange(len(rep)) - np.repeat(np.cumsum(counts) - counts, counts))
        a, b, kid = a[rep], b[rep], kid[rep]
        pid, lead, trail = self._epid[eidx], self._elead[eidx], self._etrail[eidx]
        # the characters just outside each hit: word character or not
        left_pos = np.clip(a - 1, 0, n - 1)
        right_pos = np.clip(b, 0, n - 1)
        left_w = _isword_at(s, left_pos) & (a > 0)
        right_w = _isword_at(s, right_pos) & (b < n)
        ok = (lead | ~(self._kfirst[kid] & left_w)) & (trail | ~(self._klast[kid] & right_w))
        a, b, pid, lead, trail = a[ok], b[ok], pid[ok], lead[ok], trail[ok]
        if trail.any():
            wrun = _WORD_RUN
            idx = np.flatnonzero(trail)
            b[idx] = [wrun.match(s, x).end() for x in b[idx].tolist()]
        if lead.any():
            idx = np.flatnonzero(lead)
            a[idx] = [_word_start(s, x) for x in a[idx].tolist()]
        return a, b, pid

    def _raw(self, s: str):
        """Candidate matches in folded coordinates: lists of start, end, pattern idx."""
        starts: list[int] = []
        ends: list[int] = []
        pids: list[int] = []
        h = np.zeros((0, 2), dtype=np.int64)
        if self._automaton is not None:
            raw = list(self._automaton.iter(s))
            if raw:  # (end, key id) pairs, flattened in C rather than converted pair by pair
                h = np.fromiter(chain.from_iterable(raw), dtype=np.int64, count=2 * len(raw)).reshape(-1, 2)
            st, en, pi = self._ac_hits(s, h)
            starts.extend(st.tolist())
            ends.extend(en.tolist())
            pids.extend(pi.tolist())
        for (pid, rx, anchor, at_start), kid in zip(self._globs, self._glob_kids):
            if anchor is None:  # no usable literal: scan (rare: only wildcards and hyphens)
                cands = [m.start() for m in rx.finditer(s)]
            else:  # every occurrence of the anchor, from the automaton's pass, in text order
                cands = (h[h[:, 1] == kid, 0] + 1 - len(anchor)).tolist()
                if not at_start:  # leading wildcards cover word characters only: start at that word's start
                    cands = sorted({_word_start(s, i) for i in cands})
            for c in cands:
                m = rx.match(s, c)
                if m is not None and m.end() > m.start():
                    starts.append(m.start())
                    ends.append(m.end())
                    pids.append(pid)
        return starts, ends, pids

    def _locate(self, texts: Sequence[str], folded=None):
        """All candidates as arrays (doc, start, end, pid) in original coordinates."""
        s, fold_bases, orig_bases, maps = self._fold(texts) if folded is None else folded
        st, en, pi = self._raw(s)
        st = np.asarray(st, dtype=np.int64)
        en = np.asarray(en, dtype=np.int64)
        pi = np.asarray(pi, dtype=np.int64)
        doc = np.searchsorted(fold_bases, st, side="right") - 1 if len(texts) else np.zeros(0, np.int64)
        ls = st - fold_bases[doc] if len(st) else st
        le = en - fold_bases[doc] if len(en) else en
        for d, mp in maps.items():
            sel = doc == d
            if sel.any():
                ls[sel] = mp[ls[sel]]
                le[sel] = mp[le[sel] - 1] + 1
        if self._regexes:
            t = _fold_text(_SEP.join(texts), casefold=False)
            rs, re_, rp = [], [], []
            for pid, rx, prefix in self._regexes:
                if prefix is None:
                    cands = None
                else:  # literal prefix found in the folded text, mapped to original offsets
                    fpos = np.asarray(_find_all(s, prefix), dtype=np.int64)
                    cands = self._to_original(fpos, fold_bases, orig_bases, maps)
                if cands is None:
                    hits = ((m.start(), m.end()) for m in rx.finditer(t))
                else:
                    hits = ((m.start(), m.end()) for m in (rx.match(t, c) for c in cands.tolist()) if m is not None)
                for a, b in hits:
                    if b > a:
                        rs.append(a)
                        re_.append(b)
                        rp.append(pid)
            if rs:
                rs_a = np.asarray(rs, dtype=np.int64)
                rdoc = np.searchsorted(orig_bases, rs_a, side="right") - 1
                doc = np.concatenate([doc, rdoc])
                ls = np.concatenate([ls, rs_a - orig_bases[rdoc]])
                le = np.concatenate([le, np.asarray(re_, dtype=np.int64) - orig_bases[rdoc]])
                pi = np.concatenate([pi, np.asarray(rp, dtype=np.int64)])
        return doc.astype(np.int64), ls.astype(np.int64), le.astype(np.int64), pi.astype(np.int64), orig_bases

    @staticmethod
    def _to_original(fpos: np.ndarray, fold_bases, orig_bases, maps) -> np.ndarray:
        """Global folded positions -> global original positions."""
        if not maps:
            return fpos
        doc = np.searchsorted(fold_bases, fpos, side="right") - 1
        local = fpos - fold_bases[doc]
        for d, mp in maps.items():
            sel = doc == d
            if sel.any():
                local[sel] = mp[local[sel]]
        return orig_bases[doc] + local

    def arrays(self, texts: Sequence[str], *, folds: dict | None = None):
        """Matches as four int64 arrays ``(doc, start, end, pattern_index)``, sorted by
        document and start; ``doc`` indexes ``texts``, ``pattern_index`` the lexicon rows.

        ``folds``: a dict kept by the caller for these very texts (the shared
        annotations keep one), where the case-folded, normalised text is stored on
        first use and reused by every later matcher with the same ``case_sensitive``.
        """
        texts = [t if type(t) is str else str(t) for t in texts]
        folded = None
        if folds is not None:
            folded = folds.get(self.case_sensitive)
            if folded is None:
                folded = folds[self.case_sensitive] = self._fold(texts)
        doc, st, en, pi, bases = self._locate(texts, folded)
        if len(st) == 0:
            z = np.zeros(0, np.int64)
            return z, z, z, z
        g = bases[doc] + st                                # global, unique across docs
        order = np.lexsort((pi, st - en, g))               # by start, longest, lexicon order
        doc, st, en, pi, g = doc[order], st[order], en[order], pi[order], g[order]
        # drop exact duplicates (same span and pattern)
        ge = bases[doc] + en
        keep = np.ones(len(g), bool)
        keep[1:] = ~((g[1:] == g[:-1]) & (ge[1:] == ge[:-1]) & (pi[1:] == pi[:-1]))
        doc, st, en, pi, g, ge = doc[keep], st[keep], en[keep], pi[keep], g[keep], ge[keep]
        if self.overlap == "longest" and len(g) > 1:
            keep = _resolve_longest(g, ge, pi)
            doc, st, en, pi = doc[keep], st[keep], en[keep], pi[keep]
        return doc, st, en, pi

    def spans(self, texts: Sequence[str]) -> list[tuple[int, int, int, int]]:
        """Matches as a list of ``(doc, start, end, pattern_index)`` tuples."""
        return list(zip(*(a.tolist() for a in self.arrays(texts))))


def _resolve_longest(g: np.ndarray, ge: np.ndarray, pi: np.ndarray) -> np.ndarray:
    """Boolean mask of kept candidates (sorted by start): longest first, then earliest
    start, then lexicon order; clusters of overlapping candidates are solved greedily."""
    run_end = np.maximum.accumulate(ge)
    new = np.ones(len(g), bool)
    new[1:] = g[1:] >= run_end[:-1]
    cluster = np.cumsum(new) - 1
    sizes = np.bincount(cluster)
    keep = sizes[cluster] == 1
    first_of = np.cumsum(sizes) - sizes  # clusters are runs of the (sorted) candidates
    for c in np.flatnonzero(sizes > 1).tolist():
        idx = np.arange(first_of[c], first_of[c] + sizes[c])
        order = idx[np.lexsort((pi[idx], g[idx], -(ge[idx] - g[idx])))]
        taken: list[tuple[int, int]] = []
        for j in order:
            a, b = g[j], ge[j]
            if all(b <= x or a >= y for x, y in taken):
                taken.append((a, b))
                keep[j] = True
    return keep
