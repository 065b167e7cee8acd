"""Sources: who is quoted, with affiliation, quote counts, words and reporting-verb
groups (neutral, distancing, endorsing)."""
from __future__ import annotations

import re
from typing import Sequence

import pandas as pd

from discourse import quotes as _quotes
from discourse import voice as _voice
from discourse.framing._common import _annotations, _group_keys, _string_ids, _string_keys
from discourse.framing._phrases import _appositive_before, _np_forward
from discourse.framing._tokens import (_DET, _ROLE_NOUNS, _TITLES, _Tok, _doc_tokens, _function, _is_name_token,
                                       _tokenize,
                                       _verbish)
from discourse.text import count_words
from discourse.words import INSTITUTION_NOUNS as _INSTITUTIONS
from discourse.words import PRONOUNS
from discourse.words import PORTFOLIOS as _PORTFOLIOS
from discourse.words import RANK_WORDS as _RANKS


#: the speaker shown for quotations whose speaker is a pronoun left unresolved
UNRESOLVED = "(unresolved pronoun)"


def _last_name(name: str) -> str:
    toks = [t for t in re.findall(r"[^\W\d_][\w'’\-]*", str(name)) if t[0].isupper()]
    return toks[-1] if toks else str(name).strip()


def _aff_from_title(title_toks: list[_Tok], r: int) -> str | None:
    """Affiliation from a title such as "Taliban spokesman", "Russia's envoy for
    Afghanistan", "Russian Foreign Minister" (``r``: index of the first role word)."""
    before = title_toks[:r]
    poss = [i for i, t in enumerate(before) if t.poss]
    if poss:
        p = poss[-1]
        words = [t.text for t in before[:p] if t.low not in _DET] + [before[p].base]
        return " ".join(words)
    mods = [t for t in before if (t.cap or t.hyph or t.low in _INSTITUTIONS) and t.low not in _RANKS
            and t.low not in _DET and (not _function(t) or t.text.isupper())]
    portfolio = [t for t in title_toks[:r + 1] if t.low in _PORTFOLIOS]
    role = title_toks[r].low if r < len(title_toks) else ""
    if portfolio and role in {"minister", "secretary", "ministry"}:
        demonym = [t.text for t in mods if t.low not in _PORTFOLIOS]
        return " ".join([*demonym, portfolio[0].low, "ministry"])
    mods = [t for t in mods if not t.hyph or not t.text.rsplit("-", 1)[-1].islower()]
    if mods:
        return " ".join(t.text for t in mods)
    rest = title_toks[r + 1:]
    for x, t in enumerate(rest):
        if t.low in {"of", "for", "at"}:
            org = [tt for tt in rest[x + 1:] if tt.low not in _DET]
            if org:
                return " ".join(tt.text for tt in org)
    return None


