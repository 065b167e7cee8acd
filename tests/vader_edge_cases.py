"""Random sentences dense in VADER's rule triggers, for the exactness tests of the batch
scorer (``discourse._vader``): test data, so it lives with the tests."""
from __future__ import annotations

import numpy as np

_EDGE_WORDS = (
    # rule words of both variants
    "not no never without doubt least at very but so this kind of sort just enough kinda "
    "sorta kind-of isn't don't can't aint nor or none nothing despite rarely seldom "
    "the shit bomb bad ass badass bus stop yeah right kiss death to die for beating heart "
    "cut mustard hand mouth upper black red weather ball "
    # boosters and dampeners (some only in vaderSentiment's list)
    "extremely really more most less little barely hardly slightly somewhat quite "
    "incredible total utter major extreme considerable scarce "
    # sentiment words and neutral filler
    "good great bad terrible love hate happy sad war peace killed hope fear attack "
    "support failure success crisis strong weak free dead the a I it is was report said "
    "officials government troops city 2021 US"
).split()
_EDGE_PUNCT = ["", "", "", "", ",", ".", "!", "?", "!!", "??", "?!?", "...", ")", "(", '"', "'", ":", ";", '."', "-"]
_EDGE_EXTRA = [":)", ":(", ":-)", ":D", "<3", "\U0001f600", "\U0001f622", "\u2764", "\U0001f44d", "x\U0001f600",
               "\u201cgood\u201d", "I", "a", "!", "?", "-", "n't", "'s", "GOOD", "NOT", "VERY", "BAD", "Kind", "Of"]


def _edge_cases(n: int = 2000, *, random_state: int = 0) -> list[str]:
    """Random sentences dense in VADER rule triggers (for exactness tests)."""
    rng = np.random.default_rng(random_state)
    words = _EDGE_WORDS
    out = []
    for _ in range(n):
        k = int(rng.integers(1, 18))
        toks = []
        for _ in range(k):
            u = rng.random()
            if u < 0.08:
                tok = _EDGE_EXTRA[int(rng.integers(len(_EDGE_EXTRA)))]
            else:
                tok = words[int(rng.integers(len(words)))]
                c = rng.random()
                if c < 0.12:
                    tok = tok.upper()
                elif c < 0.2:
                    tok = tok.capitalize()
                p = _EDGE_PUNCT[int(rng.integers(len(_EDGE_PUNCT)))]
                tok = (p + tok) if rng.random() < 0.2 else (tok + p)
            toks.append(tok)
            if rng.random() < 0.05:
                toks.append(toks[int(rng.integers(len(toks)))])  # repeated token
        sep = " " if rng.random() < 0.9 else "  "
        out.append(sep.join(toks))
    return out


_TEMPLATE_PREFIXES = [
    "", "not", "isn't", "Not", "NOT", "no", "No", "no one", "no or", "no nor", "no, not", "never", "never so",
    "Never so", "never this", "never so very", "without doubt", "without a doubt", "Without doubt",
    "without any doubt", "at least", "the least", "very least", "least", "at the least", "kind of",
    "Kind of", "kind-of", "kinda", "sort of", "just enough", "so", "this", "so very", "very", "VERY",
    "extremely", "not very", "hardly", "barely", "slightly", "more", "most", "less", "incredible",
    "total", "utter", "the", "yeah", "bad", "cut the", "hand to", "to die", "kiss of", "beating",
    "bus", "despite", "nothing", "rarely", "the most", "it was not so", "I don't think it is",
]
_TEMPLATE_WORDS = [
    "good", "GOOD", "Good", "bad", "BAD", "great", "terrible", "love", "hate", "shit", "bomb", "ass",
    "right", "death", "for", "heart", "stop", "mustard", "mouth", "kind", "no", "killed", "war",
    "peace", "hope", "officials", "good.", "bad!", "great,", "\U0001f600", ":)", "sad", "badass",
]
_TEMPLATE_SUFFIXES = [
    "", ".", "!", "!!", "!!!!!", "?", "??", "???", "????", " news", " but bad", " but good.",
    " BUT not great", " but, kind of good", " :)", " \U0001f622", " of death", " for", " right", " heart",
]


def _edge_templates() -> list[str]:
    """Every prefix x word x suffix of the rule phrases above, in three contexts."""
    out = []
    for p in _TEMPLATE_PREFIXES:
        for w in _TEMPLATE_WORDS:
            for s in _TEMPLATE_SUFFIXES:
                out.append(f"{p} {w}{s}".strip())
                out.append(f"The report {p} {w}{s}".strip())
                out.append(f"The new report said {p} {w}{s}")
    # pairs whose valences are x and x/2 (assault -2.8, accuses -1.4; abuse -3.2,
    # ache -1.6; hell -3.6, adversity -1.8): vaderSentiment's "but" check then finds
    # the wrong list position (list.index of an equal value)
    for a, b in (("assault", "accuses"), ("abuse", "ache"), ("hell", "adversity"), ("abandoned", "accusation")):
        for form in ("{a} {b} but fine", "{b} {a} but calm", "{a} but {b}", "{b} and {a}, but {b}",
                     "The {a}; {b} but not {a}", "{a} {b} {a} but {b} {a}!"):
            out.append(form.format(a=a, b=b))
    return out
