"""The reporting verb of attributed quotations, round 6 (issue #12, item 2): the verb of
a report that holds the verb nearest the quotation, reporting nouns, subjects the
noun-phrase grammar does not span, a closing ``X reported``, a speaker who goes on past
the outlet's narration, and the verb of a clause without a listed reporting verb.

Every text here is written for these tests (news style, invented people and papers).
"""

from quote_helpers import one as _one, rows


# ---------------------------------------------------------------- participles inside a report
def test_reduced_relative_participle_takes_the_finite_verb():
    # "the post saying …": a participle on a noun inside what Lee said (no comma before it)
    r = _one('Ann Lee said the post saying that voters would turn out meant that "the plan was doomed from the start."')
    assert (r["speaker"], r["verb"]) == ("Ann Lee", "said")


def test_gerund_object_inside_a_report_takes_the_finite_verb():
    r = _one('Roe wrote that she began saying a short prayer to herself "over and over again, as a child does."')
    assert (r["speaker"], r["verb"]) == ("Roe", "wrote")


def test_participle_after_a_comma_keeps_its_own_verb():
    r = _one('Kim said the count could be "slow," adding, "Counting takes patience, and always did."', 1)
    assert r["verb"] == "adding"


def test_participle_with_its_own_that_clause_is_no_parenthetical():
    r = _one('Ann Lee told the paper, noting that she and her husband, Tom, "have talked with him for many years."')
    assert (r["speaker"], r["verb"]) == ("Ann Lee", "noting")


def test_participle_whose_clause_holds_the_nearest_verb_is_the_report():
    r = _one('Ann Lee praised the team, saying she applauded them for "challenging us every single day" at work.')
    assert (r["speaker"], r["verb"]) == ("Ann Lee", "saying")


def test_closing_attribution_outranks_a_participle():
    r = _one('The crowd began shoving her, screaming at her and calling her "a total fraud," she said in an interview.')
    assert (r["speaker"], r["verb"], r["attribution"]) == ("she", "said", "quote-X-said")


# ---------------------------------------------------------------- nested and outer reports
def test_nested_report_before_a_colon_takes_the_outer_verb():
    r = _one('She said she recalls the partner being kind to her, at one point even turning to the client: '
             '"You have to look at her, she knows."')
    assert (r["speaker"], r["verb"]) == ("She", "said")


def test_parenthetical_attribution_of_the_same_speaker_is_the_report():
    r = _one('Nor, she said, had she promised anything that might be "taken as a pledge" to the union.')
    assert (r["speaker"], r["verb"]) == ("she", "said")


def test_closing_x_reported_is_the_outer_report():
    r = _one('"We will win the whole thing," Ann Lee said, the Daily Post reported on Monday.')
    assert (r["speaker"], r["verb"]) == ("the Daily Post", "reported")


def test_closing_x_reported_keeps_a_participle_inside_the_sentence():
    # a participle's report stays with its speaker (the seed's "…, describing it as "…", the Post reported")
    r = _one('The envoy praised the deal, describing it as "positive" for the region, the Daily Post reported.')
    assert (r["speaker"], r["verb"]) == ("The envoy", "describing")


def test_closing_x_reported_after_a_verb_that_introduces_the_quotation():
    r = _one('Lee said: "There will always be exceptions to the rule," the Daily Post reported.')
    assert (r["speaker"], r["verb"]) == ("the Daily Post", "reported")


def test_according_to_a_bare_noun_phrase_is_the_outer_report():
    r = _one('"We will win," Ms. Lee said during the meeting, according to audio obtained by the newspaper.')
    assert (r["speaker"], r["verb"]) == ("audio", "according to")


def test_participle_with_according_to_on_its_right_takes_that_verb():
    r = _one('The bishop made it plain that the visit was private, saying that critics should "look for a doctor," '
             'according to the Daily Post.')
    assert (r["speaker"], r["verb"]) == ("the Daily Post", "according to")


# ---------------------------------------------------------------- nouns and subjects
def test_base_form_after_a_singular_noun_is_a_noun():
    # "report" after "committee" would need -s to be its verb: "a … report found"
    r = _one('A 2019 audit office report found "few signs of fraud" in the grant program.')
    assert r["verb"] != "report"


def test_reporting_noun_with_a_named_possessor():
    r = _one("The union is angry after Ann Lee's claim that the plan was \"dead on arrival\" in the city.")
    assert (r["speaker"], r["verb"], r["attribution"]) == ("Ann Lee", "claim", "X-noun-quote")


def test_text_noun_before_a_colon():
    r = _one("From Ann Lee's Facebook post: \"For the sake of the party we must move on.\"")
    assert (r["speaker"], r["verb"]) == ("Ann Lee", "post")


def test_long_subject_with_a_relative_clause_before_a_past_form():
    r = _one('Tom Reyes, 47, of Dover, Del., who followed the trial from his office, said the verdict stirred up '
             'thoughts of his brother, and of "every family that waited for news."')
    assert (r["speaker"], r["verb"]) == ("Tom Reyes", "said")


def test_inverted_attribution_before_a_later_verb():
    r = _one('Any "honest" reading of the plan, said Ann Lee, a historian at the college, would read it as a retreat.')
    assert (r["speaker"], r["verb"], r["kind"]) == ("Ann Lee", "said", "partial")


# ---------------------------------------------------------------- verbs the table does not list
def test_clause_subject_and_finite_verb_without_a_listed_verb():
    r = _one('His campaign protested that the aides were unfair because they knew he "already had a permit '
             'for a big rally" that day.')
    assert (r["speaker"], r["verb"]) == ("His campaign", "protested")


def test_main_clause_verb_before_a_colon():
    r = _one('A memo from the council makes that plain: "The new fees do not cover the harbour pilots."')
    assert (r["speaker"], r["verb"]) == ("A memo", "makes")


def test_main_clause_verb_past_an_apposition():
    r = _one('The campaign, in a note on its website, worded it more carefully: "The mayor used her city account."')
    assert (r["speaker"], r["verb"]) == ("The campaign", "worded")


def test_noun_heads_are_not_taken_as_the_clause_verb():
    # "The draft plans "…"": "plans" is the subject's head, not a verb
    r = _one('The draft plans "cannot end the bus shortage, yet they are a fair start" for the valley towns.')
    assert r["verb"] != "plans"


def test_action_beat_gives_its_verb():
    r = _one('The judge then turned to the lawyer. "Mr. Lee, what do you want to tell this court today?"')
    assert (r["speaker"], r["verb"], r["attribution"]) == ("The judge", "turned", "previous-sentence-subject")


# ---------------------------------------------------------------- across sentences
def test_speaker_goes_on_past_the_outlets_narration():
    text = ('"We were never told anything about the plan," Ann Lee said. Her neighbours came to the door '
            'that night.\n\n"It was a long night for all of us here, and nobody slept."')
    assert rows(text)[1][1:3] == ["Ann Lee", "said"]


def test_second_speaker_coordinated_after_the_attribution_goes_on():
    text = ('"Tell her I promised you a picture," Ann Lee said, and her husband cut in. '
            '"Do not forget me, I have been friends with her for years."')
    assert rows(text)[1][1:3] == ["her husband", "cut in"]


def test_closing_attribution_in_brackets():
    text = ('Lee said he took the job only because Roe agreed to help. ("We had a plan for it from the start," '
            'he said.) The rest is history.')
    assert rows(text)[0][1:3] == ["he", "said"]
