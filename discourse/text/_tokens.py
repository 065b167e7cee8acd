"""The token rule of :data:`discourse.words.TOKEN_PATTERN`, computed on arrays.

``TOKEN_PATTERN`` is ``\\w+(?:[-'’.]\\w+)*|[^\\w\\s]``: a word is a maximal run of word
characters in which a hyphen, apostrophe or period may stand between two word
characters; every other character that is not white space is a token of its own.
:func:`token_spans` finds exactly the spans ``TOKEN_PATTERN.finditer`` finds (the tests
compare them on generated text), on all texts at once with numpy, about ten times
faster than a Python loop over matches. ``\\w`` is Python's: alphanumeric or ``_``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

__all__ = ["token_spans"]

_JOINERS = np.array([ord(c) for c in "-'’."], dtype=np.uint32)


def _classes(points) -> tuple[np.ndarray, np.ndarray]:
    """For code points: is each a word character (``\\w``), is it white space (``\\s``),
    decided by Python's own regular expressions, so the classes are exactly theirs."""
    points = np.asarray(points, dtype=np.int64)
    surrogate = (points >= 0xD800) & (points <= 0xDFFF)  # a lone surrogate is neither
    chars = "".join(map(chr, np.where(surrogate, 0x21, points).tolist()))
    word = np.zeros(len(points), dtype=bool)
    space = np.zeros(len(points), dtype=bool)
    word[[m.start() for m in re.finditer(r"\w", chars)]] = True
    space[[m.start() for m in re.finditer(r"\s", chars)]] = True
    return word, space


@lru_cache(maxsize=1)
def _bmp_table() -> tuple[np.ndarray, np.ndarray]:
    """The classes of the Basic Multilingual Plane; rarer code points are looked up as met."""
    return _classes(range(0x10000))


def _lookup(cp: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    word_t, space_t = _bmp_table()
    low = np.minimum(cp, 0xFFFF)
    is_w, is_s = word_t[low], space_t[low]
    high = cp > 0xFFFF
    if high.any():
        uniq, inv = np.unique(cp[high], return_inverse=True)
        w, s = _classes(uniq.tolist())
        is_w[high], is_s[high] = w[inv], s[inv]
    return is_w, is_s


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def token_spans(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Token spans of many texts: ``(text_index, start, end, is_word)`` arrays.

    Offsets index into each text (Python string positions); tokens come in text order,
    then position order.

    Examples
    --------
    >>> texts = ["US-backed forces, don't.", "Go!"]
    >>> i, s, e, w = token_spans(texts)
    >>> [texts[a][b:c] for a, b, c in zip(i, s, e)]
    ['US-backed', 'forces', ',', "don't", '.', 'Go', '!']
    >>> w.tolist()
    [True, True, False, True, False, True, False]
    """
    n = len(texts)
    if n == 0:
        z = np.zeros(0, np.int64)
        return z, z, z, np.zeros(0, bool)
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=n)
    # one array for all texts, a space between them so no token crosses two texts
    cp = _code_points(" ".join(texts))
    offsets = np.concatenate([[0], np.cumsum(lens + 1)[:-1]])
    is_w, is_s = _lookup(cp)
    joiner = (cp == _JOINERS[0]) | (cp == _JOINERS[1]) | (cp == _JOINERS[2]) | (cp == _JOINERS[3])
    inner = np.zeros(len(cp), dtype=bool)
    if len(cp) > 2:
        inner[1:-1] = joiner[1:-1] & is_w[:-2] & is_w[2:]
    in_word = is_w | inner
    prev = np.concatenate([[False], in_word[:-1]])
    nxt = np.concatenate([in_word[1:], [False]])
    w_start = np.flatnonzero(in_word & ~prev)
    w_end = np.flatnonzero(in_word & ~nxt) + 1
    p_start = np.flatnonzero(~in_word & ~is_s)
    start = np.concatenate([w_start, p_start])
    end = np.concatenate([w_end, p_start + 1])
    is_word = np.concatenate([np.ones(len(w_start), bool), np.zeros(len(p_start), bool)])
    order = np.argsort(start, kind="stable")
    start, end, is_word = start[order], end[order], is_word[order]
    text_index = np.searchsorted(offsets, start, side="right") - 1
    base = offsets[text_index]
    return text_index.astype(np.int64), start - base, end - base, is_word
