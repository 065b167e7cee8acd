"""Fast paths of quotation finding give what the full computation gives.

Each fast path skips work when a cheap test shows that the work would find nothing;
these tests run both on many random strings (a fixed seed: deterministic) and on
invented sentences.
"""
import random

from discourse.quotes import find
from discourse.quotes._kinds import _may_open_single
from discourse.quotes._marks import pair_single

_ALPHABET = ["a", "b", "s", "n", "N", "9", "0", " ", " ", "\n", "'", "‘", "’", "‚", '"', "“", "”", "(", "-", "—",
             ",", ".", "/", "x", "Tis", "em"]


def test_no_single_mark_that_may_open_means_no_single_pairs():
    rng = random.Random(12)
    checked = 0
    for _ in range(20000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 14)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        if not _may_open_single(text, a, b):
            assert pair_single(text, a, b) == [], (text, a, b)
            checked += 1
        else:
            assert any(text[p] in "‘'‚" for p in range(a, b))
    assert checked > 1000


def test_nested_quotations_inside_double_quotes_are_found_after_the_prefilter():
    text = ('"The sign said \'keep out\' and we did," Ann Lee said. '
            '"Nobody\'s sure," she added. "It read, \'Closed\'," Lee said.')
    q = find(text)
    nested = q[q["depth"] == 1]["quote"].tolist()
    assert nested == ["keep out", "Closed"]
    assert q[q["depth"] == 0]["speaker"].tolist() == ["Ann Lee", "she", "Lee"]


def _titled_reference(doc):
    """The titled surnames of a document, by their definition, over all its mentions."""
    from discourse.quotes._names import _mentions, courtesy_titles
    from discourse.quotes._phrases import is_cap
    from discourse.words import INSTITUTION_WORDS

    titled = {surname for _, surname in courtesy_titles(doc)[0]}
    for last in {p[3] for p in _mentions(doc) if " " not in p[2]}:
        if last not in INSTITUTION_WORDS and last not in titled:
            for _, name in doc.by_last[last]:
                w = name.split()
                if " " in name and len(w) in (2, 3) and all(is_cap(x) and x.isalpha() for x in w):
                    titled.add(last)
                    break
    return titled


def test_titled_surnames_one_at_a_time_agree_with_the_whole_set():
    from discourse.quotes._document import Document
    from discourse.quotes._marks import pair
    from discourse.quotes._names import _mentions, _titled
    from discourse.quotes._verbs import bundled_tables

    texts = [
        "Nadia Rahimi runs the clinic. Rahimi said the rains came early. Ms Haidari, a nurse, agreed.",
        "Kabul was quiet. Mr. Lee met Ann Lee and Lee Park in Kabul. Park said little; Kabul Airport closed.",
        "The Pentagon said on Monday that Gen. Mark Milley spoke. Milley, the chairman, declined. "
        "Senate Republicans met; Republicans said \"no.\"",
        "Dr. Mrs Ortiz wrote. Ortiz's plan won. Maria Ortiz Sanchez said Sanchez agreed.",
    ]
    checked = 0
    for text in texts:
        doc = Document("0", text, pair("0", text), tables=bundled_tables(), scare_max_words=5)
        _mentions(doc)
        ref = _titled_reference(doc)
        for last in list(doc.by_last) + ["Nobody", "Haidari", "Lee"]:
            assert _titled(doc, last) == (last in ref), (text, last)
            checked += 1
    assert checked > 20
