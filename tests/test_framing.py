"""Framing: frame dictionaries and scores, primary frames, aggregation, the frame
classifier, actor labels and sources (on the seed and hand-written texts)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import framing, lexicon, sentiment, text

NO_QUOTES = pd.DataFrame({"doc_id": pd.Series(dtype=str), "start": pd.Series(dtype=int),
                          "end": pd.Series(dtype=int), "kind": pd.Series(dtype=str),
                          "speaker": pd.Series(dtype=str)})
NO_SENT = pd.DataFrame({"doc_id": pd.Series(dtype=str), "sent_id": pd.Series(dtype=int),
                        "start": pd.Series(dtype=int), "end": pd.Series(dtype=int),
                        "compound": pd.Series(dtype=float)})
AFGHAN = {"Afghan government": ["Afghan government", "government", "Kabul", "Ghani", "regime"]}


def docs(*texts, outlets=None, published=None):
    n = len(texts)
    df = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "text": list(texts)})
    df["outlet"] = outlets if outlets is not None else ["x"] * n
    if published is not None:
        df["published"] = pd.to_datetime(published)
    return df


def annotated(corpus, quotes=NO_QUOTES):
    """Annotations of ``corpus`` with a hand-made quotation table (a fresh object, so
    the cached annotations of the same texts keep their own quotations)."""
    ann = text.Annotations(corpus)
    ann._tables["quotes"] = quotes
    return ann


# ----------------------------------------------------------------- dictionaries
def test_bundled_generic_dictionary_has_the_five_semetko_valkenburg_frames():
    lex = framing.dictionary()
    assert list(dict.fromkeys(lex["category"])) == [
        "conflict", "human_interest", "responsibility", "morality", "economic"]
    assert lex.equals(framing.dictionary("generic"))
    assert set(lex["match"]) == {"glob"} and (lex["weight"] == 1).all()
    assert not lex.duplicated(["pattern", "category"]).any()


def test_bundled_policy_dictionary_has_the_codebook_dimensions_except_other():
    lex = framing.dictionary("policy")
    assert set(lex["category"]) == {
        "economic", "capacity_and_resources", "morality", "fairness_and_equality",
        "legality_constitutionality_jurisprudence", "policy_prescription_and_evaluation",
        "crime_and_punishment", "security_and_defense", "health_and_safety", "quality_of_life",
        "cultural_identity", "public_opinion", "political", "external_regulation_and_reputation"}
    # every frame has a rationale in the note of its first row
    first = lex.drop_duplicates("category")
    assert first["note"].str.startswith("Boydstun et al. 2014: ").all()


def test_all_dictionary_prefixes_categories_and_other_inputs():
    lex = framing.dictionary("all")
    assert {"generic:conflict", "policy:security_and_defense"} <= set(lex["category"])
    assert len(lex) == len(framing.dictionary("generic")) + len(framing.dictionary("policy"))
    d = framing.dictionary({"war": ["war", "troops"]})
    assert d["pattern"].tolist() == ["war", "troops"] and set(d["category"]) == {"war"}
    with pytest.raises(FileNotFoundError, match="neither a bundled name"):
        framing.dictionary("no-such-dictionary")


# ----------------------------------------------------------------------- scores
def test_score_counts_shares_and_presence_per_document():
    corpus = docs("Troops clashed with rebels. The war cost millions of dollars.", "Nothing happened here.")
    s = framing.score(corpus)
    assert list(s.columns) == ["doc_id", "frame", "n", "share", "rate", "present"]
    assert len(s) == 10  # every document x every frame, zeros included
    a = s[s["doc_id"] == "d0"].set_index("frame")
    assert a.loc["conflict", "n"] == 2 and a.loc["economic", "n"] == 3  # clashed, war / cost, millions, dollars
    assert a.loc["conflict", "share"] == pytest.approx(0.4)
    assert a.loc["economic", "share"] == pytest.approx(0.6)
    assert a.loc["economic", "rate"] == pytest.approx(1000 * 3 / 10)  # ten words
    assert a["present"].tolist() == [True, False, False, False, True]
    b = s[s["doc_id"] == "d1"]
    assert (b["n"] == 0).all() and b["share"].isna().all() and not b["present"].any()


def test_score_same_frame_overlaps_count_once_but_frames_may_share_words():
    corpus = docs("The security forces left. The war went on.")
    s = framing.score(corpus, lexicon={"security": ["security forces", "secur*", "war"],
                                       "conflict": ["war"]}).set_index("frame")
    assert s.loc["security", "n"] == 2  # "security forces" once, "war"
    assert s.loc["conflict", "n"] == 1


def test_score_weights_and_min_count():
    lex = pd.DataFrame({"pattern": ["war", "cost*"], "category": ["conflict", "economic"],
                        "weight": [2.0, 0.5], "note": ["", ""], "match": ["glob", "glob"]})
    s = framing.score(docs("War and war again; the costs rose."), lexicon=lex,
                      min_count=2).set_index("frame")
    assert s.loc["conflict", "n"] == 4.0 and s.loc["economic", "n"] == 0.5
    assert s.loc["conflict", "share"] == pytest.approx(4 / 4.5)
    assert s["present"].tolist() == [True, False]


def test_score_sentence_level_has_sentence_ids():
    corpus = docs("The war began.\n\nPrices rose. Nothing else.")
    s = framing.score(corpus, level="sentence")
    assert list(s.columns) == ["doc_id", "para_id", "sent_id", "frame", "n", "share", "rate", "present"]
    present = s[s["present"]][["para_id", "sent_id", "frame"]].values.tolist()
    assert present == [[0, 0, "conflict"], [1, 1, "economic"]]
    assert len(s) == 3 * 5
    with pytest.raises(ValueError, match="level must be"):
        framing.score(corpus, level="paragraph")


def test_score_rate_and_a_calibrated_presence_rule():
    # 20 words; economic: cost, millions (2 -> 100 per 1,000); morality: honest (1 -> 50)
    corpus = docs("The plan will cost millions , an honest official said on a quiet day in the small "
                  "town by the river", "Nothing happened here at all today.")
    s = framing.score(corpus).set_index(["doc_id", "frame"])
    assert s.loc[("d0", "economic"), "rate"] == pytest.approx(100.0)
    assert s.loc[("d0", "morality"), "rate"] == pytest.approx(50.0)
    assert s.loc[("d1", "economic"), "rate"] == 0.0
    strict = framing.score(corpus, min_rate={"economic": 120, "morality": 50}).set_index(["doc_id", "frame"])
    assert not strict.loc[("d0", "economic"), "present"] and strict.loc[("d0", "morality"), "present"]
    assert framing.score(corpus, min_rate=60).set_index(["doc_id", "frame"])["present"].sum() == 1
    calibrated = framing.score(corpus, min_rate="calibrated")
    assert calibrated["present"].tolist() == framing.score(corpus)["present"].tolist()  # dense enough
    assert set(framing.CALIBRATED) == set(framing.dictionary()["category"])
    # the words counted are those of the voices counted
    quoted = docs('"The plan will cost millions," he said.')
    own = framing.score(quoted, voice="authorial").set_index("frame")
    assert own.loc["economic", "n"] == 0 and own.loc["economic", "rate"] == 0.0
    theirs = framing.score(quoted, voice="quoted").set_index("frame")
    assert theirs.loc["economic", "rate"] == pytest.approx(1000 * 2 / 5)
    with pytest.raises(ValueError, match="min_rate must be"):
        framing.score(corpus, min_rate="strict")


def test_score_voice_filter_drops_quoted_matches():
    corpus = docs('"The war must end," the minister said. The war goes on.')
    all_ = framing.score(corpus, lexicon={"conflict": ["war"]}).set_index("frame")
    own = framing.score(corpus, lexicon={"conflict": ["war"]}, voice="authorial").set_index("frame")
    assert all_.loc["conflict", "n"] == 2 and own.loc["conflict", "n"] == 1


def test_score_does_not_mutate_input():
    corpus = docs("The war began.")
    before = corpus.copy()
    framing.score(corpus)
    pd.testing.assert_frame_equal(corpus, before)


def test_seed_has_conflict_and_security_frames(seed_corpus):
    generic = framing.score(seed_corpus).set_index("frame")
    policy = framing.score(seed_corpus, lexicon="policy").set_index("frame")
    assert generic.loc["conflict", "present"] and generic.loc["conflict", "n"] >= 5
    assert policy.loc["security_and_defense", "present"]
    # security is the primary policy frame of a report on airstrikes
    assert framing.primary(policy.reset_index())["frame"].item() == "security_and_defense"


# ---------------------------------------------------------------------- primary
def test_primary_frame_margin_ties_and_empty_documents():
    s = pd.DataFrame({
        "doc_id": ["a"] * 3 + ["b"] * 3 + ["c"] * 3,
        "frame": ["conflict", "economic", "morality"] * 3,
        "n": [1, 6, 3, 2, 2, 0, 0, 0, 0],
    })
    tot = s.groupby("doc_id")["n"].transform("sum")
    s["share"] = (s["n"] / tot).where(tot > 0)
    s["present"] = s["n"] > 0
    p = framing.primary(s).set_index("doc_id")
    assert p.loc["a", "frame"] == "economic" and p.loc["a", "runner_up"] == "morality"
    assert p.loc["a", "margin"] == pytest.approx(0.6 - 0.3)
    assert p.loc["b", "frame"] == "conflict" and p.loc["b", "margin"] == 0  # tie: dictionary order
    assert pd.isna(p.loc["c", "frame"]) and np.isnan(p.loc["c", "margin"])
    assert p["n"].tolist() == [10, 4, 0]


def test_primary_sums_sentence_scores_per_document():
    corpus = docs("The war began. Prices rose and costs rose.")
    sent = framing.score(corpus, level="sentence")
    p = framing.primary(sent)
    assert p["frame"].item() == "economic" and p["margin"].item() == pytest.approx(2 / 3 - 1 / 3)


# -------------------------------------------------------------------- aggregate
def test_aggregate_by_outlet_and_month_is_the_mean_over_documents():
    corpus = docs("war war prices", "prices", "war", "nothing", outlets=["A", "A", "B", "B"],
                  published=["2024-01-05", "2024-01-20", "2024-02-01", "2024-02-03"])
    s = framing.score(corpus, lexicon={"conflict": ["war"], "economic": ["prices"]})
    agg = framing.aggregate(corpus, s, by="outlet", period="month", n_boot=200)
    assert list(agg.columns) == ["outlet", "period", "frame", "estimate", "ci_low", "ci_high", "n_docs", "few_docs"]
    assert str(agg["period"].dtype) == "string" and str(agg["outlet"].dtype) == "string"
    a = agg[(agg["outlet"] == "A") & (agg["frame"] == "conflict")].iloc[0]
    assert a["period"] == "2024-01" and a["estimate"] == pytest.approx((2 / 3 + 0) / 2) and a["n_docs"] == 2
    assert a["ci_low"] <= a["estimate"] <= a["ci_high"]
    b = agg[(agg["outlet"] == "B") & (agg["frame"] == "conflict")].iloc[0]
    assert b["estimate"] == 1.0 and b["n_docs"] == 1  # the document without indicators has no share
    assert pd.isna(b["ci_low"]) and pd.isna(b["ci_high"])  # no interval from one document
    pres = framing.aggregate(corpus, s, by="outlet", value="present", n_boot=50)
    assert pres.set_index(["outlet", "frame"]).loc[("B", "conflict"), "estimate"] == 0.5
    again = framing.aggregate(corpus, s, by="outlet", period="month", n_boot=200)
    pd.testing.assert_frame_equal(agg, again)
    with pytest.raises(KeyError, match="pass by=None or a column of the corpus"):
        framing.aggregate(corpus, s, by="country")


# ------------------------------------------------------------------- classifier
CONFLICT = ["Rebels attacked the army base overnight.", "Troops fought militants in the hills.",
            "The two parties clashed over the border.", "Soldiers and insurgents battled for the town.",
            "Fighters shelled the village again.", "The army launched an offensive against rebels."]
ECONOMIC = ["Prices rose sharply this quarter.", "The budget deficit widened again.",
            "Factories cut jobs as exports fell.", "Taxes on fuel will rise next year.",
            "The currency lost value against the dollar.", "Investors pulled money from the market."]
NEUTRAL = ["The minister spoke on Tuesday.", "The report was published in the capital.",
           "Officials met in the afternoon.", "A statement was released later.",
           "The meeting lasted two hours.", "Reporters waited outside the building."]


def coded_sample(n=60, seed=0):
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for i in range(n):
        frames = [["conflict"], ["economic"], ["conflict", "economic"], []][i % 4]
        sents = list(rng.choice(NEUTRAL, 2, replace=False))
        if "conflict" in frames:
            sents.append(rng.choice(CONFLICT))
        if "economic" in frames:
            sents.append(rng.choice(ECONOMIC))
        texts.append(" ".join(rng.permutation(sents)))
        labels.append(frames)
    return texts, labels


def test_classifier_learns_a_planted_frame():
    texts, labels = coded_sample(80)
    clf = framing.FrameClassifier(min_df=1).fit(texts, labels)
    assert list(clf.classes_) == ["conflict", "economic"]
    new_texts, new_labels = coded_sample(40, seed=10)  # new combinations of the sentences
    assert clf.predict(new_texts) == new_labels
    proba = clf.predict_proba(["Troops fought militants in the hills. Officials met in the afternoon."])
    assert proba.shape == (1, 2) and proba[0, 0] > 0.5 > proba[0, 1]
    assert clf.score(new_texts, new_labels) == 1.0
    # the most conflict-laden words are the planted ones
    coef = clf.estimator_.estimators_[0].coef_.ravel()
    top = clf.vectorizer_.get_feature_names_out()[np.argsort(-coef)[:5]]
    assert set(top) <= {w.lower().strip(".") for s in CONFLICT for w in s.split()} | {
        " ".join(p) for s in CONFLICT for p in zip(s.lower().strip(".").split()[:-1], s.lower().strip(".").split()[1:])}


def test_classifier_cv_report_matches_an_independent_computation():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import precision_recall_fscore_support
    from sklearn.model_selection import KFold
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer

    texts, labels = coded_sample(40, seed=1)
    # a harder task so the report is not all ones: flip a few codes
    labels = [(["economic"] if lab == ["conflict"] and i % 7 == 0 else lab) for i, lab in enumerate(labels)]
    clf = framing.FrameClassifier(min_df=1, C=1.0)
    report = clf.cross_validate(texts, labels, cv=4, random_state=3)
    assert report is clf.cv_report_
    assert list(report.columns) == ["frame", "precision", "recall", "f1", "support"]
    assert report["frame"].tolist() == ["conflict", "economic", "micro avg", "macro avg"]

    Y = MultiLabelBinarizer(classes=["conflict", "economic"]).fit_transform(labels)
    pred = np.zeros_like(Y)
    X = np.array(texts, dtype=object)
    for train, test in KFold(4, shuffle=True, random_state=3).split(X):
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, stop_words="english")
        m = OneVsRestClassifier(LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000))
        m.fit(vec.fit_transform(X[train]), Y[train])
        pred[test] = m.predict_proba(vec.transform(X[test])) >= 0.5
    p, r, f, s = precision_recall_fscore_support(Y, pred, average=None, zero_division=0)
    np.testing.assert_allclose(report["precision"].iloc[:2], p)
    np.testing.assert_allclose(report["recall"].iloc[:2], r)
    np.testing.assert_allclose(report["f1"].iloc[:2], f)
    assert report["support"].tolist()[:2] == s.tolist()
    pm, rm, fm, _ = precision_recall_fscore_support(Y, pred, average="micro", zero_division=0)
    assert report.iloc[2][["precision", "recall", "f1"]].tolist() == pytest.approx([pm, rm, fm])
    assert not (report["f1"].iloc[:2] == 1).all()  # the flipped codes cost something
    assert len(clf.cv_predictions_) == len(texts)
    assert not hasattr(clf, "estimator_")  # cross-validation fits clones, not clf


def test_classifier_is_a_scikit_learn_estimator():
    from sklearn.base import clone, is_classifier
    from sklearn.exceptions import NotFittedError
    from sklearn.model_selection import GridSearchCV, KFold
    from sklearn.pipeline import Pipeline

    texts, labels = coded_sample(80)
    clf = framing.FrameClassifier(C=3.0, min_df=1)
    assert is_classifier(clf)
    assert clone(clf).get_params() == clf.get_params()
    assert clf.set_params(C=5.0).C == 5.0
    with pytest.raises(NotFittedError, match="not fitted"):
        clf.predict(["x"])
    search = GridSearchCV(framing.FrameClassifier(min_df=1), {"C": [0.01, 10.0]},
                          cv=KFold(3, shuffle=True, random_state=0)).fit(texts, labels)
    assert search.best_params_ == {"C": 10.0}
    pipe = Pipeline([("frames", framing.FrameClassifier(min_df=1))]).fit(texts, labels)
    new_texts, new_labels = coded_sample(20, seed=10)
    assert pipe.predict(new_texts) == new_labels
    # labels as an indicator table with one column per frame
    Y = pd.DataFrame({"economic": [("economic" in lab) for lab in labels],
                      "conflict": [("conflict" in lab) for lab in labels]})
    fitted = framing.FrameClassifier(min_df=1).fit(texts, Y)
    assert list(fitted.classes_) == ["economic", "conflict"]
    with pytest.raises(ValueError, match="label sets"):
        framing.FrameClassifier().fit(texts, labels[:-1])


# ---------------------------------------------------------------- actor labels
def test_seed_actor_labels_for_the_afghan_government(seed_corpus):
    lab = framing.actor_labels(seed_corpus, AFGHAN, sentiment=NO_SENT)
    gov = lab[lab["actor"] == "Afghan government"]
    labels = set(gov["label"].dropna())
    assert {"puppet government", "US-backed regime", "US-backed President", "legitimate government"} <= labels
    pred = gov[gov["label_type"] == "predicate"]
    assert pred["label"].tolist() == ["illegitimate president", "puppet of the US"]
    assert set(pred["mention"]) == {"Ghani"}
    # "the US-backed regime in Kabul" is one mention; "Kabul-based" is no mention
    assert not gov["mention"].str.contains("based").any()
    regime = gov[gov["label"] == "US-backed regime"].iloc[0]
    text = seed_corpus["text"].iloc[0]
    assert text[regime["start"]:regime["end"]] == "US-backed regime"
    # "Kabul" in "the US-backed regime in Kabul" is a mention (as in sentiment.mentions)
    # that belongs to the regime's phrase: a row without a label of its own
    after = gov[(gov["start"] > regime["start"]) & (gov["start"] < regime["start"] + 30)]
    assert after["match"].tolist() == ["Kabul"] and after["label"].isna().all()
    assert set(lab["voice"]) == {"authorial"}  # the government is never named inside a quote


def test_seed_labels_of_the_taliban_and_milley(seed_corpus):
    actors = {"Taliban": ["Taliban"], "Milley": ["Milley"], "Lavrov": ["Lavrov"]}
    lab = framing.actor_labels(seed_corpus, actors, sentiment=NO_SENT)
    tal = lab[lab["actor"] == "Taliban"]
    assert "Islamist insurgency" in set(tal["label"])
    assert tal.loc[tal["label"] == "Islamist insurgency", "mention"].item() == "Taliban Islamist insurgency"
    assert "spokesman" in set(tal["label"])  # "Taliban spokesman Suhail Shaheen"
    # "a Taliban automatic military takeover" sits inside a quotation
    assert tal.loc[tal["mention"].str.contains("takeover"), "voice"].item() == "quoted"
    mil = lab[lab["actor"] == "Milley"]
    assert mil.loc[mil["label_type"] == "appositive", "label"].tolist() == ["chairman of the Joint Chiefs of Staff"]
    assert "Russian Foreign Minister" in set(lab.loc[lab["actor"] == "Lavrov", "label"])


def test_actor_labels_rules_on_hand_written_sentences():
    corpus = docs(
        "Officials of the Kabul regime met. He told Congress nothing. The government's loss grew. "
        "Critics described Ghani as a puppet and an illegitimate leader. "
        "Ghani, the embattled president, spoke. Rivals branded Ghani a traitor. "
        "The so-called regime of Ashraf Ghani fled. The Kabul regime controls Kabul now.",
        "The Taliban held talks.",
    )
    actors = pd.DataFrame({"actor": ["gov", "gov", "gov", "congress", "taliban"],
                           "alias": ["regime", "Kabul", "Ghani", "Congress", "Taliban"]})
    lab = framing.actor_labels(annotated(corpus), actors, sentiment=NO_SENT)
    rows = lab[["actor", "mention", "label", "label_type"]].astype(object).where(lab.notna(), None)
    got = [tuple(r) for r in rows.values.tolist()]
    assert ("gov", "Kabul regime", "regime", "modifier") in got
    assert ("congress", "Congress", None, None) in got  # "told" is not a label
    assert ("gov", "Ghani", "puppet", "predicate") in got
    assert ("gov", "Ghani", "illegitimate leader", "predicate") in got
    assert ("gov", "Ghani", "embattled president", "appositive") in got
    assert ("gov", "Ghani", "traitor", "predicate") in got
    assert ("gov", "so-called regime", "so-called regime", "modifier") in got  # "of Ashraf Ghani" joins it
    assert not any(m.startswith("Ashraf") for _, m, _, _ in got)
    assert ("gov", "Kabul", None, None) in got  # "now" is no head noun
    assert ("taliban", "Taliban", None, None) in got  # "held" is a verb, not a head noun
    assert lab["voice"].eq("authorial").all()


def test_actor_labels_errors_and_voice_from_quotes():
    with pytest.raises(TypeError, match="dict"):
        framing.actor_labels(docs("x"), ["regime"])
    with pytest.raises(KeyError, match="alias"):
        framing.actor_labels(docs("x"), pd.DataFrame({"actor": ["a"]}))
    corpus = docs('Critics call it "the puppet regime" and the regime denies it.')
    start = corpus["text"][0].index("the puppet regime")
    q = pd.DataFrame({"doc_id": ["d0"], "start": [start], "end": [start + 17], "kind": ["partial"]})
    lab = framing.actor_labels(annotated(corpus, q), {"gov": ["regime"]}, sentiment=NO_SENT)
    assert lab[["label", "voice"]].values.tolist() == [["puppet regime", "quoted"], ["regime", "authorial"]]


def test_actor_labels_joins_sentence_sentiment():
    corpus = docs("The brutal regime fell. The regime was fine.")
    sent = pd.DataFrame({"doc_id": ["d0", "d0"], "sent_id": [0, 1], "start": [0, 24], "end": [23, 44],
                         "compound": [-0.5, 0.2]})
    lab = framing.actor_labels(annotated(corpus), {"gov": ["regime"]}, sentiment=sent)
    assert lab["compound"].tolist() == [-0.5, 0.2] and lab["sent_id"].tolist() == [0, 1]
    assert lab["label"].tolist() == ["brutal regime", "regime"]


def test_label_summary_by_outlet():
    corpus = docs("The puppet regime fell. The puppet regime again.", "The regime held.", "The Regime.",
                  outlets=["A", "B", "B"])
    ann = annotated(corpus)
    lab = framing.actor_labels(ann, {"gov": ["regime"]}, sentiment=NO_SENT)
    summ = framing.label_summary(ann, lab)
    assert list(summ.columns) == ["outlet", "actor", "label", "n", "share", "n_docs", "compound"]
    assert summ[["outlet", "label", "n", "share", "n_docs"]].values.tolist() == [
        ["A", "puppet regime", 2, 1.0, 1], ["B", "regime", 2, 1.0, 2]]
    with pytest.raises(KeyError, match="pass by=None or a column of the corpus"):
        framing.label_summary(ann, lab, by="country")
    whole = framing.label_summary(ann, lab, by=None)
    assert whole[["label", "n", "n_docs"]].values.tolist() == [["puppet regime", 2, 1], ["regime", 2, 2]]
    # the actors instead of their labels: found here, the same counts
    pd.testing.assert_frame_equal(framing.label_summary(ann, {"gov": ["regime"]}).drop(columns="compound"),
                                  summ.drop(columns="compound"))


# ---------------------------------------------------------------------- sources
def test_seed_sources_milley_is_the_most_quoted(seed_corpus):
    src = framing.sources(seed_corpus, by="doc_id")
    assert list(src.columns) == ["doc_id", "speaker", "affiliation", "title", "n_docs", "n_quotes", "n_words",
                                 "verbs", "n_neutral", "n_distancing", "n_endorsing", "n_other"]
    top = src.iloc[0]
    assert "Milley" in top["speaker"] and top["n_quotes"] == src["n_quotes"].max()
    assert (src["n_quotes"].iloc[1:] < top["n_quotes"]).all()
    assert top["affiliation"] == "Joint Chiefs of Staff"
    aff = dict(zip(src["speaker"].map(framing._last_name), src["affiliation"]))
    assert aff["Shaheen"] == "Taliban"
    assert aff["Lavrov"] == "Russian foreign ministry"
    by_outlet = framing.sources(seed_corpus)  # by="outlet", the default
    assert by_outlet["outlet"].iloc[0] == "World Socialist Web Site" and "Milley" in by_outlet["speaker"].iloc[0]
    assert by_outlet.drop(columns="outlet")["n_quotes"].tolist() == src["n_quotes"].tolist()  # one document
    with pytest.raises(KeyError, match="pass by=None or a column of the corpus"):
        framing.sources(seed_corpus.drop(columns="outlet"))


def test_sources_merge_speakers_by_last_name_and_group_verbs():
    text = ("Taliban spokesman Zabihullah Mujahid said the city fell. "
            "Pentagon officials said little. Mujahid claimed victory.")
    corpus = docs(text, outlets=["A"])
    q = pd.DataFrame({
        "doc_id": ["d0"] * 4,
        "start": [0, 0, 0, 0], "end": [1, 1, 1, 1],
        "quote": ["the city fell", "little", "victory is ours", "no"],
        "speaker": ["Zabihullah Mujahid", "Pentagon officials", "Mujahid", None],
        "verb": ["said", "said", "claimed", "said"],
        "kind": ["direct", "partial", "direct", "scare"],
    })
    src = framing.sources(annotated(corpus, q), by="doc_id")
    assert src[["speaker", "affiliation", "n_quotes", "n_words", "verbs"]].values.tolist() == [
        ["Zabihullah Mujahid", "Taliban", 2, 6, "said; claimed"],
        ["Pentagon officials", "Pentagon", 1, 1, "said"],
    ]
    # said: neutral, claimed: distancing (discourse/lexicons/reporting_verbs.csv)
    verbs = pd.read_csv(framing._LEXICONS / "reporting_verbs.csv").set_index("verb")["group"]
    assert (verbs["said"], verbs["claimed"]) == ("neutral", "distancing")
    assert src.loc[0, ["n_neutral", "n_distancing", "n_endorsing", "n_other"]].tolist() == [1, 1, 0, 0]
    empty = framing.sources(annotated(corpus, q.iloc[:0]))
    assert empty.empty and "speaker" in empty.columns
    # only the quoted voice: the same (the scare quote has no speaker); only reported speech: none
    pd.testing.assert_frame_equal(framing.sources(annotated(corpus, q), by="doc_id", voice="quoted"), src)
    assert framing.sources(annotated(corpus, q), voice="reported").empty


# ----------------------------------------------------------------- CLI, plots
def test_cli_frames_writes_scores(seed_path, tmp_path):
    from discourse import cli

    out = tmp_path / "frames.csv"
    assert cli.main(["frames", str(seed_path), "--out", str(out), "--quiet"]) == 0
    got = pd.read_csv(out)
    assert got["frame"].tolist() == ["conflict", "human_interest", "responsibility", "morality", "economic"]
    dic = tmp_path / "d.csv"
    dic.write_text("pattern,category\nairstrike*,air\n")
    assert cli.main(["frames", str(seed_path), "--lexicon", str(dic), "--out", str(out), "--quiet"]) == 0
    assert pd.read_csv(out)[["frame", "n"]].values.tolist() == [["air", 2]]
    assert cli.main(["frames", str(seed_path), "--dictionary", str(dic), "--voice", "quoted",
                     "--out", str(out), "--quiet"]) == 0  # the old name still works
    assert pd.read_csv(out)[["frame", "n"]].values.tolist() == [["air", 0]]
    assert cli.main(["frames", str(seed_path), "--lexicon", str(dic), "--level", "sentence",
                     "--out", str(out), "--quiet"]) == 0
    sent = pd.read_csv(out)
    assert list(sent.columns[:3]) == ["doc_id", "para_id", "sent_id"] and sent["n"].sum() == 2
    assert cli.main(["frames", str(seed_path), "--lexicon", str(tmp_path / "no.csv"),
                     "--out", str(out), "--quiet"]) == 2


def test_plots_return_axes():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from discourse import plots

    agg = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "frame": ["conflict", "economic"] * 2,
                        "estimate": [0.5, 0.2, 0.3, 0.4], "ci_low": [0.4, 0.1, 0.2, 0.3],
                        "ci_high": [0.6, 0.3, 0.4, 0.5], "n": [3] * 4})
    ax = plots.frame_profile(agg)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["conflict", "economic"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B"]
    summ = pd.DataFrame({"outlet": ["A", "B"], "actor": ["gov", "gov"], "label": ["regime", "government"],
                         "n": [3, 2], "share": [1.0, 1.0]})
    ax = plots.actor_labels(summ)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["regime", "government"]
    est = pd.DataFrame({"frame": ["conflict"] * 2, "term": ["Intercept", "outlet[T.B]"],
                        "variable": [None, "outlet"], "level": [None, "B"], "estimate": [0.1, 0.2],
                        "ci_low": [0.0, 0.1], "ci_high": [0.2, 0.3]})
    ax = plots.effects(est)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["B"]
    with pytest.raises(ValueError, match="no coefficients"):
        plots.effects(est, variable="month")
    plt.close("all")


def test_framing_figures_are_registered():
    from discourse import figures

    names = set(figures.list_figures()["name"])
    assert {"frames-by-outlet", "actor-labels-by-outlet", "frame-effects-by-outlet"} <= names


def test_demo_outlets_label_the_government_as_planted():
    """The synthetic Red Banner Review was generated to say "regime" and "puppet
    government" in its own voice; the other outlets only quote or scare-quote them."""
    from discourse import demo

    df = demo.generate(n_articles=60, random_state=0)
    lab = framing.actor_labels(df, {"government": ["government", "administration", "cabinet", "regime"]},
                               sentiment=NO_SENT)
    own = framing.label_summary(df, lab, label_type="modifier", voice="authorial")
    loaded = own[own["label"].isin(["regime", "puppet government"])].groupby("outlet")["share"].sum()
    assert loaded.idxmax() == "Red Banner Review" and loaded["Red Banner Review"] > 0.5
    assert (loaded.drop("Red Banner Review") < 0.1).all()
    quoted = framing.label_summary(df, lab, voice="quoted")
    assert set(quoted["outlet"]) <= set(df["outlet"]) and quoted["n"].sum() > 0


