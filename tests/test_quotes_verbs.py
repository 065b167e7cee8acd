"""The reporting verb of attributed quotations (issue #12, item 2): which verb a
quotation gets when several are near it, when it continues another, and when the verb is
a passive, an infinitive or a coordinated present.

Every text here is written for these tests (news style, invented people).
"""
import pandas as pd

from discourse import quotes


def _rows(text: str) -> list[list]:
    q = quotes.find(text)
    q = q[["quote", "speaker", "verb", "kind", "attribution"]].astype(object)
    return q.where(q.notna(), None).values.tolist()


def _one(text: str, i: int = 0) -> dict:
    q = quotes.find(text)
    r = q.iloc[i][["quote", "speaker", "verb", "kind", "attribution"]]
    return {k: (None if pd.isna(v) else v) for k, v in r.items()}


# ---------------------------------------------------------------- nested reports: the outer verb
def test_naming_in_a_relative_clause_takes_the_outer_report():
    r = _one('The mayor denounced what he called the "deeply cynical" plan of the council.')
    assert (r["speaker"], r["verb"], r["kind"]) == ("The mayor", "denounced", "partial")


def test_naming_far_inside_the_report_takes_the_outer_verb():
    r = _one('Ann Lee said the city must reach voters who are in what she called a "restless mood" this year.')
    assert (r["speaker"], r["verb"]) == ("Ann Lee", "said")


def test_naming_with_its_own_named_subject_keeps_it():
    # the quotation is the critics' word, not the reporter of the sentence: no pronoun
    r = _one('Lee said the plan is what critics call a "giveaway to the rich" in every town.')
    assert (r["speaker"], r["verb"]) == ("critics", "call")


def test_telling_a_hearer_that_takes_the_outer_verb():
    r = _one('But he told the county board that he agrees the levy is a "total fraud" on owners.')
    assert (r["speaker"], r["verb"]) == ("he", "told")


# ---------------------------------------------------------------- the attribution right after a question
def test_attribution_after_a_question_outranks_the_continuation():
    rows = _rows('"We have no plan," Lee said. "Is this a joke?" Ann Roe wrote to him.')
    assert rows[1][:3] == ["Is this a joke?", "Ann Roe", "wrote"]
    assert rows[1][4] == "next-sentence"


def test_statement_after_an_attributed_quote_still_continues_it():
    # no question or exclamation: the next sentence is a new report, not this one's
    rows = _rows('"We have no plan," Lee said. "We will make one." Ann Roe wrote to him later.')
    assert rows[1][1:3] == ["Lee", "said"]


# ---------------------------------------------------------------- participles, infinitives, passives
def test_participle_with_its_topic_before_the_quote_is_the_verb():
    rows = _rows('"We tried," Ann Lee said, adding of the mayor, "He never listened."')
    assert rows[1][:3] == ["He never listened.", "Ann Lee", "adding"]


def test_infinitive_with_the_quote_as_object_takes_the_finite_verb():
    r = _one('Sam Roe said he planned to use the money to counter "the lies of his rivals."')
    assert (r["speaker"], r["verb"]) == ("Sam Roe", "said")


def test_infinitive_introducing_direct_speech_is_the_verb():
    r = _one('Sam Roe laughed at the idea but went on to say, "The plan is not dead yet."')
    assert r["verb"] == "say"


def test_passive_question_verb_is_kept():
    r = _one('Ann Lee was asked, "What is the most dangerous place you have been to?"')
    assert (r["speaker"], r["verb"], r["attribution"]) == ("Ann Lee", "asked", "clause-subject")


def test_copula_before_a_colon_gives_no_verb():
    r = _one('Ann Lee was furious: "We never agreed to this plan at all."')
    assert (r["speaker"], r["verb"], r["attribution"]) == ("Ann Lee", None, "X-clause-colon")


def test_coordinated_present_is_the_verb():
    r = _one('Sam Roe says the ferry can wait and writes to members that it is the "worst idea" of the year.')
    assert (r["speaker"], r["verb"]) == ("Sam Roe", "writes")


def test_finite_verb_after_a_long_subject_and_circumstances():
    r = _one('Ann Lee, 35, the daughter of a former governor, said on Twitter on Monday, in a post '
             'about her son, "Next summer, he will be a big brother!"')
    assert (r["speaker"], r["verb"], r["attribution"]) == ("Ann Lee", "said", "bare-verb-quote")


# ---------------------------------------------------------------- across paragraphs
def test_quote_paragraph_after_a_report_paragraph_takes_its_speaker():
    r = _one('Dora Pike praised the new clinic and its staff.\n\n"We waited ten years for this place."')
    assert (r["speaker"], r["verb"], r["attribution"]) == ("Dora Pike", "praised", "previous-sentence-report")


# ---------------------------------------------------------------- verbs of judgment, "puts it"
def test_verbs_of_verbal_judgment_report():
    r = _one('Sen. Ray Pole decried the "reckless spending" of the county.')
    assert (r["speaker"], r["verb"]) == ("Sen. Ray Pole", "decried")
    r = _one('The governor chided reporters for their "endless questions" about the budget.')
    assert (r["speaker"], r["verb"]) == ("The governor", "chided")
    v = quotes.reporting_verbs()
    assert v.loc[v["verb"] == "lambasted", ["lemma", "group"]].values.tolist() == [["lambaste", "neutral"]]


def test_as_x_puts_it():
    r = _one('As the columnist Ann Lee puts it, "Nobody in this town trusts the council."')
    assert (r["speaker"], r["verb"]) == ("the columnist Ann Lee", "puts it")


# ---------------------------------------------------------------- contractions: negation, never a verb
def test_a_negated_report_with_a_curly_apostrophe_reads_as_with_a_straight_one():
    straight = _rows("The mayor didn't say: \"We will close the bridge.\"")
    curly = _rows("The mayor didn’t say: \"We will close the bridge.\"")
    assert curly == straight
    assert straight[0][1:3] == ["The mayor", None]  # the speaker, but "didn" is no verb


def test_a_negated_report_is_not_reported_speech():
    for text in ("The mayor won't deny that the bridge will close.", "The mayor won’t deny that the bridge will close."):
        q = quotes.find(text, indirect=True)
        assert (q["kind"] == "indirect").sum() == 0, text
