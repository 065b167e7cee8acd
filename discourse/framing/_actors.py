"""Actor labels: every mention of configured actors and the labels attached to it
(pre-modifiers, appositives, predicates), and their counts by outlet."""
from __future__ import annotations

from typing import Iterable, Literal, Mapping, Sequence

import numpy as np
import pandas as pd

from discourse import voice as _voice
from discourse.framing._common import (_annotations, _as_list, _group_keys, _sentence_sentiment, _string_ids,
                                       _string_keys)
from discourse.framing._np_labels import noun_phrases

__all__ = ["actor_labels", "label_summary", "noun_phrases"]


def _actor_table(actors) -> pd.DataFrame:
    if isinstance(actors, pd.DataFrame):
        if not {"actor", "alias"} <= set(actors.columns):
            raise KeyError("actors as a DataFrame needs columns 'actor' and 'alias'")
        tab = actors[["actor", "alias"]].astype(str)
    elif isinstance(actors, Mapping):
        rows = []
        for actor, aliases in actors.items():
            if isinstance(aliases, str):
                aliases = [aliases]
            for a in aliases:
                rows.append((str(actor), str(a)))
        tab = pd.DataFrame(rows, columns=["actor", "alias"])
    else:
        raise TypeError("actors must be a dict {actor: [aliases]} or a DataFrame (actor, alias)")
    tab = tab[tab["alias"].str.strip() != ""].drop_duplicates()
    if tab.empty:
        raise ValueError("actors has no aliases")
    return tab.reset_index(drop=True)


def _actor_lexicon(tab: pd.DataFrame, match: str) -> pd.DataFrame:
    """The actors' aliases as a lexicon (``pattern`` = alias, ``category`` = actor)."""
    from discourse import lexicon

    return lexicon.from_records([{"pattern": alias, "category": actor} for actor, alias in
                                 tab.itertuples(index=False)], match=match)


def _hits(ann, actors, *, match: str = "glob", case_sensitive: bool | None = None) -> pd.DataFrame:
    """Every alias mention by the one alias matcher (:mod:`discourse.terms._mentions`)."""
    from discourse.terms._mentions import mentions

    lex = actors if isinstance(actors, pd.DataFrame) and "pattern" in actors.columns \
        else _actor_lexicon(_actor_table(actors), match)
    return mentions(ann, lex, case_sensitive=case_sensitive)


