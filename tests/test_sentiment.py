"""Tests for discourse.sentiment and the exact batch VADER scorer (discourse._vader)."""
from __future__ import annotations

import vader_edge_cases

import math
import socket

import numpy as np
import pandas as pd
import pytest

from discourse import _vader, sentiment, text


def _ann(df, quotes):
    """Annotations of ``df`` with a hand-made quotation table (a fresh object: the
    shared cache of ``text.as_annotations`` is left alone)."""
    ann = text.Annotations(df)
    ann._tables["quotes"] = quotes
    return ann


# ------------------------------------------------------------------ helpers
def reference_scores(texts, method):
    ref = _vader.reference(method)
    return np.array([[d["neg"], d["neu"], d["pos"], d["compound"]] for d in map(ref.polarity_scores, texts)])


def assert_exact(texts, method):
    got = _vader.BatchScorer(method).score(texts)  # fresh scorer: no cached vocabulary
    want = reference_scores(texts, method)
    bad = np.flatnonzero((got != want).any(axis=1) | (np.signbit(got) != np.signbit(want)).any(axis=1))
    assert not len(bad), [(texts[i], want[i].tolist(), got[i].tolist()) for i in bad[:5]]


@pytest.fixture(scope="module")
def seed_sentences():
    from discourse import corpus, text
    from pathlib import Path

    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_6f0d46aa1e83e359.txt"
    return text.sentences(corpus.load(seed))


@pytest.fixture(scope="module")
def edge_sentences():
    rng = np.random.default_rng(0)
    templates = vader_edge_cases._edge_templates()
    pick = rng.choice(len(templates), size=12000, replace=False)
    return [templates[i] for i in sorted(pick)] + templates[-24:] + vader_edge_cases._edge_cases(6000, random_state=3)


# ------------------------------------------------------------- exactness
@pytest.mark.parametrize("method", ["vader", "nltk"])
def test_exact_on_every_seed_sentence(seed_sentences, method):
    texts = seed_sentences["text"].tolist()
    assert len(texts) > 30
    assert_exact(texts, method)
    # whole paragraphs and the whole article too (long inputs, newlines, saturation)
    from discourse import corpus
    from pathlib import Path

    full = corpus.load(Path(__file__).resolve().parents[1] / "seeds")["text"].iloc[0]
    assert_exact([full, *full.split("\n\n")], method)


@pytest.mark.parametrize("method", ["vader", "nltk"])
def test_exact_on_generated_edge_cases(edge_sentences, method):
    assert_exact(edge_sentences, method)


@pytest.mark.parametrize("method", ["vader", "nltk"])
def test_exact_on_demo_corpus_sentences(method):
    from discourse import corpus, text
    from pathlib import Path

    demo = corpus.load(Path(__file__).resolve().parents[1] / "corpora" / "demo")
    texts = text.sentences(demo.iloc[::4])["text"].tolist()
    assert_exact(texts, method)


def test_edge_cases_exercise_every_rule(edge_sentences):
    lowered = " ".join(edge_sentences).lower()
    for phrase in ["kind of", "at least", "very least", "never so", "without doubt", "but", "n't", "!!!", "????",
                   "the shit", "kiss of death", "cut the mustard", "\U0001f600", "no or", "extremely"]:
        assert phrase in lowered, phrase
    assert any(s.isupper() for t in edge_sentences for s in t.split() if len(s) > 2)
    # sentences where vaderSentiment's list.index() quirk in the "but" check matters
    r = _vader._rules("vader")
    quirky = 0
    for t in edge_sentences:
        words = t.split()
        words = [_vader._token_vader(w) for w in words]
        lowers = [w.lower() for w in words]
        if "but" not in lowers:
            continue
        vals = [_vader._valence_vader(words, lowers, i, r, False) for i in range(len(words))]
        clean = [v * 0.5 if i < lowers.index("but") else (v * 1.5 if i > lowers.index("but") else v)
                 for i, v in enumerate(vals)]
        _vader._but_vader(vals, lowers.index("but"))
        quirky += vals != clean
    assert quirky >= 10
    # and where the two implementations disagree
    v = _vader.polarity_scores(edge_sentences, method="vader")
    n = _vader.polarity_scores(edge_sentences, method="nltk")
    assert (v[:, 3] != n[:, 3]).mean() > 0.2


def test_repeated_and_empty_inputs():
    texts = ["", "   ", "good", "good", "Good! \u00a0 bad\u2009news", "\U0001f600\U0001f600x", "a", "!!!",
             "bad \ud800 good", "verylongtoken\ud800withsurrogate good", "a\x00b good", "good\u2028BAD\r\nok",
             "NOT\u3000good", "x" * 40 + " great " + "y" * 12]
    for method in ("vader", "nltk"):
        assert_exact(texts, method)
        got = _vader.polarity_scores(texts, method=method)
        assert got.shape == (len(texts), 4)
        assert got[0].tolist() == [0.0, 0.0, 0.0, 0.0]


