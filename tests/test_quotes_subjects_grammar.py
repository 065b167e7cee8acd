"""Subjects and outer reports the noun-phrase grammar used to miss (issue #12, items 2
and 4): a contracted ``he's``/``she's`` (has) before the verb, a count after ``of``
ending the subject (``a father of two``), a subject before a parenthetical set off by
dashes, a verb phrase coordinated with ``but``, and ``according to`` with a source that
runs on to the comma.

Every text here is written for these tests (invented people, places and papers).
"""
import pytest

from quote_helpers import rows


@pytest.mark.parametrize("t, speaker, verb", [
    # contracted "has": never a possessive noun
    ('The mayor spoke for an hour. "We will rebuild the bridge," he\'s said many times.', "he", "said"),
    ("Lina Ortiz spoke first. She’s warned that “the river will flood.”", "She", "warned"),
    # a count after "of" ends the subject; it is no determiner of the verb
    ('The 41-year-old father of two replied, "Nobody asked us."', "father of two", "replied"),
    # a parenthetical set off by dashes between subject and verb
    ("Reached by phone on Monday, Lane — who runs a small firm in Ohio — told the Daily Star she was "
     "“not surprised.”", "Lane", "told"),
    ("Tom Hale — picked by the council as its next chairman — told Ana Bell of Radio Nord, that "
     "“we start over.”", "Tom Hale", "told"),
    # "according to" with a source running on to the comma is the outer report
    ("According to the school’s post, Lee said he was leaving because “the vote was a formality.”",
     "the school’s post", "according to"),
    ("According to Harbor Council meeting notes, Ruiz said “the bridge stays open” after all.",
     "Harbor Council meeting notes", "according to"),
])
def test_subject_and_verb(t, speaker, verb):
    (q,) = rows(t)
    assert (q[1], q[2]) == (speaker, verb)


@pytest.mark.parametrize("t, speaker, verb", [
    # "'s" after a name stays a possessive: "Lee's claims" is a noun
    ('Lee\'s claims were false. "We never met," Kim said.', "Kim", "said"),
    # a clause before the comma is no source: the speaker keeps the report
    ('According to a poll released Monday that shows him ahead, Kim said "we will win."', "Kim", "said"),
    # two sources joined by "and" are not taken as one run-on phrase
    ('According to Lee and his aides, Kim said "no deal."', "Kim", "said"),
])
def test_what_stays(t, speaker, verb):
    (q,) = rows(t)
    assert (q[1], q[2]) == (speaker, verb)


def test_a_verb_coordinated_with_but_takes_the_clause_subject():
    (q,) = rows("The governor skipped the meeting, but told reporters that the deal was “a step backward.”")
    # found by the subject grammar, not by the fallback to the sentence's first noun phrase
    assert (q[1], q[2], q[4]) == ("The governor", "told", "X-verb-in-sentence")


def test_a_phrase_before_dashes_inside_a_prepositional_phrase_is_no_subject():
    (q,) = rows("Voters across the two counties — both rural — said the plan was “a gift.”")
    assert q[1] != "the two counties"
