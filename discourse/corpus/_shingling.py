"""Word and shingle hashes of many texts at once, with numpy instead of a Python loop per word.

The results equal the per-text definition (:func:`discourse.corpus._duplicates._shingles`):
words are the ``\\w+`` runs of the case-folded text, each hashed with CRC-32 of its
UTF-8 bytes (``zlib.crc32``); a shingle is ``k`` consecutive word hashes combined
polynomially. Working on one byte array for the whole corpus avoids creating a Python
string per word, which is what made duplicate detection slow. The shingle sets of
the texts to compare (:func:`unique_sets`), their bitmaps (:func:`set_bitmaps`) and
the sizes of pairwise intersections (:func:`intersections`) are arrays too, built in
blocks so that the memory stays bounded for a million texts.
"""
from __future__ import annotations

import functools
import re
import zlib
from typing import Sequence

import numpy as np

_WORD_CHAR = re.compile(r"\w")
_MULTIPLIER = np.uint64(1000003)
_LONG_WORD = 255  # longer words (rare) are hashed one by one with zlib
_VALUE_BLOCK = 1 << 21  # values handled at once by unique_sets and set_bitmaps (bounds the memory)


@functools.cache
def _crc_table() -> np.ndarray:
    """The byte table of CRC-32 (IEEE, reflected polynomial 0xEDB88320), as ``zlib`` uses."""
    c = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        c = np.where(c & 1, np.uint32(0xEDB88320) ^ (c >> 1), c >> 1).astype(np.uint32)
    return c


@functools.cache
def _bmp_word_chars() -> np.ndarray:
    """For each code point below U+10000: is it a word character (``\\w``) for ``re``?"""
    return np.fromiter((_WORD_CHAR.match(chr(c)) is not None for c in range(0x10000)), dtype=bool, count=0x10000)


def _word_bytes(b: np.ndarray) -> np.ndarray:
    """For each byte of UTF-8 text: does it belong to a word character?"""
    byte_table = np.zeros(256, dtype=bool)
    byte_table[:128] = _bmp_word_chars()[:128]
    word = byte_table[b]  # ASCII; the bytes of other characters are settled below
    high = np.flatnonzero(b >= 0x80)
    if not len(high):
        return word
    hb = b[high].astype(np.uint32)
    lead = (hb & 0xC0) == 0xC0
    pos = high[lead]
    first = hb[lead]
    size = np.where(first < 0xE0, 2, np.where(first < 0xF0, 3, 4))
    cp = first & np.where(size == 2, 0x1F, np.where(size == 3, 0x0F, 0x07)).astype(np.uint32)
    for j in range(1, 4):
        more = size > j
        cp[more] = (cp[more] << 6) | (b[pos[more] + j].astype(np.uint32) & 0x3F)
    is_word = np.zeros(len(cp), dtype=bool)
    bmp = cp < 0x10000
    is_word[bmp] = _bmp_word_chars()[cp[bmp]]
    astral = np.flatnonzero(~bmp)
    is_word[astral] = [_WORD_CHAR.match(chr(int(c))) is not None for c in cp[astral]]
    # continuation bytes take the value of the lead byte before them
    lead_of = np.maximum.accumulate(np.where(lead, np.arange(len(high)), 0))
    by_lead = np.zeros(len(high), dtype=bool)
    by_lead[lead] = is_word
    word[high] = by_lead[lead_of]
    return word


