"""The eighth coverage round of the bundled loaded-language lexicon (issue #13): new rows,
their veto phrases and the pruned rows, on invented sentences."""
from __future__ import annotations

import pytest

from discourse import lexicon, terms

from lexicon_helpers import corpus, matched_whole_by_others, section


@pytest.mark.parametrize("text,found", [
    # war metaphor and a dramatizing reply verb; a religious word for an inquiry
    ("The senator fired back, calling the probe a political inquisition and a war of words he would win.",
     [("fired back", "evaluative"), ("inquisition", "figurative"), ("war of words", "figurative")]),
    # disgust, ridicule epithets
    ("Critics called the stunt stomach-churning and the aides a pack of simpletons and flunkies.",
     [("stunt", "doubt"), ("stomach-churning", "evaluative"), ("simpletons", "name_calling"),
      ("flunkies", "name_calling")]),
    # animal metaphor for people
    ("The governor's cabinet was a nest of vipers, its rivals hyenas circling a wounded party.",
     [("nest of vipers", "figurative"), ("hyenas", "name_calling")]),
    # positive appraisal (unwavering, gutsy, principled are new; hapless was already there)
    ("Supporters praised her unwavering, gutsy and principled stand against the hapless board.",
     [("unwavering", "evaluative"), ("gutsy", "evaluative"), ("principled", "evaluative"),
      ("hapless", "evaluative")]),
    # fight metaphor for forcing through and rebuking
    ("They steamrolled the bill through and kneecapped the inspector in a smackdown of a hearing.",
     [("steamrolled", "dysphemism"), ("kneecapped", "dysphemism"), ("smackdown", "dysphemism")]),
])
def test_eighth_round_entries_match_in_invented_sentences(text, found):
    m = terms.find(corpus(text))
    assert list(zip(m["match"], m["category"])) == found
    # the default of find_loaded keeps them (weights at or above 0.25 or in a dense sentence)
    assert terms.find_loaded(corpus(text))["match"].tolist() == [f for f, _ in found]


@pytest.mark.parametrize("text,kept", [
    ("The Spanish Inquisition and The Grapes of Wrath were on the syllabus.", []),
    ("Epic Games sued; an epic poem was read; potato blight returned; the Medal of Valor was awarded.", []),
    ("The ruling was an epic blunder, a blight on the court, and an act of valor; valour too.",
     ["epic", "blunder", "blight", "valor", "valour"]),
])
def test_eighth_round_veto_phrases_keep_names_and_literal_uses_out(text, kept):
    m = lexicon.apply_exclusions(terms.find(corpus(text)))
    assert m["match"].str.lower().tolist() == kept


def test_eighth_round_pruned_rows_are_gone():
    # under 15% of their matches inside annotated spans on both halves of the development set
    text = ("The supposedly neutral, ostensibly sacred report cited open borders, mere aggression, "
            "political correctness and the Democrat Party.")
    assert terms.find(corpus(text)).empty
    kept = set(lexicon.read()["pattern"])
    assert {"so-called", "lied", "fake", "nothing more than"} <= kept  # named in docs/terms.md: kept


def test_each_eighth_round_pattern_is_new():
    # no earlier row matches an eighth-round pattern whole (the redundancy rule of the sources note)
    patterns = section("# Coverage extension, eighth round")
    assert len(patterns) == 273 and len(set(patterns)) == 273
    assert not matched_whole_by_others(patterns)