# ------------------------------------------------------------- known scores
@pytest.mark.parametrize("text, expected", [
    # published in the vaderSentiment 3.3.2 README
    ("VADER is smart, handsome, and funny.", {"neg": 0.0, "neu": 0.254, "pos": 0.746, "compound": 0.8316}),
    ("VADER is smart, handsome, and funny!", {"neg": 0.0, "neu": 0.248, "pos": 0.752, "compound": 0.8439}),
    ("VADER is very smart, handsome, and funny.", {"neg": 0.0, "neu": 0.299, "pos": 0.701, "compound": 0.8545}),
    ("VADER is VERY SMART, handsome, and FUNNY.", {"neg": 0.0, "neu": 0.246, "pos": 0.754, "compound": 0.9227}),
    ("VADER is not smart, handsome, nor funny.", {"neg": 0.646, "neu": 0.354, "pos": 0.0, "compound": -0.7424}),
    ("The book was good.", {"neg": 0.0, "neu": 0.508, "pos": 0.492, "compound": 0.4404}),
    ("At least it isn't a horrible book.", {"neg": 0.0, "neu": 0.678, "pos": 0.322, "compound": 0.431}),
    ("Today SUX!", {"neg": 0.779, "neu": 0.221, "pos": 0.0, "compound": -0.5461}),
])
def test_known_sentences(text, expected):
    got = sentiment.polarity_scores(text).iloc[0].to_dict()
    assert got == expected


def test_known_differences_between_methods():
    # "no" negates the next lexicon word only in vaderSentiment
    assert sentiment.polarity_scores("The plan is no good.", method="vader")["compound"].iloc[0] == -0.3412
    assert sentiment.polarity_scores("The plan is no good.", method="nltk")["compound"].iloc[0] == 0.1779
    # nltk keeps punctuation such as '."' on the word, so "good" is not found
    assert sentiment.polarity_scores('He said it was "good."', method="nltk")["compound"].iloc[0] == 0.0
    assert sentiment.polarity_scores('He said it was "good."', method="vader")["compound"].iloc[0] == 0.4404
    # emoji are read only by vaderSentiment
    assert sentiment.polarity_scores("\U0001f600", method="vader")["compound"].iloc[0] > 0.3
    assert sentiment.polarity_scores("\U0001f600", method="nltk")["compound"].iloc[0] == 0.0


def test_round_matches_python_round():
    rng = np.random.default_rng(1)
    x = np.concatenate([rng.uniform(-1, 1, 20000), np.arange(-1000, 1001) / 2000 + 0.00005,
                        np.array([0.0, -0.0, -1e-6, 1e-6, 0.12345, 0.5, -0.99995])])
    for nd in (3, 4):
        got = _vader._round(x.copy(), nd)
        want = np.array([round(v, nd) for v in x.tolist()])
        assert np.array_equal(got, want)
        assert np.array_equal(np.signbit(got), np.signbit(want))


def test_method_is_checked():
    with pytest.raises(ValueError, match="method must be one of"):
        _vader.BatchScorer("textblob")
    with pytest.raises(ValueError, match="method must be one of"):
        sentiment.polarity_scores("good", method="afinn")
    with pytest.raises(TypeError, match="texts must be strings"):
        _vader.polarity_scores(["ok", 3])


# ------------------------------------------------------------- offline
def test_scoring_makes_no_network_access_and_needs_no_nltk_data(monkeypatch):
    import nltk.data

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    def no_nltk_data(*args, **kwargs):
        raise AssertionError("nltk.data.load called")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(nltk.data, "load", no_nltk_data)
    for f in (_vader.lexicon, _vader._lexicon_text, _vader._emoji, _vader._rules, _vader._scorer, _vader.reference):
        f.cache_clear()
    try:
        for method in ("vader", "nltk"):
            assert _vader.reference(method).polarity_scores("The book was good.")["compound"] == 0.4404
            assert _vader.polarity_scores(["The book was good."], method=method)[0, 3] == 0.4404
    finally:
        for f in (_vader._rules, _vader._scorer, _vader.reference):
            f.cache_clear()


def test_lexicon_comes_from_the_vadersentiment_package():
    lex = _vader.lexicon()
    assert lex == _vader.reference("vader").lexicon == _vader.reference("nltk").lexicon
    assert len(lex) == 7506
    assert lex["good"] == 1.9
    assert lex[":)"] == 2.0


