"""Voice: whose words a span of text is. The one owner of the voice vocabulary.

Every analysis that splits results by voice (terms, sentiment toward actors, frames,
actor labels, the document-term matrix) takes its names, its mapping from quotation
kinds and its selection rule from here, so ``voice="authorial"`` means the same thing
everywhere.

============= ===================================================================
voice         meaning
============= ===================================================================
``authorial`` the outlet's own words: outside every quotation
``quoted``    inside a direct or partial quotation attributed (or attributable) to
              a speaker
``scare``     inside a scare quote: words the outlet holds at a distance
``reported``  inside reported (indirect) speech: "X said that ..."
============= ===================================================================

The option ``voice=`` of every analysis means one thing: ``None`` (the default) keeps
all voices; a name or a list of names keeps only those. Results per voice come from
``by=[..., "voice"]``.
"""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
import pandas as pd

__all__ = ["VOICES", "KIND_VOICE", "check", "of_kind", "assign", "select"]

#: the voices, in the order tables and plots list them
VOICES = ("authorial", "quoted", "scare", "reported")

#: quotation ``kind`` (from :func:`discourse.quotes.find`) → voice of the words inside it
KIND_VOICE = {"direct": "quoted", "partial": "quoted", "scare": "scare", "indirect": "reported"}


def check(voice: str | Sequence[str] | None) -> list[str] | None:
    """Validate a ``voice=`` option: ``None`` (all voices) or a list of known voices.

    Examples
    --------
    >>> check("authorial"), check(None)
    (['authorial'], None)
    """
    if voice is None:
        return None
    voices = [voice] if isinstance(voice, str) else list(voice)
    bad = [v for v in voices if v not in VOICES]
    if bad or not voices:
        raise ValueError(f"voice must be None (all voices) or among {VOICES}, not {voice!r}")
    return voices


def of_kind(kinds: Iterable[str]) -> np.ndarray:
    """The voice of the words inside quotations of these kinds (unknown kinds: quoted).

    Examples
    --------
    >>> of_kind(["direct", "scare", "indirect"]).tolist()
    ['quoted', 'scare', 'reported']
    """
    kinds = kinds if isinstance(kinds, (np.ndarray, pd.Series, pd.Index, pd.api.extensions.ExtensionArray)) \
        else list(kinds)
    if not len(kinds):
        return np.array([], dtype=object)
    codes, uniq = pd.factorize(np.asarray(kinds, dtype=object), use_na_sentinel=False)  # a few distinct kinds
    return np.array([KIND_VOICE.get(str(k), "quoted") for k in uniq], dtype=object)[codes]


def assign(doc_ids, starts, quotes: pd.DataFrame | None) -> tuple[np.ndarray, np.ndarray]:
    """Voice and speaker of the characters at ``starts`` in documents ``doc_ids``.

    A position inside several nested quotations takes the innermost (shortest) one;
    among equally long ones, the first in ``quotes``.

    Parameters
    ----------
    doc_ids, starts : array-like
        Document id and character offset of each position.
    quotes : DataFrame or None
        Quotations (``doc_id``, ``start``, ``end``, ``kind``, optional ``speaker``);
        ``None`` gives every position the voice ``authorial``.

    Returns
    -------
    (voice, speaker) : two object arrays; ``speaker`` is NA outside quotations.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a"], "start": [5], "end": [9], "kind": ["direct"], "speaker": ["Ana"]})
    >>> v, s = assign(["a", "a"], [0, 6], q)
    >>> v.tolist(), s.tolist()
    (['authorial', 'quoted'], [<NA>, 'Ana'])
    """
    return Index(quotes).lookup(doc_ids, starts)


