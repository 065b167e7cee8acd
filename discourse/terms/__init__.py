"""Loaded terms: lexicon matches with their voice, rates per 1,000 words, and KWIC.

:func:`find` returns one row per match of a lexicon (:mod:`discourse.lexicon`) in
the articles of a corpus, with where it sits (``para_id``, ``sent_id``, character
offsets into ``text``) and in whose voice (:mod:`discourse.voice`): ``authorial`` (the
outlet's own narration), ``quoted`` (inside a quotation attributed to ``speaker``),
``scare`` (inside scare quotes: the outlet holding someone's word at a distance) or
``reported``. Sentences and quotations come from the corpus's annotations
(:func:`discourse.text.annotate`), computed once and shared with every analysis; pass
the annotations instead of the corpus to reuse them explicitly.

Matching rules
--------------
* **Case and Unicode.** Text and patterns are compared after Unicode case folding
  (``str.casefold``: ``"STRASSE"`` finds ``"Straße"``); curly and straight
  apostrophes are one character, so are the Unicode hyphens U+2010/U+2011 and ``-``;
  newline, tab and no-break space are spaces (rarer Unicode spaces such as thin
  spaces separate words but do not join a phrase). Case folding can change the length of a
  string (``"ß"`` -> ``"ss"``, ``"İ"`` -> ``"i̇"``); offsets are mapped back, so
  ``text[start:end]`` is always the match as written. Accents are significant
  (``régime`` does not find ``regime``).
* **Word boundaries.** A pattern that begins (ends) with a word character (a
  letter, digit, ``_`` or combining mark) only matches where the text has no word
  character just before (after) it: ``regime`` never matches ``regimen``, ``US``
  never matches inside ``focus``; ``US-backed`` is the words ``US``, ``-``,
  ``backed``. Paragraph breaks (two newlines) are two spaces, so phrases never
  match across paragraphs.
* **Overlaps: the longest match wins.** Where matches overlap, the longest (in
  characters) is kept; among equally long ones the earliest start, then the
  pattern that comes first in the lexicon. ``puppet government`` is one match, not
  ``puppet`` plus ``puppet government``. ``overlap="all"`` keeps every match.
* **Speed.** ``fixed`` patterns and ``glob`` patterns whose only wildcards are a
  leading and/or trailing ``*`` (``regime*``, ``*-backed``) are found together by
  one Aho-Corasick automaton (pyahocorasick) over the case-folded text, in time
  linear in the size of the corpus whatever the size of the lexicon; ``*`` is then
  extended over word characters. Other globs (``henchm?n``) are tried only where
  their leading literal (or first literal after leading wildcards) occurs.
  ``regex`` patterns are inevitably one regular expression per pattern: tried at
  each occurrence of their literal prefix when they have one (``regimes?``), else
  scanned over the whole text (``(?:US|Iran)-backed``), so keep them few.

Voice rule (:func:`discourse.voice.assign`): a match is inside a quotation when its
start lies in the quotation's span (``quote.start <= match.start < quote.end``); with
nested quotations the innermost counts; the quotation's kind gives the voice
(:data:`discourse.voice.KIND_VOICE`); ``speaker`` is the quotation's speaker when it
has one (a scare quote can have one: *what the Pentagon describes as "over the
horizon capabilities"*).

Words (the denominator of every rate) are counted by
:data:`discourse.words.WORD_PATTERN`: runs of letters/digits with inner apostrophes,
hyphens or periods, so ``US-backed``, ``don't`` and ``U.S.`` are one word each.
"""
from __future__ import annotations

from discourse.terms._find import COLUMNS, find, scare_terms
from discourse.terms._kwic import KWIC, kwic
from discourse.terms._loaded import find_loaded
from discourse.terms._matcher import Matcher
from discourse.terms._rates import rates

__all__ = ["find", "find_loaded", "rates", "kwic", "scare_terms", "Matcher", "KWIC", "COLUMNS"]

