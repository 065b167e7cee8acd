"""Every mention of a target (actor or term) with the sentiment of its context and its voice."""
from __future__ import annotations

from typing import Literal, Mapping, Sequence

import numpy as np
import pandas as pd

from discourse import _vader
from discourse.sentiment._score import _SCORES, _annotations, _check_method
from discourse.words import WORD_PATTERN

__all__ = ["mentions", "targets_lexicon"]

Targets = Mapping[str, "str | Sequence[str]"] | Sequence[str] | str | pd.DataFrame


def targets_lexicon(targets, match: str | None = "glob") -> pd.DataFrame:
    """``targets`` as a lexicon: a DataFrame as is, a dict ``{name: aliases}``, a list
    of terms (each its own name) or one term."""
    from discourse import lexicon

    if isinstance(targets, pd.DataFrame):
        return targets
    if isinstance(targets, str):
        targets = [targets]
    mapping = dict(targets) if isinstance(targets, Mapping) else {t: [t] for t in targets}
    if not mapping:
        raise ValueError("targets is empty; give a dict {name: aliases}, a list of terms or a lexicon table")
    return lexicon.from_dict(mapping, match=match)


def _window_span(t: str, ss: int, ms: int, me: int, se: int, k: int) -> tuple[int, int]:
    """Character span of ``k`` words (:data:`discourse.words.WORD_PATTERN`) left and right
    of the mention ``t[ms:me]``, inside its sentence ``t[ss:se]``."""
    a, b = ms, me
    if k:
        left = [m.start() for m in WORD_PATTERN.finditer(t, ss, ms)]
        if left:
            a = left[-k] if len(left) >= k else left[0]
        right = []
        for m in WORD_PATTERN.finditer(t, me, se):
            right.append(m.end())
            if len(right) == k:
                break
        if right:
            b = right[-1]
    return a, b


def mentions(
    data,
    targets: Targets,
    *,
    match: Literal["fixed", "glob", "regex"] = "glob",
    window: int | None = None,
    method: Literal["vader", "nltk"] = "vader",
) -> pd.DataFrame:
    """Every mention of a target with the sentiment of its context and its voice.

    Parameters
    ----------
    data : DataFrame or Annotations
        Articles with ``doc_id`` and ``text`` (plus ``outlet``, ``published`` ...), or
        their annotations (:func:`discourse.text.annotate`): their sentences are the
        contexts and their quotations give each mention its voice (:mod:`discourse.voice`).
    targets : dict, list, str or DataFrame
        Actors or terms: ``{"Taliban": ["Taliban", "insurgents"], ...}`` (name ->
        aliases), a list of terms (each its own name), or a lexicon table
        (``pattern``, ``category``; :func:`discourse.lexicon.read`).
    match : {"fixed", "glob", "regex"}, default "glob"
        How aliases match (case-insensitive, whole words; see :mod:`discourse.terms`).
        Ignored for a lexicon table, which carries its own ``match`` column.
    window : int, optional
        ``None``: the context is the sentence holding the mention. An integer ``k``:
        the ``k`` words (:data:`discourse.words.WORD_PATTERN`) on each side of the
        mention, within its sentence, plus the mention, so long sentences about
        several actors are split.
    method : {"vader", "nltk"}
        As in :func:`score`.

    Returns
    -------
    DataFrame
        One row per mention: ``doc_id``, ``para_id``, ``sent_id``, ``start``, ``end``
        (of the mention), ``target``, ``match`` (text as written), ``voice``,
        ``speaker``, ``context_start``, ``context_end``, ``neg``, ``neu``, ``pos``,
        ``compound`` (of the context), and the corpus's ``outlet`` and
        ``published`` when present.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ['The army failed. "The army is brave," he said.']})
    >>> mentions(df, {"army": ["army"]})[["target", "voice", "compound"]]
      target      voice  compound
    0   army  authorial   -0.5106
    1   army     quoted    0.5267
    """
    from discourse import terms

    _check_method(method)
    if window is not None and int(window) < 0:
        raise ValueError(f"window must be a non-negative number of words, not {window}")
    ann = _annotations(data)
    m = terms.find(ann, targets_lexicon(targets, match))
    m = m.rename(columns={"category": "target"})
    sents = ann.sentences
    s_ids = sents["doc_id"].astype(str).to_numpy(dtype=object)
    sent_idx = pd.MultiIndex.from_arrays([s_ids, sents["sent_id"].to_numpy(dtype=np.int64)])
    if len(m):
        pos = sent_idx.get_indexer(pd.MultiIndex.from_arrays([m["doc_id"].astype(str).to_numpy(dtype=object),
                                                              m["sent_id"].to_numpy(dtype=np.int64)]))
    else:
        pos = np.zeros(0, np.int64)
    found = pos >= 0  # a mention outside every sentence (-1) is its own context
    s_start = np.where(found, sents["start"].to_numpy(dtype=np.int64)[np.clip(pos, 0, None)] if len(sents) else 0,
                       m["start"].to_numpy(dtype=np.int64))
    s_end = np.where(found, sents["end"].to_numpy(dtype=np.int64)[np.clip(pos, 0, None)] if len(sents) else 0,
                     m["end"].to_numpy(dtype=np.int64))
    texts = ann.texts
    ids = m["doc_id"].astype(str).tolist()
    if window is None:
        c_start, c_end = s_start, s_end
    else:
        spans = [_window_span(texts[d], ss, ms, me, se, int(window)) for d, ss, ms, me, se in
                 zip(ids, s_start.tolist(), m["start"].tolist(), m["end"].tolist(), s_end.tolist())]
        c_start = np.array([a for a, _ in spans], dtype=np.int64)
        c_end = np.array([b for _, b in spans], dtype=np.int64)
    ctx = [texts[d][a:b] for d, a, b in zip(ids, np.asarray(c_start).tolist(), np.asarray(c_end).tolist())]
    sc = _vader.polarity_scores(ctx, method=method) if ctx else np.zeros((0, 4))
    out = m[["doc_id", "para_id", "sent_id", "start", "end", "target", "match", "voice", "speaker"]].copy()
    out["context_start"] = np.asarray(c_start, dtype="int64")
    out["context_end"] = np.asarray(c_end, dtype="int64")
    for j, name in enumerate(_SCORES):
        out[name] = sc[:, j]
    corpus = ann.corpus
    meta = [c for c in ("outlet", "published") if c in corpus.columns]
    if meta:
        info = corpus.drop_duplicates("doc_id")[["doc_id", *meta]]
        info = info.assign(doc_id=info["doc_id"].astype(str).astype("string"))
        out = out.merge(info, on="doc_id", how="left")
    return out.reset_index(drop=True)
