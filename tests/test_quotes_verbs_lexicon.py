"""Reporting verbs added to the bundled table for issue #12 (item 2) and the continued
quotation after an action beat: the verb a quotation gets with ``promised`` and ``went
on`` (only right before punctuation or a quotation), phrasal verbs of a reply or a
comment, and the speaker of a quotation paragraph after one short paragraph of narration.

Every text here is written for these tests (news style, invented people).
"""

from discourse import quotes
from quote_helpers import one as _one, rows as _rows


def _forms():
    return set(quotes.reporting_verbs()["verb"])


# ---------------------------------------------------------------- commissive: promise
def test_promised_after_the_quotation():
    r = _one('"Every road in the valley will be paved by May," the governor promised.')
    assert (r["speaker"], r["verb"], r["kind"]) == ("the governor", "promised", "direct")


def test_promises_in_the_present_after_the_quotation():
    r = _one('"Every seat on the council will be ours by the fall," she promises.')
    assert (r["speaker"], r["verb"]) == ("she", "promises")


def test_promised_with_a_that_clause_is_a_commitment_not_a_report():
    # "promised that … "…"", "promised to …": the outlet's phrase stays a scare quote
    assert _one('For years the county promised that the new road would be "toll free."')["kind"] == "scare"
    assert _one('The firm promised to keep the mill "open for good" in the valley.')["kind"] == "scare"


def test_promised_with_a_longer_quotation_in_its_complement_reports_it():
    r = _one('The governor promised that the valley would get "a paved road to every farm before the first snow."')
    assert (r["speaker"], r["verb"], r["kind"], r["attribution"]) == (
        "The governor", "promised", "partial", "X-verb-in-sentence")


def test_promises_as_a_noun_inside_a_quotation_is_no_verb():
    r = _one('The mayor wrote: "The ministers\' promises of a \'new harbour\' were never made in good faith."', 1)
    assert (r["quote"], r["verb"], r["kind"]) == ("new harbour", None, "scare")


def test_promise_as_a_noun_is_not_listed():
    # the base form is mostly the noun in news ("a campaign promise"); its other forms are in
    assert {"promised", "promises", "promising"} <= _forms()
    assert "promise" not in _forms()


# ---------------------------------------------------------------- went on: only before punctuation or a quotation
def test_went_on_after_the_quotation():
    rows = _rows('"We are not done," Ann Lee went on. "Not by a long way."')
    assert [r[1:3] for r in rows] == [["Ann Lee", "went on"], ["Ann Lee", "went on"]]


def test_went_on_before_a_colon():
    r = _one('Then the mayor went on: "Nobody saw the flood coming."')
    assert (r["speaker"], r["verb"]) == ("the mayor", "went on")


def test_went_on_to_is_not_a_reporting_verb():
    r = _one('Ann Lee went on to win the seat, calling the result "a small miracle."')
    assert r["verb"] == "calling"


# ---------------------------------------------------------------- phrasal verbs of a reply or a comment
def test_weighed_in_after_the_quotation():
    r = _one('"The bill is dead for this session," Sen. Bo Park weighed in.')
    assert (r["speaker"], r["verb"]) == ("Sen. Bo Park", "weighed in")


def test_pushed_back_before_a_colon():
    r = _one('The ferry company pushed back: "Nobody was ever in danger."')
    assert (r["speaker"], r["verb"]) == ("The ferry company", "pushed back")


def test_summed_up_with_the_quotation_as_its_object():
    r = _one('The coach summed up the season as "a long, slow climb."')
    assert (r["speaker"], r["verb"]) == ("The coach", "summed up")


def test_spoke_out_against_with_the_quotation():
    r = _one('Two nurses spoke out against what they saw as "a reckless cut" to the ward.')
    assert r["verb"] == "spoke out"


# ---------------------------------------------------------------- a quotation after one paragraph of narration
_BEAT = ('The phone bank is in a small room above a bakery.\n\n'
         '"Hello, this is the Park campaign," Ines Ortiz, a retired teacher, said from behind the desk. '
         '"Do you have a minute for a few questions?"\n\n'
         'She waits.\n\n'
         '"Thank you so much, and have a good evening."')


def test_quotation_after_an_action_beat_paragraph_goes_on_in_the_speakers_voice():
    rows = _rows(_BEAT)
    assert rows[-1][:3] == ["Thank you so much, and have a good evening.", "Ines Ortiz", "said"]
    assert rows[-1][4] == "continuation"


def test_two_paragraphs_of_narration_end_the_continuation():
    text = _BEAT.replace("She waits.", "She waits.\n\nThe bakery below closes at six.")
    assert _rows(text)[-1][1:3] == [None, None]


def test_promises_before_a_colon_is_the_plural_noun():
    r = _one('The platform lists three main promises: cheaper bus fares and "a park in every ward."')
    assert (r["speaker"], r["verb"], r["kind"]) == (None, None, "scare")


# ---------------------------------------------------------------- an adjunct before the outer report's that-clause
def test_an_adjunct_before_the_that_clause_keeps_the_outer_report():
    r = _one('Ann Lee commented after a visit by the board that it had warned the town about '
             '"a river that will flood every spring from now on."')
    assert (r["speaker"], r["verb"]) == ("Ann Lee", "commented")


def test_a_time_adjunct_before_the_that_clause_keeps_the_outer_report():
    r = _one('Ann Lee said after the vote that the board had warned the town about "a river that will flood every spring."')
    assert (r["speaker"], r["verb"]) == ("Ann Lee", "said")
