"""Reported speech (kind ``indirect``), doubled-apostrophe quotes and the ``reported`` voice.

Every text here is invented for the test, with its known answer.
"""
from __future__ import annotations

import pandas as pd
import pytest

from discourse import quotes, text


def rows(t: str, **kw) -> list[list]:
    q = quotes.find(t, indirect=True, **kw)
    return q[["quote", "speaker", "verb", "kind", "attribution"]].values.tolist()


@pytest.mark.parametrize("t, expected", [
    ("The senator said that the plan would fail badly.",
     [["the plan would fail badly", "The senator", "said", "indirect", "X-said-that"]]),
    ("Officials said the budget was too small for the war.",
     [["the budget was too small for the war", "Officials", "said", "indirect", "X-said-clause"]]),
    ("The dam will not hold past March, the engineer warned on Friday.",
     [["The dam will not hold past March", "the engineer", "warned", "indirect", "clause-X-said"]]),
    ("According to the ministry, the convoy left at dawn.",
     [["the convoy left at dawn", "the ministry", "according to", "indirect", "according-to-X"]]),
    ("The convoy left at dawn with forty trucks, according to aides.",
     [["The convoy left at dawn with forty trucks", "aides", "according to", "indirect", "according-to-X"]]),
    ("Mayor Lena Ortiz told reporters that the bridge would reopen soon.",
     [["the bridge would reopen soon", "Mayor Lena Ortiz", "told", "indirect", "X-said-that"]]),
    ("In a long speech, she said, the governor had promised new schools.",
     [["the governor had promised new schools", "she", "said", "indirect", "X-said-parenthetical"]]),
    ("Judge Amara Osei rejected the motion and said the trial would go ahead.",
     [["the trial would go ahead", "Judge Amara Osei", "said", "indirect", "X-said-clause"]]),
    ("The mayor called the plan careless, but said the city would pay for it.",
     [["the city would pay for it", "The mayor", "said", "indirect", "X-said-clause"]]),
])
def test_indirect_rules(t, expected):
    assert rows(t) == expected


def test_indirect_is_off_by_default_and_needs_no_quote_marks():
    t = "The senator said that the plan would fail badly."
    assert quotes.find(t).empty
    assert quotes.find(t, indirect=True)["kind"].tolist() == ["indirect"]


def test_indirect_leaves_quoted_content_to_the_quotation():
    # the reported content holds a quotation: the quotation is partial, no indirect row
    t = 'The senator said that the plan was "a complete disaster" for farmers.'
    assert [r[3] for r in rows(t)] == ["partial"]


def test_indirect_not_from_nouns_or_negation_or_short_content():
    assert rows("The claims were false. He did not say that the plan would fail.") == []
    assert rows("Ana Ruiz said so.") == []


def test_indirect_pronoun_speaker_resolves_to_the_named_speaker():
    t = ("Sen. Ana Ruiz spoke in Austin on Monday. She warned lawmakers that time was running short.")
    q = quotes.find(t, indirect=True)
    assert q[["speaker", "speaker_resolved", "verb"]].values.tolist() == [["She", "Sen. Ana Ruiz", "warned"]]


def test_indirect_content_offsets_index_text():
    t = "Fresh rain fell. Officials said the budget was too small for the war."
    q = quotes.find(t, indirect=True)
    (s, e), = q[["start", "end"]].values.tolist()
    assert t[s:e] == "the budget was too small for the war"
    assert q["n_words"].tolist() == [8]


def test_doubled_apostrophes_are_double_quote_marks():
    t = ("Nobody was surprised. ''We have never lost a single bridge in winter,'' said Tomas Brandt, "
         "an engineer. He called it ''pure luck.''")
    q = quotes.find(t)
    assert q[["quote", "speaker", "kind"]].values.tolist() == [
        ["We have never lost a single bridge in winter", "Tomas Brandt", "direct"],
        ["pure luck", "He", "partial"],
    ]
    assert [t[s:e] for s, e in q[["start", "end"]].values] == q["quote"].tolist()


def test_doubled_apostrophes_do_not_touch_tex_quotes():
    t = "``We will win,'' the mayor said."
    assert quotes.find(t)[["quote", "speaker"]].values.tolist() == [["We will win", "the mayor"]]


def test_reported_voice_in_the_text_layer():
    df = pd.DataFrame({"doc_id": ["d1"], "text": [
        "Officials said the regime was collapsing fast. The regime held the city."]})
    ann = text.annotate(df)
    ann._tables["quotes"] = quotes.find(df, indirect=True)  # the documented way to pass a table
    ann._tables.pop("tokens", None)
    tok = ann.tokens
    regime = tok[tok["token"] == "regime"]
    assert regime["voice"].tolist() == ["reported", "authorial"]