def actor_labels(
    data,
    actors: Mapping[str, Iterable[str]] | pd.DataFrame,
    *,
    voice: str | Sequence[str] | None = None,
    sentiment: pd.DataFrame | None = None,
    match: Literal["fixed", "glob", "regex"] = "glob",
    case_sensitive: bool | None = None,
) -> pd.DataFrame:
    """Every mention of the configured actors with the labels attached to it.

    Mentions are found by the one alias matcher that :func:`discourse.sentiment.mentions`
    and :func:`discourse.sentiment.toward` use too (:mod:`discourse.terms._mentions`),
    so the three see the same mentions, datelines included: whole words ("Kabul" is
    not mentioned in "Kabul-based"), any case except for all-capitals aliases ("Kabul"
    finds "KABUL (Reuters) -", "ICE" does not find "Ice formed on the roads"), the
    longest alias wins. Around each mention the noun phrase is chunked with rules over
    the tokens of the annotations, capitalisation and the word lists of
    :mod:`discourse.words` (no external model): pre-modifiers (adjectives,
    participles, hyphenated compounds such as "US-backed", nouns such as "puppet",
    other names) and a following head noun, wherever the phrase sits in the sentence
    ("Police detained illegal immigrants" → "illegal immigrants"; "The charity helps
    undocumented immigrants" → "undocumented immigrants"). A phrase never crosses a
    line break, a caption or credit ("Getty Images", "Hide caption") or a byline
    ("By Jane Doe"), and a label is never a verb or a function word. Three kinds of
    label are extracted:

    ``modifier``
        The noun phrase minus determiners, the possessor and the actor's own proper
        name ("Afghanistan's puppet government" → "puppet government";
        "US-backed President Ashraf Ghani" → "US-backed President"; "the Taliban
        Islamist insurgency" → "Islamist insurgency"). A common-noun alias stays
        the head ("government", "regime"), so outlets that say "regime" and
        outlets that say "government" can be compared. A name used as a noun
        modifier labels its actor only through a head that names people, a group or
        an institution ("GOP senators", "the Kabul regime"; "EPA regulations",
        "Democrat votes" or a longer name such as "Republican National Committee"
        give no label), and a verb before or after the name is never part of it
        ("who wanted X", "by giving police more power", "X test-fired").
    ``appositive``
        A noun phrase with a determiner set off by commas before or after the
        mention ("the chairman of the Joint Chiefs of Staff, Gen. Mark Milley").
    ``predicate``
        After a naming verb and "as" ("described Ghani as an illegitimate president
        and a puppet of the US"), a naming verb and "a/an" ("branded Ghani a
        traitor") or a copula ("Ghani is a puppet").

    Parameters
    ----------
    data : DataFrame or Annotations
        The corpus (``doc_id``, ``text``) or its annotations
        (:func:`discourse.text.annotate`): tokens, sentences and the voice of each
        mention come from them.
    actors : dict or DataFrame
        ``{actor: [alias, ...]}`` or a DataFrame with ``actor`` and ``alias``.
    voice : str or list of str, optional
        Keep only mentions in these voices (:mod:`discourse.voice`; default: all).
    sentiment : DataFrame, optional
        Sentence sentiment (:func:`discourse.sentiment.score` at sentence level);
        computed from the annotations when omitted.
    match : {"fixed", "glob", "regex"}, default "glob"
        How aliases match (:mod:`discourse.terms`).
    case_sensitive : bool or None
        ``None`` (default): all-capitals aliases of two or more letters ("ICE",
        "US") in exact case, every other alias in any case (write an acronym in
        lowercase to match it in any case); ``True``: every alias in exact case;
        ``False``: every alias in any case.

    Returns
    -------
    DataFrame
        ``doc_id``, ``actor``, ``alias``, ``match`` (the alias as written),
        ``mention`` (the noun phrase as in the text), ``label`` (NA when the
        mention is a bare name), ``label_type`` (``modifier`` | ``appositive`` |
        ``predicate``), ``voice``, ``start``, ``end`` (of the noun phrase),
        ``match_start``, ``match_end`` (of the alias, as in
        :func:`discourse.sentiment.mentions`), ``sent_id`` and ``compound``
        (sentence sentiment). One row per mention and label: a mention with a
        predicate label also has its modifier row; a further alias of the same
        actor inside another mention's phrase ("the Kabul regime", "the regime in
        Kabul") is its own row without a label.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["d"], "text": ["Police detained illegal immigrants."]})
    >>> no_sentiment = pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "compound"])
    >>> actor_labels(docs, {"immigrants": ["immigrants"]}, sentiment=no_sentiment)["label"].tolist()
    ['illegal immigrants']
    """
    voices = _voice.check(voice)
    tab = _actor_table(actors)
    ann = _annotations(data)
    hits = _hits(ann, tab, match=match, case_sensitive=case_sensitive)
    if sentiment is None:
        sentiment = _sentence_sentiment(ann)
    sby: dict[str, tuple[np.ndarray, ...]] = {}
    if sentiment is not None and len(sentiment):
        comp = sentiment["compound"] if "compound" in sentiment.columns else pd.Series(np.nan, index=sentiment.index)
        sent = sentiment.assign(_c=comp.astype(float))
        for d, sub in sent.groupby(sent["doc_id"].astype(str), sort=False):
            sub = sub.sort_values("start", kind="stable")
            sby[d] = (sub["start"].to_numpy(dtype=np.int64), sub["end"].to_numpy(dtype=np.int64),
                      sub["sent_id"].to_numpy(dtype=np.int64), sub["_c"].to_numpy(dtype=float))
    phrases = noun_phrases(ann, hits)
    rows = []
    for r, (doc_id, actor, alias, m_text, m_start, m_end) in enumerate(zip(
            hits["doc_id"].astype(str), hits["category"].astype(str), hits["pattern"].astype(str),
            hits["match"].astype(str), hits["start"].tolist(), hits["end"].tolist())):
        start, end, mention, labels, part = phrases[r]
        base = dict(doc_id=doc_id, actor=actor, alias=alias, match=m_text, mention=mention, voice=pd.NA,
                    start=start, end=end, match_start=m_start, match_end=m_end)
        sent_id, compound = pd.NA, np.nan
        sents = sby.get(doc_id)
        if sents is not None:
            k = int(np.searchsorted(sents[0], start, side="right")) - 1
            if k >= 0 and sents[1][k] >= end:
                sent_id, compound = int(sents[2][k]), float(sents[3][k])
        kept = [(lab, kind) for lab, kind in dict.fromkeys(labels) if lab is not None]
        for lab, kind in kept or [(pd.NA, pd.NA)]:
            rows.append({**base, "label": lab, "label_type": kind, "sent_id": sent_id, "compound": compound})
    cols = ["doc_id", "actor", "alias", "match", "mention", "label", "label_type", "voice", "start", "end",
            "match_start", "match_end", "sent_id", "compound"]
    out = pd.DataFrame(rows, columns=cols)
    for c in ("start", "end", "match_start", "match_end"):
        out[c] = out[c].astype("int64")
    out["sent_id"] = out["sent_id"].astype("Int64")
    out["compound"] = out["compound"].astype(float)
    # the voice of the alias, as in sentiment.mentions and terms.find (innermost quotation wins)
    out["voice"] = ann.voice(out["doc_id"], out["match_start"])["voice"].to_numpy()
    if voices is not None:
        out = out[out["voice"].isin(voices).to_numpy()].reset_index(drop=True)
    for c in ("actor", "alias", "match", "mention", "label", "label_type"):
        out[c] = out[c].astype("string")
    return _string_ids(out)


