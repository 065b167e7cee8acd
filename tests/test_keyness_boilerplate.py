"""keyness.score leaves web and wire boilerplate out by default (stop_words="boilerplate");
one list of it in discourse.words, shared with the topic models. Invented texts only."""
from __future__ import annotations

import pandas as pd
import pytest

from discourse import keyness, topics, words

FOOTER = "Copyright 2031 Example Media LLC. Click here for reprint permission."


def _corpus() -> pd.DataFrame:
    a = ["The council approved the harbor plan. " + FOOTER, "The council delayed the harbor vote. " + FOOTER]
    b = ["The mayor praised the new school.", "The mayor visited the old school."]
    return pd.DataFrame({"doc_id": ["a1", "a2", "b1", "b2"], "outlet": ["A", "A", "B", "B"], "text": a + b})


def test_boilerplate_words_are_left_out_by_default():
    k = keyness.score(_corpus(), target="A", reference="B")
    assert not {"copyright", "llc", "click", "reprint", "permission"} & set(k["term"])
    assert k["term"].head(7).tolist() == ["2031", "council", "example", "for", "harbor", "here", "media"]
    every = keyness.score(_corpus(), target="A", reference="B", stop_words=None)
    assert {"copyright", "llc", "click", "reprint", "permission"} <= set(every["term"].head(12))


def test_left_out_words_count_in_neither_the_terms_nor_the_totals():
    k = keyness.score(_corpus(), target="A", reference="B")
    every = keyness.score(_corpus(), target="A", reference="B", stop_words=None)
    # per article of A: 6 words of the story, 10 of the footer, 5 of them boilerplate
    assert (every["total"].iloc[0], k["total"].iloc[0]) == (32, 22)
    assert k["total_reference"].iloc[0] == every["total_reference"].iloc[0] == 12


def test_stop_words_takes_the_names_of_text_dtm_and_the_topic_models_or_a_list():
    c = _corpus()
    assert "the" not in set(keyness.score(c, target="A", reference="B", stop_words="english")["term"])
    news = set(keyness.score(c, target="A", reference="B", stop_words="news")["term"])
    assert not {"the", "copyright", "new"} & news
    mine = set(keyness.score(c, target="A", reference="B", stop_words=["Council", "the"])["term"])
    assert {"copyright", "harbor"} <= mine and not {"council", "the"} & mine
    with pytest.raises(ValueError, match="stop_words must be one of"):
        keyness.score(c, stop_words="boiler")


def test_one_list_of_boilerplate_shared_with_the_topic_models():
    assert words.BOILERPLATE_WORDS <= words.NEWS_STOP_WORDS
    assert topics.NEWS_STOP_WORDS is words.NEWS_STOP_WORDS
    assert {"copyright", "llc", "reprint", "permission", "caption", "getty"} <= words.BOILERPLATE_WORDS
    assert not {"said", "the", "story", "share"} & words.BOILERPLATE_WORDS  # reporting and prose words stay