def test_seed_mentions_carry_their_sentence_and_its_sentiment(seed_corpus):
    from discourse import sentiment

    sent = sentiment.score(seed_corpus, level="sentence")
    lab = framing.actor_labels(seed_corpus, AFGHAN, sentiment=sent)
    joined = lab.merge(sent[["sent_id", "start", "end", "compound"]], on="sent_id", suffixes=("", "_s"))
    assert len(joined) == len(lab)
    assert ((joined["start_s"] <= joined["start"]) & (joined["end"] <= joined["end_s"])).all()
    assert (joined["compound"] == joined["compound_s"]).all()


# ------------------------------------------------------------- review regressions
def test_framing_splits_and_quotes_a_corpus_once(monkeypatch):
    from discourse.quotes import _find
    from discourse.text import _units

    calls = []
    real_split, real_find = _units.sentences, _find.find_in
    monkeypatch.setattr(_units, "sentences", lambda corpus, *a, **k: calls.append("split") or real_split(corpus, *a, **k))
    monkeypatch.setattr(_find, "find_in", lambda corpus, *a, **k: calls.append("quotes") or real_find(corpus, *a, **k))
    text.clear_cache()
    corpus = docs("The war began.\n\nPrices rose. Nothing else.")
    s = framing.score(corpus, level="sentence")
    framing.score(corpus)
    framing.aggregate(corpus, n_boot=10)
    framing.actor_labels(corpus, {"war": ["war"]}, sentiment=NO_SENT)
    framing.sources(corpus)
    assert calls == ["split", "quotes"]  # once for every analysis of the same corpus
    assert s[s["present"]][["para_id", "sent_id", "frame"]].values.tolist() == [[0, 0, "conflict"], [1, 1, "economic"]]