# ------------------------------------------------------------- score levels
def test_sentence_level_has_offsets_and_reference_scores(seed_corpus):
    s = sentiment.score(seed_corpus)
    assert list(s.columns) == ["doc_id", "para_id", "sent_id", "start", "end", "text", "neg", "neu", "pos",
                               "compound"]
    text = seed_corpus["text"].iloc[0]
    assert all(text[a:b] == t for a, b, t in zip(s["start"], s["end"], s["text"]))
    want = reference_scores(s["text"].tolist(), "vader")
    assert np.array_equal(s[["neg", "neu", "pos", "compound"]].to_numpy(), want)
    assert s["sent_id"].tolist() == list(range(len(s)))


def test_document_aggregation_on_the_seed(seed_corpus):
    s = sentiment.score(seed_corpus)
    d = sentiment.score(seed_corpus, level="document", n_boot=500, raw=True)
    assert len(d) == 1
    row = d.iloc[0]
    c = s["compound"].to_numpy()
    assert row["n_sentences"] == len(s)
    assert row["compound"] == pytest.approx(c.mean(), abs=1e-15)
    assert row["pos_share"] == pytest.approx((c >= 0.05).mean(), abs=1e-15)
    assert row["neg_share"] == pytest.approx((c <= -0.05).mean(), abs=1e-15)
    assert row["neu"] == pytest.approx(s["neu"].mean(), abs=1e-15)
    assert row["compound_low"] < row["compound"] < row["compound_high"]
    assert row["pos_share_low"] < row["pos_share"] < row["pos_share_high"]
    assert row["start"] == 0 and row["end"] == len(seed_corpus["text"].iloc[0])
    # VADER on the whole article saturates; the sentence mean does not
    whole = _vader.reference("vader").polarity_scores(seed_corpus["text"].iloc[0])["compound"]
    assert row["compound_raw"] == whole
    # (34 sentences with a mean compound near 0 and an interval across 0, while the
    # whole text scores 0.94 because valences add up before the normalisation)
    assert abs(whole) > 0.9 and row["compound_low"] < 0 < row["compound_high"]
    # same seed, same numbers
    again = sentiment.score(seed_corpus, level="document", n_boot=500, raw=True)
    pd.testing.assert_frame_equal(d, again)


def test_paragraph_level(seed_corpus):
    s = sentiment.score(seed_corpus)
    p = sentiment.score(seed_corpus, level="paragraph", n_boot=0, raw=True)
    assert p["para_id"].tolist() == sorted(s["para_id"].unique().tolist())
    expected = s.groupby("para_id")["compound"].mean().to_numpy()
    assert np.allclose(p["compound"].to_numpy(), expected, rtol=0, atol=1e-15)
    assert p["compound_low"].isna().all()
    text = seed_corpus["text"].iloc[0]
    raw = [_vader.reference("vader").polarity_scores(text[a:b])["compound"] for a, b in zip(p["start"], p["end"])]
    assert p["compound_raw"].tolist() == raw


def test_score_does_not_mutate_and_checks_arguments(seed_corpus):
    before = seed_corpus.copy()
    sentiment.score(seed_corpus, level="paragraph", n_boot=10)
    pd.testing.assert_frame_equal(seed_corpus, before)
    with pytest.raises(ValueError, match="level must be"):
        sentiment.score(seed_corpus, level="word")
    with pytest.raises(KeyError, match="corpus has no 'text' column"):
        sentiment.score(seed_corpus.drop(columns="text"))
    with pytest.raises(ValueError, match="ci must be between 0 and 1"):
        sentiment.score(seed_corpus, level="document", ci=95)


# ------------------------------------------------------------------ arc
def test_arc_by_paragraph_and_decile():
    df = pd.DataFrame({"doc_id": ["a"], "text": ["A good plan. A great day.\n\nA terrible war.\n\nNothing."]})
    a = sentiment.arc(df, n_boot=0)
    assert a["position"].tolist() == [0, 1, 2]
    assert a["n_sentences"].tolist() == [2, 1, 1]
    good, great, terrible = (_vader.reference("vader").polarity_scores(t)["compound"]
                             for t in ("A good plan.", "A great day.", "A terrible war."))
    assert a["estimate"].tolist() == [(good + great) / 2, terrible, 0.0]
    d = sentiment.arc(df, level="decile", n_bins=4, n_boot=0)
    assert d["position"].between(0, 3).all()
    assert d["n_sentences"].sum() == 4
    assert d["relative"].tolist() == [(p + 0.5) / 4 for p in d["position"]]
    with pytest.raises(ValueError, match="level must be"):
        sentiment.arc(df, level="page")