def _crc32_words(b: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``zlib.crc32`` of the byte ranges ``b[starts[i] : starts[i] + lengths[i]]``.

    All words advance together one byte per step, longest words first so that the
    words still going are always a prefix of the arrays; buffers are reused.
    """
    table = _crc_table()
    key = np.minimum(lengths, _LONG_WORD).astype(np.uint8)
    order = np.argsort(np.uint8(_LONG_WORD) - key, kind="stable")  # longest first (a radix sort)
    pos = starts[order]
    longer = np.cumsum(np.bincount(key, minlength=_LONG_WORD + 1)[::-1])[::-1]  # longer[p]: words of >= p bytes
    crc = np.full(len(pos), 0xFFFFFFFF, dtype=np.uint32)
    x = np.empty(len(pos), dtype=np.uint8)
    y = np.empty(len(pos), dtype=np.uint32)
    for p in range(int(key.max(initial=0))):
        k = int(longer[p + 1])
        np.take(b, pos[:k], out=x[:k], mode="clip")
        np.bitwise_xor(x[:k], crc[:k], out=x[:k], casting="unsafe")  # the byte ^ the crc's low byte
        np.take(table, x[:k], out=y[:k], mode="clip")
        crc[:k] >>= 8
        crc[:k] ^= y[:k]
        pos[:k] += 1
    out = np.empty(len(pos), dtype=np.uint32)
    out[order] = crc ^ np.uint32(0xFFFFFFFF)
    for i in np.flatnonzero(lengths > _LONG_WORD):
        out[i] = zlib.crc32(b[starts[i] : starts[i] + lengths[i]].tobytes())
    return out


def word_hashes(texts: Sequence[str], *, block: int = 1 << 22) -> tuple[np.ndarray, np.ndarray]:
    """CRC-32 of every word of every text, and where each text's words start.

    Returns ``(hashes, offsets)``: the words of text ``i`` have the hashes
    ``hashes[offsets[i]:offsets[i + 1]]`` (``uint64``), equal to
    ``[zlib.crc32(w.encode()) for w in re.findall(r"\\w+", text.casefold())]``.
    Texts are read in blocks of about ``block`` characters, which bounds the memory.
    """
    parts = [(np.zeros(0, dtype=np.uint64), np.zeros(1, dtype=np.int64))]
    start = 0
    while start < len(texts):
        stop, size = start + 1, len(texts[start])
        while stop < len(texts) and size + len(texts[stop]) <= block:
            size += len(texts[stop])
            stop += 1
        parts.append(_block_word_hashes(texts[start:stop]))
        start = stop
    shift = np.cumsum([len(h) for h, _ in parts])
    hashes = np.concatenate([h for h, _ in parts])
    offsets = np.concatenate([parts[0][1]] + [o[1:] + shift[i - 1] for i, (_, o) in enumerate(parts) if i])
    return hashes, offsets


def _block_word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """:func:`word_hashes` of a few texts (at least one), as one byte array."""
    encoded = [t.casefold().encode("utf-8", "surrogatepass") for t in texts]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    text_start = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]]).astype(np.int64)
    b = np.frombuffer(b"\n".join(encoded), dtype=np.uint8)  # "\n" is no word character
    edge = np.diff(_word_bytes(b).view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edge == 1)
    ends = np.flatnonzero(edge == -1)
    hashes = _crc32_words(b, starts, ends - starts).astype(np.uint64)
    offsets = np.searchsorted(starts, np.append(text_start, len(b) + 1)).astype(np.int64)
    return hashes, offsets


def shingle_hashes(words: np.ndarray, offsets: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """63-bit hashes of the word ``k``-grams of every text (with repeats, in text order).

    Takes the result of :func:`word_hashes`; returns ``(values, offsets)``: text ``i``
    has ``values[offsets[i]:offsets[i + 1]]``, whose sorted unique values are
    ``_shingles(normalized text, k)``. A text of fewer than ``k`` words is padded with
    zero hashes to one shingle.
    """
    counts = np.diff(offsets)
    n_sh = np.maximum(counts - k + 1, 1)
    out_offsets = np.concatenate([[0], np.cumsum(n_sh)]).astype(np.int64)
    short = np.flatnonzero(counts < k)
    with np.errstate(over="ignore"):
        m = max(len(words) - k + 1, 0)
        acc = np.zeros(m, dtype=np.uint64)
        for j in range(k):  # (in place: this array is as long as the corpus)
            np.multiply(acc, _MULTIPLIER, out=acc)
            np.add(acc, words[j : j + m], out=acc)
        # keep the windows that end in the text they start in
        inside = np.ones(m, dtype=bool)
        boundary = offsets[1:-1]
        for d in range(1, k):
            before = boundary - d
            inside[before[(before >= 0) & (before < m)]] = False
        values = acc[inside]
        del acc, inside
        if len(short):  # fewer than k words: one shingle, padded with zero hashes
            padded = np.zeros((len(short), k), dtype=np.uint64)
            for row, i in enumerate(short):
                padded[row, : counts[i]] = words[offsets[i] : offsets[i + 1]]
            a = np.zeros(len(short), dtype=np.uint64)
            for j in range(k):
                a = a * _MULTIPLIER + padded[:, j]
            values = np.insert(values, out_offsets[short] - np.arange(len(short)), a)
    values >>= np.uint64(1)
    return values.view(np.int64), out_offsets


def unique_sets(values: np.ndarray, offsets: np.ndarray, texts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sorted unique values of the chosen ``texts``, as one array and its offsets.

    ``values[offsets[i]:offsets[i + 1]]`` are the values of text ``i`` (with repeats);
    returns ``(sets, set_offsets)`` where set ``k`` (of text ``texts[k]``) is
    ``sets[set_offsets[k]:set_offsets[k + 1]]``, equal to ``np.unique`` of its values.
    Texts are sorted in blocks of about ``_VALUE_BLOCK`` values, which bounds the memory.
    """
    block = _VALUE_BLOCK
    sizes = (offsets[texts + 1] - offsets[texts]).astype(np.int64)
    ends = np.cumsum(sizes)
    parts, counts = [], []
    start = 0
    while start < len(texts):
        stop = max(start + 1, int(np.searchsorted(ends, (ends[start - 1] if start else 0) + block, side="right")))
        chunk = sizes[start:stop]
        owner = np.repeat(np.arange(len(chunk), dtype=np.int32), chunk)
        first = np.repeat(offsets[texts[start:stop]] - (np.cumsum(chunk) - chunk), chunk)
        picked = values[first + np.arange(len(owner), dtype=np.int64)]
        order = np.lexsort((picked, owner))  # by text, then value
        picked, owner = picked[order], owner[order]
        keep = np.ones(len(picked), dtype=bool)
        keep[1:] = (picked[1:] != picked[:-1]) | (owner[1:] != owner[:-1])
        parts.append(picked[keep])
        counts.append(np.bincount(owner[keep], minlength=len(chunk)))
        start = stop
    counts = np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64)
    sets = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    return sets, np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)


