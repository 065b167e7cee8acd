"""Actor labels on constructions of real news found in a QA pass (issue #13, item 4): each
test is a team-written sentence reproducing one class of error; no sentence comes from a
development set."""
import pandas as pd
import pytest

from discourse import framing, sentiment

NO_SENT = pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "compound"])
ACTORS = {"Haldane": ["Haldane"], "Ruritania": ["Ruritania"], "police": ["police"],
          "Greens": ["Greens", "Green Party"], "council": ["council members"], "AGENCY": ["ACME"]}


def _labels(text: str) -> list[tuple[str, str | None]]:
    lab = framing.actor_labels(pd.DataFrame({"doc_id": ["d"], "text": [text]}), ACTORS, sentiment=NO_SENT)
    return [(m, lb if isinstance(lb, str) else None) for m, lb in zip(lab["mention"], lab["label"])]


@pytest.mark.parametrize("sentence, mention, label", [
    # a verb after a relative pronoun takes the name as its object
    ("The mayor, who wanted Haldane to run, left.", "Haldane", None),
    ("Jo Pike, who challenged Vice President Haldane to a debate, lost.", "Vice President Haldane",
     "Vice President"),
    ("The tariffs, which infuriated Ruritania, stayed.", "Ruritania", None),
    ("It was the bill that passed Ruritania last week.", "Ruritania", None),
    ("The towns that elected Greens in May were small.", "Greens", None),
    # a verb before a singular name without a determiner is the name's verb, not its modifier
    ("The board met while weakening former Mayor Haldane on housing.", "former Mayor Haldane", "former Mayor"),
    ("Most delegates pressed Haldane to stay.", "Haldane", None),
    ("The agency is in charge of enforcing Governor Haldane's new orders.", "Governor Haldane", "Governor"),
    ("The rule was buried inside Governor Haldane's budget.", "Governor Haldane", "Governor"),
    # ... while a determiner or possessive still opens a participle modifier
    ("The embattled Governor Haldane resigned.", "embattled Governor Haldane", "embattled Governor"),
    ("Many undecided Greens met on Monday.", "undecided Greens", "undecided"),
    # a gerund after "by", "while", "without" takes the noun phrase as its object
    ("The plan cuts crime by giving police more discretion.", "police", "police"),
    ("The law passed without exempting council members.", "council members", "council members"),
    # ... but after other prepositions an -ing word can modify ("of rising costs")
    ("It is the union of serving police in the county.", "serving police", "serving police"),
    # a verb after the name ends its noun phrase, hyphenated or short
    ("A day later Ruritania test-fired a missile.", "Ruritania", None),
    ("Then the Greens eked out a win.", "Greens", None),
    # an irregular past participle after "have" is the verb, not a modifier
    ("The ruling has given Greens plenty of hope.", "Greens", None),
    ("The tactic the Haldane campaign used was odd.", "Haldane campaign", "campaign"),
    # a credit line is no modifier
    ("Photo copyright ACME Hide caption The mayor spoke.", "ACME", None),
    # "vs." is no modifier
    ("It was Pike vs. Haldane in the final.", "Haldane", None),
])
def test_labels_on_constructions_of_real_news(sentence, mention, label):
    assert (mention, label) in _labels(sentence), _labels(sentence)


def test_left_out_words_follow_the_labels():
    # the verb before the name stays in the scored context; only the name phrase is left out
    df = pd.DataFrame({"doc_id": ["d"], "text": ["Angry voters, who hated Haldane, protested."]})
    m = sentiment.mentions(df, {"Haldane": ["Haldane"]})
    assert m["left_out"].tolist() == ["Haldane"]


def test_an_adverb_between_an_auxiliary_and_its_verb():
    assert _labels("Small wins have now positioned Greens to govern.") == [("Greens", None)]
    assert _labels("The newly elected council members met.") == [
        ("newly elected council members", "newly elected council members")]


def test_a_name_after_the_alias_is_not_cut():
    lab = framing.actor_labels(pd.DataFrame({"doc_id": ["d"], "text": ["Green Party presidential candidate Jane Roe spoke."]}),
                               {"Greens": ["Green Party"]}, sentiment=NO_SENT)
    assert lab["mention"].tolist() == ["Green Party presidential candidate Jane Roe"]
    assert lab["label"].tolist() == ["presidential candidate"]


@pytest.mark.parametrize("sentence, label", [
    ("Green Party lobbyist Jane Roe spoke.", "lobbyist"),
    ("Green Party presidential hopeful Jane Roe spoke.", "presidential hopeful"),
    ("The Green Party National Committee met.", None),  # the alias is part of a longer name
    ("The Green Party Administration met.", "Administration"),  # ... but an institution noun is a head
])
def test_names_after_a_role_and_longer_names_are_no_labels(sentence, label):
    lab = framing.actor_labels(pd.DataFrame({"doc_id": ["d"], "text": [sentence]}), {"Greens": ["Green Party"]},
                               sentiment=NO_SENT)
    got = lab["label"].iloc[0]
    assert (got if isinstance(got, str) else None) == label


def test_an_alias_with_an_initial_leaves_no_punctuation_label():
    lab = framing.actor_labels(pd.DataFrame({"doc_id": ["d"], "text": ["Jane Q. Roe spoke in Ohio."]}),
                               {"Roe": ["Jane Q. Roe"]}, sentiment=NO_SENT)
    assert lab["label"].isna().all() and lab["mention"].tolist() == ["Jane Q. Roe"]