# --------------------------------------------------------------- toward
@pytest.fixture
def actors_corpus():
    texts = [
        'The army failed badly. "The army is brave and strong," the minister said. Critics mocked the "heroic" army.',
        "The army won a great victory. The rebels were defeated.",
        "The rebels shelled a hospital, killing children. The army helped.",
    ]
    df = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "outlet": ["x", "x", "y"], "text": texts,
                       "published": pd.to_datetime(["2024-01-05", "2024-02-01", "2024-02-03"])})
    t = texts[0]
    q0 = t.index("The army is brave")
    q1 = t.index("heroic")
    quotes = pd.DataFrame({"doc_id": ["d1", "d1"], "start": [q0, q1],
                           "end": [q0 + len("The army is brave and strong,"), q1 + len("heroic")],
                           "quote": ["The army is brave and strong,", "heroic"], "speaker": ["the minister", pd.NA],
                           "verb": ["said", pd.NA], "kind": ["direct", "scare"]})
    return df, quotes


def test_mentions_voice_from_quotes(actors_corpus):
    df, quotes = actors_corpus
    m = sentiment.mentions(_ann(df, quotes), {"army": ["army"], "rebels": ["rebels", "insurgents"]})
    d1 = m[m["doc_id"] == "d1"]
    assert d1["voice"].tolist() == ["authorial", "quoted", "authorial"]
    assert d1["speaker"].iloc[1] == "the minister"
    ref = _vader.reference("vader")
    assert d1["compound"].iloc[0] == ref.polarity_scores("The army failed badly.")["compound"]
    assert m.groupby("target").size().to_dict() == {"army": 5, "rebels": 2}
    assert {"outlet", "published"} <= set(m.columns)
    # window contexts: k words on each side, inside the sentence
    w = sentiment.mentions(df, ["rebels"], window=1)
    t = df["text"].iloc[2]
    row = w[w["doc_id"] == "d3"].iloc[0]
    assert t[row["context_start"]:row["context_end"]] == "The rebels shelled"


def test_toward_by_outlet_voice_and_period(actors_corpus):
    df, quotes = actors_corpus
    ann = _ann(df, quotes)
    t = sentiment.toward(ann, {"army": ["army"]}, by=["outlet", "voice"], n_boot=200)
    assert list(t.columns) == ["target", "outlet", "voice", "estimate", "ci_low", "ci_high", "n", "n_docs",
                               "few_docs", "left_out"]
    x_auth = t[(t["outlet"] == "x") & (t["voice"] == "authorial")].iloc[0]
    m = sentiment.mentions(ann, {"army": ["army"]})
    sel = m[(m["outlet"] == "x") & (m["voice"] == "authorial")]
    assert x_auth["n"] == len(sel) == 3 and x_auth["n_docs"] == 2
    assert x_auth["estimate"] == pytest.approx(sel["compound"].mean(), abs=1e-15)
    assert x_auth["ci_low"] <= x_auth["estimate"] <= x_auth["ci_high"]
    pooled = sentiment.toward(ann, ["army"], n_boot=50)  # voice=None: every voice, pooled
    assert pooled["n"].tolist() == [4, 1]
    quoted = sentiment.toward(ann, ["army"], voice="quoted", n_boot=50)
    assert quoted["n"].tolist() == [1]
    by_month = sentiment.toward(df, ["army"], by=None, period="M", n_boot=50)
    assert by_month["period"].tolist() == ["2024-01", "2024-02"]
    assert by_month["n"].tolist() == [3, 2]
    with pytest.raises(ValueError, match="voice must be"):
        sentiment.toward(df, ["army"], voice="indirect")
    for old in ("all", "split"):  # the old spellings are gone: None is every voice
        with pytest.raises(ValueError, match="voice must be None"):
            sentiment.toward(df, ["army"], voice=old)
    with pytest.raises(KeyError, match="by: column"):
        sentiment.toward(df, ["army"], by="section")
    with pytest.raises(KeyError, match="pass by=None or a column of the corpus"):
        sentiment.toward(df.drop(columns="outlet"), ["army"])  # the default by="outlet"


def test_summarize_resamples_documents():
    d = pd.DataFrame({"doc_id": ["a"] * 9 + ["b"], "g": ["x"] * 10, "compound": [1.0] * 9 + [-1.0]})
    s = sentiment.summarize(d, by="g", n_boot=300)
    assert s["estimate"].iloc[0] == pytest.approx(0.8)
    assert s["n"].iloc[0] == 10 and s["n_docs"].iloc[0] == 2
    # two documents: resampling whole documents spans from all of b to all of a
    assert s["ci_low"].iloc[0] == pytest.approx(-1.0) and s["ci_high"].iloc[0] == pytest.approx(1.0)