def set_bitmaps(sets: np.ndarray, set_offsets: np.ndarray, words: int) -> np.ndarray:
    """One bitmap of ``64 * words`` bits per set: the bit of each value is set.

    Two sets ``A`` and ``B`` with bitmaps ``a`` and ``b``: every bit of ``a & ~b``
    belongs to a value of ``A`` that is not in ``B``, so ``|A & B| <= |A| -
    popcount(a & ~b)``, a bound on the Jaccard similarity that needs no set.
    """
    out = np.zeros((len(set_offsets) - 1) * words, dtype=np.uint64)
    shift = np.uint64(64 - int(np.log2(64 * words)))
    for lo in range(0, len(sets), _VALUE_BLOCK):  # in blocks of values, to bound the memory
        hi = min(len(sets), lo + _VALUE_BLOCK)
        with np.errstate(over="ignore"):
            bit = (sets[lo:hi].astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> shift
        row = np.searchsorted(set_offsets, np.arange(lo, hi), side="right") - 1
        np.bitwise_or.at(out, row * words + (bit >> np.uint64(6)).astype(np.int64),
                         np.uint64(1) << (bit & np.uint64(63)))
    return out.reshape(len(set_offsets) - 1, words)


def intersections(sets: np.ndarray, set_offsets: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``len(np.intersect1d(set a[p], set b[p]))`` for each pair ``p`` (sets sorted unique)."""
    starts = np.concatenate([set_offsets[a], set_offsets[b]])
    sizes = np.concatenate([set_offsets[a + 1], set_offsets[b + 1]]) - starts
    pair = np.repeat(np.tile(np.arange(len(a), dtype=np.int64), 2), sizes)
    first = np.repeat(starts - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes)
    vals = sets[first + np.arange(len(pair), dtype=np.int64)]
    order = np.lexsort((vals, pair))
    vals, pair = vals[order], pair[order]
    same = (vals[1:] == vals[:-1]) & (pair[1:] == pair[:-1])  # a value in both sets of the pair
    return np.bincount(pair[1:][same], minlength=len(a))
