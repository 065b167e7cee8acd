"""Loaded terms: lexicon matches with their voice, rates per 1,000 words, and KWIC.

:func:`find` returns one row per match of a lexicon (:mod:`discourse.lexicon`) in
the articles of a corpus, with where it sits (``para_id``, ``sent_id``, character
offsets into ``text``) and in whose voice: ``authorial`` (the outlet's own
narration), ``quoted`` (inside a quotation attributed to ``speaker``) or ``scare``
(inside scare quotes: a short quoted phrase with no speaker, the outlet holding
someone's word at a distance). Quotations come from :func:`discourse.quotes.find`.

Matching rules
--------------
* **Case and Unicode.** Text and patterns are compared after Unicode case folding
  (``str.casefold``: ``"STRASSE"`` finds ``"Straße"``); curly and straight
  apostrophes are one character, so are the Unicode hyphens U+2010/U+2011 and ``-``;
  newline, tab and no-break space are spaces (rarer Unicode spaces such as thin
  spaces separate words but do not join a phrase). Case folding can change the length of a
  string (``"ß"`` -> ``"ss"``, ``"İ"`` -> ``"i̇"``); offsets are mapped back, so
  ``text[start:end]`` is always the match as written. Accents are significant
  (``régime`` does not find ``regime``).
* **Word boundaries.** A pattern that begins (ends) with a word character (a
  letter, digit, ``_`` or combining mark) only matches where the text has no word
  character just before (after) it: ``regime`` never matches ``regimen``, ``US``
  never matches inside ``focus``; ``US-backed`` is the words ``US``, ``-``,
  ``backed``. Paragraph breaks (two newlines) are two spaces, so phrases never
  match across paragraphs.
* **Overlaps: the longest match wins.** Where matches overlap, the longest (in
  characters) is kept; among equally long ones the earliest start, then the
  pattern that comes first in the lexicon. ``puppet government`` is one match, not
  ``puppet`` plus ``puppet government``. ``overlap="all"`` keeps every match.
* **Speed.** ``fixed`` patterns and ``glob`` patterns whose only wildcards are a
  leading and/or trailing ``*`` (``regime*``, ``*-backed``) are found together by
  one Aho-Corasick automaton (pyahocorasick) over the case-folded text, in time
  linear in the size of the corpus whatever the size of the lexicon; ``*`` is then
  extended over word characters. Other globs (``henchm?n``) are tried only where
  their leading literal (or first literal after leading wildcards) occurs.
  ``regex`` patterns are inevitably one regular expression per pattern: tried at
  each occurrence of their literal prefix when they have one (``regimes?``), else
  scanned over the whole text (``(?:US|Iran)-backed``), so keep them few.

Voice rule: a match is inside a quotation when its start lies in the quotation's
span (``quote.start <= match.start < quote.end``); with nested quotations the
innermost counts. Its voice is ``scare`` for a quotation of kind ``scare`` and
``quoted`` for ``direct`` and ``partial``; ``speaker`` is the quotation's speaker
when it has one (a scare quote can have one: *what the Pentagon describes as "over
the horizon capabilities"*).

Words (the denominator of every rate) are counted by
:data:`discourse.text.WORD_PATTERN`: runs of letters/digits with inner apostrophes,
hyphens or periods, so ``US-backed``, ``don't`` and ``U.S.`` are one word each.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Literal, Sequence

import numpy as np
import pandas as pd

__all__ = ["find", "rates", "kwic", "scare_terms", "Matcher", "KWIC", "COLUMNS"]

#: columns of :func:`find`
COLUMNS = ["doc_id", "para_id", "sent_id", "start", "end", "match", "pattern", "category", "voice", "speaker"]
VOICES = ("authorial", "quoted", "scare")

# one-to-one character normalisation applied to text and patterns (never changes length).
# Common characters are replaced with str.replace (fast on long strings); the rare
# Unicode spaces only when the text has any (checked per document).
_FAST = {"\n": " ", "\r": " ", "\t": " "}
_FAST_UNICODE = {"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\u2010": "-", "\u2011": "-"}
_RARE = {
    "\u02bc": "'", "\u2032": "'", "\uff07": "'", "\f": " ", "\v": " ", "\u2028": " ", "\u2029": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ", "\u1680": " ", "\x85": " ",
    **{chr(c): " " for c in range(0x2000, 0x200B)},
}
_ONE_TO_ONE = {**_FAST, **_FAST_UNICODE, **_RARE}
_TRANS_TABLE = str.maketrans(_ONE_TO_ONE)
_RARE_RX = re.compile("[" + "".join(re.escape(c) for c in _RARE) + "]")
_WORD_CLASS = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_WORD_RUN = re.compile(_WORD_CLASS + "*")
_SEP = "\x00"


def _translate(s: str, *, rare: bool | None = None) -> str:
    """Apply the one-to-one normalisation (same length in, same length out).

    ``rare`` says whether the rare characters may occur (``None``: check).
    """
    for ch, rep in _FAST.items():
        if ch in s:
            s = s.replace(ch, rep)
    if s.isascii():
        return s
    for ch, rep in _FAST_UNICODE.items():
        if ch in s:
            s = s.replace(ch, rep)
    if rare is None:
        rare = _RARE_RX.search(s) is not None
    return s.translate(_TRANS_TABLE) if rare else s


def _translate_text(s: str) -> str:
    """The normalisation for corpus text: the common characters only (see module notes)."""
    return _translate(s, rare=False)


@lru_cache(maxsize=4096)
def _isword_slow(c: str) -> bool:
    return c.isalnum() or c == "_" or unicodedata.category(c).startswith("M")


_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


_ASCII_TABLE = np.array([chr(i) in _ASCII_WORD for i in range(128)], dtype=bool)


def _isword(c: str) -> bool:
    if c < "\x80":
        return c in _ASCII_WORD
    return _isword_slow(c)


def _normalize_pattern(p: str, case_sensitive: bool) -> str:
    p = unicodedata.normalize("NFC", p)
    if not case_sensitive:
        p = p.casefold()
    p = p.translate(_TRANS_TABLE)
    return re.sub(r" +", " ", p).strip()


def _hyphen_variants(lit: str, limit: int = 4) -> list[str]:
    """``so-called`` -> ``["so-called", "so called"]``: a hyphen between two word
    characters also matches a space (up to ``limit`` hyphens vary)."""
    idx = [i for i, ch in enumerate(lit) if ch == "-" and 0 < i < len(lit) - 1
           and _isword(lit[i - 1]) and _isword(lit[i + 1])][:limit]
    out = [lit]
    for i in idx:
        out += [v[:i] + " " + v[i + 1:] for v in out]
    return out


def _glob_to_regex(p: str) -> str:
    """A normalised glob as a regex over normalised text, with word boundaries."""
    parts = []
    i = 0
    while i < len(p):
        ch = p[i]
        if ch == "*":
            parts.append(_WORD_CLASS + "*")
        elif ch == "?":
            parts.append(_WORD_CLASS)
        elif ch == "-" and 0 < i < len(p) - 1 and _isword(p[i - 1]) and _isword(p[i + 1]):
            parts.append("[- ]")
        else:
            parts.append(re.escape(ch))
        i += 1
    body = "".join(parts)
    left = f"(?<!{_WORD_CLASS})" if (p[0] in "*?" or _isword(p[0])) else ""
    right = f"(?!{_WORD_CLASS})" if (p[-1] in "*?" or _isword(p[-1])) else ""
    return left + body + right


def _literal_prefix(pattern: str, flags: int) -> str:
    """Literal characters every match of a regex starts with ("" if none)."""
    try:
        from re import _parser as sre_parse  # Python >= 3.11
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore
    try:
        parsed = sre_parse.parse(pattern, flags)
    except Exception:  # pragma: no cover - already validated
        return ""
    out = []
    for op, av in parsed:
        if op is sre_parse.LITERAL:
            out.append(chr(av))
        else:
            break
    return "".join(out)


def _glob_anchor(p: str) -> tuple[str | None, bool]:
    """An anchor literal for a glob: its leading literal (matches start there), else its
    first literal after leading wildcards (matches start at that word's start)."""
    runs = re.split(r"([*?])", p)
    lead = runs[0]
    flex = re.search(r"(?<=\w)-(?=\w)", lead)
    if flex:  # a hyphen between letters may also be a space: anchor before it
        lead = lead[:flex.start()]
    if lead.strip():
        return lead, True
    for r in runs:
        if r and r not in "*?":
            lit = r.split("-")[0] if re.search(r"(?<=\w)-(?=\w)", r) else r
            if lit.strip() and not lit.startswith(" "):
                return lit, False
            break
    return None, False


def _isword_at(s: str, pos: np.ndarray) -> np.ndarray:
    """Whether ``s[i]`` is a word character, for each ``i`` in ``pos`` (vectorized)."""
    if len(pos) == 0:
        return np.zeros(0, bool)
    from operator import itemgetter

    chars = itemgetter(*pos.tolist())(s) if len(pos) > 1 else (s[int(pos[0])],)
    codes = np.frombuffer("".join(chars).encode("utf-32-le"), dtype=np.uint32)
    out = _ASCII_TABLE[np.minimum(codes, 127)]
    hi = codes >= 128
    if hi.any():
        uniq, inv = np.unique(codes[hi], return_inverse=True)
        out[hi] = np.array([_isword_slow(chr(c)) for c in uniq.tolist()], dtype=bool)[inv]
    return out


def _find_all(s: str, lit: str) -> list[int]:
    """Start of every (overlapping) occurrence of ``lit`` in ``s`` (str.find: fast)."""
    out = []
    find = s.find
    i = find(lit)
    while i >= 0:
        out.append(i)
        i = find(lit, i + 1)
    return out


def _word_start(s: str, i: int) -> int:
    while i > 0 and _isword(s[i - 1]):
        i -= 1
    return i


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
        full = _lexicon.validate(lexicon)
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
        """Joined normalised text, per-doc folded bases and offset maps."""
        joined = _SEP.join(texts)
        lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
        orig_bases = np.concatenate([[0], np.cumsum(lens + 1)[:-1]]) if len(texts) else np.zeros(0, np.int64)
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

    def _ac_hits(self, s: str):
        """Automaton hits with word boundaries checked and ``*`` extended (vectorized)."""
        raw = list(self._automaton.iter(s))
        if not raw:
            z = np.zeros(0, np.int64)
            return z, z, z
        h = np.asarray(raw, dtype=np.int64)
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
        if self._automaton is not None:
            st, en, pi = self._ac_hits(s)
            starts.extend(st.tolist())
            ends.extend(en.tolist())
            pids.extend(pi.tolist())
        for pid, rx, anchor, at_start in self._globs:
            if anchor is None:  # no usable literal: scan (rare: only wildcards and hyphens)
                cands = (m.start() for m in rx.finditer(s))
            elif at_start:
                cands = _find_all(s, anchor)
            else:  # leading wildcards cover word characters only: start at that word's start
                cands = sorted({_word_start(s, i) for i in _find_all(s, anchor)})
            for c in cands:
                m = rx.match(s, c)
                if m is not None and m.end() > m.start():
                    starts.append(m.start())
                    ends.append(m.end())
                    pids.append(pid)
        return starts, ends, pids

    def _locate(self, texts: Sequence[str]):
        """All candidates as arrays (doc, start, end, pid) in original coordinates."""
        s, fold_bases, orig_bases, maps = self._fold(texts)
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
            t = _translate_text(_SEP.join(texts))
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

    def arrays(self, texts: Sequence[str]):
        """Matches as four int64 arrays ``(doc, start, end, pattern_index)``, sorted by
        document and start; ``doc`` indexes ``texts``, ``pattern_index`` the lexicon rows."""
        texts = [str(t) for t in texts]
        doc, st, en, pi, bases = self._locate(texts)
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
    for c in np.flatnonzero(sizes > 1):
        idx = np.flatnonzero(cluster == c)
        order = idx[np.lexsort((pi[idx], g[idx], -(ge[idx] - g[idx])))]
        taken: list[tuple[int, int]] = []
        for j in order:
            a, b = g[j], ge[j]
            if all(b <= x or a >= y for x, y in taken):
                taken.append((a, b))
                keep[j] = True
    return keep


# ---------------------------------------------------------------------- helpers
def _check_corpus(corpus: pd.DataFrame) -> None:
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError(f"corpus must be a DataFrame, not {type(corpus).__name__}")
    missing = [c for c in ("doc_id", "text") if c not in corpus.columns]
    if missing:
        raise KeyError(f"corpus is missing column(s) {missing}; load it with discourse.corpus.load")


def _get_quotes(corpus: pd.DataFrame, quotes, sentences: pd.DataFrame | None = None) -> pd.DataFrame | None:
    if quotes is False:
        return None
    if quotes is None:
        from discourse import quotes as _quotes

        return _quotes.find(corpus, sentences=sentences)
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError("quotes must be a DataFrame from discourse.quotes.find, None or False")
    missing = [c for c in ("doc_id", "start", "end", "kind") if c not in quotes.columns]
    if missing:
        raise KeyError(f"quotes is missing column(s) {missing}")
    return quotes


def _assign_voice(m: pd.DataFrame, quotes: pd.DataFrame | None) -> tuple[pd.Series, pd.Series]:
    n = len(m)
    if quotes is None:
        return pd.Series([pd.NA] * n, index=m.index, dtype=object), pd.Series([pd.NA] * n, index=m.index, dtype=object)
    voice = np.array(["authorial"] * n, dtype=object)
    speaker = np.array([pd.NA] * n, dtype=object)
    if n and len(quotes):
        q = quotes[["doc_id", "start", "end", "kind"]].copy()
        q["doc_id"] = q["doc_id"].astype(str)  # compared as text, whatever the id dtypes
        q["speaker"] = quotes["speaker"] if "speaker" in quotes.columns else pd.NA
        q = q.rename(columns={"start": "q_start", "end": "q_end"})
        q["q_len"] = q["q_end"] - q["q_start"]
        left = pd.DataFrame({"doc_id": m["doc_id"].astype(str).to_numpy(), "start": m["start"].to_numpy(),
                             "row": np.arange(n)})
        j = left.merge(q, on="doc_id", how="inner")
        j = j[(j["q_start"] <= j["start"]) & (j["start"] < j["q_end"])]
        if len(j):
            j = j.sort_values(["row", "q_len"], kind="stable").drop_duplicates("row", keep="first")
            rows = j["row"].to_numpy()
            kind = j["kind"].astype(str).to_numpy()
            voice[rows] = np.where(kind == "scare", "scare", "quoted")
            speaker[rows] = j["speaker"].to_numpy(dtype=object)
    return pd.Series(voice, index=m.index, dtype=object), pd.Series(speaker, index=m.index, dtype=object)


def _units(corpus: pd.DataFrame, doc_ids: np.ndarray, starts: np.ndarray, sents: pd.DataFrame | None):
    """para_id, sent_id of each match via searchsorted on sentence starts."""
    n = len(starts)
    if n == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    if sents is None:
        from discourse import text as _text

        sents = _text.sentences(corpus)
    # ids compared as text: matches may carry string ids of an integer-id corpus
    codes = {d: i for i, d in enumerate(pd.unique(corpus["doc_id"].astype(str)))}
    s_doc = sents["doc_id"].astype(str).map(codes).to_numpy(dtype=np.int64)
    s_key = s_doc * (1 << 40) + sents["start"].to_numpy(dtype=np.int64)
    order = np.argsort(s_key, kind="stable")
    s_key = s_key[order]
    para = sents["para_id"].to_numpy(dtype=np.int64)[order]
    sid = sents["sent_id"].to_numpy(dtype=np.int64)[order]
    s_doc = s_doc[order]
    m_doc = np.fromiter((codes[str(d)] for d in doc_ids), dtype=np.int64, count=n)
    m_key = m_doc * (1 << 40) + starts
    pos = np.searchsorted(s_key, m_key, side="right") - 1
    ok = (pos >= 0) & (s_doc[np.clip(pos, 0, None)] == m_doc) if len(s_key) else np.zeros(n, bool)
    pos = np.clip(pos, 0, None)
    p_out = np.where(ok, para[pos] if len(para) else 0, -1)
    s_out = np.where(ok, sid[pos] if len(sid) else 0, -1)
    return p_out, s_out


_STRING_COLS = ("doc_id", "match", "pattern", "category", "voice", "speaker", "left", "right")


def _as_string(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns as pandas ``string`` dtype (missing = ``<NA>``), like the corpus."""
    for c in _STRING_COLS:
        if c in df.columns:
            df[c] = df[c].astype("string")
    return df


# ---------------------------------------------------------------------- public
def find(
    corpus: pd.DataFrame,
    lexicon: pd.DataFrame | None = None,
    *,
    quotes: pd.DataFrame | None | bool = None,
    sentences: pd.DataFrame | None = None,
    overlap: Literal["longest", "all"] = "longest",
    case_sensitive: bool = False,
) -> pd.DataFrame:
    """Find lexicon terms in every article, with their position and voice.

    Parameters
    ----------
    corpus : DataFrame
        Articles with ``doc_id`` and ``text`` (:func:`discourse.corpus.load`).
    lexicon : DataFrame, optional
        ``pattern``, ``category`` (+ ``weight``, ``note``, ``match``); default: the
        bundled loaded-language lexicon (:func:`discourse.lexicon.read`).
    quotes : DataFrame, False or None
        Quotations (``doc_id``, ``start``, ``end``, ``kind``, ``speaker``) used to set
        ``voice``; ``None`` computes them with :func:`discourse.quotes.find`;
        ``False`` skips voice (``voice`` and ``speaker`` are NA).
    sentences : DataFrame, optional
        A table from :func:`discourse.text.sentences` to reuse (else computed).
    overlap : {"longest", "all"}
        How overlapping matches are resolved (see the module docstring).
    case_sensitive : bool
        Match case exactly instead of case folding.

    Returns
    -------
    DataFrame
        One row per match, in document order then text order: ``doc_id``,
        ``para_id``, ``sent_id``, ``start``, ``end``, ``match`` (the text as
        written, ``text[start:end]``), ``pattern``, ``category``, ``voice``
        (``authorial`` | ``quoted`` | ``scare``), ``speaker`` (of the quotation the
        match is in, when known),
        ``weight``.

    Examples
    --------
    >>> from discourse import lexicon
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ['The regime called it "an absolute lie," the ministry said.']})
    >>> q = pd.DataFrame({"doc_id": ["a"], "start": [23], "end": [38], "speaker": ["the ministry"], "kind": ["direct"]})
    >>> m = find(df, lexicon.from_dict({"label": ["regime"], "doubt": ["absolute lie"]}), quotes=q)
    >>> m[["match", "voice", "speaker"]]
              match      voice       speaker
    0        regime  authorial          <NA>
    1  absolute lie     quoted  the ministry
    """
    from discourse import lexicon as _lexicon

    _check_corpus(corpus)
    lex = _lexicon.read() if lexicon is None else lexicon
    matcher = Matcher(lex, case_sensitive=case_sensitive, overlap=overlap)
    lex = matcher.full_lexicon
    texts = corpus["text"].astype(str).tolist()
    doc, st, en, pi = matcher.arrays(texts)
    # a pattern listed under several categories: one row per category
    counts = np.array([len(r) for r in matcher._rows], dtype=np.int64)[pi] if len(pi) else np.zeros(0, dtype=np.int64)
    if len(pi) and (counts > 1).any():
        rep = np.repeat(np.arange(len(pi)), counts)
        pi = np.concatenate([matcher._rows[i] for i in pi.tolist()])
        doc, st, en = doc[rep], st[rep], en[rep]
    elif len(pi):
        pi = np.array([matcher._rows[i][0] for i in pi.tolist()], dtype=np.int64)
    ids = corpus["doc_id"].astype(str).to_numpy(dtype=object)  # ids are strings in every output
    doc_ids = ids[doc] if len(doc) else np.array([], dtype=object)
    if sentences is None and (len(doc_ids) or quotes is None):
        from discourse import text as _text

        sentences = _text.sentences(corpus)  # once, for the units and the quotations
    para, sent = _units(corpus, doc_ids, st, sentences)
    out = pd.DataFrame({
        "doc_id": pd.Series(doc_ids, dtype=object),
        "para_id": para.astype(np.int64),
        "sent_id": sent.astype(np.int64),
        "start": st,
        "end": en,
        "match": pd.Series([texts[d][a:b] for d, a, b in zip(doc.tolist(), st.tolist(), en.tolist())], dtype=object),
        "pattern": pd.Series(lex["pattern"].to_numpy(dtype=object)[pi], dtype=object),
        "category": pd.Series(lex["category"].to_numpy(dtype=object)[pi], dtype=object),
    })
    voice, speaker = _assign_voice(out, _get_quotes(corpus, quotes, sentences))
    out["voice"] = voice.to_numpy()
    out["speaker"] = speaker.to_numpy()
    out["weight"] = lex["weight"].to_numpy(dtype=float)[pi]
    return _as_string(out).reset_index(drop=True)


def scare_terms(quotes: pd.DataFrame, corpus: pd.DataFrame | None = None, *, max_words: int | None = None) -> pd.DataFrame:
    """Scare-quoted phrases as term matches, whether or not they are in a lexicon.

    Parameters
    ----------
    quotes : DataFrame
        From :func:`discourse.quotes.find`; rows of kind ``scare`` are used.
    corpus : DataFrame, optional
        If given, ``para_id`` and ``sent_id`` are filled in.
    max_words : int, optional
        Keep only phrases of at most this many words.

    Returns
    -------
    DataFrame
        The columns of :func:`find` with ``pattern`` = the case-folded phrase
        (without surrounding punctuation),
        ``category`` = ``"scare_quote"``, ``voice`` = ``"scare"``; ready to
        concatenate with :func:`find` output.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a"], "start": [5], "end": [16], "quote": ["Great Power"],
    ...                   "speaker": [pd.NA], "kind": ["scare"]})
    >>> scare_terms(q)[["match", "pattern", "voice"]]
             match      pattern  voice
    0  Great Power  great power  scare
    """
    from discourse.text import count_words

    q = quotes[quotes["kind"].astype(str) == "scare"]
    phrase = q["quote"].astype(str) if "quote" in q.columns else pd.Series([""] * len(q), index=q.index)
    if max_words is not None:
        keep = np.asarray(count_words(phrase.tolist())) <= max_words if len(q) else np.zeros(0, bool)
        q, phrase = q[keep], phrase[keep]
    out = pd.DataFrame({
        "doc_id": q["doc_id"].to_numpy(dtype=object),
        "para_id": np.full(len(q), -1, np.int64),
        "sent_id": np.full(len(q), -1, np.int64),
        "start": q["start"].to_numpy(dtype=np.int64),
        "end": q["end"].to_numpy(dtype=np.int64),
        "match": phrase.to_numpy(dtype=object),
        "pattern": np.array([re.sub(r"\s+", " ", _translate(p.casefold())).strip(" ,.;:!?") for p in phrase],
                            dtype=object),
        "category": "scare_quote",
        "voice": "scare",
        # a scare quote can have a speaker ("what the Pentagon describes as ..."), as in find()
        "speaker": (q["speaker"].astype(object).where(q["speaker"].notna(), pd.NA).to_numpy()
                    if "speaker" in q.columns else np.array([pd.NA] * len(q), dtype=object)),
        "weight": 1.0,
    })
    if corpus is not None and len(out):
        para, sent = _units(corpus, out["doc_id"].to_numpy(dtype=object), out["start"].to_numpy(), None)
        out["para_id"], out["sent_id"] = para, sent
    return _as_string(out.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True))


_MATCH_LEVEL = ("category", "voice", "pattern")


def rates(
    matches: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    period: Literal["M", "Q", "Y"] | None = None,
    voice: str | Sequence[str] = "authorial",
    level: Literal["document", "group"] | None = None,
    per: float = 1000,
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Matches per ``per`` (1,000) words, per document or per group with bootstrap CIs.

    Parameters
    ----------
    matches : DataFrame
        From :func:`find` (``doc_id``, ``voice`` and any ``by`` columns such as
        ``category``).
    corpus : DataFrame
        The articles the matches come from (``doc_id``, ``text`` and any ``by``
        columns such as ``outlet``); every article counts, with or without matches.
    by : str or list of str, optional
        Grouping columns: article columns (``"outlet"``) and/or match columns
        (``"category"``, ``"voice"``, ``"pattern"``). Match columns split the counts;
        documents without a match of a category count as zero for it.
    period : {"M", "Q", "Y"}, optional
        Add a ``period`` column from ``published`` (month, quarter, year) and group by it.
    voice : str or list of str
        Which matches count: ``"authorial"`` (default: the outlet's own words),
        ``"quoted"``, ``"scare"``, a list of these, or ``"all"``.
    level : {"document", "group"}, optional
        ``"document"``: one row per article (× match-level ``by`` columns), no
        intervals. ``"group"``: pooled rate per group with a bootstrap interval over
        documents (:func:`discourse.stats.bootstrap_ratio`). Default: ``"document"``
        when neither ``by`` nor ``period`` is given, else ``"group"``.
    per : float
        Rate unit in words (words by :data:`discourse.text.WORD_PATTERN`).
    n_boot, ci, random_state
        Bootstrap settings.

    Returns
    -------
    DataFrame
        ``level="document"``: ``doc_id``, group columns, ``n``, ``words``, ``rate``.
        ``level="group"``: group columns, ``rate``, ``ci_low``, ``ci_high``, ``n``
        (matches), ``words``, ``docs``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                        "text": ["the regime fell", "a quiet day for the town"]})
    >>> m = pd.DataFrame({"doc_id": ["a"], "category": ["label"], "voice": ["authorial"]})
    >>> rates(m, corpus)[["doc_id", "n", "words", "rate"]]
      doc_id  n  words        rate
    0      a  1      3  333.333333
    1      b  0      6    0.000000
    """
    from discourse import stats
    from discourse.text import count_words

    _check_corpus(corpus)
    by_list = [] if by is None else ([by] if isinstance(by, str) else list(by))
    if level is None:
        level = "document" if (not by_list and period is None) else "group"
    if level not in ("document", "group"):
        raise ValueError(f"level must be 'document' or 'group', not {level!r}")
    if per <= 0:
        raise ValueError(f"per must be positive, not {per}")
    split = [c for c in by_list if c in _MATCH_LEVEL]
    doc_keys = [c for c in by_list if c not in _MATCH_LEVEL]
    missing = [c for c in doc_keys if c not in corpus.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} are neither corpus columns nor one of {list(_MATCH_LEVEL)}")
    # ids compared as text: find() returns them as strings whatever the corpus's dtype
    docs = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str).to_numpy(dtype=object)})
    for c in doc_keys:
        docs[c] = corpus[c].to_numpy()
    if period is not None:
        from discourse.stats import period_alias, period_labels

        if period_alias(period) not in ("M", "Q", "Y"):
            raise ValueError(f"period must be 'M', 'Q' or 'Y' (or month, quarter, year), not {period!r}")
        if "published" not in corpus.columns:
            raise KeyError("period needs a 'published' column in corpus")
        per_str = period_labels(corpus["published"], period)
        docs["period"] = per_str.astype(object).where(per_str.notna(), None).to_numpy(dtype=object)
        doc_keys = [*doc_keys, "period"]
    docs["words"] = np.asarray(count_words(corpus["text"].astype(str).tolist()), dtype=np.int64)
    docs = docs.drop_duplicates("doc_id", keep="first")

    m = matches
    if "voice" not in m.columns and voice != "all":
        raise KeyError("matches has no 'voice' column; pass voice='all'")
    if voice != "all":
        voices = [voice] if isinstance(voice, str) else list(voice)
        bad = [v for v in voices if v not in VOICES]
        if bad:
            raise ValueError(f"voice must be 'all' or among {VOICES}, not {bad}")
        sel = m[m["voice"].isin(voices)]
    else:
        voices = list(VOICES)
        sel = m
    for c in split:
        if c not in m.columns:
            raise KeyError(f"by: matches has no column {c!r}")
    sel = sel.assign(doc_id=sel["doc_id"].astype(str).to_numpy(dtype=object))
    m_docs = sel[sel["doc_id"].isin(docs["doc_id"])]
    if split:
        counts = m_docs.groupby(["doc_id", *split], dropna=False, sort=False).size().rename("n").reset_index()
        levels = {}
        for c in split:
            if c == "voice":
                levels[c] = voices
            else:
                levels[c] = sorted(pd.unique(m[c].dropna()).tolist(), key=str)
        grid = pd.MultiIndex.from_product([levels[c] for c in split], names=split).to_frame(index=False)
        table = docs.merge(grid, how="cross").merge(counts, on=["doc_id", *split], how="left")
    else:
        counts = m_docs.groupby("doc_id", sort=False).size().rename("n").reset_index()
        table = docs.merge(counts, on="doc_id", how="left")
    table["n"] = table["n"].fillna(0).astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["rate"] = np.where(table["words"] > 0, per * table["n"] / table["words"], np.nan)
    if level == "document":
        cols = ["doc_id", *doc_keys, *split, "n", "words", "rate"]
        out = table[cols].reset_index(drop=True)
        out["doc_id"] = out["doc_id"].astype("string")  # as in find() and kwic()
        return out
    keys = [*doc_keys, *split]
    res = stats.bootstrap_ratio(table, "n", "words", by=keys or None, scale=per, n_boot=n_boot, ci=ci,
                                random_state=random_state)
    res = res.rename(columns={"estimate": "rate", "n": "docs"})
    if keys:
        agg = table.groupby(keys, dropna=False, sort=True, observed=True)[["n", "words"]].sum().reset_index()
        if len(res):
            res = res.merge(agg, on=keys, how="left")
        else:  # no documents: nothing to merge (and empty key columns may differ in dtype)
            res = res.assign(n=pd.Series(dtype="int64"), words=pd.Series(dtype="int64"))
    else:
        res["n"] = int(table["n"].sum())
        res["words"] = int(table["words"].sum())
    return res[[*keys, "rate", "ci_low", "ci_high", "n", "words", "docs"]]


