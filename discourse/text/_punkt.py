"""Punkt sentence boundaries at speed: nltk's own decisions, taken at the candidates.

nltk's :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer` finds every candidate
boundary (a ``.``, ``?`` or ``!`` followed by other punctuation or by whitespace and a
token), cuts a small *context* around it (the word before, the mark, what follows),
tokenizes that context into ``PunktToken`` objects and runs its two annotation passes
over them. :class:`FastPunkt` finds the same candidates and context with the same
regular expressions, but splits each context into the part up to the mark and the
part after it, and memoizes what each part contributes to the decision (the part
after the mark is usually a common sentence opener, the part before a common last
word). A decision is then a pair of dictionary look-ups and a few comparisons, made
by exactly nltk's rules (first pass, collocation, orthographic, sentence-starter,
initial and ordinal heuristics). Contexts for which that split would not be exact
(whitespace other than a space inside the word before the mark) and every context of
a text with one of the control characters U+001C..U+001F (whitespace to Python, not
to nltk's regular expressions) are decided by the same rules over the whole context,
as nltk does.

The output equals ``list(PunktSentenceTokenizer(params).span_tokenize(text))`` for
any :class:`~nltk.tokenize.punkt.PunktParameters` with nltk's default language
variables; ``tests/test_punkt.py`` checks this on hand-written and on thousands of
generated texts, untrained and trained.
"""
from __future__ import annotations

import importlib
import re
from itertools import chain
from typing import Iterable

from nltk.tokenize import punkt as _nltk

__all__ = ["FastPunkt", "make_trainer"]

_LANG = _nltk.PunktLanguageVars()


def _exact(pattern):
    """The compiled pattern nltk itself runs (unwrapped from its ReDoS guard, if any)."""
    return getattr(pattern, "_rx", pattern)


# nltk's patterns, compiled by nltk's engine: used for the rare and the memoized work
_X_CONTEXT = _exact(_LANG.period_context_re())
_X_WORDS = _exact(_LANG._word_tokenizer_re())
_X_REALIGN = _exact(_LANG.re_boundary_realignment)
_X_NUMERIC = _exact(_nltk.PunktToken._RE_NUMERIC)
_X_ELLIPSIS = _exact(_nltk.PunktToken._RE_ELLIPSIS)
_X_INITIAL = _exact(_nltk.PunktToken._RE_INITIAL)
_X_ALPHA = _exact(_nltk.PunktToken._RE_ALPHA)
_X_NON_PUNCT = _exact(_nltk._re_non_punct)
_X_SPACE = (re if isinstance(_X_WORDS, re.Pattern) else importlib.import_module("regex")).compile(r"\s")

# the same patterns in the standard library's engine, for the scan of whole texts; the
# two engines differ on these patterns only in whether U+001C..U+001F are whitespace,
# so a text with one of those is scanned with nltk's engine instead
_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE  # same values in both engines
_CONTEXT = re.compile(_X_CONTEXT.pattern, _X_CONTEXT.flags & _FLAGS)
_REALIGN = re.compile(_X_REALIGN.pattern, _X_REALIGN.flags & _FLAGS)
_WORDS = re.compile(_X_WORDS.pattern, _X_WORDS.flags & _FLAGS)
_END = (None,)
# a realignment starts with one of these (None: this nltk has another pattern, try all)
_OPENERS = (frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb") if _REALIGN.pattern
            == r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)' else None)
_NEXT = _CONTEXT.groupindex["next_tok"]

_SENT_END = tuple(_LANG.sent_end_chars)
_PUNCT = tuple(_nltk.PunktSentenceTokenizer.PUNCTUATION)
_LC, _UC = _nltk._ORTHO_LC, _nltk._ORTHO_UC
_MID_UC, _BEG_LC = _nltk._ORTHO_MID_UC, _nltk._ORTHO_BEG_LC
_NUMBER = "##number##"
_MAX_MEMO = 50_000  # entries per memo before both are emptied (bounded memory)


def _type(tok: str) -> str:
    return _X_NUMERIC.sub(_NUMBER, tok.lower())


def _no_period(typ: str) -> str:
    return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ


def _odd(text: str) -> bool:
    """Whether ``text`` holds one of U+001C..U+001F (whitespace to Python's engine, not
    to nltk's): such a text is read with nltk's engine (see the module notes)."""
    return "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text


def _line_tokens(text: str) -> list[str]:
    """Punkt's word tokens of a text, line by line (``PunktBaseClass._tokenize_words``)."""
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            out.extend(_X_WORDS.findall(line))
    return out


