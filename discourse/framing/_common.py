"""Small helpers shared by the framing modules: the annotations of the input, group
columns, and the calls into the shared layer (lexicon matches, sentence sentiment)."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from discourse.text._annotate import Annotations, as_annotations


def _annotations(data, name: str = "data") -> Annotations:
    """``data`` (a corpus table or :class:`~discourse.text.Annotations`) as annotations."""
    if isinstance(data, pd.DataFrame) and "text" not in data.columns and "frame" in data.columns:
        raise TypeError(f"{name} must be the corpus (or discourse.text.Annotations), not a table of frame "
                        "scores; pass the corpus first, the scores after it")
    return as_annotations(data)


def _string_ids(df: pd.DataFrame) -> pd.DataFrame:
    """``doc_id`` as pandas ``string`` dtype, like the corpus and the other analyses, so
    the table merges with them without falling back to ``object``."""
    if "doc_id" in df.columns:
        df["doc_id"] = df["doc_id"].astype("string")
    return df


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    """An option given as one name, several names or ``None`` (none), as a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _group_keys(corpus: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    """The ``by=`` columns, checked against the corpus (``None``: no grouping)."""
    keys = _as_list(by)
    missing = [k for k in keys if k not in corpus.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in the corpus; pass by=None or a column of the corpus "
                       f"({', '.join(map(str, corpus.columns))})")
    return keys


def _string_keys(out: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Text group columns as pandas ``string`` dtype, as in the corpus."""
    for k in keys:
        if k in out.columns and (out[k].dtype == object or pd.api.types.is_string_dtype(out[k])):
            out[k] = out[k].astype("string")
    return out


def _find(ann: Annotations, lexicon: pd.DataFrame) -> pd.DataFrame:
    """All matches of ``lexicon`` (:func:`discourse.terms.find` with ``overlap="all"``),
    with units, voice and speaker from the annotations."""
    from discourse import terms

    return terms.find(ann, lexicon, overlap="all").reset_index(drop=True)


def _sentence_sentiment(ann: Annotations) -> pd.DataFrame:
    """Sentence sentiment (:func:`discourse.sentiment.score`) of the annotations."""
    from discourse import sentiment

    return sentiment.score(ann, level="sentence")


# ------------------------------------------------ frame indicators, on arrays
def _indicators(ann, lex: pd.DataFrame, frames: list[str], voices):
    """The frame indicators of the annotations as arrays: text number, start, end,
    frame number and weight, one row per match and frame its pattern indicates.

    Every distinct pattern is searched once (:func:`discourse.terms.find`'s matcher,
    every overlap kept, veto phrases applied); a match counts for each frame its
    pattern is listed under, overlapping indicators of one frame count once (the
    longest), and then only the matches in ``voices`` are kept.
    """
    from discourse import lexicon as _lexicon
    from discourse.terms._mentions import match_arrays

    unique = lex.drop_duplicates(["pattern", "match"]).reset_index(drop=True)
    doc, st, en, row = match_arrays(unique, list(ann.texts.values()), case_sensitive=False, overlap="all",
                                    folds=ann._tables.setdefault("folds", {}))
    cats = unique["category"].to_numpy(dtype=object)
    if len(row) and (cats[row] == _lexicon.EXCLUDE).any():
        light = pd.DataFrame({"doc_id": doc, "start": st, "end": en, "category": cats[row], "_i": np.arange(len(row))})
        keep = _lexicon.apply_exclusions(light)["_i"].to_numpy(dtype=np.int64)
        doc, st, en, row = doc[keep], st[keep], en[keep], row[keep]
    # each distinct pattern -> its (pattern, category) pairs, in lexicon order, with the
    # weight of the first row of each pair
    pairs = lex.drop_duplicates(["pattern", "category"])
    frame_no = {f: i for i, f in enumerate(frames)}
    of_pattern: dict[str, list[tuple[int, float]]] = {}
    for p, c, wt in zip(pairs["pattern"], pairs["category"].astype(str), pairs["weight"].to_numpy(dtype=float)):
        of_pattern.setdefault(p, []).append((frame_no[c], 1.0 if np.isnan(wt) else float(wt)))
    per_row = [of_pattern.get(p, []) for p in unique["pattern"]]
    counts = np.array([len(x) for x in per_row], dtype=np.int64)
    flat_f = np.array([f for x in per_row for f, _ in x], dtype=np.int64)
    flat_w = np.array([wt for x in per_row for _, wt in x], dtype=float)
    first = np.concatenate([[0], np.cumsum(counts)[:-1]]) if len(counts) else np.zeros(0, np.int64)
    rep = np.repeat(np.arange(len(row)), counts[row])
    within = np.arange(len(rep)) - np.repeat(np.cumsum(counts[row]) - counts[row], counts[row])
    pick = first[row][rep] + within
    doc, st, en, frame, w = doc[rep], st[rep], en[rep], flat_f[pick], flat_w[pick]
    keep = _longest_keep(doc * max(len(frames), 1) + frame, st, en)
    doc, st, en, frame, w = doc[keep], st[keep], en[keep], frame[keep], w[keep]
    if voices is not None and len(doc):
        v, _ = ann._voice_at(doc, st)
        keep = np.isin(v, voices)
        doc, st, en, frame, w = doc[keep], st[keep], en[keep], frame[keep], w[keep]
    return doc, st, en, frame, w


def _sentence_rows(ann, keys: dict, doc: np.ndarray, st: np.ndarray) -> np.ndarray:
    """Row of the sentence table holding each match (-1: none)."""
    if not len(doc):
        return np.zeros(0, np.int64)
    _, sent = ann._units_at(doc, st)
    s_doc = pd.Index(list(ann.texts)).get_indexer(keys["doc_id"]).astype(np.int64)
    s_key = s_doc * (1 << 32) + keys["sent_id"]
    order = np.argsort(s_key, kind="stable")
    m_key = doc * (1 << 32) + sent
    pos = np.clip(np.searchsorted(s_key[order], m_key), 0, max(len(order) - 1, 0))
    found = (sent >= 0) & (len(order) > 0) & (s_key[order][pos] == m_key) if len(order) else np.zeros(len(doc), bool)
    return np.where(found, order[pos] if len(order) else -1, -1)


def _unit_words(ann, voices, level: str, keys: dict, order: np.ndarray, n_frames: int) -> pd.Series:
    """Words in the counted voices of each row of the grid (NaN: a sentence without any)."""
    counts = ann.word_counts(voice=voices, level=level)
    if level == "document":
        per_text = pd.Series(counts["n_words"].to_numpy(dtype=np.int64),
                             index=counts["doc_id"].astype(str).to_numpy(dtype=object))
        words = per_text.reindex(keys["doc_id"][order]).to_numpy()
    else:
        key = pd.MultiIndex.from_arrays([counts["doc_id"].astype(str).to_numpy(dtype=object),
                                         counts["sent_id"].to_numpy(dtype=np.int64)])
        per_sent = pd.Series(counts["n_words"].to_numpy(dtype=np.int64), index=key)
        words = per_sent.reindex(pd.MultiIndex.from_arrays([keys["doc_id"][order], keys["sent_id"][order]])).to_numpy()
    return pd.Series(np.repeat(words, n_frames))


def _longest_keep(group: np.ndarray, st: np.ndarray, en: np.ndarray) -> np.ndarray:
    """Which matches to keep when, within each ``group`` (a document and frame), a match
    overlapped by a longer one is dropped.

    Matches are taken longest first (then earliest start, then input order) unless they
    overlap one already taken. Only matches that overlap another of their group need
    that greedy pass; it runs on each cluster of overlapping matches alone (a match
    outside the cluster overlaps none of it), the rest are kept as they are.
    """
    n = len(group)
    keep = np.zeros(n, dtype=bool)
    if not n:
        return keep
    row = np.arange(n)
    order = np.lexsort((row, en, st, group))  # by group, then start
    g, a, b = group[order], st[order], en[order]
    first = np.ones(n, dtype=bool)
    first[1:] = g[1:] != g[:-1]
    run_end = _group_cummax(b, first)  # furthest end so far within the group
    new = first.copy()
    new[1:] |= a[1:] >= run_end[:-1]
    cluster = np.cumsum(new) - 1
    sizes = np.bincount(cluster)
    keep[order[sizes[cluster] == 1]] = True
    first_of = np.cumsum(sizes) - sizes  # clusters are runs of ``order``
    for c in np.flatnonzero(sizes > 1).tolist():
        idx = order[first_of[c]:first_of[c] + sizes[c]]
        idx = idx[np.lexsort((idx, st[idx], -(en[idx] - st[idx])))]  # longest, earliest, first
        taken: list[tuple[int, int]] = []
        for j, s_, e_ in zip(idx.tolist(), st[idx].tolist(), en[idx].tolist()):
            if all(e_ <= ts or s_ >= te for ts, te in taken):
                taken.append((s_, e_))
                keep[j] = True
    return keep


def _group_cummax(values: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Running maximum of ``values`` restarting where ``first`` is True."""
    gid = np.cumsum(first) - 1
    # lift each group above the previous ones so one running maximum serves all
    span = int(values.max() - values.min()) + 1 if len(values) else 1
    lifted = values + gid * span
    return np.maximum.accumulate(lifted) - gid * span
