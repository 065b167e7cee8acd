"""The labels of an actor mention's noun phrase: the phrase around every alias hit and
its modifier, appositive and predicate labels (:func:`noun_phrases`), used by
:func:`~discourse.framing.actor_labels` and :func:`discourse.sentiment.mentions` (which
leaves the label words out of the tone). The extents of a phrase and the word classes
are in :mod:`discourse.framing._phrases`."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from discourse.framing._phrases import (_MODALS, _TITLE_QUALIFIERS, _agent, _appositive_before, _group_head,
                                       _left_extent, _np_forward, _plain_word, _right_extent)
from discourse.framing._tokens import _AUX, _DET, _PREP, _ROLE_NOUNS, _TITLES, _VERB_S, _VERBS, _Tok, _doc_tokens, \
    _function, _is_name_token, _modifier, _verb_form, _verbish
from discourse.words import CONTRACTED_AUXILIARIES, HONORIFICS, INSTITUTION_NOUNS, PERSON_ROLES


_NAMING_VERBS = re.compile(
    r"^(?:describ|call|label|brand|dub|term|denounc|condemn|portray|depict|characteri[sz]|regard|view|"
    r"consider|paint|cast|hail|prais|recogni[sz]|refer|see|saw|seen|treat|dismiss|decr[iy]|list|design)",
    re.IGNORECASE,
)
_NAMING_DOUBLE = re.compile(r"^(?:call|brand|dub|label|term|name|deem|declar|consider)", re.IGNORECASE)
_COPULA = frozenset("is are was were remains remained became becomes".split())


def _proper(alias: str) -> bool:
    return any(ch.isupper() for ch in alias)


def noun_phrases(ann, hits: pd.DataFrame) -> list[tuple[int, int, str, list, bool]]:
    """The noun phrase of every alias mention (rows of ``hits``, the table of
    :func:`discourse.terms._mentions.mentions`): ``(start, end, mention, labels,
    part)`` per row, where ``labels`` are ``(label, label_type)`` pairs and ``part``
    marks a further alias of the same actor inside (or attached by "in", "of", "from"
    to) another mention's phrase, which carries no labels of its own."""
    out: list = [None] * len(hits)
    if not len(hits):
        return out
    texts = ann.texts
    ids = hits["doc_id"].astype(str).to_numpy(dtype=object)
    tokens = _doc_tokens(ann, only=set(ids.tolist()))
    h_start = hits["start"].to_numpy(dtype=np.int64)
    h_end = hits["end"].to_numpy(dtype=np.int64)
    actors_ = hits["category"].astype(str).to_numpy(dtype=object)
    aliases = hits["pattern"].astype(str).to_numpy(dtype=object)
    order = np.lexsort((np.arange(len(hits)), h_start, ids))
    change = np.flatnonzero(np.r_[True, ids[order][1:] != ids[order][:-1]])
    for a, b in zip(change, np.r_[change[1:], len(order)]):
        rows = order[a:b]
        doc_id = ids[rows[0]]
        text = texts[doc_id]
        toks = tokens.get(doc_id, [])
        t_start = np.fromiter((t.start for t in toks), dtype=np.int64, count=len(toks))
        t_end = np.fromiter((t.end for t in toks), dtype=np.int64, count=len(toks))
        hits_ = []
        for r in rows.tolist():
            hs = max(int(np.searchsorted(t_start, h_start[r], side="right")) - 1, 0)
            he = max(int(np.searchsorted(t_end, h_end[r], side="left")) + 1, hs + 1)
            if toks and (t_start[hs] < h_start[r] or text[h_end[r]:h_end[r] + 1] == "."
                         and text[h_end[r] + 1:h_end[r] + 2].isalpha()):  # glued by a full stop ("vote.Obama")
                out[r] = (int(h_start[r]), int(h_end[r]), text[h_start[r]:h_end[r]], [], True)
                continue
            hits_.append((hs, min(he, len(toks)), actors_[r], aliases[r], r))
        _label_doc(text, toks, hits_, out)
    return out


