"""The quotation finder's own sentence split and mark pairing, against their plain
definitions: the fast passes (one pass over the text, marks found with ``str.find``)
must give exactly what the regexes give block by block."""
import random
import re

from discourse.quotes._marks import _DOUBLE_OPEN, _MAY_OPEN_SINGLE, FILL, PARA_SEP, pair, positions
from discourse.quotes._sentences import _INITIALS, _SENT_END, split
from discourse.words import CASED_ABBREVIATIONS


def _split_by_blocks(m):
    """The split as first written: each block (paragraph) on its own, every match of
    _SENT_END, the word before it looked up character by character."""
    starts, ends = [], []
    seps = list(PARA_SEP.finditer(m))
    block_starts = [0] + [x.end() for x in seps]
    block_ends = [x.start() for x in seps] + [len(m)]
    for bs, be in zip(block_starts, block_ends):
        s = bs
        for x in _SENT_END.finditer(m, bs, be):
            k = x.start()
            while k > 0 and (m[k - 1].isalnum() or m[k - 1] in ".'’"):
                k -= 1
            w = m[k:x.start()].rstrip(".")
            if w in CASED_ABBREVIATIONS or (len(w) == 1 and w.isupper()) or ("." in w and _INITIALS.fullmatch(w)):
                continue
            starts.append(s)
            ends.append(x.start() + len(x.group().rstrip()))
            s = x.end()
        starts.append(s)
        ends.append(be)
    return starts, ends, block_starts


TRICKY = [
    "",
    "One. Two! Three? Four… Five.",
    "He left.\n\nShe stayed. Then\n\nNothing.",
    "A sentence ends. (\n\nNext paragraph starts here.",
    'He said "Yes." \n\n"No," she said.',
    "Gen. Lee met Mr. Smith in the U.S. Capitol. The U.S. Army agreed.",
    "Pages 1-2 etc. And more. J. Doe arrived. " + FILL * 5 + ". Then it ended.",
    "x" * 100 + ". Then a long word without spaces." + "y.z" * 40 + ". End.",
    "It's the '90s. Don't stop. 'Quoted,' he said.\n\n\n  Indented paragraph. Last",
    "Ends with a break.\n\n",
    "\n\nStarts with a break. Fine.",
]


def _fuzz(n, seed=11):
    rng = random.Random(seed)
    alphabet = list("aAbZ.!?…\"“”'‘’ \n\n  ()0_é") + [FILL, "U.S", "Mr", "etc", "\n\n", " Said", "x" * 70]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(n)]


def test_split_matches_the_split_block_by_block():
    for m in TRICKY + _fuzz(3000):
        r = split(m)
        assert (r.starts, r.ends, r.block_starts) == _split_by_blocks(m), repr(m)


def test_split_knows_abbreviations_and_paragraphs():
    m = "Gen. Lee spoke. Then he left.\n\nA new paragraph."
    r = split(m)
    assert [m[a:b] for a, b in zip(r.starts, r.ends)] == ["Gen. Lee spoke.", "Then he left.", "A new paragraph."]


def test_positions_are_those_of_the_regex():
    for t in TRICKY + _fuzz(500, seed=5):
        assert positions(t, "\"“”'’") == [x.start() for x in re.finditer(r"[\"“”'’]", t)]


def test_opening_marks_counted_as_the_regexes_count_them():
    # British style (single marks open more quotations than double ones) or not, as
    # _DOUBLE_OPEN and _MAY_OPEN_SINGLE decide
    british = "‘We will win,’ he said. ‘It is done.’ She said ‘no’ and “yes”."
    american = "“We will win,” he said. “It is done.” She said 'no' and \"yes\"."
    assert len(_DOUBLE_OPEN.findall(british)) < 4 and pair("0", british).primary == "single"
    assert len(_DOUBLE_OPEN.findall(american)) == 3 and pair("0", american).primary == "double"
    headline = "Mayor calls plan 'a disgrace'\n\nHe said \"no\" today."
    assert _MAY_OPEN_SINGLE.search(headline) is not None
    assert [headline[o + 1:c] for o, c, _ in pair("0", headline).spans] == ["a disgrace", "no"]
