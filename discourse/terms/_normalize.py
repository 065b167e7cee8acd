"""Text and pattern normalisation for matching: one-to-one character folding, word
characters, and globs as regular expressions (see :mod:`discourse.terms`)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

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


#: characters folded per piece by :func:`_fold_text` (pieces of about a megabyte of
#: code points reuse the same memory: the first call on a few megabytes of text took
#: 0.11 s in pieces of 2**22 characters and 0.02 s in pieces of 2**18, the same string)
_FOLD_PIECE = 1 << 18

# ASCII code points after case folding and :func:`_translate_text` (one to one)
_ASCII_FOLD = np.arange(128, dtype=np.uint32)
_ASCII_FOLD[ord("A"):ord("Z") + 1] += 32
_ASCII_PLAIN = np.arange(128, dtype=np.uint32)
for _c in _FAST:
    _ASCII_FOLD[ord(_c)] = _ASCII_PLAIN[ord(_c)] = ord(_FAST[_c])


def _fold_text(s: str, casefold: bool = True) -> str | None:
    """``_translate_text(s.casefold())`` (or ``_translate_text(s)`` without ``casefold``)
    with one table look-up per code point instead of a pass over the string per
    character replaced; ``None`` when a character folds to several (``ß`` -> ``ss``),
    which needs the offset maps of the caller.

    Both steps map every code point on its own (case folding has no context), so
    mapping each distinct code point once gives the same string; a long text is mapped
    in pieces of :data:`_FOLD_PIECE` characters (bounded memory).
    """
    if len(s) > _FOLD_PIECE:
        parts = [_fold_text(s[i:i + _FOLD_PIECE], casefold) for i in range(0, len(s), _FOLD_PIECE)]
        return None if any(p is None for p in parts) else "".join(parts)
    cp = np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    out = (_ASCII_FOLD if casefold else _ASCII_PLAIN).take(np.minimum(cp, 127))
    idx = np.flatnonzero(cp >= 128)
    if len(idx):
        uniq, inv = np.unique(cp[idx], return_inverse=True)
        mapped = []
        for c in uniq.tolist():
            ch = chr(c)
            f = _translate_text(ch.casefold() if casefold else ch)
            if len(f) != 1:
                return None
            mapped.append(ord(f))
        out[idx] = np.asarray(mapped, dtype=np.uint32)[inv]
    return str(out, "utf-32-le", "surrogatepass")  # (decoded from the array's own buffer)


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