def _label_doc(text: str, toks, hits, out) -> None:
    """Noun phrases and labels of the alias hits of one document (see :func:`noun_phrases`)."""
    used: set[int] = set()
    prev_end_tok: dict[str, int] = {}  # actor -> end token of its last mention
    for h, (hs, he, actor, alias, r) in enumerate(hits):
        if h in used:
            continue
        s = _left_extent(toks, hs)
        # a proper-name alias can modify a following head ("the Kabul regime",
        # "the Taliban Islamist insurgency"); a common-noun alias is the head ("government forces")
        # (after an honorific the name is whole: "give Mr. X budget authority")
        e = _right_extent(toks, he, toks[he - 1].poss or not _proper(alias)
                          or any(toks[x].low in HONORIFICS for x in range(s, hs)))
        s = _predicative_start(toks, s, hs, e)  # "It's doubtful X could win"
        s = _clause_start(toks, s, hs, he, e, alias)  # "hope X will win", "a letter X signed"
        # merge further hits of the same actor inside this noun phrase
        group = [(hs, he, actor, alias)]
        for h2 in range(h + 1, len(hits)):
            hs2, he2, a2, al2, r2 = hits[h2]
            if hs2 >= e:
                break
            if a2 == actor:
                used.add(h2)
                group.append(hits[h2][:4])
                e = max(e, _right_extent(toks, he2, toks[he2 - 1].poss or not _proper(al2)))
                out[r2] = (toks[hs2].start, toks[he2 - 1].end, text[toks[hs2].start:toks[he2 - 1].end], [], True)
        # "the US-backed regime in Kabul": a prepositional phrase naming the
        # same actor belongs to the previous mention
        prev = prev_end_tok.get(actor)
        if prev is not None and s - prev == 1 and toks[prev].low in {"in", "of", "from"}:
            out[r] = (toks[hs].start, toks[he - 1].end, text[toks[hs].start:toks[he - 1].end], [], True)
            continue
        start, end = toks[s].start, toks[e - 1].end
        mention = text[start:end]
        if toks[e - 1].poss:
            mention = mention[: len(mention) - (len(toks[e - 1].text) - len(toks[e - 1].base))]
            end = start + len(mention)
        labels = [(_modifier_label(toks, s, e, group), "modifier")]
        # appositive after: ", the/a ... ," or ", the/a ... ."
        if e < len(toks) - 2 and toks[e].text == "," and toks[e + 1].low in {"the", "a", "an"}:
            np_ = _np_forward(toks, e + 1)
            if np_ is not None and np_[1] < len(toks) and toks[np_[1]].text in {",", ".", ";"}:
                labels.append((text[toks[np_[0]].start:toks[np_[1] - 1].end], "appositive"))
        # appositive before: "the chairman of the Joint Chiefs of Staff, Gen. Mark Milley"
        # (not before the first item of a list, "..., Greens and Labour", nor before a subject with
        # a contracted "is", "..., Haldane's the favourite")
        listed = e < len(toks) and (toks[e].low in {"and", "or"} or toks[e - 1].poss and toks[e].low in _DET)
        if s >= 2 and toks[s - 1].text == "," and not listed:
            app = _appositive_before(toks, s - 1, closed=e >= len(toks) or toks[e].text in {",", ".", ";", ")", "!", "?"})
            if app is not None:
                labels.append((text[toks[app[0]].start:toks[app[1] - 1].end], "appositive"))
        # predicate: "<naming verb> X as NP (and NP)*" / "X is a NP"
        j = e
        pred_start = None
        if j < len(toks) and toks[j].low == "as" and s > 0 and _NAMING_VERBS.match(toks[s - 1].low):
            pred_start = j + 1
        elif j + 1 < len(toks) and toks[j].low in _COPULA and toks[j + 1].low in {"a", "an", "the"} \
                and not _object_of_preposition(toks, s):
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
        out[r] = (start, end, mention, labels, False)
        prev_end_tok[actor] = e


def _object_of_preposition(toks, s: int) -> bool:
    """The noun phrase starting at ``s`` is the object of a preposition (after its
    determiners and a possessor: "the theme of last year's party congress"), or the second
    of two coordinated objects ("talks between the council and X"), so a copula after it
    has another subject ("the theme of the congress was an odd one")."""
    k, n = s - 1, 0
    for limit in (4, 8):
        while k >= 0 and n < limit and toks[k].word and toks[k].low not in _PREP and (
                toks[k].low in _DET or toks[k].poss or (_modifier(toks[k]) and not _verbish(toks[k]))):
            k, n = k - 1, n + 1
        if k >= 0 and toks[k].low in {"and", "or"} and limit == 4:
            k -= 1  # the conjunction, then the first object
            continue
        break
    return k >= 0 and toks[k].low in _PREP


#: subjects of an extraposed clause and the copulas after them ("it is doubtful X could win")
_EXPLETIVES = frozenset({"it", "that", "this"})
_COPULAS = frozenset("is was be been seems seemed looks looked appears appeared remains".split())


def _predicative_start(toks: list[_Tok], s: int, hs: int, e: int) -> int:
    """First token of the noun phrase ``s``..``e`` (alias at ``hs``) without a predicative
    adjective: after "it is", "it's" or "that was", a lowercase word before a noun
    phrase that a finite verb or auxiliary follows is the predicate of "it" and the
    phrase the subject of its clause ("It's doubtful X could win"; but "It's angry X
    who lost", "The winners were undocumented X": attributive)."""
    if s >= hs or s == 0 or e >= len(toks) or toks[s].cap or toks[s].hyph or not toks[s].word:
        return s
    prev = toks[s - 1]
    if not ((prev.poss and prev.base.lower() in _EXPLETIVES and prev.low[-1] == "s")
            or (prev.low in _COPULAS and s >= 2 and toks[s - 2].low in _EXPLETIVES)):
        return s
    nxt = toks[e].low
    finite = nxt in _AUX or nxt in _MODALS or nxt in _VERB_S or (nxt in _VERBS and not nxt.endswith("ing"))
    return s + 1 if finite else s