# ---------------------------------------------------------------- speakers (issue #12)
def one(t: str) -> dict:
    q = quotes.find(t)
    assert len(q) == 1, q
    return q.iloc[0].to_dict()


def test_party_state_tag_after_comma_is_not_the_speaker():
    r = one('Rep. Rubén Hinojosa, D-Texas, who chairs the caucus, said the bill was "dead on arrival."')
    assert (r["speaker"], r["verb"], r["kind"]) == ("Rep. Rubén Hinojosa", "said", "partial")


def test_party_state_tag_in_brackets_is_skipped():
    r = one('"It is bad," Rep. Jim Jordan (R-Ohio), a panel member, said in an interview.')
    assert (r["speaker"], r["verb"], r["kind"]) == ("Rep. Jim Jordan", "said", "direct")


def test_second_half_of_a_split_quotation_keeps_the_speaker():
    q = quotes.find('"The risk," said Edward Leamer, an economist at the bank, "is that we lose."')
    assert q[["quote", "speaker", "attribution"]].values.tolist() == [
        ["The risk", "Edward Leamer", "quote-said-X"],
        ["is that we lose", "Edward Leamer", "continuation"],
    ]


def test_unattributed_quotation_takes_the_paragraph_speaker():
    t = ('"I fix engines," said Robin Hale, half joking. He has run the garage for 20 years. '
         '"Still, I would rather paint boats."')
    q = quotes.find(t)
    assert q[["speaker", "attribution"]].values.tolist() == [
        ["Robin Hale", "quote-said-X"], ["Robin Hale", "continuation"]]


def test_continued_and_chanted_report_speech_but_continues_to_does_not():
    assert one('"We will win," she continued.')["verb"] == "continued"
    r = one('The crowd chanted, "Send them home."')
    assert (r["speaker"], r["verb"]) == ("The crowd", "chanted")
    r = one('Unrest in the region continues uninterrupted, even as the "great power" contest grows.')
    assert pd.isna(r["verb"]) and r["kind"] == "scare"


def test_participle_after_a_noun_takes_the_clause_subject():
    r = one('The union issued a statement saying it left "because of the unsafe conditions."')
    assert r["verb"] == "saying" and r["speaker"] == "The union"


# ---------------------------------------------------------------- speakers as entities
def test_clean_name_strips_titles_tags_possessives_and_credits():
    c = quotes._entities.clean_name
    assert [c(x) for x in ["Getty Images Donald Trump", "Hide caption Morales", "Victor Zarate's",
                           "Rep. Rubén Hinojosa, D-Texas", "Sen. Ted Cruz (R-Texas)", "Mr. Trump"]] == [
        "Donald Trump", "Morales", "Victor Zarate", "Rubén Hinojosa", "Ted Cruz", "Trump"]
    assert [c(x) for x in ["he", "it", "the spokesman", "officials", None, ""]] == [None] * 6


def test_speaker_id_merges_one_person_across_documents():
    texts = ['"We will win," President Donald Trump said.',
             '"It is rigged," said Donald Trump. "Totally," Mr. Trump added.',
             '"No," Trump said. "Never," he said.']
    q = quotes.find(texts)
    assert q["speaker_id"].tolist() == ["Donald Trump"] * 5
    s = quotes.speakers(q)
    assert s.values.tolist() == [
        ["Donald Trump", "President Donald Trump; Donald Trump; Mr. Trump; Trump; he", 5, 5, 3]]


def test_speaker_id_keeps_two_people_with_one_surname_apart():
    texts = ['"Yes," said Eric Trump. "No," said Donald Trump.', '"Maybe," Trump said.']
    q = quotes.find(texts)
    assert q["speaker_id"].tolist() == ["Eric Trump", "Donald Trump", "Trump"]


def test_speaker_id_is_missing_for_unresolved_pronouns():
    q = quotes.find('"We will stay," he said.')
    assert q["speaker"].tolist() == ["he"] and q["speaker_id"].isna().all()
    assert quotes.speakers(q).empty


def test_framing_sources_counts_by_speaker_id():
    from discourse import framing
    df = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"], "text": [
        '"We will win," President Donald Trump said.',
        '"It is rigged," Mr. Trump said. "Totally," said Sen. Ana Ruiz.']})
    s = framing.sources(df, by=None)
    assert s[["speaker", "n_docs", "n_quotes"]].values.tolist() == [
        ["Donald Trump", 2, 2], ["Ana Ruiz", 1, 1]]