class FastPunkt:
    """Punkt sentence spans, identical to nltk's ``span_tokenize``, several times faster.

    Parameters
    ----------
    params : PunktParameters, optional
        Abbreviations, collocations, sentence starters and orthographic contexts, as
        from ``PunktTrainer.get_params()``; a snapshot is taken, so later changes to
        ``params`` do not reach this splitter. Empty parameters when omitted.

    Examples
    --------
    >>> from nltk.tokenize.punkt import PunktParameters
    >>> params = PunktParameters()
    >>> params.abbrev_types = {"gen", "u.s"}
    >>> text = "Gen. Mark Milley met U.S. troops. They cheered."
    >>> [text[s:e] for s, e in FastPunkt(params).span_tokenize(text)]
    ['Gen. Mark Milley met U.S. troops.', 'They cheered.']
    """

    def __init__(self, params: _nltk.PunktParameters | None = None):
        params = params if params is not None else _nltk.PunktParameters()
        self._abbrevs = frozenset(params.abbrev_types)
        self._collocations = frozenset(params.collocations)
        self._colloc_first = frozenset(a for a, _ in self._collocations)
        self._starters = frozenset(params.sent_starters)
        self._ortho = dict(params.ortho_context)
        self._before: dict[str, tuple] = {}  # memo: word and mark -> _before_part
        self._after: dict[str, tuple] = {}  # memo: what follows the mark -> _after_part

    # -- nltk's token rules, on plain strings ------------------------------------------
    def _first_pass(self, tok: str) -> tuple[bool, bool]:
        """``(sentbreak, abbr or ellipsis)`` after Punkt's first pass."""
        if tok in _SENT_END:
            return True, False
        if _X_ELLIPSIS.match(tok):
            return False, True
        if tok.endswith(".") and not tok.endswith(".."):
            low = tok[:-1].lower()
            if low in self._abbrevs or low.split("-")[-1] in self._abbrevs:
                return False, True
            return True, False
        return False, False

    def _ortho_heuristic(self, tok: str, next_typ: str):
        if tok in _PUNCT:
            return False
        ctx = self._ortho.get(next_typ, 0)
        if tok[0].isupper() and ctx & _LC and not ctx & _MID_UC:
            return True
        if tok[0].islower() and (ctx & _UC or not ctx & _BEG_LC):
            return False
        return "unknown"

    def _breaks(self, toks: list[str]) -> list[bool]:
        """Final sentence-break flag of every token but the last (both passes)."""
        first = [self._first_pass(t) for t in toks]
        return [self._decide(self._token_part(t, f), self._next_part(n, first[i + 1][0]))
                for i, (t, f, n) in enumerate(zip(toks, first, toks[1:]))]

    def _token_part(self, tok: str, first: tuple[bool, bool]) -> tuple:
        typ = _no_period(_type(tok))
        initial = bool(_X_INITIAL.match(tok))
        return (False, tok.endswith("."), first[0], first[1], initial, typ,
                initial or typ == _NUMBER)

    def _next_part(self, tok: str, sentbreak: bool) -> tuple:
        typ = _type(tok)
        next_typ = _no_period(typ) if sentbreak else typ
        upper = tok[0].isupper()
        return (False, next_typ, self._ortho_heuristic(tok, next_typ), upper,
                upper and next_typ in self._starters,
                bool(self._ortho.get(next_typ, 0) & _LC))

    def _decide(self, before: tuple, after: tuple) -> bool:
        """Whether the last token of ``before`` is a break, given the token after it."""
        verdict, period_final, brk, abbr_or_ellipsis, initial, typ, initial_or_number = before
        post_break, next_typ, ortho, upper, starter, next_lc = after
        if verdict or post_break:
            return True
        if not period_final:
            return brk
        if (typ, next_typ) in self._collocations:
            return False
        if abbr_or_ellipsis and not initial and (ortho is True or starter):
            return True
        if initial_or_number and (ortho is False or (
                initial and ortho == "unknown" and upper and not next_lc)):
            return False
        return brk

    # -- the two parts of a context, memoized ------------------------------------------
    def _before_part(self, part: str) -> tuple:
        """What the word and mark before a candidate contribute, with a ``verdict``
        first: True (a break whatever follows), False (a break only if a later token
        is one), None (the token after decides); ``()`` if only the whole context can
        be decided (a token might span whitespace inside the word)."""
        if part[-1] == "." and part.isascii() and part[:-1].isalpha():
            low = part[:-1].lower()  # the common case: one plain word and its period
            abbr = low in self._abbrevs
            initial = len(low) == 1
            pre, info = False, (True, not abbr, abbr, initial, low, initial)
        else:
            if _X_SPACE.search(part):
                return ()
            toks = _line_tokens(part)
            pre = any(self._breaks(toks))
            info = self._token_part(toks[-1], self._first_pass(toks[-1]))[1:]
        period_final, brk, abbr_or_ellipsis, initial, typ, initial_or_number = info
        if pre:
            verdict = True
        elif not period_final or not (abbr_or_ellipsis or initial_or_number
                                      or typ in self._colloc_first):
            verdict = brk
        else:
            verdict = None
        return (verdict,) + info

    def _after_part(self, after: str) -> tuple:
        """What the text after a candidate contributes: whether one of its tokens but
        the last is a break, and the facts about its first token that nltk's second
        pass reads; ``()`` if only the whole context can be decided."""
        if after.isascii() and after.isalpha():
            toks = [after]  # the common case: one plain word
        elif after.isspace():
            return ()  # whether it has tokens depends on the lines around it
        else:
            toks = _X_WORDS.findall(after)
        part = self._next_part(toks[0], self._first_pass(toks[0])[0])
        return (len(toks) > 1 and any(self._breaks(toks)),) + part[1:]

    def _context_breaks(self, context: str) -> bool:
        """nltk's ``text_contains_sentbreak`` on a whole context."""
        return any(self._breaks(_line_tokens(context)))

    # -- spans ---------------------------------------------------------------------------
    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans ``(start, end)`` of ``text``, as nltk's ``span_tokenize`` gives them.

        Examples
        --------
        >>> FastPunkt().span_tokenize("It rained. We left (early).")
        [(0, 10), (11, 27)]
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        odd = _odd(text)
        end = len(text.rstrip())
        marks = list((_X_CONTEXT if odd else _CONTEXT).finditer(text))
        if not marks:
            return [(0, end)] if end > 0 else []
        other = "\t" in text or "\r" in text or "\x0b" in text or "\x0c" in text
        return self._spans(text, marks, [(0, end)], odd, other, "\n" in text)[0]

    def spans_in(self, text: str, regions: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[int]]:
        """Sentence spans of each region ``(lo, hi)`` of ``text``, each split as the text
        ``text[lo:hi]`` alone would be (:meth:`span_tokenize`); offsets into ``text``.
        Returns the flat list of spans and the number of spans of each region.

        The regions are paragraphs (``discourse.text._units._para_spans``): in order,
        starting and ending on non-whitespace, only whitespace between them. Candidates
        are found in one pass over the text: a mark is a candidate of its region exactly
        when it is one of the whole text, except a region's last character (nothing
        follows it in the region).

        Examples
        --------
        >>> text = "It rained. We left.\\n\\nThe end."
        >>> FastPunkt().spans_in(text, [(0, 19), (21, 29)])
        ([(0, 10), (11, 19), (21, 29)], [2, 1])
        """
        if _odd(text):  # nltk's own engine, region by region
            flat: list[tuple[int, int]] = []
            counts = []
            for lo, hi in regions:
                spans = self.span_tokenize(text[lo:hi])
                flat += [(lo + a, lo + b) for a, b in spans]
                counts.append(len(spans))
            return flat, counts
        if not regions:
            return [], []
        other = "\t" in text or "\r" in text or "\x0b" in text or "\x0c" in text
        return self._spans(text, _CONTEXT.finditer(text), regions, False, other, "\n" in text)

    def _spans(self, text: str, marks, regions: list[tuple[int, int]], odd: bool, other: bool,
               newline: bool) -> tuple[list[tuple[int, int]], list[int]]:
        """:meth:`spans_in` given the matches of the candidate pattern in ``text``, in
        order (those on a region's last character are not candidates of it); ``other``,
        ``newline``: whether the text holds whitespace other than spaces."""
        if len(self._before) > _MAX_MEMO or len(self._after) > _MAX_MEMO:  # bounded memory
            self._before.clear()
            self._after.clear()
        breaks, realign = self._breaks_at, self._realign
        flat: list[tuple[int, int]] = []
        counts: list[int] = []
        regions = iter(regions)
        lo, hi = next(regions)
        last = hi - 1
        other_ws = other or (newline and text.find("\n", lo, hi) >= 0)
        cuts: list[tuple[int, int]] = []  # (end of a sentence, start of the next)
        # nltk's _match_potential_end_contexts: the word before each candidate starts
        # after the last whitespace since the previous candidate; a candidate whose word
        # reaches back over the previous one replaces it, so a candidate is decided once
        # the next one (or the end of its region) shows it stands
        prev = None
        prev_start = prev_stop = lo
        for m in chain(marks, _END):
            ms = -1 if m is None else m.start()
            if m is None or ms >= last:
                if ms == last:  # (m is a match: ``last`` >= 0)
                    continue
                if prev is not None:  # the region ends: its last candidate stands
                    end = prev_stop + 1
                    if breaks(text, text[prev_start:end], prev, end, odd):
                        nxt = prev.start(_NEXT)
                        cuts.append((end, nxt if nxt >= 0 else end))
                spans = realign(text, cuts, lo, hi, odd)
                flat += spans
                counts.append(len(spans))
                if m is None:
                    break
                lo, hi = next(regions)
                while hi <= ms:  # regions without candidates: one sentence each
                    flat.append((lo, hi))
                    counts.append(1)
                    lo, hi = next(regions)
                last = hi - 1
                other_ws = other or (newline and text.find("\n", lo, hi) >= 0)
                cuts = []
                prev = None
                prev_start = prev_stop = lo
                if ms == last:
                    continue
            j = text.rfind(" ", prev_stop, ms)
            if other_ws:
                for c in "\t\n\r\x0b\x0c":
                    k = text.rfind(c, j + 1 if j >= 0 else prev_stop, ms)
                    if k > j:
                        j = k
            start = j + 1 if j > prev_stop else prev_start
            if prev is None or prev_stop > start:
                prev, prev_start, prev_stop = m, start, ms
                continue
            end = prev_stop + 1
            if breaks(text, text[prev_start:end], prev, end, odd):
                nxt = prev.start(_NEXT)
                cuts.append((end, nxt if nxt >= 0 else end))
            prev, prev_start, prev_stop = m, start, ms
        for lo, hi in regions:  # after the last candidate
            flat.append((lo, hi))
            counts.append(1)
        return flat, counts

    def _breaks_at(self, text: str, part: str, m, end: int, odd: bool) -> bool:
        """Whether the candidate ``m`` (a match of the candidate pattern), with the word
        and mark ``part`` before it ending at ``end``, is a sentence break."""
        before = self._before.get(part)
        if before is None:
            before = self._before[part] = self._before_part(part)
        verdict = before[0] if before and not odd else None
        if verdict:
            return True
        nxt = m.group(_NEXT)
        key = nxt if nxt is not None else text[end]
        after = self._after.get(key)
        if after is None:
            after = self._after[key] = self._after_part(key)
        if not before or not after or odd:
            return self._context_breaks(part + m.group("after_tok"))
        if verdict is False:
            return after[0]
        return self._decide(before, after)

    @staticmethod
    def _realign(text: str, cuts: list[tuple[int, int]], lo: int, hi: int, odd: bool) -> list[tuple[int, int]]:
        """The sentence spans of ``text[lo:hi]`` from its breaks ``(end of a sentence,
        start of the next)``: nltk's _slices_from_text and _realign_boundaries (closing
        quotes and brackets after a break belong to the sentence before it)."""
        if not cuts:
            return [(lo, hi)] if hi > lo else []
        match = (_X_REALIGN if odd else _REALIGN).match
        openers = _OPENERS
        cuts.append((hi, -1))
        out: list[tuple[int, int]] = []
        s1 = lo
        e1 = cuts[0][0]
        for i in range(len(cuts) - 1):
            s2 = cuts[i][1]
            e2 = cuts[i + 1][0]
            m = match(text, s2, e2) if s2 < e2 and (openers is None or text[s2] in openers) else None
            if m is not None:
                out.append((s1, s2 + len(m.group().rstrip())))
                s1 = m.end()
            else:
                if s1 < e1:
                    out.append((s1, e1))
                s1 = s2
            e1 = e2
        if s1 < e1:
            out.append((s1, e1))
        return out

    def span_tokenize_many(self, texts: Iterable[str]) -> list[list[tuple[int, int]]]:
        """:meth:`span_tokenize` of each text, in order."""
        return [self.span_tokenize(t) for t in texts]


def make_trainer() -> _nltk.PunktTrainer:
    """A :class:`~nltk.tokenize.punkt.PunktTrainer` that learns exactly the parameters
    nltk's default one learns, about twice as fast (:mod:`discourse.text._punkt_train`)."""
    from discourse.text._punkt_train import make_trainer as make

    return make()