def _affiliation(toks: list[_Tok], text: str, speaker: str) -> tuple[str | None, str | None]:
    """(affiliation, title) stated in the text next to the speaker's name."""
    stoks = [t for t in _tokenize(speaker) if t.word]
    roles = [i for i, t in enumerate(stoks) if t.low in _ROLE_NOUNS]
    if roles:
        # a speaker that is itself a role phrase: "Pentagon officials", "Russia's envoy
        # for Afghanistan", "Russian Foreign Minister Sergei Lavrov"
        r = roles[0]
        first = next((i for i in range(r) if stoks[i].low not in _DET), r)
        end = r + 1
        while end < len(stoks) and stoks[end].low in _ROLE_NOUNS:
            end += 1
        title_toks = stoks[first:end]
        after = stoks[end:]
        if after and after[0].low in {"of", "for", "at"}:
            title_toks = stoks[first:]
        aff = _aff_from_title(title_toks, r - first)
        title = speaker[title_toks[0].start:title_toks[-1].end] if title_toks else None
        if aff:
            return aff, title
    if not stoks or not all(t.cap or t.low in {"al", "bin", "van", "von", "de", "der"} for t in stoks):
        return None, None  # not a person's name: nothing to look up
    last = _last_name(speaker)
    fallback_title = None
    for i, t in enumerate(toks):
        if t.base != last:
            continue
        # name run ending at i
        k = i
        while k - 1 >= 0 and _is_name_token(toks[k - 1]):
            k -= 1
        # title run before the name: "Taliban spokesman", "Russian Foreign Minister", "Gen."
        j = k
        while j - 1 >= 0 and toks[j - 1].word and not toks[j - 1].poss and (
            toks[j - 1].cap or toks[j - 1].low in _ROLE_NOUNS or toks[j - 1].hyph
        ) and toks[j - 1].low not in _DET and not _verbish(toks[j - 1]) and not (
            _function(toks[j - 1]) and not toks[j - 1].text.isupper()  # "But Sen. X", "While President X"
        ):
            j -= 1
        title_toks = toks[j:k]
        if j - 1 >= 0 and toks[j - 1].poss:
            title_toks = toks[j - 1:k]
        role_idx = [x for x, tt in enumerate(title_toks) if tt.low in _ROLE_NOUNS] or \
            [x for x, tt in enumerate(title_toks) if tt.low in _TITLES]
        if title_toks and role_idx:
            aff = _aff_from_title(title_toks, role_idx[0])
            if aff:
                return aff, text[title_toks[0].start:title_toks[-1].end]
            if fallback_title is None:
                fallback_title = text[title_toks[0].start:title_toks[-1].end]
        # appositive before: "the chairman of the Joint Chiefs of Staff, Gen. Mark Milley"
        if j - 1 >= 1 and toks[j - 1].text == ",":
            app = _appositive_before(toks, j - 1)
            if app is not None:
                aff, title = _org_of(toks, text, app[0], app[1])
                if aff:
                    return aff, title
        # appositive after: "Suhail Shaheen, a spokesman for the Taliban,"
        if i + 2 < len(toks) and toks[i + 1].text == ",":
            np_ = _np_forward(toks, i + 2)
            if np_ is not None:
                aff, title = _org_of(toks, text, np_[0], np_[1])
                if aff:
                    return aff, title
                if title and fallback_title is None:
                    fallback_title = title
    return None, fallback_title


def _org_of(toks, text, s, e) -> tuple[str | None, str | None]:
    """From a role phrase "the chairman of the Joint Chiefs of Staff", the organisation."""
    title = text[toks[s].start:toks[e - 1].end]
    span = toks[s:e]
    if not any(t.low in _ROLE_NOUNS or t.low in _TITLES for t in span):
        return None, None  # "the city, Kabul": not a role, no affiliation
    for x, t in enumerate(span):
        if t.low in {"of", "for", "at", "with"} and x > 0:
            org = [tt for tt in span[x + 1:] if tt.low not in _DET]
            if org:
                return text[org[0].start:org[-1].end], title
    for x, t in enumerate(span):
        if t.low in _ROLE_NOUNS or t.low in _TITLES:
            mods = [tt.text for tt in span[:x] if (tt.cap or tt.hyph or tt.low in _INSTITUTIONS)
                    and tt.low not in _RANKS and not (tt.hyph and tt.text.rsplit("-", 1)[-1].islower())]
            if mods:
                return " ".join(mods), title
            break
    if e < len(toks) and toks[e].low in {"of", "for", "at"}:
        np_ = _np_forward(toks, e + 1, with_of=0)
        if np_ is not None:
            return text[toks[np_[0]].start:toks[np_[1] - 1].end], title
    return None, title if any(t.low in _ROLE_NOUNS for t in span) else None


def _verb_groups() -> dict[str, str]:
    """``{lemma or verb form (lowercase): group}`` from the bundled reporting verbs
    (:func:`discourse.quotes.reporting_verbs`); a form overrides a lemma."""
    from discourse import quotes

    tab = quotes.reporting_verbs()
    groups = {}
    for col in ("lemma", "verb"):
        if col in tab.columns:
            for v, g in zip(tab[col].str.lower(), tab["group"]):
                if isinstance(v, str) and v != "":  # the table keeps empty cells as ""
                    groups[v] = g
    return groups


