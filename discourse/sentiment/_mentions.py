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
    exclude_labels: bool = True,
    case_sensitive: bool | None = None,
) -> pd.DataFrame:
    """Every mention of a target with the sentiment of its context and its voice.

    Mentions are found by the one alias matcher that :func:`discourse.framing.actor_labels`
    uses too (:mod:`discourse.terms._mentions`): whole words ("Kabul" is not mentioned
    in "Kabul-based"), any case except for all-capitals aliases ("Kabul" finds the
    dateline "KABUL", "ICE" does not find "ice"), the longest alias wins.

    By default the tone of a context leaves out the words that name the target: the
    alias and the noun phrase it heads (its label: "illegal immigrants",
    "undocumented immigrants", "the Taliban Islamist insurgency"; chunked as in
    :func:`discourse.framing.actor_labels`), for every mention of the same target in
    the context. Otherwise a loaded label carries its own valence into every sentence
    that uses it ("illegal" is negative in VADER), and a comparison of outlets measures
    their choice of label rather than their tone; the labels themselves are compared
    with :func:`discourse.framing.label_summary`. What the context says about the
    target (predicates such as "is a puppet", the verbs, the rest of the sentence) is
    still scored.

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
        How aliases match (whole words; see :mod:`discourse.terms`). Ignored for a
        lexicon table, which carries its own ``match`` column.
    window : int, optional
        ``None``: the context is the sentence holding the mention. An integer ``k``:
        the ``k`` words (:data:`discourse.words.WORD_PATTERN`) on each side of the
        mention (of its noun phrase when labels are left out), within its sentence,
        plus the mention, so long sentences about several actors are split.
    method : {"vader", "nltk"}
        As in :func:`score`.
    exclude_labels : bool, default True
        Score the context without the target's aliases and the noun phrases they
        head (listed in ``left_out``); ``False`` scores the whole context.
    case_sensitive : bool or None
        ``None`` (default): all-capitals aliases ("ICE", "US") in exact case, the
        others in any case (write an acronym in lowercase to match it in any case);
        ``True``/``False``: every alias in exact/any case.

    Returns
    -------
    DataFrame
        One row per mention: ``doc_id``, ``para_id``, ``sent_id``, ``start``, ``end``
        (of the mention), ``target``, ``match`` (text as written), ``voice``,
        ``speaker``, ``context_start``, ``context_end``, ``left_out`` (the words
        left out of the context's score, phrases joined by ``"; "``; NA when none
        or ``exclude_labels=False``), ``neg``, ``neu``, ``pos``, ``compound`` (of the
        context), and the corpus's ``outlet`` and ``published`` when present.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ['The army failed. "The army is brave," he said.']})
    >>> mentions(df, {"army": ["army"]})[["target", "voice", "left_out", "compound"]]
      target      voice left_out  compound
    0   army  authorial     army   -0.5106
    1   army     quoted     army    0.5267
    """
    from discourse.terms._mentions import mentions as _find_mentions

    _check_method(method)
    if window is not None and int(window) < 0:
        raise ValueError(f"window must be a non-negative number of words, not {window}")
    if exclude_labels not in (True, False):
        raise ValueError(f"exclude_labels must be True or False, not {exclude_labels!r}")
    ann = _annotations(data)
    m = _find_mentions(ann, targets_lexicon(targets, match), case_sensitive=case_sensitive)
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
    m_start, m_end = m["start"].tolist(), m["end"].tolist()
    if exclude_labels and len(m):
        from discourse.framing._actors import noun_phrases

        # the noun phrase each mention heads (a mention inside another's phrase: itself)
        phrase = [(max(p[0], int(ss)), min(p[1], int(se))) if p[1] > p[0] else (a, b)
                  for p, a, b, ss, se in zip(noun_phrases(ann, m), m_start, m_end, s_start.tolist(), s_end.tolist())]
    else:
        phrase = list(zip(m_start, m_end))
    if window is None:
        c_start, c_end = s_start, s_end
    else:
        spans = [_window_span(texts[d], ss, ms, me, se, int(window)) for d, ss, (ms, me), se in
                 zip(ids, s_start.tolist(), phrase, s_end.tolist())]
        c_start = np.array([a for a, _ in spans], dtype=np.int64)
        c_end = np.array([b for _, b in spans], dtype=np.int64)
    c_start, c_end = np.asarray(c_start, dtype=np.int64), np.asarray(c_end, dtype=np.int64)
    if exclude_labels:
        ctx, left_out = _without_labels(texts, ids, m["category"].astype(str).tolist(), phrase,
                                        c_start.tolist(), c_end.tolist())
    else:
        ctx = [texts[d][a:b] for d, a, b in zip(ids, c_start.tolist(), c_end.tolist())]
        left_out = [pd.NA] * len(ctx)
    sc = _vader.polarity_scores(ctx, method=method) if ctx else np.zeros((0, 4))
    out = m[["doc_id", "para_id", "sent_id", "start", "end", "category", "match", "voice", "speaker"]].copy()
    out = out.rename(columns={"category": "target"})
    out["context_start"] = c_start
    out["context_end"] = c_end
    out["left_out"] = pd.Series(left_out, index=out.index, dtype="string")
    for j, name in enumerate(_SCORES):
        out[name] = sc[:, j]
    corpus = ann.corpus
    meta = [c for c in ("outlet", "published") if c in corpus.columns]
    if meta:
        info = corpus.drop_duplicates("doc_id")[["doc_id", *meta]]
        info = info.assign(doc_id=info["doc_id"].astype(str).astype("string"))
        out = out.merge(info, on="doc_id", how="left")
    return out.reset_index(drop=True)


def _without_labels(texts, ids, targets, phrase, c_start, c_end) -> tuple[list[str], list]:
    """Each context with the phrases naming its target cut out (every mention of the
    same target in the same document whose phrase lies in the context), and the text
    of what was cut."""
    by_doc: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for d, t, span in zip(ids, targets, phrase):
        by_doc.setdefault((d, t), []).append(span)
    ctx, left = [], []
    for d, t, a, b in zip(ids, targets, c_start, c_end):
        text = texts[d]
        cuts = sorted({(max(x, a), min(y, b)) for x, y in by_doc[(d, t)] if x < b and y > a})
        merged: list[list[int]] = []
        for x, y in cuts:
            if merged and x <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], y)
            else:
                merged.append([x, y])
        pieces, pos = [], a
        for x, y in merged:
            pieces.append(text[pos:x])
            pos = y
        pieces.append(text[pos:b])
        ctx.append(" ".join(p.strip() for p in pieces if p.strip()))
        left.append("; ".join(text[x:y] for x, y in merged) if merged else pd.NA)
    return ctx, left
