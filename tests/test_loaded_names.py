"""Loaded-language matches inside proper names and "anti-X control" compounds are not
loaded language (terms.find_loaded(guard=True), discourse/terms/_loaded_names.py).
Invented sentences only."""
from __future__ import annotations

import pandas as pd
import pytest

from discourse import terms

LEX = {"loaded": ["slaughter", "petty", "furious", "stonewall", "severe", "bash", "anti-gun", "thugs"]}


def _found(text: str, **options) -> list[str]:
    df = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    return terms.find_loaded(df, lexicon=LEX, phrase=False, **options)["match"].tolist()


@pytest.mark.parametrize("text, name", [
    ("Yesterday the panel heard from Rep. Dana Slaughter about the budget.", "Slaughter"),
    ("The panel heard from Dana Slaughter about the budget.", "Slaughter"),
    ("The form was signed by Petty Officer Ann Reyes on Monday.", "Petty"),
    ("Critics revisited Operation Fast and Furious during the hearing.", "Furious"),
    ("Doctors warned about Severe Acute Respiratory Syndrome (SARS) in the region.", "Severe"),
    ("Advocates marched past the Stonewall Inn on Sunday.", "Stonewall"),
    ("The senator told the network's Lena Bash that she would vote no.", "Bash"),
])
def test_a_loaded_word_inside_a_name_is_not_loaded_language(text, name):
    assert name not in _found(text)
    assert name in _found(text, guard=False)


def test_the_same_words_in_lowercase_stay_loaded():
    text = ("Yesterday the panel heard from Rep. Dana Slaughter. Troops began to slaughter the villagers, "
            "and furious crowds gathered.")
    assert _found(text) == ["slaughter", "furious"]


def test_anti_x_before_a_compound_noun_is_the_opposite_stance():
    text = "She spoke at an anti-gun control rally. He spoke at an anti-gun rally."
    found = terms.find_loaded(pd.DataFrame({"doc_id": ["d"], "text": [text]}), lexicon=LEX, phrase=False)
    assert found["start"].tolist() == [text.index("anti-gun rally")]


def test_capitals_of_emphasis_headlines_and_quotations_stay_loaded():
    text = ("Mayor Slams Furious Mob Over Vote\n"  # a headline in title case
            "Furious voters gathered on Monday.\n"  # the start of a sentence
            "\u201cStop these Angry Thugs now,\u201d the mayor wrote.\n"  # a speaker's own capitals
            "Yesterday the panel heard from Rep. Dana Slaughter.")  # a name
    assert _found(text) == ["Furious", "Furious", "Thugs"]


def test_a_capitalised_lexicon_pattern_is_a_name_itself():
    lex = {"loaded": ["Big Pharma"]}
    df = pd.DataFrame({"doc_id": ["d"], "text": ["The senator attacked Big Pharma Lobby Group donors."]})
    assert terms.find_loaded(df, lexicon=lex)["match"].tolist() == ["Big Pharma"]
    assert terms.find_loaded(df, lexicon={"loaded": ["pharma"]})["match"].tolist() == []


def test_guard_must_be_a_bool():
    with pytest.raises(TypeError, match="guard must be True or False"):
        _found("A text.", guard="yes")
