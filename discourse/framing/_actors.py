"""Actor labels: every mention of configured actors and the labels attached to it
(pre-modifiers, appositives, predicates), and their counts by outlet."""
from __future__ import annotations

import re
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from discourse import voice as _voice
from discourse.framing._common import (_annotations, _as_list, _group_keys, _sentence_sentiment, _string_ids,
                                       _string_keys)
from discourse.framing._phrases import (_appositive_before, _left_extent, _modifier_label, _np_forward,
                                       _right_extent)
from discourse.framing._tokens import _Tok, _doc_tokens, _tokenize

_NAMING_VERBS = re.compile(
    r"^(?:describ|call|label|brand|dub|term|denounc|condemn|portray|depict|characteri[sz]|regard|view|"
    r"consider|paint|cast|hail|prais|recogni[sz]|refer|see|saw|seen|treat|dismiss|decr[iy]|list|design)",
    re.IGNORECASE,
)
_NAMING_DOUBLE = re.compile(r"^(?:call|brand|dub|label|term|name|deem|declar|consider)", re.IGNORECASE)
_COPULA = frozenset("is are was were remains remained became becomes".split())


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


def _alias_specs(tab: pd.DataFrame) -> list[tuple[str, str, list[str], bool]]:
    specs = []
    for actor, alias in tab.itertuples(index=False):
        words = [t.text for t in _tokenize(alias)]
        sensitive = any(ch.isupper() for ch in alias)
        specs.append((actor, alias, words if sensitive else [w.lower() for w in words], sensitive))
    # longest alias first, so "Afghan government" wins over "government"
    specs.sort(key=lambda s: (-len(s[2]), -len(s[1])))
    return specs


def _find_aliases(toks: list[_Tok], specs) -> list[tuple[int, int, str, str]]:
    """Non-overlapping alias hits, leftmost-longest: (first token, last token + 1,
    actor, alias). Hits cannot span a possessive ("Afghanistan's government" is not
    the alias "Afghanistan government")."""
    index: dict[str, list] = {}
    for spec in specs:  # specs are sorted longest first
        index.setdefault(spec[2][0].lower(), []).append(spec)
    hits = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        cands = index.get(t.text.lower())
        base_low = t.base.lower()
        if base_low != t.text.lower():
            cands = (cands or []) + index.get(base_low, [])
        hit = None
        for actor, alias, words, sensitive in cands or ():
            k = len(words)
            if i + k > n:
                continue
            ok = True
            for j, w in enumerate(words):
                tj = toks[i + j]
                txt = tj.base if j == k - 1 else tj.text
                if (txt if sensitive else txt.lower()) != w or (j < k - 1 and tj.poss):
                    ok = False
                    break
            if ok and (hit is None or k > hit[1] - hit[0]):
                hit = (i, i + k, actor, alias)
        if hit is not None:
            hits.append(hit)
            i = hit[1]
        else:
            i += 1
    return hits


