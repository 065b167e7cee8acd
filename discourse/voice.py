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
    return np.array([KIND_VOICE.get(str(k), "quoted") for k in kinds], dtype=object)


def assign(doc_ids, starts, quotes: pd.DataFrame | None) -> tuple[np.ndarray, np.ndarray]:
    """Voice and speaker of the characters at ``starts`` in documents ``doc_ids``.

    A position inside several nested quotations takes the innermost (shortest) one.

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
    pos = np.asarray(starts, dtype=np.int64)
    n = len(pos)
    voice = np.full(n, "authorial", dtype=object)
    speaker = np.full(n, pd.NA, dtype=object)
    if quotes is None or not n or not len(quotes):
        return voice, speaker
    q_ids = quotes["doc_id"].astype(str).to_numpy(dtype=object)
    q_start = quotes["start"].to_numpy(dtype=np.int64)
    q_end = quotes["end"].to_numpy(dtype=np.int64)
    q_voice = of_kind(quotes["kind"].to_numpy(dtype=object))
    q_speaker = quotes["speaker"].to_numpy(dtype=object) if "speaker" in quotes.columns else np.full(len(quotes), pd.NA, dtype=object)
    # per document: quotations sorted by length so the first containing one is the innermost
    # ids compared as text, whatever their dtypes (factorised first: few distinct ids)
    p_code, p_uniq = pd.factorize(np.asarray(doc_ids, dtype=object))
    q_code, q_uniq = pd.factorize(q_ids)
    uniq = pd.Index([str(u) for u in q_uniq]).append(pd.Index([str(u) for u in p_uniq])).unique()
    p_code = uniq.get_indexer([str(u) for u in p_uniq])[p_code].astype(np.int64)
    q_code = uniq.get_indexer([str(u) for u in q_uniq])[q_code].astype(np.int64)
    order = np.lexsort((q_end - q_start, q_code))
    q_code, q_start, q_end = q_code[order], q_start[order], q_end[order]
    q_voice, q_speaker = q_voice[order], q_speaker[order]
    bounds = np.searchsorted(q_code, np.arange(len(uniq) + 1))
    p_order = np.argsort(p_code, kind="stable")
    p_bounds = np.searchsorted(p_code[p_order], np.arange(len(uniq) + 1))
    for c in np.unique(q_code):
        rows = p_order[p_bounds[c]:p_bounds[c + 1]]
        if not len(rows):
            continue
        qs, qe = q_start[bounds[c]:bounds[c + 1]], q_end[bounds[c]:bounds[c + 1]]
        inside = (qs[None, :] <= pos[rows, None]) & (pos[rows, None] < qe[None, :])
        hit = inside.any(axis=1)
        first = inside.argmax(axis=1)
        sel = rows[hit]
        voice[sel] = q_voice[bounds[c] + first[hit]]
        speaker[sel] = q_speaker[bounds[c] + first[hit]]
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
