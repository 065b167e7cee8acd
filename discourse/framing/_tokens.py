"""Tokens with offsets, word classes and rule-based noun-phrase chunking, shared by
:func:`~discourse.framing.actor_labels` and :func:`~discourse.framing.sources`.

No external model: rules over tokens, capitalisation and short word lists.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?:-[^\W_][\w'’\-]*)?"      # U.S., U.N., U.S.-backed
    # words, hyphen compounds, possessives ("Taliban's", "soldiers'"); a bare apostrophe
    # after another letter is a closing single quote, not part of the word
    r"|[^\W_](?:[\w'’\-&]*[^\W_])?(?:['’]s|(?<=[sS])['’])?"
    r"|\$?\d[\d,.]*"                              # numbers
    r"|\S",                                        # punctuation
    re.UNICODE,
)

_DET = frozenset("""the a an this that these those its their his her our your my some any every each
no another such both all several many most few""".split())
_PREP = frozenset("""of in on at by for with from to into onto over under against about after before
between among through during without within upon toward towards across behind beyond near since via
per as than like amid despite including""".split())
_CONJ = frozenset("""and or but nor so yet while whereas although though because if when where whether
which who whom whose what then also even just only not""".split())
_PRON = frozenset("""he she it they we i you him them us me himself herself itself themselves ourselves
there here this that""".split())
_AUX = frozenset("""is are was were be been being am has have had having do does did will would shall
should can could may might must 's""".split())
_VERBS = frozenset("""said says say told tells tell held holds hold took takes take made makes make gave
gives give went goes go came comes come won wins win saw sees see left leaves kept keeps brought brings
began begins ran runs fought fights struck strikes sent sends spent spends built builds led leads met
meets paid pays put puts set sets stood stands thought thinks found finds got gets heard hears knew
knows lost loses meant means rose rises sought seeks spoke speaks wrote writes fell falls felt feels
became becomes remains remain seems seem appears appear continues continue wants want controls control
claims claim denies deny insists insist calls call faces face warns warn plans plan needs need says
accused accuses shot hit hits cut cuts let lets withdrew withdraws seized seizes agreed agrees
fled flees flee fought drove drives rode flew flies fly threw throws bought buys sold sells taught teaches
caught catches ate drank sang swam sat sits lay lies laid lays bore bears beat beats bit broke breaks
chose chooses drew draws forgot forgets forgave froze grew grows hid hides hung knelt lent lit mistook
overcame overran overthrew ran rang sank shook shone shut slept slid spun spread sprang stole stuck stung
strove swore swept swung tore wore woke won wound wrote undertook upheld withheld withstood arose awoke
dealt dug fed fit hurt meant quit rid shed spat split wept vowed
is are was were has have had does did will would can could may might must should shall
now then also still already again too later soon here there today yesterday tomorrow tonight
ago instead however therefore""".split())
_LY_NOT_ADV = frozenset("family ally rally assembly supply reply italy july daily weekly monthly elderly holy early".split())
_TITLES = frozenset("""president vice prime minister gen. general secretary chairman chairwoman spokesman
spokeswoman spokesperson ambassador sen. senator rep. representative mr. mrs. ms. dr. king queen prince
princess sheikh mullah commander col. colonel lt. lieutenant adm. admiral chief governor gov. mayor
judge justice director envoy foreign defense defence interior deputy leader pope emir sultan marshal
captain capt. maj. major sgt. sergeant officer premier chancellor speaker ayatollah imam pres. prof.
professor sir lord lady dame""".split())
_ROLE_NOUNS = frozenset("""spokesman spokeswoman spokesperson spokesmen minister secretary official officials
envoy ambassador chairman chairwoman chair president leader leaders commander general director chief head
member adviser advisor analyst analysts researcher professor representative senator governor mayor officer
officers diplomat diplomats negotiator aide aides deputy founder executive correspondent reporter editor
expert experts fellow lawmaker lawmakers legislator premier chancellor speaker ministry spokespeople
militant militants commanders lawyer attorney economist economists scientist scientists commissioner
activist activists scholar historian journalist lecturer candidate mp mps physician doctor nurse teacher
farmer resident residents witness witnesses student students worker workers owner campaigner organiser
organizer coordinator manager consultant strategist economist investigator inspector prosecutor
judge mayor councillor councilor""".split())


@dataclass
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def base(self) -> str:
        t = self.text
        if len(t) > 2 and t[-2:] in ("'s", "’s"):
            return t[:-2]
        if len(t) > 2 and t[-1] in "'’" and t[-2] in "sS":
            return t[:-1]
        return t

    @property
    def poss(self) -> bool:
        t = self.text
        return len(t) > 2 and (t[-2:] in ("'s", "’s") or (t[-1] in "'’" and t[-2] in "sS"))

    @property
    def word(self) -> bool:
        return bool(re.match(r"[^\W_]", self.text))

    @property
    def cap(self) -> bool:
        return self.word and self.text[0].isupper()

    @property
    def hyph(self) -> bool:
        return "-" in self.text and self.word


def _tokenize(text: str) -> list[_Tok]:
    toks = [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    # glue abbreviation periods ("Gen." "Lt.") to their word
    from discourse.text import ABBREVIATIONS

    out: list[_Tok] = []
    for t in toks:
        if t.text == "." and out and out[-1].end == t.start and out[-1].low in ABBREVIATIONS:
            out[-1] = _Tok(out[-1].text + ".", out[-1].start, t.end)
        else:
            out.append(t)
    return out


def _function(t: _Tok) -> bool:
    low = t.low
    return low in _DET or low in _PREP or low in _CONJ or low in _PRON or low in _AUX


def _verbish(t: _Tok) -> bool:
    low = t.low
    if low in _VERBS or low in _AUX:
        return True
    if t.hyph or t.cap:
        return False
    return (low.endswith("ed") or low.endswith("ing")) and len(low) > 4


def _adverb(t: _Tok) -> bool:
    low = t.low
    return low.endswith("ly") and len(low) > 4 and low not in _LY_NOT_ADV and not t.cap


def _modifier(t: _Tok) -> bool:
    """Could be a pre-modifier or head inside a noun phrase."""
    if not t.word:
        return False
    if t.text.isupper() and len(t.base) >= 2:  # "US", "UN", "NATO": names, not "us"
        return True
    if _function(t):
        return False
    if t.low in _VERBS or _adverb(t):
        return False
    return True


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


def _is_name_token(t: _Tok) -> bool:
    return t.cap and t.low not in _TITLES and not t.hyph and not _function(t)


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
    prior = toks[back - 1] if back > 0 else None
    if prior is None or not prior.word or prior.low in _PREP | _CONJ | _AUX or _verbish(prior):
        return np_
    return None