def test_actor_voice_follows_the_innermost_quotation_like_terms_find():
    from discourse import lexicon, terms

    corpus = docs('"We will never accept the \'Taliban regime\' in Kabul," the minister said.')
    t = corpus["text"][0]
    outer, inner = t.index("We"), t.index("Taliban regime")
    q = pd.DataFrame({"doc_id": ["d0", "d0"], "start": [outer, inner], "end": [t.index(',"'), inner + 14],
                      "kind": ["direct", "scare"], "speaker": ["the minister", pd.NA]})
    ann = annotated(corpus, q)
    lab = framing.actor_labels(ann, {"Taliban": ["Taliban"]}, sentiment=NO_SENT)
    m = terms.find(ann, lexicon.from_dict({"Taliban": ["Taliban"]}))
    assert lab["voice"].tolist() == m["voice"].tolist() == ["scare"]
    # the closing single quote is not glued to the head noun
    assert lab[["mention", "label"]].values.tolist() == [["Taliban regime", "regime"]]
    assert t[lab["start"][0]:lab["end"][0]] == "Taliban regime"


def test_actor_labels_keep_plural_possessives():
    lab = framing.actor_labels(annotated(docs("The soldiers' families fled.")), {"army": ["soldiers"]},
                               sentiment=NO_SENT)
    assert lab["mention"].tolist() == ["soldiers"]