class Index:
    """The quotations of a corpus cut into elementary segments, each with its innermost
    quotation: built once, it gives the voice of any number of positions by binary
    search (:func:`assign`; the shared annotations keep one).

    Parameters
    ----------
    quotes : DataFrame or None
        As in :func:`assign`.
    """

    _SHIFT = 1 << 40  # global key: document code * _SHIFT + offset

    def __init__(self, quotes: pd.DataFrame | None):
        n = 0 if quotes is None else len(quotes)
        self.n = n
        if not n:
            return
        q_ids = quotes["doc_id"].astype(str).to_numpy(dtype=object)
        q_start = quotes["start"].to_numpy(dtype=np.int64)
        q_end = quotes["end"].to_numpy(dtype=np.int64)
        self.q_voice = of_kind(quotes["kind"].to_numpy(dtype=object))
        self.q_speaker = (quotes["speaker"].to_numpy(dtype=object) if "speaker" in quotes.columns
                          else np.full(n, pd.NA, dtype=object))
        codes, uniq = pd.factorize(q_ids)
        self.ids = pd.Index(uniq)
        ks = codes.astype(np.int64) * self._SHIFT + q_start
        ke = codes.astype(np.int64) * self._SHIFT + q_end
        self.bounds = np.unique(np.concatenate([ks, ke]))
        a = np.searchsorted(self.bounds, ks)
        b = np.searchsorted(self.bounds, ke)
        owner = np.full(len(self.bounds), -1, dtype=np.int64)
        # quotations that overlap no other own their segments outright; the others are
        # written longest first (ties: last row first), so the innermost, then the
        # first row, is written last
        by_start = np.lexsort((ke, ks))
        run_end = np.maximum.accumulate(ke[by_start])
        new = np.ones(n, dtype=bool)
        new[1:] = ks[by_start][1:] >= run_end[:-1]
        cluster = np.cumsum(new) - 1
        alone = np.zeros(n, dtype=bool)
        alone[by_start] = np.bincount(cluster)[cluster] == 1
        single = np.flatnonzero(alone & (b > a))
        owner[a[single]] = single  # one segment each (nothing else has a boundary inside)
        rest = np.flatnonzero(~alone)
        rest = rest[np.lexsort((-rest, -(q_end[rest] - q_start[rest])))]
        for q, i, j in zip(rest.tolist(), a[rest].tolist(), b[rest].tolist()):
            owner[i:j] = q
        self.owner = owner

    def lookup(self, doc_ids, starts) -> tuple[np.ndarray, np.ndarray]:
        """Voice and speaker (object arrays) of each position, as :func:`assign`."""
        pos = np.asarray(starts, dtype=np.int64)
        if not self.n or not len(pos):
            return self.at(np.zeros(len(pos), np.int64), pos)
        # ids compared as text, whatever their dtypes (factorised first: few distinct ids)
        p_code, p_uniq = pd.factorize(np.asarray(doc_ids, dtype=object))
        return self.at(self.codes([str(u) for u in p_uniq])[p_code], pos)

    def codes(self, doc_ids: Sequence[str]) -> np.ndarray:
        """The code of each document id (text) for :meth:`at`; -1: no quotation in it."""
        if not self.n:
            return np.full(len(doc_ids), -1, dtype=np.int64)
        return self.ids.get_indexer(list(doc_ids)).astype(np.int64)

    def _owner(self, code: np.ndarray, pos: np.ndarray) -> np.ndarray:
        """The row of the innermost quotation holding each position; -1: none."""
        seg = np.searchsorted(self.bounds, code * self._SHIFT + pos, side="right") - 1
        return np.where((code >= 0) & (seg >= 0), self.owner[np.clip(seg, 0, None)], -1)

    def voice_codes(self, code: np.ndarray, pos: np.ndarray) -> np.ndarray:
        """The voice of each position as its number in :data:`VOICES` (:meth:`at` without
        building strings)."""
        out = np.zeros(len(pos), dtype=np.int64)  # authorial
        if not self.n or not len(pos):
            return out
        q_code = pd.Index(VOICES).get_indexer(self.q_voice)
        own = self._owner(code, pos)
        hit = own >= 0
        out[hit] = q_code[own[hit]]
        return out

    def at(self, code: np.ndarray, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`lookup` of positions given by document code (:meth:`codes`)."""
        m = len(pos)
        voice = np.full(m, "authorial", dtype=object)
        speaker = np.full(m, pd.NA, dtype=object)
        if not self.n or not m:
            return voice, speaker
        own = self._owner(code, pos)
        hit = np.flatnonzero(own >= 0)
        voice[hit] = self.q_voice[own[hit]]
        speaker[hit] = self.q_speaker[own[hit]]
        return voice, speaker


def select(table: pd.DataFrame, voice: str | Sequence[str] | None) -> pd.DataFrame:
    """Rows of ``table`` in the given voices (``None``: all rows), as a new table.

    Examples
    --------
    >>> t = pd.DataFrame({"voice": ["authorial", "quoted"]})
    >>> select(t, "quoted")["voice"].tolist()
    ['quoted']
    """
    voices = check(voice)
    if voices is None:
        return table.copy()
    if "voice" not in table.columns:
        raise KeyError("the table has no 'voice' column; compute it from annotations (discourse.text.annotate)")
    return table[table["voice"].isin(voices)].reset_index(drop=True)
