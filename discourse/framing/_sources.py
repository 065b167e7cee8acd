"""Sources: who is quoted, with affiliation, quote counts, words and reporting-verb
groups (neutral, distancing, endorsing)."""
from __future__ import annotations

import re
from typing import Literal, Sequence

import pandas as pd

from discourse.framing._common import _string_ids
from discourse.framing._tokens import (
    _DET,
    _ROLE_NOUNS,
    _TITLES,
    _Tok,
    _appositive_before,
    _is_name_token,
    _np_forward,
    _tokenize,
    _verbish,
)
from discourse.text import count_words

_RANKS = frozenset("deputy vice senior former acting top chief assistant press then".split())


def _last_name(name: str) -> str:
    toks = [t for t in re.findall(r"[^\W\d_][\w'’\-]*", str(name)) if t[0].isupper()]
    return toks[-1] if toks else str(name).strip()


#: lowercase nouns that name an affiliation when they modify a role ("a government
#: spokesperson", "the opposition leader", "a police officer")
_INSTITUTIONS = frozenset("""government opposition military army navy police party ministry embassy council
court parliament administration campaign union company hospital university school church cabinet
presidency palace agency regime rebel rebels militia movement""".split())

_PORTFOLIOS = frozenset("foreign defense defence interior finance home justice health".split())


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
            and t.low not in _DET]
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
        ) and toks[j - 1].low not in _DET and not _verbish(toks[j - 1]):
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
    corpus: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
    by: Literal["document", "outlet"] = "document",
    kinds: Sequence[str] = ("direct", "partial"),
) -> pd.DataFrame:
    """Who is quoted: speakers with affiliation, quote counts, words and verbs.

    Speakers are merged by ``speaker_resolved`` when the quotes table has it, else
    by last name within a document ("Milley" and "Gen. Mark Milley"; the longest
    form is shown). The affiliation is taken from the text where it states it: a
    title before the name ("Taliban spokesman Suhail Shaheen" → Taliban; "Russian
    Foreign Minister Sergei Lavrov" → Russian foreign ministry), an appositive ("the
    chairman of the Joint Chiefs of Staff, Gen. Mark Milley" → Joint Chiefs of
    Staff; "Shaheen, a spokesman for the Taliban" → the Taliban), or a role phrase
    as speaker ("Pentagon officials" → Pentagon). Reporting verbs are grouped with
    ``discourse/lexicons/reporting_verbs.csv`` into neutral, distancing and
    endorsing.

    Parameters
    ----------
    corpus : DataFrame
        The corpus (``doc_id``, ``text``, optional ``outlet``).
    quotes : DataFrame, optional
        Output of :func:`discourse.quotes.find`; computed when omitted.
    by : {"document", "outlet"}
        One row per document and speaker, or per outlet and speaker (affiliation
        and title from the speaker's first document).
    kinds : sequence of str
        Quote kinds counted (scare quotes have no speaker).

    Returns
    -------
    DataFrame
        ``doc_id`` (document level), ``outlet``, ``speaker``, ``affiliation``,
        ``title``, ``n_quotes``, ``n_words``, ``verbs`` (distinct verbs, "; "
        joined), ``n_neutral``, ``n_distancing``, ``n_endorsing``, ``n_other``
        (verbs not in the reporting-verb lexicon or none), sorted by ``n_quotes``
        descending within each document (outlet).
    """
    if quotes is None:
        from discourse import quotes as _quotes

        quotes = _quotes.find(corpus)
    cols = ["doc_id", "outlet", "speaker", "affiliation", "title", "n_quotes", "n_words", "verbs",
            "n_neutral", "n_distancing", "n_endorsing", "n_other"]
    if by not in ("document", "outlet"):
        raise ValueError(f"by must be 'document' or 'outlet', not {by!r}")
    q = quotes.copy()
    if "kind" in q.columns:
        q = q[q["kind"].isin(list(kinds))]
    q = q[q["speaker"].notna() & (q["speaker"].astype(str).str.strip() != "")]
    if q.empty:  # the columns of a non-empty result (by outlet: n_docs instead of doc_id)
        if by == "document":
            return _string_ids(pd.DataFrame(columns=cols))
        return pd.DataFrame(columns=["outlet", "speaker", "affiliation", "title", "n_docs", *cols[5:]])
    q["doc_id"] = q["doc_id"].astype(str)
    key = q["speaker_resolved"].where(q["speaker_resolved"].notna(), q["speaker"]) \
        if "speaker_resolved" in q.columns else q["speaker"]
    q["_name"] = key.astype(str).str.strip()
    counted = q["quote"].astype(str).map(count_words) if "quote" in q.columns else pd.Series(0, index=q.index)
    q["n_words"] = q["n_words"].fillna(counted) if "n_words" in q.columns else counted
    verb = q["verb"].astype(object).where(q["verb"].notna(), "") if "verb" in q.columns else pd.Series("", index=q.index)
    q["_verb"] = verb.astype(str).str.lower().str.strip()
    if "verb_group" in q.columns:
        q["_group"] = q["verb_group"].astype(object).where(q["verb_group"].notna(), "other")
    else:
        groups = _verb_groups()
        q["_group"] = q["_verb"].map(lambda v: groups.get(v, "other"))
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].astype(str)))
    outlets = dict(zip(corpus["doc_id"].astype(str), corpus["outlet"])) if "outlet" in corpus.columns else {}
    # merge speakers by last name within a document; display the longest form
    by_doc: dict[str, dict[str, list]] = {}
    for doc, name, nw, v, g in zip(q["doc_id"], q["_name"], q["n_words"], q["_verb"], q["_group"]):
        by_doc.setdefault(doc, {}).setdefault(_last_name(name), []).append((name, int(nw), v, g))
    rows = []
    for doc, speakers in by_doc.items():
        text = texts.get(doc, "")
        toks = _tokenize(text)
        for items in speakers.values():
            spk = max((it[0] for it in items), key=lambda x: (len(x), x))
            aff, title = _affiliation(toks, text, spk)
            verbs = list(dict.fromkeys(it[2] for it in items if it[2]))
            g = [it[3] for it in items]
            rows.append(dict(doc_id=doc, outlet=outlets.get(doc, pd.NA), speaker=spk, affiliation=aff, title=title,
                             n_quotes=len(items), n_words=sum(it[1] for it in items), verbs="; ".join(verbs),
                             n_neutral=g.count("neutral"), n_distancing=g.count("distancing"),
                             n_endorsing=g.count("endorsing"), n_other=g.count("other")))
    out = pd.DataFrame(rows, columns=cols)
    if by == "outlet":
        out["outlet"] = out["outlet"].astype(object).where(out["outlet"].notna(), "(none)")
        agg = out.groupby(["outlet", "speaker"], sort=False).agg(
            affiliation=("affiliation", "first"), title=("title", "first"),
            n_docs=("doc_id", "nunique"), n_quotes=("n_quotes", "sum"), n_words=("n_words", "sum"),
            verbs=("verbs", lambda s: "; ".join(dict.fromkeys(v for x in s for v in x.split("; ") if v))),
            n_neutral=("n_neutral", "sum"), n_distancing=("n_distancing", "sum"),
            n_endorsing=("n_endorsing", "sum"), n_other=("n_other", "sum"),
        ).reset_index()
        return agg.sort_values(["outlet", "n_quotes", "speaker"], ascending=[True, False, True],
                               kind="stable").reset_index(drop=True)
    order = {d: i for i, d in enumerate(dict.fromkeys(corpus["doc_id"].astype(str)))}
    out["_o"] = out["doc_id"].map(order)
    out = out.sort_values(["_o", "n_quotes", "speaker"], ascending=[True, False, True], kind="stable")
    return _string_ids(out.drop(columns="_o").reset_index(drop=True))