def test_sentence_level_score_with_integer_doc_ids():
    corpus = pd.DataFrame({"doc_id": [1, 2], "text": ["The war began. Prices rose.", "Nothing."]})
    s = framing.score(corpus, level="sentence")
    assert s[s["present"]][["doc_id", "sent_id", "frame"]].values.tolist() == [["1", 0, "conflict"],
                                                                               ["1", 1, "economic"]]
    assert len(s) == 3 * 5


def test_sources_without_quotes_have_the_columns_of_a_result(seed_corpus):
    q = text.annotate(seed_corpus).quotes
    for by in ("doc_id", "outlet", None):
        full = framing.sources(seed_corpus, by=by)
        empty = framing.sources(annotated(seed_corpus, q.iloc[:0]), by=by)
        assert empty.empty and empty.columns.tolist() == full.columns.tolist()


def test_classifier_rejects_min_frames_it_cannot_honour():
    texts = ["troops attack", "budget cost", "troops fight", "cost of jobs"] * 3
    labels = [["conflict"], ["economic"], ["conflict"], ["economic"]] * 3
    with pytest.raises(ValueError, match="min_frames must be 0 or 1"):
        framing.FrameClassifier(min_df=1, min_frames=2).fit(texts, labels)
    one = framing.FrameClassifier(min_df=1, min_frames=1, threshold=1.0).fit(texts, labels)
    assert one.predict(["troops attack again", "a cost"]) == [["conflict"], ["economic"]]


