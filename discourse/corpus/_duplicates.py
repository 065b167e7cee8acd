"""Exact and near duplicates (MinHash with locality-sensitive hashing, checked exactly)."""
from __future__ import annotations

import re
import zlib
from typing import Sequence

import numpy as np
import pandas as pd

from discourse.corpus._shingling import shingle_hashes, word_hashes

_WORD = re.compile(r"\w+")


def _shingles(text: str, k: int) -> np.ndarray:
    """Sorted unique 63-bit hashes of the word ``k``-grams of ``text`` (deterministic).

    The definition, one text at a time; :func:`find_duplicates` computes the same
    values for all texts at once (``_shingling.shingle_hashes``).
    """
    words = text.split()
    if not words:
        words = [""]
    h = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    if len(h) < k:
        h = np.concatenate([h, np.zeros(k - len(h), dtype=np.uint64)])
    n = len(h) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            acc = acc * np.uint64(1000003) + h[j : j + n]
    return np.unique((acc >> np.uint64(1)).astype(np.int64))


def _splitmix64(x: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def _minhash(sets: list[np.ndarray], seeds: np.ndarray, *, chunk: int = 4096) -> np.ndarray:
    """MinHash signatures, one row per set: ``min(_splitmix64(set ^ seed))`` for each seed.

    Sets are hashed together in blocks of about ``chunk`` values, in place, and
    reduced per set; repeated values in a set do not change its minimum.
    """
    out = np.empty((len(sets), len(seeds)), dtype=np.uint64)
    sizes = [len(x) for x in sets]
    start = 0
    while start < len(sets):
        stop, total = start + 1, sizes[start]
        while stop < len(sets) and total + sizes[stop] <= chunk:
            total += sizes[stop]
            stop += 1
        x = seeds[:, None] ^ np.concatenate(sets[start:stop]).astype(np.uint64)[None, :]  # (seed, value)
        t = np.empty_like(x)
        with np.errstate(over="ignore"):  # _splitmix64, without temporaries
            np.right_shift(x, 30, out=t)
            x ^= t
            x *= np.uint64(0xBF58476D1CE4E5B9)
            np.right_shift(x, 27, out=t)
            x ^= t
            x *= np.uint64(0x94D049BB133111EB)
            np.right_shift(x, 31, out=t)
            x ^= t
        bounds = np.concatenate([[0], np.cumsum(sizes[start : stop - 1])]).astype(np.intp)
        out[start:stop] = np.minimum.reduceat(x, bounds, axis=1).T
        start = stop
    return out


def find_duplicates(
    texts: Sequence[str],
    *,
    threshold: float = 0.7,
    shingle: int = 3,
    num_perm: int = 128,
    bands: int = 32,
    random_state: int = 0,
) -> np.ndarray:
    """Index of the earlier copy for each text (``-1`` for originals).

    Exact duplicates are texts equal after case folding and whitespace folding.
    Near duplicates have a Jaccard similarity of word ``shingle``-grams of at least
    ``threshold``; candidates are found with MinHash and locality-sensitive hashing
    (``bands`` bands of ``num_perm / bands`` rows), then checked exactly, so the
    result has no false positives. Each copy points at the first text of its
    cluster in input order.

    Words and shingles of all texts are hashed at once (numpy); a text with too
    many shingles that no other text has to reach ``threshold`` with any text is
    not hashed further, which saves time and cannot change the result.

    Examples
    --------
    >>> find_duplicates(["Rain fell on the town.", "RAIN fell on the town!", "Sun."]).tolist()
    [-1, 0, -1]
    """
    n = len(texts)
    out = np.full(n, -1, dtype=np.int64)
    if n < 2:
        return out
    words, word_offsets = word_hashes(texts)
    _flag_exact(texts, words, word_offsets, out)
    if threshold is None or threshold >= 1:
        return out
    values, offsets = shingle_hashes(words, word_offsets, shingle)
    originals = _may_have_near_copies(values, offsets, out < 0, threshold)
    # MinHash: permutation i is splitmix64(x XOR seed_i), a bijection with full
    # avalanche, so minima are (nearly) min-wise independent. A linear hash
    # (a*x + b mod p) on small inputs is not: it keeps their order.
    seeds = np.random.default_rng(random_state).integers(0, np.iinfo(np.int64).max, size=num_perm, dtype=np.int64).astype(np.uint64)
    rows = num_perm // bands
    buckets: dict[tuple, list[int]] = {}
    signatures = _minhash([values[offsets[i] : offsets[i + 1]] for i in originals], seeds)
    for i, sig in zip(originals, signatures):
        for band in range(bands):
            key = (band, sig[band * rows : (band + 1) * rows].tobytes())
            buckets.setdefault(key, []).append(i)
    unique: dict[int, np.ndarray] = {}

    def sh(i):  # the sorted unique shingles of text i, for the texts that need checking
        if i not in unique:
            unique[i] = np.unique(values[offsets[i] : offsets[i + 1]])
        return unique[i]

    parent = {i: i for i in originals}

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if (i, j) in checked:
                    continue
                checked.add((i, j))
                si, sj = sh(i), sh(j)
                inter = len(np.intersect1d(si, sj, assume_unique=True))  # both sorted unique
                jac = inter / (len(si) + len(sj) - inter)
                if jac >= threshold:
                    ri, rj = root(i), root(j)
                    if ri != rj:
                        parent[max(ri, rj)] = min(ri, rj)
    for i in originals:
        r = root(i)
        if r != i:
            out[i] = r
    # exact copies of a near copy point at the cluster's first text
    for i in range(n):
        if out[i] >= 0 and out[out[i]] >= 0:
            out[i] = out[out[i]]
    return out


def _flag_exact(texts: Sequence[str], words: np.ndarray, offsets: np.ndarray, out: np.ndarray) -> None:
    """Point each exact copy (same words after case folding) at its first text, in place.

    Texts are grouped by their word hashes first; only texts whose hashes agree are
    compared word by word, so hash collisions cannot make a false copy.
    """
    groups: dict[bytes, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(words[offsets[i] : offsets[i + 1]].tobytes(), []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        first: dict[str, int] = {}
        for i in members:
            norm = " ".join(_WORD.findall(texts[i].casefold()))
            if norm in first:
                out[i] = first[norm]
            else:
                first[norm] = i


def _may_have_near_copies(values: np.ndarray, offsets: np.ndarray, original: np.ndarray,
                          threshold: float) -> list[int]:
    """The original texts that could reach ``threshold`` with another; the rest cannot.

    A text ``x`` with Jaccard similarity ``J >= t`` to some ``y`` shares at least
    ``t * |x|`` of its shingles with ``y``. Shingles that occur once in all the
    originals are shared with nobody, so a text with more than ``(1 - t) * n``
    of them (``n`` its shingles counted with repeats, at least ``|x|``) has no near
    copy. Skipping such texts saves their MinHash and cannot change the result.
    """
    sizes = np.diff(offsets)
    counted = np.repeat(original, sizes)
    possible = original
    for exact in (False, True):
        once = _occur_once(values, counted, exact=exact)
        unique = np.add.reduceat(once.astype(np.int64), offsets[:-1]) if len(values) else sizes
        possible = original & (unique <= (1 - threshold) * sizes + 1)  # (+1: a margin for rounding)
        if possible.sum() <= 0.1 * original.sum():  # few enough to hash; else settle collisions
            break
    return [int(i) for i in np.flatnonzero(possible)]


def _occur_once(values: np.ndarray, counted: np.ndarray, *, exact: bool) -> np.ndarray:
    """Which ``values`` surely occur once among the ``counted`` ones (False: maybe more).

    Values are counted by bucket (their low bits); a value alone in its bucket occurs
    once. With ``exact``, values that share a bucket are compared exactly; otherwise
    they count as repeated, which only keeps more texts for the exact check.
    """
    every = bool(counted.all())
    bits = int(min(max(np.ceil(np.log2(max(2.5 * counted.sum(), 1))), 16), 24))
    bucket = (values & ((1 << bits) - 1)).astype(np.intp)
    count = np.bincount(bucket if every else bucket[counted], minlength=1 << bits)
    once = count[bucket] == 1
    if not every:
        once &= counted
    if exact:
        shared = np.flatnonzero(counted & ~once)
        once[shared] = ~pd.Series(values[shared]).duplicated(keep=False).to_numpy()
    return once


def _flag_duplicates(df: pd.DataFrame, threshold: float | None) -> pd.Series:
    if threshold is False:
        return pd.Series([pd.NA] * len(df), index=df.index, dtype="string")
    order = np.lexsort((np.arange(len(df)), df["published"].isna().to_numpy(), df["published"].fillna(pd.Timestamp.max).to_numpy()))
    texts = df["text"].to_numpy()[order]
    idx = find_duplicates(list(texts), threshold=threshold if threshold is not None else 1.0)
    dup = np.full(len(df), None, dtype=object)
    ids = df["doc_id"].to_numpy()
    for pos, j in enumerate(idx):
        if j >= 0:
            dup[order[pos]] = ids[order[j]]
    return pd.Series(dup, index=df.index, dtype="string")