def _clause_start(toks, s: int, hs: int, he: int, e: int, alias: str) -> int:
    """First token of the phrase ``s``..``e`` headed by a singular proper name (alias at
    ``hs``..``he``) without the lowercase word just before the name when a finite verb
    follows the phrase: that word is a verb whose object clause the name opens ("hope X
    will win", "didn't believe X would") or a noun with a relative clause without "that"
    ("a letter X signed", "the last time X spoke"), not a description of the name;
    adjectives (by ending or :data:`_CORE_ADJECTIVES`: "a young X said"), titles, title
    qualifiers and role, agent or group nouns ("candidate X said") stay; before a possessive
    name (a determiner of the next phrase: "fund X's plan") such a word never modifies it."""
    if s >= hs or e != he or not _proper(alias) or not toks[hs].cap or not _plain_word(toks[hs - 1]):
        return s
    last = toks[e - 1].base
    if last.endswith("s") and not last.endswith(("ss", "us", "is")) or last.lower() in INSTITUTION_NOUNS:
        return s  # a plural name or an institution takes noun modifiers ("state Greens voted", "the state Party")
    if toks[e - 1].poss:
        return hs  # a possessive name opens another phrase: "fund X's plan"
    nxt = toks[e] if e < len(toks) else None
    finite = nxt is not None and (_verb_form(nxt) or _verbish(nxt) or nxt.low in _MODALS
                                  or nxt.low.replace("\u2019", "'") in CONTRACTED_AUXILIARIES)
    return hs if finite else s



def _person_role(t: _Tok) -> bool:
    """A capitalised word naming a person's office ("Administrator", "Strategist"), not an
    institution; by endings that surnames rarely have ("-man": "Huntsman"; "-quist")."""
    low = t.low
    return low not in INSTITUTION_NOUNS and (low in PERSON_ROLES or low in _ROLE_NOUNS or low in _TITLES
                                             or low.endswith(("ator", "woman", "person"))
                                             or (low.endswith("ist") and len(low) >= 8 and not low.endswith("quist")))


def _first_name(t: _Tok) -> bool:
    """A name token before a proper-name alias that can be part of the name: not a
    title qualifier ("Acting", "Former") nor a person's office ("Administrator")."""
    return _is_name_token(t) and t.low not in _TITLE_QUALIFIERS and not _person_role(t)


def _modifier_label(toks, s, e, hits_in_np) -> str | None:
    """Label of a mention: the noun phrase without determiners and proper names."""
    drop = set()
    for hs, he, _, alias in hits_in_np:
        proper = any(ch.isupper() for ch in alias)  # lowercase aliases are common nouns
        lower = proper and not any(toks[k].cap for k in range(hs, he)) and all(
            w[:1].isupper() for w in alias.split())  # a name written in lower case ("jane roe")
        if lower:
            drop.update(range(hs, he))
        elif proper and all(toks[k].cap for k in range(hs, he) if toks[k].word):  # "Jane Q. Roe"
            # a proper-name alias and the first names or initials before it
            drop.update(range(hs, he))
            k = hs - 1
            while k >= s and _first_name(toks[k]):
                drop.add(k)
                k -= 1
        else:
            # proper-name parts of a mixed alias ("Afghan" in "Afghan government")
            drop.update(k for k in range(hs, he - 1) if toks[k].cap and proper)
    # a proper-name alias inside a longer name: the rest of the name is no label
    # ("the Green Party National Committee"; but "the Trump Administration" keeps its head)
    last = max(he for _, he, _, alias in hits_in_np if any(ch.isupper() for ch in alias)) \
        if any(any(ch.isupper() for ch in alias) for *_, alias in hits_in_np) else None
    # another person's name after a role noun ("Taliban spokesman Suhail Shaheen",
    # "party lobbyist Jane Roe", "presidential hopeful Jane Roe", "ACME Administrator Jane Roe")
    k = e - 1
    while k >= s and k not in drop and _is_name_token(toks[k]) and (k == e - 1 or _first_name(toks[k])):
        k -= 1
    role = k < e - 1 and k >= s and k not in drop and (_agent(toks[k]) or toks[k].low in {"hopeful", "nominee"})
    if last is not None and last < e and not (role and k >= last and _person_role(toks[k])) and all(
            toks[x].cap and toks[x].low not in _TITLES and toks[x].low not in INSTITUTION_NOUNS
            for x in range(last, e) if toks[x].word):
        return None  # its head is that other name, which the modifiers before it describe
    if role:
        drop.update(range(k + 1, e))
    # a name used as a noun modifier labels its actor only through a head that names
    # people, a group or an institution ("the Kabul regime", "the Taliban Islamist
    # insurgency", "GOP senators"); "EPA regulations", "Democrat votes" name a thing
    if last is not None and last < e and not (e - 1) in drop and not _group_head(toks[e - 1]):
        return None
    # a label is a noun phrase: never a function word or a verb at its head
    keep = [k for k in range(s, e) if k not in drop and toks[k].low not in HONORIFICS
            and (not _function(toks[k]) or toks[k].text.isupper())]
    if not keep or _verb_form(toks[keep[-1]]):
        return None
    label = " ".join(toks[k].base if k == e - 1 else toks[k].text for k in keep).strip()
    return label or None
