"""Reported speech beyond verbs of saying (issue #12): attitudes, participles, nouns of
saying, headlines, ``Asked about …``, coordinated reports and long subjects.

Every text here is invented for the test, with its known answer.
"""
from __future__ import annotations

import pandas as pd
import pytest

from discourse import quotes


def rows(t: str) -> list[list]:
    q = quotes.find(t, indirect=True)
    return q[["quote", "speaker", "verb", "kind", "attribution"]].values.tolist()


@pytest.mark.parametrize("t, expected", [
    # belief, fear, expectation: a verb of cognition and its clause
    ("Democrats fear the spending bill will collapse in the Senate.",
     [["the spending bill will collapse in the Senate", "Democrats", "fear", "indirect", "X-thinks"]]),
    # desire and intention: the infinitive is the content
    ("The mayor wants to raise property taxes next spring.",
     [["raise property taxes next spring", "The mayor", "wants", "indirect", "X-wants"]]),
    # a stance taken towards something, with an adverb between subject and verb
    ("Governor Ana Lind strongly opposes the new pipeline through the valley.",
     [["the new pipeline through the valley", "Governor Ana Lind", "opposes", "indirect", "X-supports"]]),
    # evidence from a document
    ("A new survey of farmers shows that support for the tariff has fallen.",
     [["support for the tariff has fallen", "A new survey of farmers", "shows", "indirect", "X-shows"]]),
    # a participle of saying: its speaker is the subject of the sentence
    ("The union issued a statement on Monday, saying the strike would continue until March.",
     [["the strike would continue until March", "The union", "saying", "indirect", "X-verb-saying"]]),
    # a noun of saying with its content clause; the possessive is the source
    ("There was little evidence for Senator Oduya's claim that the audit was rigged.",
     [["the audit was rigged", "Senator Oduya", "claim", "indirect", "X-claim-that"]]),
    # an attitude adjective after a copula
    ("The farmers are confident that the harvest will recover by autumn.",
     [["the harvest will recover by autumn", "The farmers", "confident", "indirect", "X-is-confident"]]),
    # a light verb with a noun of saying
    ("The mayor made clear that the bridge would stay closed.",
     [["the bridge would stay closed", "The mayor", "made clear", "indirect", "X-supports"]]),
    # a stance noun with a named possessor
    ("There was little mention of Governor Lind's support for the new pipeline.",
     [["the new pipeline", "Governor Lind", "support", "indirect", "X-stance-noun"]]),
    # a passive attitude: the holder is not named, the subject is part of the content
    ("The senator is expected to vote against the farm bill on Tuesday.",
     [["The senator is expected to vote against the farm bill on Tuesday", None, "expected", "indirect",
       "X-is-expected"]]),
    # a headline "Name: what they said", without quote marks
    ("Ruiz: Budget cuts will hurt rural schools the most",
     [["Budget cuts will hurt rural schools the most", "Ruiz", None, "indirect", "X-colon-headline"]]),
])
def test_attitude_rules(t, expected):
    got = [[None if pd.isna(v) else v for v in r] for r in rows(t)]
    assert got == expected


def test_no_report_without_an_attitude_or_a_source():
    assert rows("The storm destroyed the harbor wall overnight.") == []
    # evidence verbs need a document as subject or a that-clause
    assert rows("The harbor shows signs of neglect after the storm.") == []
    # a base form after a singular noun is a noun ("the campaign will"), not a verb
    assert rows("The Clinton campaign will open two offices in Ohio.") == []
    # where and when someone spoke is not what they said
    assert rows("Sen. Ana Ruiz spoke in Austin on Monday.") == []
    # "it" is no source
    assert rows("It shows that the harbor was neglected for years.") == []


def test_a_plural_noun_homograph_is_not_a_verb():
    # "emails" after a name is the plural noun; the evidence verb "reveal" reports
    assert [r[1:3] for r in rows("The Senate emails reveal a quarrel over the budget.")] == [
        ["The Senate emails", "reveal"]]


def test_a_clause_after_said_is_content_not_circumstance():
    # "…, local officials said they welcome …": not "CLAUSE, X said [tail]"
    assert rows("Despite the rain, local officials said they welcome the festival crowds.") == [
        ["they welcome the festival crowds", "local officials", "said", "indirect", "X-said-clause"]]


def test_circumstances_between_the_verb_and_its_clause():
    assert rows("Rep. Tomas Brandt (D-Ore.) said in a statement on Friday he would vote against the bill.") == [
        ["he would vote against the bill", "Rep. Tomas Brandt", "said", "indirect", "X-said-clause"]]


def test_inverted_attribution_with_an_apposition():
    assert rows("Prices will rise sharply, said Tomas Brandt, a trader at the port.") == [
        ["Prices will rise sharply", "Tomas Brandt", "said", "indirect", "clause-X-said"]]


def test_a_coordinated_subject_is_the_speaker():
    assert rows("Friends, neighbours and former rivals say the mayor has earned a second term.") == [
        ["the mayor has earned a second term", "Friends, neighbours and former rivals", "say", "indirect",
         "X-said-clause"]]


def test_two_reports_in_coordinated_clauses():
    t = "Mayor Lena Ortiz said that the bridge would reopen soon, but she warned that tolls would rise."
    assert rows(t) == [
        ["the bridge would reopen soon", "Mayor Lena Ortiz", "said", "indirect", "X-said-that"],
        ["tolls would rise", "she", "warned", "indirect", "X-said-that"],
    ]
    q = quotes.find(t, indirect=True)
    assert q["speaker_resolved"].tolist() == ["Mayor Lena Ortiz", "Mayor Lena Ortiz"]


def test_according_to_in_the_middle_of_the_sentence():
    t = "The port, according to its director, will close for repairs in May."
    assert rows(t) == [[t[:-1], "its director", "according to", "indirect", "according-to-X"]]


def test_asked_about_is_a_question_put_by_an_unnamed_reporter():
    got = rows("Asked about the delay, the minister blamed the contractor for the missing steel.")
    assert [[None if pd.isna(v) else v for v in r] for r in got] == [
        ["about the delay", None, "asked", "indirect", "asked-about"],
        ["the contractor for the missing steel", "the minister", "blamed", "indirect", "X-verb-object"],
    ]


def test_quotation_rows_do_not_change_with_indirect():
    t = ('Officials said the budget was too small. "We will not cut schools," Mayor Lena Ortiz said. '
         'Democrats fear the plan will fail, and critics called it "a fantasy."')
    plain = quotes.find(t)
    both = quotes.find(t, indirect=True)
    kept = both[both["kind"] != "indirect"].reset_index(drop=True)
    pd.testing.assert_frame_equal(kept.drop(columns="speaker_id"), plain.drop(columns="speaker_id"))
    assert both["kind"].tolist().count("indirect") == 2


def test_offsets_index_the_text():
    t = "Fresh rain fell.\n\nThe union issued a statement, saying the strike would continue until March."
    q = quotes.find(t, indirect=True)
    assert [t[s:e] for s, e in zip(q["start"], q["end"])] == q["quote"].tolist()
    assert q["sent_id"].tolist() == [1]