def test_full_name_is_kept_and_surname_goes_to_the_nearest_full_name():
    q = quotes.find('"Yes," said Eric Trump. "No," said Donald Trump. "Hm," Trump said.')
    assert q["speaker_resolved"].tolist() == ["Eric Trump", "Donald Trump", "Donald Trump"]


# ---------------------------------------------------------------- statements without marks
def test_statement_after_colon_gets_the_speaker():
    t = "The senator said in a statement: The bill is a disgrace and must go."
    assert rows(t) == [["The bill is a disgrace and must go", "The senator", "said", "indirect", "X-said-colon"]]


def test_post_in_its_own_paragraph_gets_the_speaker():
    t = "The mayor wrote on Twitter:\n\nThe bridge stays closed. Drivers must wait!\n\nThe post drew anger."
    assert rows(t) == [["The bridge stays closed. Drivers must wait", "The mayor", "wrote", "indirect",
                        "X-said-colon-paragraph"]]
    ann = text.annotate(pd.DataFrame({"doc_id": ["d"], "text": [t]}))
    ann._tables["quotes"] = quotes.find(ann.corpus, indirect=True)
    ann._tables.pop("tokens", None)
    tok = ann.tokens.set_index("token")["voice"]
    assert (tok["bridge"], tok["post"]) == ("reported", "authorial")


def test_colon_before_a_quotation_is_left_to_the_quotation():
    assert [r[3:] for r in rows('He said: "We will win."')] == [["direct", "X-said-quote"]]


def test_a_place_is_never_the_speaker():
    r = one('"We were scared," a recently detained undocumented immigrant from Guatemala told the paper.')
    assert r["speaker"] == "a recently detained undocumented immigrant from Guatemala" and pd.isna(r["speaker_id"])
    r = one('"It is done," Okafor, during a school board meeting in Dayton, Ohio, said.')
    assert (r["speaker"], r["speaker_id"]) == ("Okafor", "Okafor")


def test_caption_words_are_not_part_of_the_speaker():
    r = one('Getty Images Donald Trump said: "We will build it."')
    assert (r["speaker"], r["speaker_resolved"], r["speaker_id"]) == ("Donald Trump",) * 3
    r = one('"Yes," Reuters reported.')
    assert (r["speaker"], r["speaker_id"]) == ("Reuters", "Reuters")


def test_indirect_prefers_the_speech_verb_over_an_earlier_object_verb():
    assert rows("The mayor called the plan careless, but said the city would pay for it.")[0][2] == "said"
    assert rows("Senator Kay Lowe urged a ban on the sale of rifles to teenagers.") == [
        ["a ban on the sale of rifles to teenagers", "Senator Kay Lowe", "urged", "indirect", "X-verb-object"]]


def test_said_by_telephone_is_not_a_passive():
    r = one("The man spoke.\n\n''It's rubbish,'' Mr. Varga said by telephone.")
    assert (r["speaker"], r["verb"], r["attribution"]) == ("Mr. Varga", "said", "quote-X-said")
    r = one('The deal, described by critics as "a sellout," passed.')
    assert pd.isna(r["speaker"]) and r["kind"] == "scare"


def test_scoffed_and_recommended_report_speech():
    r = one('"Silly boys acting up," scoffed Ana Gil, 22.')
    assert (r["speaker"], r["verb"]) == ("Ana Gil", "scoffed")


def test_quotation_after_a_colon_takes_the_person_the_sentence_is_about():
    r = one('Sen. Ana Ruiz listed one show as her guilty pleasure: "Saturday Night Live."')
    assert (r["speaker"], r["attribution"]) == ("Sen. Ana Ruiz", "X-clause-colon")
    # not a person: no speaker
    assert pd.isna(one('The report has a footnote: "These rules do not apply."')["speaker"])


def test_a_base_form_after_a_determiner_and_noun_is_a_noun():
    r = one('They sat at a lunch counter wearing shirts with the words "I cannot breathe."')
    assert pd.isna(r["verb"]) and pd.isna(r["speaker"])
    r = one('Maria Lindqvist posted a message of her own, saying, "We are so proud."')
    # the participle right before the quotation introduces it (PARC/PolNeAR cue)
    assert (r["speaker"], r["verb"]) == ("Maria Lindqvist", "saying")
    assert one('Most residents say he is "not at all to blame."')["verb"] == "say"
    assert one('"We will never surrender," the statement read.')["speaker"] == "the statement"


def test_participle_after_a_pronoun_subject_takes_the_pronoun():
    r = one('She sharpened her complaint on Friday, telling reporters that the council is a "sham."')
    assert (r["speaker"], r["verb"], r["attribution"]) == ("She", "telling", "participle-main-subject")
