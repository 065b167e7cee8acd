"""Subjects of reporting verbs in constructions of real news: inverted attributions after a
comment, appositions before a colon, party tags, nouns in -ly, times (team-written sentences)."""
import pandas as pd

from discourse import quotes


def _one(text):
    got = quotes.find(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert len(got) == 1
    return got["speaker"].iloc[0], got["verb"].iloc[0]


def test_comment_then_says_x_with_an_apposition_then_a_colon():
    # "…, says X, who …: "…"" and "…, says X, a …: "…"": X speaks
    assert _one('The lesson for voters is simple, says Maria Ortega, who runs the county survey: '
                '"Check the date before you mail the ballot."') == ("Maria Ortega", "says")
    assert _one('The lesson for voters is simple, says Maria Ortega, a county clerk: '
                '"Check the date before you mail the ballot."') == ("Maria Ortega", "says")


def test_an_opening_adverbial_is_not_the_subject_of_the_inverted_verb():
    # the clause between the commas has its own subject and verb ("the lesson … is"):
    # it is no apposition, and "the meantime" is no speaker
    assert _one('In the meantime, the lesson for voters is simple, says Maria Ortega, who runs the county '
                'survey: "Check the date before you mail the ballot."') == ("Maria Ortega", "says")


def test_appositions_and_relative_clauses_still_lead_to_the_subject():
    assert _one('Maria Ortega, a lawyer who is running for mayor, said: "Check the date."') == ("Maria Ortega", "said")
    assert _one('Tom Reyes, whose sister was the first to vote, said: "Check the date."') == ("Tom Reyes", "said")


def test_subjects_that_look_like_something_else():
    # a noun in "-ly" is no adverb before the verb
    assert _one('"We are grateful," the family said.') == ("the family", "said")
    assert _one('"We are grateful," the man repeatedly said.') == ("the man", "said")
    # a state-and-party apposition is a tag, not the speaker
    assert _one('"It will raise prices," Sen. Paul Ortega, Idaho Republican, said.') == ("Sen. Paul Ortega", "said")
    # a time phrase before the verb is no subject
    assert _one('A memo sent to the mayors this week said the plan "ignores the costs of transit."')[0] != "this week"