def actor_labels(
    data,
    actors: Mapping[str, Iterable[str]] | pd.DataFrame,
    *,
    voice: str | Sequence[str] | None = None,
    sentiment: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every mention of the configured actors with the labels attached to it.

    An alias is matched on whole tokens ("Kabul" does not match "Kabul-based");
    aliases with a capital letter match case-sensitively, lowercase aliases in any
    case; the longest alias wins. Around each hit the noun phrase is chunked with
    rules over the tokens of the annotations, capitalisation and the word lists of
    :mod:`discourse.words` (no external model): pre-modifiers (adjectives, hyphenated
    compounds such as "US-backed", nouns such as "puppet", other names) and a
    following head noun. Three kinds of label are extracted:

    ``modifier``
        The noun phrase minus determiners, the possessor and the actor's own proper
        name ("Afghanistan's puppet government" → "puppet government";
        "US-backed President Ashraf Ghani" → "US-backed President"; "the Taliban
        Islamist insurgency" → "Islamist insurgency"). A common-noun alias stays
        the head ("government", "regime"), so outlets that say "regime" and
        outlets that say "government" can be compared.
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

    Returns
    -------
    DataFrame
        ``doc_id``, ``actor``, ``alias``, ``mention`` (the noun phrase as in the
        text), ``label`` (NA when the mention is a bare name), ``label_type``
        (``modifier`` | ``appositive`` | ``predicate``), ``voice``, ``start``,
        ``end`` (of the mention), ``sent_id`` and ``compound`` (sentence
        sentiment). One row per mention and label: a mention with a predicate
        label also has its modifier row.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["d"], "text": ["The US-backed regime in Kabul fell."]})
    >>> no_sentiment = pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "compound"])
    >>> actor_labels(docs, {"Afghan government": ["regime", "Kabul"]}, sentiment=no_sentiment)["label"].tolist()
    ['US-backed regime']
    """
    voices = _voice.check(voice)
    specs = _alias_specs(_actor_table(actors))
    ann = _annotations(data)
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
    tokens = _doc_tokens(ann)

    rows = []
    for doc_id, text in ann.texts.items():
        toks = tokens.get(doc_id, [])
        hits = _find_aliases(toks, specs)
        sents = sby.get(doc_id)
        used = set()
        prev_end_tok: dict[str, int] = {}  # actor -> end token of its last mention
        for h, (hs, he, actor, alias) in enumerate(hits):
            if h in used:
                continue
            s = _left_extent(toks, hs)
            # a proper-name alias can modify a following head ("the Kabul regime",
            # "the Taliban Islamist insurgency"); a common-noun alias is the head
            # ("government forces" is not a label of the government)
            proper = any(ch.isupper() for ch in alias)
            e = _right_extent(toks, he, toks[he - 1].poss or not proper)
            # merge further hits of the same actor inside this noun phrase
            group = [(hs, he, actor, alias)]
            for h2 in range(h + 1, len(hits)):
                hs2, he2, a2, al2 = hits[h2]
                if hs2 >= e:
                    break
                if a2 == actor:
                    used.add(h2)
                    group.append(hits[h2])
                    e = max(e, _right_extent(toks, he2, toks[he2 - 1].poss or not any(ch.isupper() for ch in al2)))
            # "the US-backed regime in Kabul": a prepositional phrase naming the
            # same actor belongs to the previous mention
            prev = prev_end_tok.get(actor)
            if prev is not None and s - prev == 1 and toks[prev].low in {"in", "of", "from"}:
                continue
            start, end = toks[s].start, toks[e - 1].end
            mention = text[start:end]
            if toks[e - 1].poss:
                mention = mention[: len(mention) - (len(toks[e - 1].text) - len(toks[e - 1].base))]
                end = start + len(mention)
            base = dict(doc_id=doc_id, actor=actor, alias=alias, mention=mention,
                        voice=pd.NA, start=start, end=end)
            labels = [(_modifier_label(toks, s, e, group), "modifier")]
            # appositive after: ", the/a ... ," or ", the/a ... ."
            if e < len(toks) - 2 and toks[e].text == "," and toks[e + 1].low in {"the", "a", "an"}:
                np_ = _np_forward(toks, e + 1)
                if np_ is not None and np_[1] < len(toks) and toks[np_[1]].text in {",", ".", ";"}:
                    labels.append((text[toks[np_[0]].start:toks[np_[1] - 1].end], "appositive"))
            # appositive before: "the chairman of the Joint Chiefs of Staff, Gen. Mark Milley"
            if s >= 2 and toks[s - 1].text == ",":
                app = _appositive_before(toks, s - 1)
                if app is not None:
                    labels.append((text[toks[app[0]].start:toks[app[1] - 1].end], "appositive"))
            # predicate: "<naming verb> X as NP (and NP)*" / "X is a NP"
            j = e
            pred_start = None
            if j < len(toks) and toks[j].low == "as" and s > 0 and _NAMING_VERBS.match(toks[s - 1].low):
                pred_start = j + 1
            elif j + 1 < len(toks) and toks[j].low in _COPULA and toks[j + 1].low in {"a", "an", "the"}:
                pred_start = j + 1
            elif j < len(toks) and toks[j].low in {"a", "an"} and s > 0 and _NAMING_DOUBLE.match(toks[s - 1].low):
                pred_start = j  # "branded Biden a failure"
            while pred_start is not None and pred_start < len(toks):
                np_ = _np_forward(toks, pred_start)
                if np_ is None:
                    break
                labels.append((text[toks[np_[0]].start:toks[np_[1] - 1].end], "predicate"))
                nxt = np_[1]
                if nxt < len(toks) and toks[nxt].low in {"and", "or", ","} and nxt + 1 < len(toks) \
                        and toks[nxt + 1].low in {"a", "an", "the"}:
                    pred_start = nxt + 1
                else:
                    break
            sent_id, compound = pd.NA, np.nan
            if sents is not None:
                k = int(np.searchsorted(sents[0], start, side="right")) - 1
                if k >= 0 and sents[1][k] >= end:
                    sent_id, compound = int(sents[2][k]), float(sents[3][k])
            seen = set()
            for lab, kind in labels:
                if lab is not None and (lab, kind) in seen:
                    continue
                seen.add((lab, kind))
                if lab is None and kind != "modifier":
                    continue
                rows.append({**base, "label": lab if lab is not None else pd.NA,
                             "label_type": kind if lab is not None else pd.NA,
                             "sent_id": sent_id, "compound": compound})
            prev_end_tok[actor] = e
    cols = ["doc_id", "actor", "alias", "mention", "label", "label_type", "voice", "start", "end",
            "sent_id", "compound"]
    out = pd.DataFrame(rows, columns=cols)
    out["start"] = out["start"].astype("int64")
    out["end"] = out["end"].astype("int64")
    out["sent_id"] = out["sent_id"].astype("Int64")
    out["compound"] = out["compound"].astype(float)
    out["voice"] = ann.voice(out["doc_id"], out["start"])["voice"].to_numpy()  # innermost quotation wins
    if voices is not None:
        out = out[out["voice"].isin(voices).to_numpy()].reset_index(drop=True)
    return _string_ids(out)


def label_summary(
    data,
    labels: pd.DataFrame | Mapping[str, Iterable[str]],
    *,
    by: str | Sequence[str] | None = "outlet",
    label_type: str | Sequence[str] | None = None,
    voice: str | Sequence[str] | None = None,
    top: int | None = None,
    lower: bool = True,
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
    lower : bool
        Count labels case-insensitively (shown in lower case).

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
    if lower:
        lab["label"] = lab["label"].str.lower()
    for k in keys:
        lab[k] = lab[k].astype(object).where(lab[k].notna(), "(none)")
    g = lab.groupby([*keys, "actor", "label"], sort=True, dropna=False)
    out = g.agg(n=("label", "size"), n_docs=("doc_id", "nunique"), compound=("compound", "mean")).reset_index()
    out["share"] = out["n"] / out.groupby([*keys, "actor"])["n"].transform("sum")
    out = out.sort_values([*keys, "actor", "n", "label"], ascending=[True] * len(keys) + [True, False, True],
                          kind="stable")
    if top is not None:
        out = out.groupby([*keys, "actor"], sort=False).head(top)
    out = out[[*keys, "actor", "label", "n", "share", "n_docs", "compound"]].reset_index(drop=True)
    return _string_keys(out, [*keys, "actor", "label"])