@pytest.mark.parametrize("sentence, labels", [
    # an opening adverbial ending in a noun phrase is no apposition; a closed one after a preposition is
    ("Despite a warning from the regional council, Ruritania fired a rocket.", [None]),
    ("She spoke with the leader of the port board, Haldane, on Friday.", ["leader of the port board"]),
    # a plain word after "others" is their verb
    ("Some trust the plan; others distrust Haldane.", [None]),
    # "late", "early" after a name are adverbs
    ("The drug was sold by Ruritania late into the year.", [None]),
])
def test_adverbials_subject_pronouns_and_heads(sentence, labels):
    assert [lb for _, lb in _labels(sentence)] == labels


def test_a_copula_after_a_prepositional_object_has_another_subject():
    assert _labels("The theme of last year's Green Party congress was an odd one.") == [
        ("Green Party congress", "congress")]
    assert ("Green Party", "main rival") in _labels("The Green Party is the main rival.")


@pytest.mark.parametrize("sentence", [
    "The mayor told the Greens she's running.",
    "A Green Party senator who's new spoke.",
    "One Green Party member close to the mayor spoke.",
    "Voters hold the Green Party accountable.",
    "Voters backed the Greens more than ever.",
    "The Greens six times voted no.",
    "The Green Party first remains silent.",
])
def test_a_word_after_the_name_that_heads_nothing_is_no_label(sentence):
    for lb in [lb for _, lb in _labels(sentence) if lb]:
        assert lb.split()[-1] not in {"she", "who", "close", "accountable", "more", "six", "first"}, lb


@pytest.mark.parametrize("sentence, label", [
    ("The Green Party regulations were dropped.", None),  # the head names a thing, not the actor
    ("Green Party votes were counted.", None),
    ("The Green Party leadership met.", "leadership"),  # a group
    ("The Green Party insurgency grew.", "insurgency"),
    ("Green Party senators met.", "senators"),  # people
    ("The Green Party camp was quiet.", "camp"),
    ("Green Party critics spoke.", "critics"),
    ("The so-called Green Party Housing Bill failed.", None),  # the head is another name
])
def test_a_name_as_noun_modifier_labels_its_actor_only_through_a_group_head(sentence, label):
    lab = framing.actor_labels(pd.DataFrame({"doc_id": ["d"], "text": [sentence]}), {"Greens": ["Green Party"]},
                               sentiment=NO_SENT)
    got = lab["label"].iloc[0]
    assert (got if isinstance(got, str) else None) == label


def test_an_adjective_before_an_ing_word_makes_it_the_head_noun():
    # the phrase reaches its head (so the tone leaves it out), which names a thing: no label
    assert _labels("The Green Party annual meeting opened.") == [("Green Party annual meeting", None)]
    assert _labels("The Green Party annual organizing committee met.")[0][0] != "Green Party annual"


@pytest.mark.parametrize("sentence, label", [
    # "-ment" and "-ary" nouns mostly name things: only listed ones are people
    ("The Green Party encroachment on the park ended.", None),
    ("The Green Party primary was close.", None),
    ("The Green Party secretary spoke.", "secretary"),
    ("The Green Party president spoke.", "president"),
    ("The Green Party adversary spoke.", "adversary"),
    ("Green Party students met.", "students"),
    ("Green Party opponents met.", "opponents"),
])
def test_ent_and_ary_heads_are_people_only_when_listed(sentence, label):
    lab = framing.actor_labels(pd.DataFrame({"doc_id": ["d"], "text": [sentence]}), {"Greens": ["Green Party"]},
                               sentiment=NO_SENT)
    got = lab["label"].iloc[0]
    assert (got if isinstance(got, str) else None) == label


@pytest.mark.parametrize("sentence, label", [
    # an adjective after "it is" whose clause the name opens is predicative, not a pre-modifier
    ("It's doubtful Greens could win.", None),
    ("It is doubtful Greens could win.", None),
    ("It was clear local Greens would lose.", "local"),
    # ... but an attributive adjective in a predicate noun phrase stays
    ("The winners were undocumented Greens.", "undocumented"),
    ("It's angry Greens who lost.", "angry"),
])
def test_a_predicative_adjective_before_a_clause_is_no_modifier(sentence, label):
    assert _labels(sentence)[0][1] == label, _labels(sentence)


@pytest.mark.parametrize("sentence, actor, label", [
    # a capitalised title word before an institution and a role is no first name
    ("Acting ACME Administrator Jane Roe spoke.", "AGENCY", "Acting Administrator"),
    ("Interim ACME Administrator Jane Roe spoke.", "AGENCY", "Interim Administrator"),
    ("Acting ACME Administrator Jane Roe spoke.", "Roe", "Acting ACME Administrator"),
])
def test_a_title_word_before_a_name_is_no_first_name(sentence, actor, label):
    lab = framing.actor_labels(pd.DataFrame({"doc_id": ["d"], "text": [sentence]}),
                               {**ACTORS, "Roe": ["Jane Roe"]}, sentiment=NO_SENT)
    got = [x if isinstance(x, str) else None for x in lab.loc[lab["actor"] == actor, "label"]]
    assert got == [label], lab[["actor", "mention", "label"]].values.tolist()


def test_a_title_qualifier_is_no_first_name_before_a_name_and_its_role():
    assert _labels("Former Haldane aide spoke.") == [("Former Haldane aide", "Former aide")]
    assert _labels("The senior Greens spoke.") == [("senior Greens", "senior")]