def label_summary(
    data,
    labels: pd.DataFrame | Mapping[str, Iterable[str]],
    *,
    by: str | Sequence[str] | None = "outlet",
    label_type: str | Sequence[str] | None = None,
    voice: str | Sequence[str] | None = None,
    top: int | None = None,
    lowercase: bool = True,
) -> pd.DataFrame:
    """Count actor labels by outlet (or any corpus column).

    Parameters
    ----------
    data : DataFrame or Annotations
        The corpus (or its annotations): supplies the ``by`` columns.
    labels : DataFrame or dict
        Output of :func:`actor_labels` on ``data``, or the actors
        (``{actor: [alias, ...]}`` or a DataFrame ``actor``, ``alias``), whose labels
        are then found here.
    by : str or list of str, optional
        Group columns of the corpus (default ``"outlet"``; ``None``: all documents
        together).
    label_type : str or list, optional
        Keep only these label types (``"modifier"``, ``"appositive"``,
        ``"predicate"``).
    voice : str or list, optional
        Keep only mentions in these voices (:mod:`discourse.voice`; ``"authorial"``
        for the outlet's own naming; default: all).
    top : int, optional
        Keep the ``top`` most frequent labels per group and actor.
    lowercase : bool
        Count labels case-insensitively (shown in lower case), as ``text.dtm`` folds case.

    Returns
    -------
    DataFrame
        Group columns, ``actor``, ``label``, ``n`` (mentions), ``share`` (of the
        actor's labelled mentions in the group), ``n_docs``, ``compound`` (mean
        sentence sentiment), sorted by group, actor and ``n`` descending.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                      "text": ["The puppet regime fell.", "The regime held."]})
    >>> no_sentiment = pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "compound"])
    >>> labels = actor_labels(docs, {"gov": ["regime"]}, sentiment=no_sentiment)
    >>> label_summary(docs, labels)[["outlet", "label", "n"]].values.tolist()
    [['X', 'puppet regime', 1], ['Y', 'regime', 1]]
    """
    voices = _voice.check(voice)
    ann = _annotations(data)
    corpus = ann.corpus
    if isinstance(labels, pd.DataFrame) and "actor" in labels.columns and "label" in labels.columns:
        lab = labels.dropna(subset=["label"]).copy()
    elif isinstance(labels, (pd.DataFrame, Mapping)):
        lab = actor_labels(ann, labels).dropna(subset=["label"])
    else:
        raise TypeError("labels must be the output of framing.actor_labels or the actors "
                        "({actor: [aliases]} or a DataFrame actor, alias)")
    keys = [k for k in _as_list(by)]
    missing = [k for k in keys if k not in lab.columns]
    if missing:
        _group_keys(corpus, missing)
        meta = corpus[["doc_id", *missing]].assign(doc_id=corpus["doc_id"].astype(str))
        lab = lab.assign(doc_id=lab["doc_id"].astype(str)).merge(meta.drop_duplicates("doc_id"), on="doc_id", how="left")
    if label_type is not None:
        lab = lab[lab["label_type"].isin(_as_list(label_type))]
    if voices is not None:
        lab = lab[lab["voice"].isin(voices)]
    if lowercase:
        lab["label"] = lab["label"].str.lower()
    for k in keys:
        lab[k] = lab[k].astype(object).where(lab[k].notna(), "(none)")
    g = lab.groupby([*keys, "actor", "label"], sort=True, dropna=False)
    out = g.agg(n=("label", "size"), n_docs=("doc_id", "nunique"), compound=("compound", "mean")).reset_index()
    out["n"] = out["n"].astype("int64")
    out["n_docs"] = out["n_docs"].astype("int64")
    out["share"] = out["n"] / out.groupby([*keys, "actor"])["n"].transform("sum")
    out = out.sort_values([*keys, "actor", "n", "label"], ascending=[True] * len(keys) + [True, False, True],
                          kind="stable")
    if top is not None:
        out = out.groupby([*keys, "actor"], sort=False).head(top)
    out = out[[*keys, "actor", "label", "n", "share", "n_docs", "compound"]].reset_index(drop=True)
    return _string_keys(out, [*keys, "actor", "label"])
