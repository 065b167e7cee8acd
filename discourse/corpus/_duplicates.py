"""Exact and near duplicates (MinHash with locality-sensitive hashing, checked exactly)."""
from __future__ import annotations

import re
import zlib
from typing import Sequence

import numpy as np
import pandas as pd

from discourse.corpus._shingling import intersections, set_bitmaps, shingle_hashes, unique_sets, word_hashes
from discourse.readers._base import ReaderError

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
    sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    flat = np.concatenate(sets) if len(sets) else np.zeros(0, dtype=np.int64)
    return _minhash_flat(flat, np.concatenate([[0], np.cumsum(sizes)]), seeds, chunk=chunk)


def _minhash_flat(values: np.ndarray, offsets: np.ndarray, seeds: np.ndarray, *, chunk: int = 4096) -> np.ndarray:
    """:func:`_minhash` of the sets ``values[offsets[k]:offsets[k + 1]]`` (none empty)."""
    n = len(offsets) - 1
    out = np.empty((n, len(seeds)), dtype=np.uint64)
    start = 0
    while start < n:
        stop = max(start + 1, int(np.searchsorted(offsets, offsets[start] + chunk, side="right")) - 1)
        stop = min(stop, n)
        x = seeds[:, None] ^ values[offsets[start] : offsets[stop]].astype(np.uint64)[None, :]  # (seed, value)
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
        out[start:stop] = np.minimum.reduceat(x, (offsets[start:stop] - offsets[start]).astype(np.intp), axis=1).T
        start = stop
    return out


#: Near-duplicate detection refuses a corpus whose estimated memory (:func:`_estimated_bytes`)
#: exceeds this many bytes, or whose LSH buckets would pair more than ``PAIR_LIMIT`` texts for
#: checking (estimated from the first bands): both before the costly steps.
MEMORY_LIMIT = 8 * 2**30
PAIR_LIMIT = 1_000_000_000
_BLOCK = 1 << 19  # candidate pairs checked at once
_SIGNATURE_BLOCK = 16  # MinHash permutations computed at once (of num_perm)


class TooLarge(ValueError):
    """Near-duplicate detection would exceed :data:`MEMORY_LIMIT` or :data:`PAIR_LIMIT`."""


def _estimated_bytes(n_texts: int, n_words: int) -> int:
    """Peak memory of near-duplicate detection beyond its input (measured, with a margin)."""
    return 48 * n_words + 400 * n_texts


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
    not hashed further, which saves time and cannot change the result. Memory is
    bounded: signatures are computed a few bands at a time and candidate pairs
    checked in blocks (a bound from bitmaps of the shingles first, then exactly).
    A corpus that would need more than :data:`MEMORY_LIMIT` bytes or
    :data:`PAIR_LIMIT` candidate pairs raises :class:`TooLarge` (a ``ValueError``)
    before the costly steps.

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
    need = _estimated_bytes(n, len(words))
    if need > MEMORY_LIMIT:
        raise TooLarge(f"near-duplicate detection of {n:,} texts ({len(words):,} words) would need about "
                       f"{need / 2**30:.1f} GB, more than its limit of {MEMORY_LIMIT / 2**30:.1f} GB")
    values, offsets = shingle_hashes(words, word_offsets, shingle)
    del words, word_offsets
    originals = np.asarray(_may_have_near_copies(values, offsets, out < 0, threshold), dtype=np.int64)
    if len(originals) > 1:
        root = _near_components(values, offsets, originals, threshold=threshold, num_perm=num_perm,
                                bands=bands, random_state=random_state)
        near = root != np.arange(len(originals))
        out[originals[near]] = originals[root[near]]
    # exact copies of a near copy point at the cluster's first text
    copy = np.flatnonzero(out >= 0)
    further = out[out[copy]]
    out[copy[further >= 0]] = further[further >= 0]
    return out