# ------------------------------------------------------------ plots, figures, CLI
def test_plots_return_axes():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from discourse import plots

    arc_data = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "position": [0, 1, 0, 1],
                             "estimate": [0.1, -0.2, 0.3, 0.0], "ci_low": [0.0, -0.3, 0.2, -0.1],
                             "ci_high": [0.2, -0.1, 0.4, 0.1]})
    fig, ax = plt.subplots()
    assert plots.sentiment_arc(arc_data, ax=ax) is ax
    assert len(ax.lines) == 3  # two arcs and the zero line
    tow = pd.DataFrame({"target": ["army", "army", "rebels"], "outlet": ["x", "y", "x"],
                        "voice": ["authorial", "quoted", "authorial"], "estimate": [0.2, -0.1, -0.5],
                        "ci_low": [0.0, -0.3, -0.7], "ci_high": [0.4, 0.1, -0.3], "n": [5, 3, 1]})
    fig2, ax2 = plt.subplots()
    assert plots.sentiment_toward(tow, ax=ax2, min_n=2) is ax2
    assert [t.get_text() for t in ax2.get_yticklabels()] == ["army"]
    with pytest.raises(KeyError, match="sentiment_arc needs columns"):
        plots.sentiment_arc(arc_data.drop(columns="estimate"))
    # a point with an interval between points without one is drawn as a bar
    from matplotlib.collections import LineCollection

    lone = pd.DataFrame({"doc_id": ["a"] * 3, "position": [0, 1, 2], "estimate": [0.1, -0.2, 0.3],
                         "ci_low": [np.nan, -0.4, np.nan], "ci_high": [np.nan, 0.0, np.nan]})
    ax3 = plots.sentiment_arc(lone)
    bars = [c for c in ax3.collections if isinstance(c, LineCollection)]
    assert len(bars) == 1 and np.allclose(bars[0].get_segments()[0], [[1, -0.4], [1, 0.0]])
    plt.close("all")


def test_figures_are_registered():
    from discourse import figures

    table = figures.list_figures()
    specs = table.set_index("name")
    assert specs.loc["seed-sentiment-arc", "corpus"] == "seed"
    assert specs.loc["sentiment-toward-actors", "corpus"] == "demo"


def test_cli_sentiment(tmp_path, seed_path):
    from discourse.cli import main

    out = tmp_path / "doc.csv"
    assert main(["sentiment", str(seed_path), "--level", "document", "--method", "nltk", "--n-boot", "200",
                 "--out", str(out), "--quiet"]) == 0
    table = pd.read_csv(out)
    assert len(table) == 1 and table["n_sentences"].iloc[0] > 30
    assert -1 <= table["compound"].iloc[0] <= 1 and not math.isnan(table["compound_low"].iloc[0])
    # intervals only when asked
    assert main(["sentiment", str(seed_path), "--level", "document", "--out", str(out), "--quiet"]) == 0
    assert math.isnan(pd.read_csv(out)["compound_low"].iloc[0])


def test_chunked_scoring_gives_the_same_numbers(monkeypatch):
    texts = vader_edge_cases._edge_cases(800, random_state=11)
    whole = {m: _vader.BatchScorer(m).score(texts) for m in ("vader", "nltk")}
    monkeypatch.setattr(_vader, "_CHUNK", 4000)  # about 8 chunks
    for m in ("vader", "nltk"):
        assert np.array_equal(_vader.BatchScorer(m).score(texts), whole[m])


def test_per_sentence_builtin_sum_path(monkeypatch, edge_sentences):
    # Python 3.12+ compensates in sum(); there the scorer sums each sentence with the
    # builtin. On any version both paths must agree with the reference.
    monkeypatch.setattr(_vader, "_SEQUENTIAL_SUM", False)
    assert_exact(edge_sentences[:3000], "vader")


# ------------------------------------------------------- empty and sentence-less input
def test_every_analysis_takes_an_empty_corpus(seed_corpus):
    empty = seed_corpus.iloc[0:0]
    assert sentiment.score(empty).empty
    for level in ("paragraph", "document"):
        assert sentiment.score(empty, level=level, n_boot=10).empty
    for unit in ("paragraph", "decile"):
        out = sentiment.arc(empty, level=unit, n_boot=10)
        assert out.empty and out.columns.tolist() == ["doc_id", "position", "relative", "n_sentences", "estimate",
                                                      "ci_low", "ci_high", "pos_share", "neg_share"]
    assert sentiment.mentions(empty, ["Taliban"]).empty
    assert sentiment.toward(empty, ["Taliban"], n_boot=10).empty