# -------------------------------------------------------------------------- KWIC
class KWIC(pd.DataFrame):
    """A keyword-in-context table: a DataFrame that shows its matches highlighted
    in Jupyter (``left`` right-aligned, ``match`` marked, ``right`` left-aligned)."""

    _metadata: list[str] = []

    @property
    def _constructor(self):
        return KWIC

    def _repr_html_(self) -> str | None:  # pragma: no cover - exercised in notebooks
        if not {"left", "match", "right"}.issubset(self.columns):
            return super()._repr_html_()
        max_rows = pd.get_option("display.max_rows") or 60
        shown = self.head(max_rows)
        others = [c for c in shown.columns if c not in ("left", "match", "right")]
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in ["left", "match", "right", *others])
        rows = []
        colors = {"authorial": "#F6C6A8", "quoted": "#B3D4EC", "scare": "#F5DFA3"}
        for rec in shown.itertuples(index=False):
            r = dict(zip(shown.columns, rec))
            bg = colors.get(str(r.get("voice")), "#EEEEEE")
            cells = [
                f'<td style="text-align:right;white-space:nowrap">{html.escape(str(r["left"]))}</td>',
                f'<td style="text-align:center;white-space:nowrap"><mark style="background:{bg};font-weight:bold">'
                f'{html.escape(str(r["match"]))}</mark></td>',
                f'<td style="text-align:left;white-space:nowrap">{html.escape(str(r["right"]))}</td>',
            ]
            cells += [f"<td>{html.escape('' if r[c] is pd.NA or (isinstance(r[c], float) and r[c] != r[c]) else str(r[c]))}</td>" for c in others]
            rows.append("<tr>" + "".join(cells) + "</tr>")
        more = f"<p>{len(self) - len(shown)} more rows</p>" if len(self) > len(shown) else ""
        return (f'<table class="dataframe kwic"><thead><tr>{head}</tr></thead><tbody>'
                + "".join(rows) + f"</tbody></table>{more}")


