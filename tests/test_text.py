"""discourse.text: paragraphs, sentences and tokens with exact offsets."""
from __future__ import annotations

import pandas as pd
import pytest

from discourse import text


def _assert_offsets(units: pd.DataFrame, corpus: pd.DataFrame, col="text"):
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    for did, s, e, t in zip(units["doc_id"], units["start"], units["end"], units[col]):
        assert texts[did][s:e] == t


def test_seed_paragraphs(seed_corpus):
    p = text.paragraphs(seed_corpus)
    assert len(p) == 17 and p["para_id"].tolist() == list(range(17))
    _assert_offsets(p, seed_corpus)
    assert p["text"].iloc[0].startswith("US warplanes carried out")


def test_seed_sentences(seed_corpus):
    s = text.sentences(seed_corpus)
    _assert_offsets(s, seed_corpus)
    assert s["sent_id"].tolist() == list(range(len(s)))
    milley = s[s["text"].str.contains("Gen. Mark Milley")]
    assert len(milley) == 1 and milley["text"].iloc[0].endswith("419 district centers.")
    assert (s.groupby("para_id").size() >= 1).all() and s["para_id"].max() == 16
    assert len(s) == 34


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. Army said on Dec. 5 it would leave.",
        "Sen. Jane Roe and Gov. Bob Poe met Lt. Col. Smith.",
        "Reporters met Dr. Ann Lee at 10 a.m. in Washington.",
    ],
)
def test_news_abbreviations_do_not_split(sentence):
    df = pd.DataFrame({"doc_id": ["d"], "text": [sentence + " Then they left."]})
    assert text.sentences(df)["text"].tolist() == [sentence, "Then they left."]


def test_sentences_trained_on_corpus(seed_corpus):
    s = text.sentences(seed_corpus, train=True)
    _assert_offsets(s, seed_corpus)
    assert any(t.endswith("419 district centers.") and "Gen. Mark Milley" in t for t in s["text"])


def test_tokens(seed_corpus):
    t = text.tokens(seed_corpus)
    _assert_offsets(t, seed_corpus, col="token")
    first = t["token"].head(4).tolist()
    assert first == ["US", "warplanes", "carried", "out"]
    assert "$" in t["token"].tolist() and "143" in t["token"].tolist()
    assert t["token_id"].tolist() == list(range(len(t)))


def test_count_words():
    assert text.count_words("US-backed forces don't retreat, the U.S. said.") == 7
    assert text.count_words(["a b", "c"]).tolist() == [2, 1]


def test_missing_columns():
    with pytest.raises(KeyError, match="no 'text' column"):
        text.sentences(pd.DataFrame({"doc_id": ["a"]}))


def test_token_ids_count_per_document():
    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["One two. Three.", "Four five."]})
    toks = text.tokens(df)
    a = toks[toks["doc_id"] == "a"]
    assert a["token_id"].tolist() == list(range(len(a)))
    assert a["token"].tolist() == ["One", "two", ".", "Three", "."]
    assert a["sent_id"].tolist() == [0, 0, 0, 1, 1]
    assert toks.loc[toks["doc_id"] == "b", "token_id"].tolist() == [0, 1, 2]