def test_arc_of_articles_without_sentences_is_empty_not_an_error():
    # regression: the article lengths mapped onto an empty sentence table kept the
    # dtype of the ids, and the division raised TypeError
    df = pd.DataFrame({"doc_id": pd.array(["a", "b"], dtype="string"), "text": ["", "   "]})
    assert sentiment.arc(df, n_boot=10).empty
    assert sentiment.arc(df, level="decile", n_boot=10).empty
    # with one scorable article, only its sentences count
    df2 = pd.DataFrame({"doc_id": pd.array(["a", "b"], dtype="string"), "text": ["", "A good plan. A bad war."]})
    out = sentiment.arc(df2, level="decile", n_bins=2, n_boot=0)
    assert out["doc_id"].tolist() == ["b", "b"]
    want = sentiment.polarity_scores(["A good plan.", "A bad war."])["compound"].tolist()
    assert out["estimate"].tolist() == want and want[0] > 0 > want[1]


def test_mentions_with_integer_doc_ids_use_their_own_sentence():
    # regression: terms.find gives string ids, the sentences kept the integers, and
    # every mention was scored on the table's last sentence
    df = pd.DataFrame({"doc_id": [1, 2], "outlet": ["x", "y"],
                       "text": ["The army won a great victory. Rain fell.", "It was sad. The army failed badly."]})
    m = sentiment.mentions(df, ["army"])
    want = sentiment.polarity_scores(["The army won a great victory.", "The army failed badly."])["compound"]
    assert m["compound"].tolist() == want.tolist()
    assert m[["doc_id", "sent_id", "outlet"]].values.tolist() == [["1", 0, "x"], ["2", 1, "y"]]
    w = sentiment.mentions(df, ["army"], window=1)
    assert [df["text"][i][a:b] for i, a, b in zip([0, 1], w["context_start"], w["context_end"])] == [
        "The army won", "The army failed"]
    t = sentiment.toward(df, ["army"], n_boot=10)
    assert t["estimate"].tolist() == want.tolist()


# ------------------------------------------------------ the shared text layer (#10)
def test_bug_mentions_take_their_voice_from_the_annotations_like_terms():
    # issue #10: terms.find(quotes=False) left voice NA while sentiment.mentions(quotes=False)
    # called everything authorial; now both read the one voice of the annotations
    from discourse import terms

    df = pd.DataFrame({"doc_id": ["a"], "outlet": ["x"],
                       "text": ['The army failed. "The army is brave," the minister said.']})
    m = sentiment.mentions(df, ["army"])
    t = terms.find(df, {"army": ["army"]})
    assert m["voice"].tolist() == t["voice"].tolist() == ["authorial", "quoted"]
    assert m["speaker"].tolist()[1] == t["speaker"].tolist()[1] == "the minister"
    import inspect

    for f in (sentiment.score, sentiment.arc, sentiment.mentions, sentiment.toward):
        params = inspect.signature(f).parameters
        assert "quotes" not in params and "sentences" not in params, f.__name__


def test_mentions_and_toward_match_globs_by_default():
    df = pd.DataFrame({"doc_id": ["a"], "outlet": ["x"], "text": ["The rebels won. A rebel fled."]})
    m = sentiment.mentions(df, ["rebel*"])
    assert m["match"].tolist() == ["rebels", "rebel"]
    assert sentiment.toward(df, {"rebels": ["rebel*"]}, n_boot=10)["n"].tolist() == [2]
    fixed = sentiment.mentions(df, ["rebel*"], match="fixed")
    assert fixed.empty


def test_mentions_window_counts_words_by_the_shared_word_rule():
    df = pd.DataFrame({"doc_id": ["a"], "text": ["It was bad \u2014 the army said so."]})
    w = sentiment.mentions(df, ["army"], window=2)
    t = df["text"].iloc[0]
    # the dash is no word; the period after "so" is not part of one
    assert t[w["context_start"].iloc[0]:w["context_end"].iloc[0]] == "bad \u2014 the army said so"


def test_toward_by_week_labels_are_strings_of_stats_period_labels(actors_corpus):
    from discourse import stats

    df, _ = actors_corpus
    t = sentiment.toward(df, ["army"], by=None, period="W", n_boot=10)
    want = sorted(stats.period_labels(df["published"], "W").unique())
    assert t["period"].tolist() == want and str(t["period"].dtype) == "string"


def test_intervals_from_fewer_than_two_documents_are_na():
    d = pd.DataFrame({"doc_id": ["a", "a", "b"], "g": ["x", "x", "y"], "compound": [0.5, -0.5, 0.2]})
    s = sentiment.summarize(d, by="g", n_boot=100)
    assert s["n_docs"].tolist() == [1, 1]
    assert s[["ci_low", "ci_high"]].isna().all().all()
    assert s["estimate"].tolist() == [0.0, 0.2]
    df = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["x", "y"],
                       "text": ["The army won a great victory.", "The army failed badly."]})
    t = sentiment.toward(df, ["army"], n_boot=50)
    assert t["ci_low"].isna().all() and t["ci_high"].isna().all()
    both = sentiment.toward(df, ["army"], by=None, n_boot=50)
    assert both["ci_low"].iloc[0] < both["ci_high"].iloc[0]
    with pytest.raises(KeyError, match="pass by=None"):
        sentiment.summarize(d)  # the default by="outlet"