def _near_components(values: np.ndarray, offsets: np.ndarray, texts: np.ndarray, *, threshold: float,
                     num_perm: int, bands: int, random_state: int) -> np.ndarray:
    """For each of ``texts``, the position (in ``texts``) of the first text of its cluster.

    Clusters join the pairs that share a band of their MinHash signatures and have a
    Jaccard similarity of at least ``threshold``. Pairs already in one cluster are
    not checked again (that cannot change a cluster); the others are bounded from
    bitmaps first and checked exactly when the bound reaches ``threshold``.
    """
    # MinHash: permutation i is splitmix64(x XOR seed_i), a bijection with full
    # avalanche, so minima are (nearly) min-wise independent. A linear hash
    # (a*x + b mod p) on small inputs is not: it keeps their order.
    seeds = np.random.default_rng(random_state).integers(0, np.iinfo(np.int64).max, size=num_perm, dtype=np.int64).astype(np.uint64)
    rows = num_perm // bands
    sets, set_offsets = unique_sets(values, offsets, texts)
    sizes = np.diff(set_offsets)
    width = int(min(16, 2 ** np.ceil(np.log2(max(1.0, 4 * float(np.median(sizes)) / 64)))))  # 64-bit words
    bitmaps = np.ascontiguousarray(set_bitmaps(sets, set_offsets, width).T)  # (word, text)
    root = np.arange(len(texts), dtype=np.int64)
    per = max(1, _SIGNATURE_BLOCK // max(rows, 1))
    for first in range(0, bands, per):
        last = min(bands, first + per)
        signatures = _minhash_flat(sets, set_offsets, seeds[first * rows : last * rows],
                                   chunk=max(1, (1 << 17) // ((last - first) * max(rows, 1))))
        groups = [_band_groups(signatures[:, b * rows : (b + 1) * rows]) for b in range(last - first)]
        del signatures
        if first == 0:  # the work to come, from the first bands (bands are alike)
            pairs = sum(int((c * (c - 1) // 2).sum()) for _, _, c in groups) * bands / (last - first)
            if pairs > PAIR_LIMIT:
                raise TooLarge(f"near-duplicate detection of {len(texts):,} texts would check about "
                               f"{pairs:,.0f} candidate pairs (the texts share much of their wording), "
                               f"more than its limit of {PAIR_LIMIT:,}")
        for members, starts, counts in groups:
            for i, j in _group_pairs(members, starts, counts):
                _join_similar(i, j, root, bitmaps, sizes, sets, set_offsets, threshold)
    return root


def _band_groups(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Texts with equal rows of ``keys`` (one band): ``members`` (ascending within a
    group), and the ``starts`` and ``counts`` of the groups of two or more."""
    h = keys[:, 0].copy() if keys.shape[1] else np.zeros(len(keys), dtype=np.uint64)
    for c in range(1, keys.shape[1]):
        h = _splitmix64(h ^ keys[:, c])
    order = np.argsort(h, kind="stable")
    k = keys[order]
    same = np.all(k[1:] == k[:-1], axis=1)
    hs = h[order]
    if np.any((hs[1:] == hs[:-1]) & ~same):  # two keys with one hash: sort by the keys themselves
        order = np.lexsort(keys.T[::-1])
        k = keys[order]
        same = np.all(k[1:] == k[:-1], axis=1)
    starts = np.flatnonzero(np.concatenate([[True], ~same]))
    counts = np.diff(np.append(starts, len(keys)))
    several = counts > 1
    return order, starts[several], counts[several]


def _group_pairs(members: np.ndarray, starts: np.ndarray, counts: np.ndarray):
    """Every pair ``(i, j)`` of members of one group, ``i`` before ``j``, in blocks of
    about ``_BLOCK`` pairs (arrays ``i``, ``j``)."""
    if not len(starts):
        return
    group = np.repeat(np.arange(len(starts)), counts - 1)
    offset = np.arange(len(group)) - np.repeat(np.cumsum(counts - 1) - (counts - 1), counts - 1)
    pos = starts[group] + offset
    later = counts[group] - 1 - offset  # partners after each member
    ends = np.cumsum(later)
    e0 = 0
    while e0 < len(pos):
        e1 = max(e0 + 1, int(np.searchsorted(ends, (ends[e0 - 1] if e0 else 0) + _BLOCK, side="right")))
        cnt = later[e0:e1]
        a = np.repeat(pos[e0:e1], cnt)
        b = a + 1 + np.arange(len(a)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        yield members[a], members[b]
        e0 = e1


def _join_similar(i, j, root, bitmaps, sizes, sets, set_offsets, threshold) -> None:
    """Join the clusters of the pairs ``(i[p], j[p])`` with a Jaccard similarity of at
    least ``threshold``, in ``root`` (each text's cluster root, its first text; kept
    flat: ``root[root] == root``)."""
    keep = root[i] != root[j]
    i, j = i[keep], j[keep]
    if not len(i):
        return
    only_i = np.zeros(len(i), dtype=np.uint16)
    only_j = np.zeros(len(i), dtype=np.uint16)
    for w in range(len(bitmaps)):
        bi, bj = bitmaps[w][i], bitmaps[w][j]
        only_i += np.bitwise_count(bi & ~bj)
        only_j += np.bitwise_count(bj & ~bi)
    si, sj = sizes[i], sizes[j]
    bound = np.minimum(si - only_i, sj - only_j)  # at least the shared shingles
    maybe = bound / (si + sj - bound) >= threshold
    if not maybe.any():
        return
    code = np.unique(i[maybe] * len(sizes) + j[maybe])
    i, j = code // len(sizes), code % len(sizes)
    ends = np.cumsum(sizes[i] + sizes[j])
    p, joined = 0, False
    while p < len(i):  # about _BLOCK shingles at once
        q = max(p + 1, int(np.searchsorted(ends, (ends[p - 1] if p else 0) + _BLOCK, side="right")))
        a, b = i[p:q], j[p:q]
        p = q
        inter = intersections(sets, set_offsets, a, b)
        similar = inter / (sizes[a] + sizes[b] - inter) >= threshold
        for x, y in zip(a[similar].tolist(), b[similar].tolist()):
            while root[x] != x:
                x = root[x]
            while root[y] != y:
                y = root[y]
            if x != y:
                root[max(x, y)] = min(x, y)
                joined = True
    while joined:  # flat again
        nxt = root[root]
        joined = not np.array_equal(nxt, root)
        root[:] = nxt


def _flag_exact(texts: Sequence[str], words: np.ndarray, offsets: np.ndarray, out: np.ndarray) -> None:
    """Point each exact copy (same words after case folding) at its first text, in place.

    Texts are grouped by a hash of their word hashes, then by the word hashes
    themselves; only texts whose hashes agree are compared word by word, so hash
    collisions cannot make a false copy.
    """
    n = len(offsets) - 1
    key = _text_keys(words, offsets)
    order = np.argsort(key, kind="stable")
    sk = key[order]
    repeated = np.zeros(n, dtype=bool)
    repeated[1:] = sk[1:] == sk[:-1]
    repeated[:-1] |= sk[:-1] == sk[1:]
    groups: dict[bytes, list[int]] = {}
    for i in np.sort(order[repeated]).tolist():
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


def _text_keys(words: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each text's word hashes, in order (texts in blocks of about
    ``_BLOCK`` words); equal words give equal keys."""
    block = _BLOCK
    counts = np.diff(offsets)
    key = counts.astype(np.uint64)
    start = 0
    while start < len(counts):
        stop = max(start + 1, int(np.searchsorted(offsets, offsets[start] + block, side="right")) - 1)
        stop = min(stop, len(counts))
        lo, hi = offsets[start], offsets[stop]
        text_start = np.repeat(offsets[start:stop] - lo, counts[start:stop]).astype(np.uint64)
        position = np.arange(hi - lo, dtype=np.uint64) - text_start
        with np.errstate(over="ignore"):
            mixed = _splitmix64(words[lo:hi] ^ (position * np.uint64(0x9E3779B97F4A7C15)))
        some = np.flatnonzero(counts[start:stop] > 0)
        if len(some):
            key[start + some] += np.add.reduceat(mixed, (offsets[start:stop][some] - lo).astype(np.intp))
        start = stop
    return key


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
        unique = np.add.reduceat(once, offsets[:-1], dtype=np.int64) if len(values) else sizes
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
    bucket = np.bitwise_and(values, (1 << bits) - 1).astype(np.intp, copy=False)
    count = np.bincount(bucket if every else bucket[counted], minlength=1 << bits)
    once = np.take(count == 1, bucket)
    del bucket, count
    if not every:
        once &= counted
    if exact:  # (in four parts by the top bits of the values, which bounds the memory)
        shared = np.flatnonzero(counted & ~once)
        part = (values[shared] >> 61).astype(np.int8)
        for p in range(4):
            where = shared[part == p]
            v = values[where]
            order = np.argsort(v, kind="stable")
            v = v[order]
            again = np.zeros(len(v), dtype=bool)
            again[1:] = v[1:] == v[:-1]
            again[:-1] |= v[:-1] == v[1:]
            once[where[order]] = ~again
    return once


def _flag_duplicates(df: pd.DataFrame, threshold: float | None) -> pd.Series:
    if threshold is False:
        return pd.Series([pd.NA] * len(df), index=df.index, dtype="string")
    order = np.lexsort((np.arange(len(df)), df["published"].isna().to_numpy(), df["published"].fillna(pd.Timestamp.max).to_numpy()))
    texts = df["text"].to_numpy()[order]
    try:
        idx = find_duplicates(list(texts), threshold=threshold if threshold is not None else 1.0)
    except TooLarge as exc:
        raise ReaderError(f"{exc}. Use duplicates=None (exact duplicates only) or duplicates=False (none) "
                          "(on the command line: --duplicates exact or off), "
                          "or load the files in smaller groups and flag near duplicates within each "
                          "(limits: docs/loading-robustness.md)") from None
    dup = np.full(len(df), None, dtype=object)
    ids = df["doc_id"].to_numpy()
    for pos, j in enumerate(idx):
        if j >= 0:
            dup[order[pos]] = ids[order[j]]
    return pd.Series(dup, index=df.index, dtype="string")

