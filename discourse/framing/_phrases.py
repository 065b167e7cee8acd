"""Noun phrases over the framing tokens: where a phrase starts and ends, its label,
and appositives; rules over tokens, capitalisation and the word lists of
:mod:`discourse.words`, used by :func:`~discourse.framing.actor_labels` and
:func:`~discourse.framing.sources`."""
from __future__ import annotations

from discourse.framing._tokens import (
    _AUX,
    _CONJ,
    _DET,
    _PREP,
    _PRON,
    _ROLE_NOUNS,
    _TITLES,
    _VERBS,
    _Tok,
    _adverb,
    _is_name_token,
    _modifier,
    _verbish,
    _CREDIT,
    _VERB_S,
    _function,
    _participle_modifies,
    _verb_form,
    _s_word,
)
from discourse.words import BYLINE_WORDS, HONORIFICS, NEWS_VERBS, NUMBER_WORDS, PRONOUNS, ROLE_NOUNS, TIME_WORDS

_MODALS = frozenset("will would can could may might must should shall do does did".split())
#: a word after a subject pronoun is a verb or an adverb ("we thank X", "I think X")
_SUBJECTS = (PRONOUNS - {"it"}) | {"you"}
#: endings of agent and role nouns, which a plural noun can modify ("Cowboys coach", "parents
#: group leader"); any other base form after a plural subject is its verb ("Voters agree X")
_ADJECTIVE_ENDINGS = ("ed", "ing", "s", "al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ish", "ese", "an",
                      "ary", "ory", "y")
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "eer", "ief", "ary")
#: cardinal numbers open a noun phrase like a determiner ("two detained men")
_CARDINALS = NUMBER_WORDS - {"first", "second", "third", "last", "next"}


def _np_forward(toks: list[_Tok], i: int, *, with_of: int = 2) -> tuple[int, int] | None:
    """A noun phrase starting at ``i`` (after an optional determiner): (first, end)."""
    while i < len(toks) and toks[i].low in _DET:
        i += 1
    s = i
    while i < len(toks):
        t = toks[i]
        if not t.word or not _modifier(t) or (_verbish(t) and i > s and not t.hyph):
            break
        i += 1
        if t.poss:
            break
    if i == s:
        return None
    if with_of and i + 1 < len(toks) and toks[i].low == "of":
        sub = _np_forward(toks, i + 1, with_of=with_of - 1)
        if sub is not None:
            return s, sub[1]
    return s, i


def _appositive_before(toks: list[_Tok], comma: int) -> tuple[int, int] | None:
    """The outermost determiner noun phrase ending at the comma before a name."""
    best = None
    for back in range(comma - 1, max(-1, comma - 15), -1):
        t = toks[back]
        if not t.word or _verbish(t) and not t.cap:
            break
        if t.low in {"the", "a", "an"}:
            np_ = _np_forward(toks, back)
            if np_ is not None and np_[1] == comma:
                best = (back, np_)
    if best is None:
        return None
    back, np_ = best
    k = back
    while k > 0 and (toks[k - 1].low in _PREP or toks[k - 1].low == "according"):
        k -= 1
    if k < back and _is_sentence_start(toks, k):
        return None  # "During the campaign, X", "According to the Times, X": an opening adverbial
    prior = toks[back - 1] if back > 0 else None
    if prior is None or not prior.word or prior.low in _PREP | _CONJ | _AUX or _verbish(prior):
        return np_
    return None


def _is_sentence_start(toks: list[_Tok], i: int) -> bool:
    return i == 0 or toks[i - 1].text in {".", "!", "?", "\u201c", '"', ":", ";"}