def test_score_intervals_only_when_asked_and_never_from_one_sentence():
    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["A good plan. A terrible war. They hoped.", "Fine."]})
    d = sentiment.score(df, level="document")
    assert d[["compound_low", "compound_high", "pos_share_low", "neg_share_high"]].isna().all().all()
    b = sentiment.score(df, level="document", n_boot=200)
    assert b["compound_low"].iloc[0] < b["compound"].iloc[0] < b["compound_high"].iloc[0]
    assert np.isnan(b["compound_low"].iloc[1])  # one sentence: nothing to resample
    pd.testing.assert_frame_equal(b.drop(columns=[c for c in b if c.endswith(("_low", "_high"))]),
                                  d.drop(columns=[c for c in d if c.endswith(("_low", "_high"))]))
    assert "compound_raw" not in d.columns  # VADER on the whole text only when asked (twice the work)
    r = sentiment.score(df, level="document", raw=True)
    assert r["compound_raw"].tolist() == sentiment.polarity_scores(df["text"])["compound"].tolist()


def test_score_reads_sentences_from_the_annotations_and_progress_changes_nothing(monkeypatch):
    from discourse.sentiment import _score
    from discourse.text import _units

    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["A good plan. A terrible war.", "They hoped. It rained."]})
    ann = text.annotate(df)
    quiet = sentiment.score(df, level="document", raw=True)
    monkeypatch.setattr(_units, "sentences", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-split")))
    # the sentence scores are kept with the (cached) annotations: not scored again
    real = _vader.polarity_scores
    monkeypatch.setattr(_vader, "polarity_scores", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-scored")))
    pd.testing.assert_frame_equal(sentiment.score(ann, level="document"), quiet.drop(columns="compound_raw"))
    monkeypatch.setattr(_vader, "polarity_scores", real)
    fresh = text.Annotations(df)  # no scores yet, the same sentences
    fresh._tables["sentences"] = ann.sentences
    monkeypatch.setattr(_score, "_STEP_CHARS", 10)  # one step per sentence or two
    shown = sentiment.score(fresh, level="document", raw=True, progress=True)
    pd.testing.assert_frame_equal(shown, quiet)
    with pytest.raises(TypeError, match="progress must be"):
        sentiment.score(text.Annotations(df), progress="yes")


# ------------------------------------------ issue #13: tone without the label
LABELS = {
    "WT": "Police detained illegal immigrants at the border. Officials said illegal immigrants were a "
          "terrible burden. Illegal immigrants won the lottery, a happy day.",
    "Vox": "Police detained undocumented immigrants at the border. Officials said undocumented immigrants "
           "were a terrible burden. Undocumented immigrants won the lottery, a happy day.",
}


def _two_outlets(n=2):
    rows = [(f"{o}{i}", o, t) for o, t in LABELS.items() for i in range(n)]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "text"])


def test_toward_leaves_the_label_out_so_two_outlets_with_the_same_sentences_agree():
    df = _two_outlets()
    t = sentiment.toward(df, {"immigrants": ["immigrants"]}, n_boot=50)
    wt, vox = t.set_index("outlet").loc["WT"], t.set_index("outlet").loc["Vox"]
    assert wt["estimate"] == vox["estimate"] and wt["n"] == vox["n"] == 6
    assert wt["left_out"] == "illegal immigrants" and vox["left_out"] == "undocumented immigrants"
    # the same sentences without the labelled phrase, scored by VADER
    want = sentiment.polarity_scores(["Police detained at the border.", "Officials said were a terrible burden.",
                                      "won the lottery, a happy day."])["compound"].mean()
    assert wt["estimate"] == pytest.approx(want, abs=1e-12)
    # with the labels kept, "illegal" (negative in VADER) makes the Washington outlet look hostile
    kept = sentiment.toward(df, {"immigrants": ["immigrants"]}, n_boot=50, exclude_labels=False).set_index("outlet")
    assert kept.loc["WT", "estimate"] < kept.loc["Vox", "estimate"]
    assert kept["left_out"].isna().all()


