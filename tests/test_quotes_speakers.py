"""Speaker and verb of a quotation: the clause the attribution sits in (issue #12).

Rules from the attribution literature (PARC, Pareti 2016; PolNeAR, Newell et al. 2018;
Muzny et al. 2017): the cue of a quotation is the verb of the clause that introduces it
(a participle right before it, the outermost reporting verb when one report is nested in
another), the source is that clause's subject (past an apposition, an opening
adverbial), and a quotation without a verb of its own goes on in the voice of its
paragraph's speaker.

Every text here is written for these tests (news style, invented people).
"""
import pandas as pd

from discourse import quotes


def _one(text: str, i: int = 0) -> tuple:
    q = quotes.find(text).iloc[i]
    return tuple(None if pd.isna(q[c]) else q[c] for c in ("speaker", "verb", "attribution"))


# ---------------------------------------------------------------- the subject of the main clause
def test_a_subject_with_an_apposition_is_the_speaker_of_a_participle():
    assert _one('Bo Tran, the city\'s former mayor, also attacked the governor, with whom he clashed '
                'at the debate, calling him a "loser of the first rank."') == (
        "Bo Tran", "calling", "participle-main-subject")


def test_an_opening_phrase_of_time_is_not_the_subject():
    assert _one('Hours later, Ana Ruiz returned the compliment, telling reporters, "He is an amazing man."') == (
        "Ana Ruiz", "telling", "participle-main-subject")


def test_the_participle_right_before_the_quotation_is_its_verb():
    assert _one('Ms. Diaz urged voters to turn out, saying, "Every vote counts this time."') == (
        "Ms. Diaz", "saying", "participle-left-subject")
    # a participle in a parenthesis still gives way to the verb before it
    r = _one('Kai Berg told the radio station, asking not to be named in print, that "the deal is off."')
    assert r[:2] == ("Kai Berg", "told")


def test_a_clause_without_reporting_verb_gives_its_subject_and_verb():
    assert _one('The senator offered voters a plan to end "the wasteful and cruel detention '
                'regime at the border."') == ("The senator", "offered", "clause-subject")


def test_a_short_phrase_without_reporting_verb_stays_a_scare_quote():
    q = quotes.find('The senator visited the "new" plant on Monday.').iloc[0]
    assert q["kind"] == "scare" and pd.isna(q["speaker"])


# ---------------------------------------------------------------- nested reports, nouns
def test_a_report_inside_a_report_takes_the_outer_verb():
    assert _one('Okafor said she recalled thinking, "Nobody had checked the pumps first."')[:2] == (
        "Okafor", "said")
    assert _one('Critics say he had proposed to "dismantle the entire program and start again."')[:2] == (
        "Critics", "say")
    assert _one('Mr. Ross said Mr. Obama had told donors there would be "no daylight" between the allies.')[:2] == (
        "Mr. Ross", "said")


def test_a_reporting_form_used_as_a_noun_is_no_verb():
    assert _one('Kim said in her opening remarks that the party should back its "stalwart allies in the '
                'region."')[:2] == ("Kim", "said")


def test_a_verb_inside_a_relative_clause_keeps_its_own_subject():
    assert _one('The minister, who spoke after the vote, described the bill as "a betrayal of every '
                'worker in this country."')[:2] == ("The minister", "described")


# ---------------------------------------------------------------- across sentences and paragraphs
def test_a_quotation_without_verb_goes_on_in_the_paragraph_speaker_voice():
    text = ('"We will not back down," said Tom Reyes, a union organizer. Now, "the members want a contract '
            'before the summer ends."')
    assert _one(text, 1) == ("Tom Reyes", "said", "continuation")
    text = '"The plan is dead," Ms. Okafor said. She has directed "a very ambitious review of every office."'
    assert _one(text, 1) == ("Ms. Okafor", "said", "continuation")


def test_an_inverted_attribution_after_the_outlet_words_closes_the_sentence():
    assert _one('"The numbers are simply stunning," given how many cases were close, said Lee Park, a law '
                'professor.') == ("Lee Park", "said", "quote-said-X")


def test_a_statement_after_a_colon_sentence_takes_its_subject_and_verb():
    text = ('The governor released the following statement:\n\n"We mourn the loss of a great public servant '
            'and send our prayers to the family."')
    assert _one(text) == ("The governor", "released", "previous-sentence-colon")


def test_a_signature_line_after_the_quotation_names_the_speaker():
    text = 'The debate turned to taxes.\n\n"I will look into it. I have said that before."\n\n- Maria Gomez.'
    assert _one(text) == ("Maria Gomez", None, "signature")


def test_a_multi_word_reply_verb_is_found():
    assert _one('"This plan is a disgrace," the senator fired back.') == ("the senator", "fired back", "quote-X-said")
    q = quotes.find('"This plan is a disgrace," the senator fired back.').iloc[0]
    assert (q["verb_lemma"], q["verb_group"]) == ("fire back", "neutral")


def test_a_quotation_after_reported_speech_goes_on_in_that_voice():
    text = 'Mayor Ida Kern said the bridge plan was dead. "We tried everything we could think of."'
    assert _one(text) == ("Mayor Ida Kern", "said", "previous-sentence-report")
    # "it"/"they" reporting before a quotation is no speaker of it
    assert _one('It said the plan was dead. "We tried everything we could think of."')[0] is None


def test_a_determiner_standing_alone_at_the_start_of_a_sentence_is_the_subject():
    text = ('Residents were divided. "It will change everything," one neighbour said. '
            'Another said: "We never asked for it."')
    assert _one(text, 1)[:2] == ("Another", "said")
    # inside a sentence it is still a determiner: "the other claims" is a noun phrase
    assert _one('Officials rejected the other claims. "None of it is true," she said.')[:2] == ("she", "said")