def _left_extent(toks: list[_Tok], i: int) -> int:
    """First token of the pre-modifier run ending before token ``i``.

    The run holds adjectives, nouns, names, hyphenated compounds and participles that
    modify the head ("detained illegal immigrants" → "illegal immigrants", "helps
    undocumented immigrants" → "undocumented immigrants"); it stops at a determiner,
    preposition, verb, auxiliary, adverb, possessive, punctuation, a line break, a
    caption or credit word ("Getty Images", "Hide caption"), a day or time ("Tuesday
    afternoon"), a verb after a subject pronoun ("we thank"), before an honorific
    ("Mr", "Ms": only "the late" modifies them) and, after a byline's "By", at the
    title that follows the author's name.
    """
    j = i - 1
    run: list[int] = []
    while j >= 0:
        t = toks[j]
        if toks[j + 1].nl or t.poss or t.low in _CREDIT or t.low in _CARDINALS or t.low.replace(",", "").isdigit():
            break
        if t.low in TIME_WORDS or (j > 0 and toks[j - 1].low in _SUBJECTS and not t.cap):
            break  # "Tuesday afternoon President X", "we thank President X"
        if toks[j + 1].low in HONORIFICS and t.low != "late":
            break  # "after the announcement Mr X": an honorific takes no modifier
        if j > 0 and _verb_after_plural(toks, j):
            break  # "Many Republicans hate X", "Voters agree X": a verb after a plural subject
        if j > 0 and not t.cap and not t.hyph and (toks[j - 1].low in _MODALS or (
                toks[j - 1].low == "to" and toks[i].cap)):
            break  # "will deport immigrants", "to isolate North Korea": a verb, not a modifier
        if _adverb(t) and run and _verbish(toks[run[0]]) and j > 0 and toks[j - 1].low in _DET | _PREP:
            run.insert(0, j)  # "the newly arrived migrants"
            j -= 1
            continue
        if not _modifier(t):
            break
        if _s_word(t):  # "helps", "officials": a verb or a plural noun, never a pre-modifier
            break
        if t.low in NEWS_VERBS and not t.cap and not (j > 0 and (toks[j - 1].low in _DET or toks[j - 1].poss or (
                toks[j - 1].low in _PREP and toks[j - 1].low != "to"))):
            break  # "would include US airpower", "to help undocumented immigrants"
        if _verbish(t) and (not _participle_modifies(toks, j) or (t.low.endswith("ing") and toks[i].cap and not run)):
            break  # "isolating North Korea": a gerund takes the name as its object
        run.insert(0, j)
        j -= 1
    boundary = toks[j] if j >= 0 else None
    if boundary is not None and not toks[j + 1].nl and _adverb(boundary) and boundary.word:
        # "yesterday illegal immigrants": without a determiner, preposition or verb
        # before it, only names and hyphenated compounds count as modifiers
        while run and not (toks[run[0]].cap or toks[run[0]].hyph):
            run.pop(0)
    if boundary is not None and boundary.cap and boundary.low in BYLINE_WORDS and not toks[j + 1].nl:
        # a byline run into the text: "By Jane Q. Doe President Trump" → "President"
        k = 0
        while k < len(run) and _is_name_token(toks[run[k]]):
            k += 1
        if k >= 2:
            run = run[k:]
    while run and (toks[run[0]].cap and _is_sentence_start(toks, run[0]) and toks[run[0]].low in _VERBS):
        run.pop(0)
    return run[0] if run else i


def _plural(t: _Tok) -> bool:
    """A plural noun by its form ("voters", "Republicans"), not a possessive, a noun
    modifier that ends in -s ("rights", "sales") or a word such as "us", "this"."""
    return t.word and not t.poss and not _function(t) and _s_word(_Tok(t.low, t.start, t.end))  # any case


def _verb_after_plural(toks: list[_Tok], j: int) -> bool:
    """Token ``j`` is the verb of a plural subject before it: a plain lowercase word, not
    an agent noun or an adjective by its ending, after a plural noun that a capital or a
    determiner shows to be a noun ("Voters agree X", "Many Republicans hate X"; but
    "The charity helps poor X": "helps" may be the verb)."""
    t, prev = toks[j], toks[j - 1]
    if t.cap or t.hyph or not t.word or _agent(t) or t.low.endswith(_ADJECTIVE_ENDINGS) or not _plural(prev):
        return False
    return prev.cap or (j >= 2 and toks[j - 2].low in _DET)


def _agent(t: _Tok) -> bool:
    """A role or agent noun ("activist", "coach", "spokesman")."""
    return t.low in ROLE_NOUNS or t.low in _ROLE_NOUNS or t.low in _TITLES or t.low.endswith(_AGENT_ENDINGS)


def _right_extent(toks: list[_Tok], e: int, hit_end_poss: bool) -> int:
    """One past the last token of the noun phrase continuing after the alias."""
    if hit_end_poss:
        return e
    j = e
    n = 0
    while j < len(toks) and n < 3:
        t = toks[j]
        if t.nl or not t.word or not _modifier(t) or _adverb(t) or t.low in _CREDIT or t.text.isdigit() \
                or t.low in _VERB_S or t.low in {"says", "said"}:
            break  # a verb even in a title-case headline ("EPA Unveils New Rules")
        if not (t.cap or t.hyph):
            if _verbish(t):
                break
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is not None and (nxt.low in _DET or nxt.low in _PRON and nxt.low not in {"that"}):
                break
        j += 1
        n += 1
        if t.poss:
            break
    return j


def _modifier_label(toks, s, e, hits_in_np) -> str | None:
    """Label of a mention: the noun phrase without determiners and proper names."""
    drop = set()
    for hs, he, _, alias in hits_in_np:
        proper = any(ch.isupper() for ch in alias)  # lowercase aliases are common nouns
        if proper and all(toks[k].cap for k in range(hs, he)):
            # a proper-name alias and the first names or initials before it
            drop.update(range(hs, he))
            k = hs - 1
            while k >= s and _is_name_token(toks[k]):
                drop.add(k)
                k -= 1
        else:
            # proper-name parts of a mixed alias ("Afghan" in "Afghan government")
            drop.update(k for k in range(hs, he - 1) if toks[k].cap and proper)
    # another person's name after a role noun ("Taliban spokesman Suhail Shaheen")
    k = e - 1
    while k >= s and k not in drop and _is_name_token(toks[k]):
        k -= 1
    if k < e - 1 and k >= s and (toks[k].low in _ROLE_NOUNS or toks[k].low in _TITLES):
        drop.update(range(k + 1, e))
    # a label is a noun phrase: never a function word or a verb at its head
    keep = [k for k in range(s, e) if k not in drop and toks[k].low not in HONORIFICS
            and (not _function(toks[k]) or toks[k].text.isupper())]
    if not keep or _verb_form(toks[keep[-1]]):
        return None
    label = " ".join(toks[k].base if k == e - 1 else toks[k].text for k in keep).strip()
    return label or None