# ------------------------------------------------------------ the shared text layer
def test_framing_reads_the_shared_tokens_and_word_lists(seed_corpus):
    from discourse import words
    from discourse.framing._tokens import _doc_tokens

    ann = text.annotate(seed_corpus)
    toks = _doc_tokens(ann)[str(seed_corpus["doc_id"].iloc[0])]
    shared = ann.tokens
    starts, ends = set(shared["start"]), set(shared["end"])
    # every framing token is one or more shared tokens joined ("Gen." "U.S." "soldiers'")
    assert all(t.start in starts and t.end in ends for t in toks)
    joined = [t.text for t in toks if t.end - t.start > 1 and not words.WORD_PATTERN.fullmatch(t.text)]
    assert joined and all(j.endswith((".", "'", "\u2019")) or "-" in j or "," in j for j in joined)
    assert words.PRONOUNS <= words.PRONOUN_WORDS and "the" in words.DETERMINERS
    assert {"spokesman", "officials"} <= words.ROLE_HOLDERS and "ministry" not in words.RANK_WORDS


def test_options_are_checked_and_the_old_argument_order_is_named():
    corpus = docs("The war began.", outlets=["A"])
    with pytest.raises(ValueError, match="voice must be None"):
        framing.score(corpus, voice="all")
    with pytest.raises(ValueError, match="period must be one of"):
        framing.aggregate(corpus, period="fortnight")
    s = framing.score(corpus)
    with pytest.raises(TypeError, match="pass the corpus first"):
        framing.aggregate(s, corpus)
    with pytest.raises(TypeError, match="output of framing.score"):
        framing.aggregate(corpus, corpus)
    with pytest.raises(ValueError, match="lexicon and voice apply when the scores are computed here"):
        framing.primary(s, voice="authorial")
    pd.testing.assert_frame_equal(framing.primary(corpus), framing.primary(s))
    assert framing.primary(corpus, lexicon={"war": ["war"]})["frame"].tolist() == ["war"]
    with pytest.raises(KeyError, match="pass by=None"):
        framing.aggregate(corpus.drop(columns="outlet"))
    pooled = framing.aggregate(corpus.drop(columns="outlet"), by=None, n_boot=10)
    assert pooled.columns.tolist() == ["frame", "estimate", "ci_low", "ci_high", "n_docs", "few_docs"]
    with pytest.raises(FileNotFoundError, match="lexicon 'nope.csv' is neither"):
        framing.score(corpus, lexicon="nope.csv")
    # match= is the default for patterns whose lexicon does not say
    fixed = framing.score(docs("The war* began."), lexicon={"w": ["war*"]}, match="fixed")
    assert fixed["n"].tolist() == [1]
    assert framing.score(docs("The warriors came."), lexicon={"w": ["war*"]})["n"].tolist() == [1]