def sources(
    data,
    *,
    by: str | Sequence[str] | None = "outlet",
    voice: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Who is quoted: speakers with affiliation, quote counts, words and verbs.

    Quotations, speakers and their voice come from the annotations
    (:attr:`discourse.text.Annotations.quotes`). Speakers are counted by
    :func:`discourse.quotes.speaker_ids` ("President Donald Trump", "Mr. Trump" and
    "Trump" are one speaker, shown by that id); speakers without an id (unresolved
    pronouns, role phrases) are merged by last name within a document and shown in
    their longest form; quotations whose speaker is a pronoun the text does not resolve
    ("he", "they") are counted as one speaker per group, ``"(unresolved pronoun)"``. The
    affiliation is taken from the text where it states it: a title before the name
    ("Taliban spokesman Suhail Shaheen" → Taliban; "Russian Foreign Minister Sergei
    Lavrov" → Russian foreign ministry), an appositive ("the chairman of the Joint
    Chiefs of Staff, Gen. Mark Milley" → Joint Chiefs of Staff; "Shaheen, a spokesman
    for the Taliban" → the Taliban), or a role phrase as speaker ("Pentagon officials"
    → Pentagon). Reporting verbs are grouped with
    ``discourse/lexicons/reporting_verbs.csv`` into neutral, distancing and
    endorsing.

    Parameters
    ----------
    data : DataFrame or Annotations
        The corpus (``doc_id``, ``text``) or its annotations.
    by : str or list of str, optional
        Group columns of the corpus (default ``"outlet"``; ``"doc_id"``: one row per
        document and speaker; ``None``: the whole corpus). Affiliation and title
        come from the speaker's first document in the group.
    voice : str or list of str, optional
        Count only quotations in these voices (:mod:`discourse.voice`; default all
        voices; scare quotes have no speaker).

    Returns
    -------
    DataFrame
        Group columns, ``speaker``, ``affiliation``, ``title``, ``n_docs``,
        ``n_quotes``, ``n_words``, ``verbs`` (distinct verbs, "; " joined),
        ``n_neutral``, ``n_distancing``, ``n_endorsing``, ``n_other`` (verbs not in
        the reporting-verb lexicon or none), sorted by group (in corpus order) and
        ``n_quotes`` descending.

    Examples
    --------
    >>> from discourse import text
    >>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...                      "text": ['"We won," Taliban spokesman Zabihullah Mujahid said.']})
    >>> sources(docs)[["outlet", "speaker", "affiliation", "n_quotes"]].values.tolist()
    [['X', 'Zabihullah Mujahid', 'Taliban', 1]]
    """
    voices = _voice.check(voice)
    ann = _annotations(data)
    corpus = ann.corpus
    keys = _group_keys(corpus, by)
    counts = ["n_quotes", "n_words", "verbs", "n_neutral", "n_distancing", "n_endorsing", "n_other"]
    cols = [*keys, "speaker", "affiliation", "title", "n_docs", *counts]
    q = ann.quotes.copy()
    # one speaker per person across the corpus (recomputed over the whole table: the
    # annotations find quotations in chunks)
    q["_sid"] = _quotes.speaker_ids(q) if "speaker" in q.columns else pd.NA
    q["voice"] = _voice.of_kind(q["kind"]) if "kind" in q.columns else "quoted"
    if voices is not None:
        q = q[q["voice"].isin(voices)]
    q = q[q["speaker"].notna() & (q["speaker"].astype(str).str.strip() != "")]
    if q.empty:
        return _string_keys(pd.DataFrame(columns=cols), keys)
    q["doc_id"] = q["doc_id"].astype(str)
    key = q["speaker_resolved"].where(q["speaker_resolved"].notna(), q["speaker"]) \
        if "speaker_resolved" in q.columns else q["speaker"]
    q["_name"] = key.astype(str).str.strip()
    # a pronoun the text does not settle is nobody's quotation in particular: one row
    # per group, named for what it is, not "he" pooled over every document
    q.loc[q["_name"].str.lower().isin(PRONOUNS), "_name"] = UNRESOLVED
    counted = q["quote"].astype(str).map(count_words) if "quote" in q.columns else pd.Series(0, index=q.index)
    q["n_words"] = q["n_words"].fillna(counted) if "n_words" in q.columns else counted
    verb = q["verb"].astype(object).where(q["verb"].notna(), "") if "verb" in q.columns else pd.Series("", index=q.index)
    q["_verb"] = verb.astype(str).str.lower().str.strip()
    if "verb_group" in q.columns:
        q["_group"] = q["verb_group"].astype(object).where(q["verb_group"].notna(), "other")
    else:
        groups = _verb_groups()
        q["_group"] = q["_verb"].map(lambda v: groups.get(v, "other"))
    texts = ann.texts
    # merge speakers by last name within a document; display the longest form
    by_doc: dict[str, dict[tuple, list]] = {}
    sids = q["_sid"].astype(object).where(q["_sid"].notna(), None)
    for doc, name, sid, nw, v, g in zip(q["doc_id"], q["_name"], sids, q["n_words"], q["_verb"], q["_group"]):
        key = (sid, "") if sid else (None, name if name == UNRESOLVED else _last_name(name))
        by_doc.setdefault(doc, {}).setdefault(key, []).append((name, int(nw), v, g))
    tokens = _doc_tokens(ann)
    rows = []
    for doc, speakers in by_doc.items():
        text = texts.get(doc, "")
        toks = tokens.get(doc, [])
        for (sid, _), items in speakers.items():
            written = max((it[0] for it in items), key=lambda x: (len(x), x))
            aff, title = _affiliation(toks, text, written)
            spk = sid or written
            verbs = list(dict.fromkeys(it[2] for it in items if it[2]))
            g = [it[3] for it in items]
            rows.append(dict(doc_id=doc, speaker=spk, affiliation=aff, title=title,
                             n_quotes=len(items), n_words=sum(it[1] for it in items), verbs="; ".join(verbs),
                             n_neutral=g.count("neutral"), n_distancing=g.count("distancing"),
                             n_endorsing=g.count("endorsing"), n_other=g.count("other")))
    per_doc = pd.DataFrame(rows)
    meta = corpus[["doc_id", *[k for k in keys if k != "doc_id"]]].astype({"doc_id": str}).drop_duplicates("doc_id")
    order = {d: i for i, d in enumerate(meta["doc_id"])}
    per_doc = per_doc.merge(meta, on="doc_id", how="left")
    per_doc["_o"] = per_doc["doc_id"].map(order)
    for k in keys:
        if k != "doc_id":
            per_doc[k] = per_doc[k].astype(object).where(per_doc[k].notna(), "(none)")
    per_doc = per_doc.sort_values(["_o"], kind="stable")
    agg = per_doc.groupby([*keys, "speaker"], sort=False).agg(
        _o=("_o", "min"), affiliation=("affiliation", "first"), title=("title", "first"),
        n_docs=("doc_id", "nunique"), n_quotes=("n_quotes", "sum"), n_words=("n_words", "sum"),
        verbs=("verbs", lambda s: "; ".join(dict.fromkeys(v for x in s for v in x.split("; ") if v))),
        n_neutral=("n_neutral", "sum"), n_distancing=("n_distancing", "sum"),
        n_endorsing=("n_endorsing", "sum"), n_other=("n_other", "sum"),
    ).reset_index()
    # groups in corpus order (of their first document), then the most quoted first
    first = agg.groupby(keys, sort=False)["_o"].transform("min") if keys else pd.Series(0, index=agg.index)
    agg = agg.assign(_g=first).sort_values(["_g", "n_quotes", "speaker"], ascending=[True, False, True],
                                           kind="stable")
    out = agg[cols].reset_index(drop=True)
    return _string_ids(_string_keys(out, [k for k in keys if k != "doc_id"]))