def _context(text: str, start: int, end: int, window: int, unit: str) -> tuple[str, str]:
    from discourse.text import WORD_PATTERN

    if unit == "chars":
        left, right = text[max(0, start - window):start], text[end:end + window]
    else:
        span = max(60, window * 30)
        lo = max(0, start - span)
        while True:
            words = list(WORD_PATTERN.finditer(text, lo, start))
            if len(words) > window or lo == 0:  # one spare: the first may be cut at lo
                break
            lo = max(0, lo - span)
            span *= 2
        left = text[words[-window].start():start] if window and len(words) >= window else (text[:start] if window else "")
        hi = min(len(text), end + max(60, window * 30))
        while True:
            words = list(WORD_PATTERN.finditer(text, end, hi))
            if len(words) > window or hi == len(text):  # one spare: the last may be cut at hi
                break
            hi = min(len(text), hi + (hi - end))
        right = text[end:words[window - 1].end()] if window and len(words) >= window else (text[end:] if window else "")
    return re.sub(r"\s+", " ", left).lstrip(), re.sub(r"\s+", " ", right).rstrip()


def kwic(
    corpus: pd.DataFrame,
    pattern_or_matches: str | Iterable[str] | pd.DataFrame,
    *,
    window: int = 5,
    unit: Literal["words", "chars"] = "words",
    lexicon: pd.DataFrame | None = None,
    match: Literal["fixed", "glob", "regex"] = "glob",
    quotes: pd.DataFrame | None | bool = None,
) -> KWIC:
    """Keyword in context: each match with ``window`` words (or characters) either side.

    Parameters
    ----------
    corpus : DataFrame
        The articles (``doc_id``, ``text``).
    pattern_or_matches : str, list of str or DataFrame
        A matches table from :func:`find` (no matching is repeated, so changing
        ``window`` is cheap), or pattern(s) to find. With ``lexicon``, strings select
        lexicon rows by ``pattern`` or ``category``; otherwise they are patterns in
        mode ``match``.
    window : int
        Context size on each side.
    unit : {"words", "chars"}
        Unit of ``window`` (words by :data:`discourse.text.WORD_PATTERN`).
    lexicon : DataFrame, optional
        Lexicon to select from when patterns are given as strings.
    match : {"fixed", "glob", "regex"}
        Mode of string patterns not taken from a lexicon.
    quotes : DataFrame, False or None
        Passed to :func:`find` when matching.

    Returns
    -------
    KWIC
        A DataFrame: ``doc_id``, ``left``, ``match``, ``right``, ``voice``, ``start``,
        ``end`` (+ ``pattern``, ``category``, ``speaker`` when known). Whitespace in
        the context is shown as single spaces.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["They called the Kabul regime a puppet of the US."]})
    >>> k = kwic(df, "puppet", window=2, quotes=False)
    >>> k[["left", "match", "right"]].iloc[0].tolist()
    ['regime a ', 'puppet', ' of the']
    """
    from discourse import lexicon as _lexicon

    _check_corpus(corpus)
    if unit not in ("words", "chars"):
        raise ValueError(f"unit must be 'words' or 'chars', not {unit!r}")
    if window < 0:
        raise ValueError(f"window must be >= 0, not {window}")
    if isinstance(pattern_or_matches, pd.DataFrame):
        m = pattern_or_matches
        missing = [c for c in ("doc_id", "start", "end") if c not in m.columns]
        if missing:
            raise KeyError(f"matches is missing column(s) {missing}")
    else:
        pats = [pattern_or_matches] if isinstance(pattern_or_matches, str) else list(pattern_or_matches)
        if lexicon is not None:
            lex = _lexicon.validate(lexicon)
            sub = lex[lex["pattern"].isin(pats) | lex["category"].isin(pats)]
            if sub.empty:
                raise ValueError(f"no lexicon row has pattern or category in {pats}")
        else:
            sub = _lexicon.from_records([{"pattern": p, "category": "kwic"} for p in pats], match=match)
        m = find(corpus, sub, quotes=quotes)
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].astype(str)))  # ids as in find()
    lefts, rights, matched = [], [], []
    for d, a, b in zip(m["doc_id"], m["start"].astype(int), m["end"].astype(int)):
        t = texts.get(str(d))
        if t is None:
            raise KeyError(f"doc_id {d!r} of the matches is not in corpus")
        l, r = _context(t, a, b, window, unit)
        lefts.append(l)
        rights.append(r)
        matched.append(t[a:b])
    out = pd.DataFrame({
        "doc_id": m["doc_id"].to_numpy(dtype=object),
        "left": pd.Series(lefts, dtype=object).to_numpy(),
        "match": pd.Series(matched, dtype=object).to_numpy(),
        "right": pd.Series(rights, dtype=object).to_numpy(),
        "voice": m["voice"].to_numpy(dtype=object) if "voice" in m.columns else np.array([pd.NA] * len(m), dtype=object),
        "start": m["start"].to_numpy(dtype=np.int64),
        "end": m["end"].to_numpy(dtype=np.int64),
    })
    for c in ("pattern", "category", "speaker"):
        if c in m.columns:
            out[c] = m[c].to_numpy(dtype=object)
    return KWIC(_as_string(out))