def test_classifier_reads_a_corpus_or_its_annotations():
    texts, labels = coded_sample(40)
    corpus = pd.DataFrame({"doc_id": [f"c{i}" for i in range(len(texts))], "outlet": "x", "text": texts})
    clf = framing.FrameClassifier(min_df=1).fit(corpus, labels)
    assert clf.predict(text.Annotations(corpus)) == clf.predict(texts)


# ------------------------------------------- issue #13: actor labels on real news
# team-written sentences in the constructions of wire and web news
NEWS = {
    "verb": "Police detained illegal immigrants on Monday.",
    "helps": "The charity helps undocumented immigrants find lawyers.",
    "subject": "Undocumented immigrants filed a lawsuit.",
    "taliban": "The Taliban Islamist insurgency grew.",
    "ice": "ICE agents arrested undocumented immigrants in Texas.",
    "frost": "Ice formed on the roads.",
    "dateline": "KABUL (Reuters) \u2014 The Afghan government said it would not resign.",
    "caption": "Hide caption President Trump spoke on Friday.",
    "credit": "Getty Images Donald Trump arrives in Ohio.",
    "byline": "By Jane Q. Example\n\nPresident Trump said the Trump administration doesn't know why immigrants left.",
    "byline_inline": "By Jane Example President Trump spoke.",
    "aux": "Border officials have detained immigrants. They were undocumented immigrants.",
    "adverb": "The newly arrived immigrants waited. Two detained immigrants fled.",
    "infinitive": "Congress voted to help undocumented immigrants.",
    "gerund": "Allies focused on isolating North Korea, said the powerful EPA.",
    "headline": "JUST IN: EPA Unveils New Rules\n\nThe EPA will regulate North Korea.",
    "time": "On Tuesday afternoon President Trump signed it. Saturday US President Trump flew home.",
    "pronoun_verb": "We thank President Trump for the visit. I think President Trump erred.",
    "honorific": "After the announcement Mr Trump left. The late Mr Trump was praised.",
    "neither": "Neither Trump nor the EPA replied.",
}
NEWS_ACTORS = {"immigrants": ["immigrants"], "Taliban": ["Taliban"], "ICE": ["ICE"], "Trump": ["Trump"],
               "Afghan government": ["Afghan government", "Kabul"], "EPA": ["EPA"],
               "North Korea": ["North Korea"]}


def _news_labels(**kw):
    corpus = pd.DataFrame({"doc_id": list(NEWS), "text": list(NEWS.values())})
    lab = framing.actor_labels(corpus, NEWS_ACTORS, sentiment=NO_SENT, **kw)
    return {d: [(a, lb if isinstance(lb, str) else None) for a, lb in zip(g["actor"], g["label"])]
            for d, g in lab.groupby("doc_id", sort=False)}


