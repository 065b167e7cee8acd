"""Loaded-language matches that are not loaded language: words inside proper names and
"anti-X control" compounds.

A loaded word written with a capital in the middle of a sentence is usually part of a
name (English capitalises proper names, not evaluative words): a surname (*Rep. Jane
Slaughter*, *a CNN anchor, Dana Bash*), an operation or statute (*Operation Fast and
Furious*, *the Secure Borders Act*), an event or place (*the Stonewall Riots*), a
disease spelled out before its acronym (*Severe Acute Respiratory Syndrome (SARS)*), a
rank (*Petty Officer*). :func:`in_name` recognises such a match by its neighbours, with
no list of names:

* **left**: the word before it (on the same line, separated by spaces only) is
  capitalised and not a function word (*Dana* Bash, *CNN's* Bash); or is a connector
  (:data:`CONNECTORS`: *of*, *and*, *for*) after such a word (*Fast and* Furious,
  *Department of* ...); or is an abbreviated title with its period (*Rep.*, *Sen.*:
  :data:`discourse.words.TITLES`); or is a word that introduces a name (*named*);
* **right**: the capitalised words after it (with connectors between them, up to
  :data:`RUN` words) hold a word that heads a name (:data:`discourse.words.NAME_HEADS`:
  *Act*, *Operation*, *Syndrome*, *Riots*, *Institute* ...) or a title (*Officer*), or are
  followed by an acronym in parentheses (*... Syndrome (SARS)*).

Kept as loaded language: a capitalised match at the start of a sentence or line, after
punctuation or a quotation mark (*"Thugs," he said*), in capitals (*IDIOTS*), in a line
written in title case (a headline: *Senator Slams Corrupt Media*), and an epithet before
a name (*then Crooked Hillary said*: the word before it is lowercase and no name head
follows).

:func:`in_compound` recognises *anti-X N* and *pro-X N* where *X N* is a policy or harm
compound (:data:`COMPOUND_HEADS`: *anti-gun control* is against gun control, the opposite
stance of *anti-gun*; *anti-gun violence* is against gun violence).
"""
from __future__ import annotations

import re

from discourse.words import (AUXILIARIES, CONJUNCTIONS as _CONJ, DETERMINERS, NAME_HEADS, PREPOSITIONS,
                             PRONOUN_WORDS, TITLES)

__all__ = ["in_name", "in_compound", "CONNECTORS", "NAME_INTRODUCERS", "COMPOUND_HEADS", "RUN", "TITLE_SHARE"]

#: lowercase words that join the words of a name (*Department of Justice*, *Fast and Furious*)
CONNECTORS = frozenset("of and for".split())
#: lowercase words after which a capitalised word is a name (*a man named Petty*)
NAME_INTRODUCERS = frozenset("named surnamed nee née".split())
#: nouns that make *anti-X N* / *pro-X N* a stance on the compound *X N*, not on *X*
COMPOUND_HEADS = frozenset(
    """control controls violence safety reform reforms enforcement regulation regulations
    restriction restrictions ban bans prevention""".split()
)
#: capitalised words looked at after a match for a name head
RUN = 6
#: share of capitalised content words that makes a line a title-case headline
TITLE_SHARE = 0.75

_GAP = re.compile(r"[ \t\u00a0]+")
_TITLE_GAP = re.compile(r"\.[ \t\u00a0]+")
_ACRONYM = re.compile(r"[ \t\u00a0]*\([A-Z][A-Z0-9&.\-]+\)")
_TITLES = frozenset(TITLES)
#: closed-class words: capitalised at the start of a sentence, never a sign of a name
_CLOSED = DETERMINERS | PREPOSITIONS | _CONJ | PRONOUN_WORDS | AUXILIARIES
_HEADS = NAME_HEADS | frozenset({"officer", "officers"})  # ranks: *Petty Officer*


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _shout(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _title_case(text: str, words, i: int, function_words) -> bool:
    """The line holding word ``i`` is written in title case (a headline): at least three
    content words, at least :data:`TITLE_SHARE` of them capitalised."""
    starts, ends, lows = words
    lo = text.rfind("\n", 0, starts[i]) + 1
    hi = text.find("\n", ends[i])
    hi = len(text) if hi == -1 else hi
    k, caps, n = i, 0, 0
    while k >= 0 and starts[k] >= lo:
        k -= 1
    for x in range(k + 1, len(starts)):
        if starts[x] >= hi:
            break
        if lows[x] in function_words or not text[starts[x]].isalpha():
            continue
        n += 1
        caps += _cap(text[starts[x]])
    return n >= 3 and caps >= TITLE_SHARE * n


def in_name(text: str, words, i: int, j: int, function_words, *, quoted: bool = False,
            loaded=frozenset()) -> bool:
    """Whether the match over words ``i..j`` of ``text`` is part of a proper name (the
    rule of the module docstring). ``words`` is ``(starts, ends, lowercase words)``;
    ``quoted``: the match is in a quotation, whose capitals are the speaker's (a tweet's
    *Rigged Witch Hunt*), so a capitalised word before it is no sign of a name; ``loaded``:
    indices of the words of every loaded match (a neighbour among them: two capitalised loaded words
    side by side are emphasis, not a name)."""
    starts, ends, lows = words
    first = text[starts[i]:ends[i]]
    if not _cap(first) or _shout(first) or i == 0:
        return False

    def joined(x: int, y: int) -> bool:
        return 0 <= x and y < len(starts) and _GAP.fullmatch(text, ends[x], starts[y]) is not None

    def head_before(x: int) -> bool:  # a name head in the capitalised words ending with word x
        n = 0
        while n < RUN and x >= 0 and (name_word(x) or (
                lows[x] in CONNECTORS and joined(x - 1, x) and name_word(x - 1))):
            if lows[x] in _HEADS:
                return True
            if not joined(x - 1, x):
                return False
            x, n = x - 1, n + 1
        return False

    def name_word(x: int) -> bool:  # a capitalised word that is not a function word or a loaded match
        return (_cap(text[starts[x]]) and lows[x] not in function_words and lows[x] not in _CLOSED
                and x not in loaded)

    left = False
    if joined(i - 1, i):  # a capitalised word before it is no sign of a name in a title-case headline
        p = lows[i - 1]
        left = (p in NAME_INTRODUCERS or head_before(i - 1)
                or (not quoted and name_word(i - 1) and not _title_case(text, words, i, function_words)))
    elif _TITLE_GAP.fullmatch(text, ends[i - 1], starts[i]) and text[starts[i - 1]:ends[i - 1]] in _TITLES:
        left = True
    right = False
    if not left:  # a name head after the match, or an acronym
        k, n = j, 0
        while n < RUN and joined(k, k + 1) and (name_word(k + 1) or (
                lows[k + 1] in CONNECTORS and joined(k + 1, k + 2) and name_word(k + 2))):
            k, n = k + 1, n + 1
            if lows[k] in _HEADS:
                right = True
                break
        if not right and n and _ACRONYM.match(text, ends[k]):
            right = True
    return left or right


def in_compound(text: str, words, j: int) -> bool:
    """Whether the match ending with word ``j`` is the *anti-X* / *pro-X* of *anti-X N*,
    where N is a :data:`COMPOUND_HEADS` noun (*anti-gun control*)."""
    starts, ends, lows = words
    w = lows[j]
    if not (w.startswith("anti-") or w.startswith("pro-")) or j + 1 >= len(starts):
        return False
    return _GAP.fullmatch(text, ends[j], starts[j + 1]) is not None and lows[j + 1] in COMPOUND_HEADS