def test_mentions_say_which_words_were_left_out():
    df = pd.DataFrame({"doc_id": ["a"], "text": [
        "The Taliban Islamist insurgency grew, and the Taliban celebrated. KABUL is calm."]})
    m = sentiment.mentions(df, {"Taliban": ["Taliban"], "Kabul": ["Kabul"]})
    assert m[["target", "match", "left_out"]].values.tolist() == [
        ["Taliban", "Taliban", "Taliban Islamist insurgency; Taliban"],
        ["Taliban", "Taliban", "Taliban Islamist insurgency; Taliban"],
        ["Kabul", "KABUL", "KABUL"]]
    want = sentiment.polarity_scores(["grew, and the celebrated.", "is calm."])["compound"]
    assert m["compound"].tolist() == [want[0], want[0], want[1]]
    full = sentiment.mentions(df, {"Taliban": ["Taliban"]}, exclude_labels=False)
    assert full["left_out"].isna().all()
    assert full["compound"].iloc[0] == sentiment.polarity_scores(
        ["The Taliban Islamist insurgency grew, and the Taliban celebrated."])["compound"][0]
    with pytest.raises(ValueError, match="exclude_labels must be True or False"):
        sentiment.mentions(df, ["Taliban"], exclude_labels="yes")


def test_window_is_counted_around_the_labelled_phrase():
    df = pd.DataFrame({"doc_id": ["a"], "text": ["Yesterday police detained illegal immigrants near the border."]})
    w = sentiment.mentions(df, ["immigrants"], window=1)
    t = df["text"][0]
    assert t[w["context_start"][0]:w["context_end"][0]] == "detained illegal immigrants near"
    assert w["left_out"].tolist() == ["illegal immigrants"]
    assert w["compound"][0] == sentiment.polarity_scores(["detained near"])["compound"][0]


def test_intervals_from_one_document_are_na_and_flagged():
    df = _two_outlets(n=1)
    t = sentiment.toward(df, ["immigrants"], n_boot=50)
    assert t["few_docs"].tolist() == [True, True] and t[["ci_low", "ci_high"]].isna().all().all()
    both = sentiment.toward(df, ["immigrants"], by=None, n_boot=50)
    # two documents give an interval (here of zero width: without their labels they say the same)
    assert both["few_docs"].tolist() == [False] and both["ci_low"].iloc[0] == both["ci_high"].iloc[0]
    d = pd.DataFrame({"doc_id": ["a", "a", "b"], "g": ["x", "x", "y"], "compound": [0.5, -0.5, 0.2]})
    assert sentiment.summarize(d, by="g", n_boot=20)["few_docs"].tolist() == [True, True]


def test_mentions_and_actor_labels_find_the_same_mentions_datelines_included():
    from discourse import framing

    df = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["x", "y"], "text": [
        "KABUL (Reuters) \u2014 The Afghan government said the Kabul regime would hold. "
        "A Kabul-based analyst disagreed. The government's forces fled.",
        "ICE agents arrested 12 people. Ice formed on the roads. The ice melted. US troops left; "
        "us too."]})
    actors = {"Afghan government": ["Afghan government", "government", "regime", "Kabul"],
              "ICE": ["ICE"], "US": ["US"]}
    m = sentiment.mentions(df, actors)
    lab = framing.actor_labels(df, actors)
    got = lab.drop_duplicates(["doc_id", "match_start", "actor"])
    assert list(zip(m["doc_id"], m["start"], m["target"])) == list(zip(got["doc_id"], got["match_start"], got["actor"]))
    assert m["match"].tolist() == ["KABUL", "Afghan government", "Kabul", "regime", "government", "ICE", "US"]
    # all-capitals aliases match in exact case unless asked otherwise
    loose = sentiment.mentions(df, actors, case_sensitive=False)
    assert loose.loc[loose["target"] == "ICE", "match"].tolist() == ["ICE", "Ice", "ice"]
    assert loose.loc[loose["target"] == "US", "match"].tolist() == ["US", "us"]
    # and toward counts exactly these mentions
    t = sentiment.toward(df, actors, by=None, n_boot=10).set_index("target")
    assert t["n"].to_dict() == m.groupby("target").size().to_dict()


def test_mentions_after_a_full_stop_written_without_a_space():
    # "the vote.Lindqvist": a sentence boundary with its space missing is no initialism
    # (the mention is found, with no label glued to it); "U.S.Lindqvist" and
    # "lindqvist.com" still join their words
    from discourse import framing

    df = pd.DataFrame({"doc_id": ["a"], "text": [
        "They lost the vote.Lindqvist blamed the rain. The U.S.Lindqvist fund and lindqvist.com were closed. "
        "Supporters cheered Lindqvist.Others left."]})
    m = sentiment.mentions(df, ["Lindqvist"])
    text = df["text"][0]
    assert [text[a - 4:b + 1] for a, b in zip(m["start"], m["end"])] == ["ote.Lindqvist ", "red Lindqvist."]
    lab = framing.actor_labels(df, {"Lindqvist": ["Lindqvist"]})
    assert lab["match_start"].tolist() == m["start"].tolist()
    assert lab["label"].isna().all() and lab["mention"].tolist() == ["Lindqvist", "Lindqvist"]