def test_labels_keep_their_modifiers_wherever_the_mention_sits():
    got = _news_labels()
    assert got["verb"] == [("immigrants", "illegal immigrants")]
    assert got["helps"] == [("immigrants", "undocumented immigrants")]
    assert got["subject"] == [("immigrants", "Undocumented immigrants")]
    assert got["taliban"] == [("Taliban", "Islamist insurgency")]
    assert got["ice"] == [("ICE", "agents"), ("immigrants", "undocumented immigrants")]
    assert got["aux"] == [("immigrants", "immigrants"), ("immigrants", "undocumented immigrants")]
    assert got["adverb"] == [("immigrants", "newly arrived immigrants"), ("immigrants", "detained immigrants")]
    assert got["infinitive"] == [("immigrants", "undocumented immigrants")]
    assert got["gerund"] == [("North Korea", None), ("EPA", "powerful")]


def test_labels_are_noun_phrases_never_verbs_function_words_bylines_or_credits():
    got = _news_labels()
    assert got["caption"] == [("Trump", "President")]
    assert got["credit"] == [("Trump", None)]  # not "Images", not "arrives"
    assert got["byline"] == [("Trump", "President"), ("Trump", "administration"), ("immigrants", "immigrants")]
    assert got["byline_inline"] == [("Trump", "President")]
    assert got["headline"] == [("EPA", None), ("EPA", None), ("North Korea", None)]  # "Unveils" is a verb
    labels = {lb for rows in got.values() for _, lb in rows if lb}
    # a day or time, a verb after a subject pronoun and a noun before an honorific are not modifiers
    assert got["time"] == [("Trump", "President"), ("Trump", "US President")]
    assert got["pronoun_verb"] == [("Trump", "President"), ("Trump", "President")]
    assert got["honorific"] == [("Trump", None), ("Trump", "late")]
    assert got["neither"] == [("Trump", None), ("EPA", None)]
    for junk in ("doesn't", "why", "arrives", "Images", "caption", "Example", "detained illegal", "Tuesday",
                 "afternoon", "thank", "think", "announcement", "Neither"):
        assert not any(junk in lb for lb in labels), junk


def test_all_capitals_aliases_match_in_exact_case_and_datelines_are_mentions():
    got = _news_labels()
    assert "frost" not in got  # "ICE" is not "Ice"
    assert got["dateline"] == [("Afghan government", None), ("Afghan government", "government")]
    loose = _news_labels(case_sensitive=False)
    assert loose["frost"] == [("ICE", None)]
    exact = _news_labels(case_sensitive=True)
    assert exact["dateline"] == [("Afghan government", "government")]  # "Kabul" is not "KABUL"
    with pytest.raises(ValueError, match="case_sensitive must be True, False or None"):
        framing.actor_labels(docs("x"), {"a": ["x"]}, case_sensitive="auto")


def test_actor_labels_sentiment_and_terms_share_one_alias_matcher(seed_corpus):
    from discourse import sentiment
    from discourse.terms._mentions import mentions as alias_mentions

    lab = framing.actor_labels(seed_corpus, AFGHAN, sentiment=NO_SENT)
    m = sentiment.mentions(seed_corpus, AFGHAN)
    hits = lab.drop_duplicates(["doc_id", "match_start"])
    assert hits["match_start"].tolist() == m["start"].tolist()
    assert hits["match"].tolist() == m["match"].tolist()
    assert hits["voice"].tolist() == m["voice"].tolist()
    # the seed's "Kabul-based think tank" is no mention; "the Kabul airport" is
    assert "Kabul" in m["match"].tolist()
    text = seed_corpus["text"].iloc[0]
    assert all(not text[e:].startswith("-") for e in m["end"])
    ref = alias_mentions(seed_corpus, lexicon.from_dict(AFGHAN))
    assert ref["start"].tolist() == m["start"].tolist()


# ------------------------------------------------ the calibrated presence rule (#14)
#: one indicator per generic frame that indicates no other frame
ONE_WORD = {"conflict": "war", "human_interest": "tragedy", "responsibility": "solution",
            "morality": "moral", "economic": "money"}


def _dense(frame, k, n_words=1000, filler="stone"):
    """A one-sentence text of ``n_words`` words, ``k`` of them indicators of ``frame``."""
    return " ".join([filler] * (n_words - k) + [ONE_WORD[frame]] * k)


def test_calibrated_rule_is_the_default_and_holds_each_frame_to_its_rate():
    assert framing.CALIBRATED == {"conflict": 0.0, "human_interest": 9.0, "responsibility": 10.0,
                                  "morality": 3.0, "economic": 12.0}
    for frame, threshold in framing.CALIBRATED.items():
        k = max(int(threshold), 1)  # thresholds are whole indicators per 1,000 words
        s = framing.score(docs(_dense(frame, k), _dense(frame, k - 1))).set_index(["doc_id", "frame"])
        assert s.loc[("d0", frame), "n"] == k and s.loc[("d0", frame), "rate"] == pytest.approx(k)
        assert s.loc["d0", "n"].sum() == k  # the word indicates no other frame
        assert s.loc[("d0", frame), "present"], frame
        assert not s.loc[("d1", frame), "present"], frame
        assert s["present"].sum() == 1


def test_calibrated_rule_one_word_makes_a_short_article_but_not_a_long_one():
    short = "The new bridge will cost a lot, the mayor told reporters on Monday."  # 13 words
    long_ = short + " " + " ".join(["The river ran past the stone mill under a grey sky."] * 9)  # 13 + 99
    s = framing.score(docs(short, long_, "The war began. " + " ".join(["stone"] * 997))).set_index(["doc_id", "frame"])
    assert s.loc[("d0", "economic"), "n"] == 1 and s.loc[("d1", "economic"), "n"] == 1
    assert s.loc[("d0", "economic"), "rate"] == pytest.approx(1000 / 13)
    assert s.loc[("d1", "economic"), "rate"] == pytest.approx(1000 / 112)  # under 12
    assert s.loc[("d0", "economic"), "present"] and not s.loc[("d1", "economic"), "present"]
    # conflict needs any indicator: one word in 1,000 is enough
    assert s.loc[("d2", "conflict"), "rate"] == pytest.approx(1.0) and s.loc[("d2", "conflict"), "present"]
    assert s["present"].sum() == 2


def test_old_any_indicator_rule_and_other_thresholds_by_option():
    corpus = docs(_dense("economic", 1), _dense("economic", 2), "")
    any_ = framing.score(corpus, min_rate=None).set_index(["doc_id", "frame"])["present"]
    assert any_[("d0", "economic")] and any_[("d1", "economic")] and any_.sum() == 2
    two = framing.score(corpus, min_rate=None, min_count=2).set_index(["doc_id", "frame"])["present"]
    assert two[("d1", "economic")] and two.sum() == 1
    own = framing.score(corpus, min_rate={"economic": 2}).set_index(["doc_id", "frame"])["present"]
    assert own[("d1", "economic")] and own.sum() == 1
    assert not framing.score(corpus, min_rate=3)["present"].any()
    assert not framing.score(docs(""))["present"].any()  # no words: no rate, nothing present
    with pytest.raises(ValueError, match="min_rate must be a number"):
        framing.score(corpus, min_rate=[1, 2])


def test_calibrated_rule_applies_to_the_bundled_generic_frames_only():
    corpus = docs(_dense("economic", 1))
    mine = framing.score(corpus, lexicon={"economic": ["money"]})
    assert mine["present"].tolist() == [True]  # a user's lexicon: any indicator
    both = framing.score(corpus, lexicon="all").set_index("frame")
    assert both.loc["generic:economic", "n"] == 1 and not both.loc["generic:economic", "present"]
    assert both.loc["policy:economic", "n"] == 1 and both.loc["policy:economic", "present"]


def test_calibrated_rule_at_sentence_level_means_any_indicator():
    # one economic word in a 100-word sentence: present in the sentence, not the document
    corpus = docs(_dense("economic", 1, n_words=100) + ". The war began.")
    doc = framing.score(corpus).set_index("frame")
    assert not doc.loc["economic", "present"] and doc.loc["conflict", "present"]
    sent = framing.score(corpus, level="sentence")
    got = sent[sent["present"]][["sent_id", "frame"]].values.tolist()
    assert got == [[0, "economic"], [1, "conflict"]]
    assert sent["present"].tolist() == framing.score(corpus, level="sentence", min_rate=None)["present"].tolist()
    # an explicit threshold applies to sentences too: 10 per 1,000 words is under 12
    strict = framing.score(corpus, level="sentence", min_rate={"economic": 12})
    assert strict[strict["present"]]["frame"].tolist() == ["conflict"]


def test_longest_per_frame_equals_the_greedy_rule_on_generated_matches():
    import random

    from discourse.framing._common import _longest_keep

    rng = random.Random(5)
    for _ in range(200):
        n = rng.randint(0, 30)
        group = np.array([rng.randint(0, 3) for _ in range(n)], dtype=np.int64)
        st = np.array([rng.randint(0, 40) for _ in range(n)], dtype=np.int64)
        en = st + np.array([rng.randint(1, 12) for _ in range(n)], dtype=np.int64)
        want = np.zeros(n, dtype=bool)  # the rule: per group, longest, earliest, first row
        for g in set(group.tolist()):
            taken = []
            for j in sorted(np.flatnonzero(group == g), key=lambda j: (-(en[j] - st[j]), st[j], j)):
                if all(en[j] <= a or st[j] >= b for a, b in taken):
                    taken.append((st[j], en[j]))
                    want[j] = True
        assert _longest_keep(group, st, en).tolist() == want.tolist()


def test_score_sentences_with_a_word_in_two_frames_weights_and_voice():
    corpus = docs('The war cost a fortune. "War is a crime," she said. Costs and war-costs rose.')  # war-costs: war + costs
    lex = pd.DataFrame({"pattern": ["war", "war", "cost*", "crime"],
                        "category": ["conflict", "economic", "economic", "morality"],
                        "weight": [1.0, 0.25, 2.0, 1.0], "note": "", "match": "glob"})
    s = framing.score(corpus, lexicon=lex, level="sentence")
    n = s.pivot(index="sent_id", columns="frame", values="n")[["conflict", "economic", "morality"]]
    assert n.values.tolist() == [[1.0, 2.25, 0.0], [1.0, 0.25, 1.0], [1.0, 4.25, 0.0]]
    own = framing.score(corpus, lexicon=lex, level="sentence", voice="authorial")
    assert own.pivot(index="sent_id", columns="frame", values="n").loc[1].tolist() == [0.0, 0.0, 0.0]
    assert own.loc[own["sent_id"] == 1, "rate"].isna().tolist() == [False] * 3  # "she said": two words


# ------------------------------------------- labels and sources: constructions of real news
def _labels(text, actors=None):
    lab = framing.actor_labels(pd.DataFrame({"doc_id": ["d"], "text": [text]}), actors or {"Haldane": ["Haldane"]},
                               sentiment=NO_SENT)
    return [(lb if isinstance(lb, str) else None, kind if isinstance(kind, str) else None)
            for lb, kind in zip(lab["label"], lab["label_type"])]


def test_honorifics_opening_adverbials_and_verbs_are_not_labels():
    assert _labels("Mr. Haldane signed the port bill on Friday.") == [(None, None)]  # "Mr." is no label
    # after an honorific the name is whole: the verb's object is not part of the mention
    assert _labels("The council voted to give Mr. Haldane budget authority.") == [(None, None)]
    # a noun phrase after a sentence-opening preposition is an adverbial, not an apposition
    assert _labels("During the 2019 campaign, Mr. Haldane promised a new bridge.") == [(None, None)]
    assert _labels("According to the Times, President Haldane left.") == [("President", "modifier")]
    # a plain word after a plural subject is its verb
    assert _labels("Voters agree Haldane will win.") == [(None, None)]
    assert _labels("Many Republicans hate Haldane.") == [(None, None)]
    # ... but an agent noun after a plural modifier, and an adjective after a verb, stay
    assert _labels("The civil rights activist Haldane spoke.") == [("civil rights activist", "modifier")]
    assert _labels("The charity helps poor immigrants.", {"immigrants": ["immigrants"]}) == [
        ("poor immigrants", "modifier")]
    # an apposition after a prepositional object is still one
    assert _labels("The chairman of the port board, Tom Haldane, spoke.")[-1] == ("chairman of the port board",
                                                                                    "appositive")


def test_tone_toward_an_actor_keeps_the_verb_before_it():
    m = sentiment.mentions(pd.DataFrame({"doc_id": ["d"], "text": ["Many Republicans hate Haldane."]}),
                           {"Haldane": ["Haldane"]})
    assert m["left_out"].tolist() == ["Haldane"] and m["compound"].iloc[0] < -0.5  # "hate" is scored


def test_sources_without_sentence_openers_and_with_unresolved_pronouns_apart():
    def src(*texts):
        docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
        return framing.sources(docs, by=None)[["speaker", "affiliation", "title", "n_docs", "n_quotes"]]
    got = src('But Sen. Maria Lopez said the harbor plan "is a giveaway to developers."')
    assert got.values.tolist() == [["Maria Lopez", None, "Sen.", 1, 1]]
    got = src('While President Olsen spoke, protesters gathered. "We will build the bridge," Olsen said.')
    assert got[["affiliation", "title"]].values.tolist() == [[None, "President"]]
    # "he" in two articles is nobody in particular: one row named for what it is
    got = src('The harbor reopened on Monday.\n\n"Business is back," he said.',
              'Rain fell all week.\n\n"The roads are flooded," he said.')
    assert got.values.tolist() == [["(unresolved pronoun)", None, None, 2, 2]]
