"""Tests for discourse.topics: planted-topic recovery, determinism, hand-computed
coherence, prevalence normalisation, transform, k-search, CLI and plots."""
from __future__ import annotations

import math
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from sklearn.metrics import normalized_mutual_info_score  # noqa: E402

from discourse import plots, stats, text, topics  # noqa: E402


# ------------------------------------------------------------------ helpers
def _words(n: int, rng: np.random.Generator) -> list[str]:
    """``n`` distinct pseudo-words of three consonant-vowel syllables ("bakoti")."""
    cons, vows = list("bcdfgklmnprstvz"), list("aeiou")
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(cons) + rng.choice(vows) for _ in range(3)))
    return sorted(out)


def planted(n_docs=200, k=4, v_topic=30, v_shared=40, doc_len=60, mix=0.8, seed=0):
    """Documents drawn from known topic-word distributions.

    Each topic owns ``v_topic`` words (Dirichlet(1) weights over them); a background
    distribution covers ``v_shared`` shared words. Document d has one planted topic
    with weight ``mix``, a little of every other topic, and background for the rest.
    Returns the corpus, the planted labels and (vocabulary, phi, background).
    """
    rng = np.random.default_rng(seed)
    vocab = np.array(_words(k * v_topic + v_shared, rng))
    phi = np.zeros((k, len(vocab)))
    for t in range(k):
        phi[t, t * v_topic:(t + 1) * v_topic] = rng.dirichlet(np.ones(v_topic))
    bg = np.zeros(len(vocab))
    bg[k * v_topic:] = rng.dirichlet(np.ones(v_shared))
    labels = rng.integers(0, k, n_docs)
    texts = []
    for d in range(n_docs):
        theta = np.full(k, (1 - mix) / (k - 1) * 0.5)
        theta[labels[d]] = mix
        p = theta @ phi + (1 - theta.sum()) * bg
        texts.append(" ".join(rng.choice(vocab, size=doc_len, p=p / p.sum())))
    df = pd.DataFrame({"doc_id": [f"d{i:04d}" for i in range(n_docs)], "text": texts})
    return df, labels, (vocab, phi, bg)


def dominant(long: pd.DataFrame, ids) -> np.ndarray:
    wide = long.pivot(index="doc_id", columns="topic", values="share")
    return wide.loc[list(ids)].to_numpy().argmax(axis=1)


@pytest.fixture(scope="module")
def corpus4():
    return planted()


@pytest.fixture(scope="module")
def nmf4(corpus4):
    df, _, _ = corpus4
    return topics.fit(df, 4, method="nmf", random_state=0)


# ------------------------------------------------------------------ recovery
@pytest.mark.filterwarnings("ignore:LDA's topics depend on the seed")
@pytest.mark.parametrize("method,online", [("nmf", False), ("lda", False), ("nmf", True), ("lda", True)])
def test_planted_topics_are_recovered(corpus4, method, online):
    df, labels, _ = corpus4
    model = topics.fit(df, 4, method=method, online=online, random_state=0)
    nmi = normalized_mutual_info_score(labels, dominant(model.doc_topics, df["doc_id"]))
    assert nmi >= 0.9


def test_top_terms_come_from_the_planted_topic(corpus4, nmf4):
    df, labels, (vocab, phi, _) = corpus4
    dom = dominant(nmf4.doc_topics, df["doc_id"])
    for k in range(4):
        planted_k = np.bincount(labels[dom == k], minlength=4).argmax()
        own = set(vocab[phi[planted_k] > 0])
        top = nmf4.top_terms(5).query("topic == @k")["term"]
        assert set(top) <= own


def test_outputs_are_tidy_and_normalised(nmf4, corpus4):
    df, _, _ = corpus4
    dt, tt = nmf4.doc_topics, nmf4.term_topics
    assert list(dt.columns) == ["doc_id", "topic", "share"]
    assert list(tt.columns) == ["topic", "term", "weight"]
    assert len(dt) == len(df) * 4
    np.testing.assert_allclose(dt.groupby("doc_id")["share"].sum(), 1.0)
    np.testing.assert_allclose(tt.groupby("topic")["weight"].sum(), 1.0)
    # topics are numbered by decreasing overall prevalence
    total = dt.groupby("topic")["share"].sum().to_numpy()
    assert (np.diff(total) <= 0).all()


# ------------------------------------------------------------------ refinement (the default)
def test_refined_shares_stay_mixed_and_follow_the_clusters(corpus4, nmf4):
    df, labels, _ = corpus4
    S = nmf4.shares_
    assert nmf4.refine and nmf4.clusters_.shape == (len(df),)
    # the dominant share is the refined cluster, and the clusters are the planted topics
    assert (S.argmax(axis=1) == nmf4.clusters_).all()
    assert normalized_mutual_info_score(labels, nmf4.clusters_) == pytest.approx(1.0)
    # ... while the shares stay mixed: planted documents are 80 % one topic
    second = np.sort(S, axis=1)[:, -2]
    assert (second > 0.01).mean() > 0.5 and (S.max(axis=1) < 0.99).any()
    # new documents: the same fold-in on the fixed refined topics
    np.testing.assert_allclose(nmf4.transform(df)["share"], nmf4.doc_topics["share"], atol=1e-12)


def test_refine_false_is_the_factorisation_itself(corpus4):
    from sklearn.decomposition import NMF

    df, _, _ = corpus4  # doc ids already sorted, so the fit sees the rows in this order
    m = topics.fit(df, 4, refine=False)
    Xw = topics.Vectorizer(weighting="tfidf").fit_transform(df)
    est = NMF(4, init="nndsvda", random_state=0, max_iter=400)
    W = est.fit_transform(Xw) * est.components_.sum(axis=1)
    W /= W.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(m.shares_, W[:, m.order_])
    assert m.clusters_ is None


def test_fold_in_hand_computed():
    import scipy.sparse as sp
    from discourse.topics._refine import fold_in

    # word 0 only from topic 0, word 2 only from topic 1, word 1 equally likely from either:
    # the likelihood is a log t + c log (1 - t) + const, so t = a / (a + c)
    phi = np.array([[0.5, 0.5, 0.0], [0.0, 0.5, 0.5]])
    theta = fold_in(phi, sp.csr_matrix([[1, 5, 3], [0, 0, 0], [2, 7, 0]]))
    np.testing.assert_allclose(theta[0], [0.25, 0.75], atol=1e-9)
    assert np.isnan(theta[1]).all()
    np.testing.assert_allclose(theta[2], [1.0, 0.0], atol=1e-9)


def test_fold_in_reaches_the_maximum_where_em_crawls():
    import scipy.sparse as sp
    from scipy.optimize import minimize
    from discourse.topics._refine import fold_in

    # random topics and documents of a few words: many maxima sit on the boundary of
    # the simplex (some share exactly 0), where EM creeps towards them
    rng = np.random.default_rng(5)
    phi = rng.dirichlet(np.full(40, 0.3), size=4)
    X = sp.csr_matrix(rng.poisson(0.4, size=(60, 40)).astype(float))
    X = X[np.asarray(X.sum(axis=1)).ravel() > 0]
    theta = fold_in(phi, X)
    assert np.allclose(theta.sum(axis=1), 1) and (theta >= 0).all()
    assert (theta == 0).any()  # boundary maxima are reached exactly
    for d in range(X.shape[0]):
        x, cols = X[d].data, X[d].indices
        def nll(t, x=x, cols=cols):
            return -x @ np.log(np.maximum(t @ phi[:, cols], 1e-300))
        ref = minimize(nll, np.full(4, 0.25), method="SLSQP", bounds=[(0, 1)] * 4, options={"ftol": 1e-14},
                       constraints={"type": "eq", "fun": lambda t: t.sum() - 1})
        assert nll(theta[d]) <= ref.fun + 1e-9  # never below the optimiser's likelihood
        g = phi[:, cols] @ (x / (theta[d] @ phi[:, cols])) / x.sum()  # optimality: no topic would gain
        assert g.max() <= 1 + 1e-8 and np.allclose(g[theta[d] > 0], 1, atol=1e-8)


def test_too_many_topics_leave_empty_topics_and_a_warning(corpus4):
    df, _, _ = corpus4  # 4 planted topics, two of them in 40 documents each
    with pytest.warns(UserWarning, match=r"topics lost every document in the refinement .* refine=False"):
        m = topics.fit(df, 8)
    empty = m.components_.sum(axis=1) == 0
    assert empty.any() and (m.shares_[:, empty] == 0).all()
    assert all(m.labels[k].endswith("(empty)") for k in np.flatnonzero(empty))
    assert set(m.top_terms(5)["topic"]) == set(np.flatnonzero(~empty))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # unrefined: eight overlapping topics, no warning
        assert (topics.fit(df, 8, refine=False).components_.sum(axis=1) > 0).all()


def test_lda_warns_that_its_topics_depend_on_the_seed(corpus4):
    df, _, _ = corpus4
    with pytest.warns(UserWarning, match="LDA's topics depend on the seed"):
        topics.fit(df.head(40), 2, method="lda", max_iter=2)


# ------------------------------------------------------------------ determinism
@pytest.mark.filterwarnings("ignore:LDA's topics depend on the seed")
@pytest.mark.parametrize("method,online", [("nmf", False), ("lda", False), ("nmf", True)])
def test_same_seed_same_results(corpus4, method, online):
    df, _, _ = corpus4
    df = df.head(100)  # determinism does not need convergence: keep LDA cheap
    a = topics.fit(df, 4, method=method, online=online, random_state=3, max_iter=10)
    b = topics.fit(df, 4, method=method, online=online, random_state=3, max_iter=10)
    pd.testing.assert_frame_equal(a.top_terms(10), b.top_terms(10))
    pd.testing.assert_frame_equal(a.doc_topics, b.doc_topics)
    pd.testing.assert_frame_equal(a.term_topics, b.term_topics)


def test_input_is_not_mutated(corpus4):
    df, _, _ = corpus4
    before = df.copy()
    topics.fit(df, 4)
    pd.testing.assert_frame_equal(df, before)


# ------------------------------------------------------------------ coherence
COH_DOCS = ["apple banana", "apple banana cherry", "apple cherry", "banana"]


def test_coherence_hand_computed():
    # N = 4 documents. Document counts: D(apple)=3, D(banana)=3, D(cherry)=2;
    # D(apple,banana)=2, D(apple,cherry)=2, D(banana,cherry)=1.
    #
    # UMass (Mimno et al. 2011), pairs (higher-ranked a, lower-ranked b):
    #   log((D(a,b)+1)/D(a)):
    #   (apple, banana):  log((2+1)/3) = 0
    #   (apple, cherry):  log((2+1)/3) = 0
    #   (banana, cherry): log((1+1)/3) = log(2/3) = -0.405465
    #   mean = -0.135155
    umass = (math.log(3 / 3) + math.log(3 / 3) + math.log(2 / 3)) / 3
    #
    # NPMI = log(P(a,b) / (P(a) P(b))) / -log P(a,b), P = share of documents:
    #   (apple, banana):  log(.5 / (.75*.75)) / -log(.5)  = -0.117783 / 0.693147 = -0.169925
    #   (apple, cherry):  log(.5 / (.75*.5))  / -log(.5)  =  0.287682 / 0.693147 =  0.415037
    #   (banana, cherry): log(.25 / (.75*.5)) / -log(.25) = -0.405465 / 1.386294 = -0.292481
    #   mean = -0.015790
    npmi = (math.log(0.5 / 0.5625) / -math.log(0.5) + math.log(0.5 / 0.375) / -math.log(0.5)
            + math.log(0.25 / 0.375) / -math.log(0.25)) / 3
    assert umass == pytest.approx(-0.135155, abs=1e-6)
    assert npmi == pytest.approx(-0.015790, abs=1e-6)
    got_u = topics.coherence([["Apple", "banana", "cherry"]], COH_DOCS, measure="umass")
    got_n = topics.coherence([["apple", "banana", "cherry"]], COH_DOCS, measure="npmi")
    assert list(got_n.columns) == ["topic", "measure", "coherence"]
    assert got_u["coherence"].iloc[0] == pytest.approx(umass, abs=1e-12)
    assert got_n["coherence"].iloc[0] == pytest.approx(npmi, abs=1e-12)


def test_coherence_order_matters_for_umass_only():
    # reversed: (cherry, banana): log((1+1)/2)=0; (cherry, apple): log(3/2); (banana, apple): log(3/3)
    rev = [["cherry", "banana", "apple"]]
    u = topics.coherence(rev, COH_DOCS, measure="umass")["coherence"].iloc[0]
    assert u == pytest.approx((0 + math.log(1.5) + 0) / 3, abs=1e-12)
    n1 = topics.coherence(rev, COH_DOCS)["coherence"].iloc[0]
    n2 = topics.coherence([["apple", "banana", "cherry"]], COH_DOCS)["coherence"].iloc[0]
    assert n1 == pytest.approx(n2, abs=1e-12)


def test_coherence_edge_cases():
    docs = ["apple", "banana", "apple banana cherry", "cherry"]
    # apple and durian: durian never occurs -> pair skipped -> NaN; apple & banana
    # co-occur once: NPMI = log(.25/(.5*.5))/-log(.25) = 0
    got = topics.coherence({"x": ["apple", "banana"], "y": ["apple", "durian"]}, docs)
    assert got["topic"].tolist() == ["x", "y"]
    assert got["coherence"].iloc[0] == pytest.approx(0.0, abs=1e-12)
    assert np.isnan(got["coherence"].iloc[1])
    # never co-occurring -> -1
    assert topics.coherence([["apple", "zebra"]], ["apple", "zebra"])["coherence"].iloc[0] == -1.0
    with pytest.raises(ValueError, match="measure must be 'npmi' or 'umass'"):
        topics.coherence([["a", "b"]], docs, measure="c_v")


def test_coherence_accepts_model_and_term_table(nmf4, corpus4):
    df, _, _ = corpus4
    by_model = topics.coherence(nmf4, df, top_n=5)
    by_table = topics.coherence(nmf4.top_terms(5), df, top_n=5)
    np.testing.assert_allclose(by_model["coherence"], by_table["coherence"])
    assert (by_model["coherence"] > 0).all()  # planted topics co-occur


# ------------------------------------------------------------------ prevalence
@pytest.fixture(scope="module")
def grouped(corpus4):
    df, labels, _ = corpus4
    df = df.copy()
    # outlet "a" gets 30 documents, "b" the other 170; dates over three months
    df["outlet"] = np.where(np.arange(len(df)) < 30, "a", "b")
    df["published"] = pd.to_datetime("2024-01-05") + pd.to_timedelta(np.arange(len(df)) % 90, unit="D")
    return df


def test_prevalence_is_mean_share_and_sums_to_one(nmf4, grouped):
    prev = topics.prevalence(nmf4, grouped, by="outlet", n_boot=200)
    assert list(prev.columns) == ["outlet", "topic", "label", "share", "ci_low", "ci_high", "n_docs", "few_docs"]
    np.testing.assert_allclose(prev.groupby("outlet")["share"].sum(), 1.0)
    assert prev.groupby("outlet")["n_docs"].first().to_dict() == {"a": 30, "b": 170}
    shares = nmf4.doc_topics.merge(grouped[["doc_id", "outlet"]], on="doc_id")
    expected = shares.groupby(["outlet", "topic"])["share"].mean().to_numpy()
    np.testing.assert_allclose(prev["share"].to_numpy(), expected)
    assert (prev["ci_low"] <= prev["share"]).all() and (prev["share"] <= prev["ci_high"]).all()


def test_prevalence_by_period(nmf4, grouped):
    prev = topics.prevalence(nmf4, grouped, by="outlet", period="M", n_boot=100)
    # the same period labels as every other table (stats.period_labels), so tables join
    assert prev["period"].drop_duplicates().tolist() == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert set(prev["period"]) == set(stats.period_labels(grouped["published"], "M"))
    np.testing.assert_allclose(prev.groupby(["outlet", "period"])["share"].sum(), 1.0)
    n = prev.groupby(["outlet", "period"])["n_docs"].first()
    assert n.sum() == len(grouped)
    with pytest.raises(ValueError, match="period must be one of"):
        topics.prevalence(nmf4, grouped, period="fortnight")
    with pytest.raises(KeyError, match="not in corpus"):
        topics.prevalence(nmf4, grouped, by="section")


def test_undated_documents_are_counted_and_warned_about(nmf4, grouped):
    undated = grouped.copy()
    undated.loc[undated.index[:7], "published"] = pd.NaT
    with pytest.warns(UserWarning, match="7 undated document"):
        prev = topics.prevalence(nmf4, undated, by="outlet", period="M", n_boot=10)
    assert prev.attrs["undated"] == 7
    assert prev.groupby(["outlet", "period"])["n_docs"].first().sum() == len(grouped) - 7
    with pytest.warns(UserWarning, match="7 undated document"):
        assert topics.trajectories(nmf4, undated, period="M", n_boot=10).attrs["undated"] == 7
    assert topics.prevalence(nmf4, grouped, period="M", n_boot=10).attrs["undated"] == 0


def test_period_labels_join_other_tables(nmf4, grouped):
    prev = topics.prevalence(nmf4, grouped, by=None, period="Q", n_boot=10)
    assert prev["period"].unique().tolist() == ["2024Q1", "2024Q2"]
    counts = grouped.assign(period=stats.period_labels(grouped["published"], "Q")).groupby("period").size()
    joined = prev.merge(counts.rename("docs").reset_index(), on="period", validate="many_to_one")
    assert (joined["n_docs"] == joined["docs"]).all()
    # weekly labels build a complete weekly calendar too
    weekly = topics.trajectories(nmf4, grouped.head(20), period="W", n_boot=10)
    assert weekly["period"].iloc[0] == "2024-01-01/2024-01-07"
    assert weekly["period"].nunique() == 4  # 5 to 24 January: four Monday-Sunday weeks
    ax = plots.prevalence(weekly, topic=0)
    assert pd.to_datetime(ax.get_lines()[0].get_xdata()).strftime("%m-%d").tolist() == [
        "01-01", "01-08", "01-15", "01-22"]
    plt.close("all")


def test_trajectories_fill_empty_periods(nmf4, grouped):
    sub = grouped[(grouped["published"] < "2024-02-01") | (grouped["published"] >= "2024-03-01")]
    tr = topics.trajectories(nmf4, sub, period="M", n_boot=50)
    feb = tr[tr["period"] == "2024-02"]
    assert len(feb) == 4 and (feb["n_docs"] == 0).all() and feb["share"].isna().all()


def test_prevalence_scores_unseen_documents(nmf4, grouped):
    extra = grouped.head(10).assign(doc_id=[f"new{i}" for i in range(10)], outlet="c")
    prev = topics.prevalence(nmf4, pd.concat([grouped, extra]), by="outlet", n_boot=50)
    assert prev.loc[prev["outlet"] == "c", "n_docs"].iloc[0] == 10
    np.testing.assert_allclose(prev.groupby("outlet")["share"].sum(), 1.0)


def test_doc_topics_feed_the_effects_estimator(nmf4, grouped):
    effects = pytest.importorskip("discourse.effects")
    est = effects.estimate(nmf4.doc_topics, grouped, "share ~ outlet")
    assert sorted(est["topic"].unique()) == [0, 1, 2, 3]
    # one categorical covariate: the outlet coefficient is the difference of prevalences
    prev = topics.prevalence(nmf4, grouped, by="outlet", n_boot=10).pivot(index="topic", columns="outlet",
                                                                         values="share")
    coef = est[est["term"] == "outlet[T.b]"].set_index("topic")["estimate"]
    np.testing.assert_allclose(coef.sort_index(), prev["b"] - prev["a"], atol=1e-10)


# ------------------------------------------------------------------ transform
def test_transform_new_documents(corpus4, nmf4):
    df, labels, _ = corpus4
    # same seed: same vocabulary and topics; documents 200.. were not in the training set
    more, more_labels, _ = planted(n_docs=260, seed=0)
    new, new_labels = more.iloc[200:].reset_index(drop=True), more_labels[200:]
    out = nmf4.transform(new)
    assert list(out.columns) == ["doc_id", "topic", "share"]
    np.testing.assert_allclose(out.groupby("doc_id")["share"].sum(), 1.0)
    # map fitted topics to planted labels on the training documents, then check new ones
    dom = dominant(nmf4.doc_topics, df["doc_id"])
    mapping = {k: np.bincount(labels[dom == k], minlength=4).argmax() for k in range(4)}
    pred = np.array([mapping[k] for k in dominant(out, new["doc_id"])])
    assert (pred == new_labels).mean() >= 0.95
    # a document without any vocabulary term has no topic shares
    empty = nmf4.transform(["the and of", "zzzz qqqq"])
    assert empty["share"].isna().all()
    # training documents transformed again land on the same dominant topic
    again = nmf4.transform(df.head(20))
    assert (dominant(again, df["doc_id"].head(20)) == dom[:20]).all()


# ------------------------------------------------------------------ top terms, labels, docs
def test_relevance_matches_formula(nmf4):
    lam = 0.6
    p_w = nmf4.term_frequency_ / nmf4.term_frequency_.sum()
    phi = nmf4.components_
    tt = nmf4.top_terms(3, relevance_lambda=lam)
    for row in tt.itertuples():
        j = list(nmf4.terms_).index(row.term)
        expected = lam * math.log(phi[row.topic, j]) + (1 - lam) * math.log(phi[row.topic, j] / p_w[j])
        assert row.relevance == pytest.approx(expected, rel=1e-12)
    assert (tt.groupby("topic")["relevance"].apply(lambda s: s.is_monotonic_decreasing)).all()
    with pytest.raises(ValueError, match="relevance_lambda must be in"):
        nmf4.top_terms(3, relevance_lambda=1.5)


def test_labels_are_editable(corpus4):
    df, _, _ = corpus4
    m = topics.fit(df, 4)
    assert m.labels[0].startswith("0: ")
    m.set_labels({1: "Economy"})
    assert m.top_terms(2).query("topic == 1")["label"].unique().tolist() == ["Economy"]
    m.labels[2] = "Health"
    assert m.representative_docs(1).query("topic == 2")["label"].tolist() == ["Health"]
    m.set_labels(["a", "b", "c", "d"])
    assert m.labels == {0: "a", 1: "b", 2: "c", 3: "d"}
    with pytest.raises(ValueError, match="need 4 labels, got 2"):
        m.set_labels(["a", "b"])
    with pytest.raises(KeyError, match="no topic"):
        m.set_labels({9: "x"})


def test_summary(nmf4):
    summ = nmf4.summary(3)
    assert list(summ.columns) == ["topic", "label", "prevalence", "top_terms"]
    np.testing.assert_allclose(summ["prevalence"], nmf4.doc_topics.groupby("topic")["share"].mean())
    assert summ["prevalence"].sum() == pytest.approx(1.0)
    assert summ["top_terms"].iloc[0] == ", ".join(nmf4.top_terms(3).query("topic == 0")["term"])


def test_representative_docs(nmf4, corpus4):
    df, _, _ = corpus4
    rep = nmf4.representative_docs(3, width=50)
    assert list(rep.columns) == ["topic", "label", "rank", "doc_id", "share", "snippet"]
    assert rep.groupby("topic").size().tolist() == [3, 3, 3, 3]
    wide = nmf4.doc_topics.pivot(index="doc_id", columns="topic", values="share")
    for k in range(4):
        top = rep[(rep["topic"] == k) & (rep["rank"] == 1)]
        assert top["share"].iloc[0] == pytest.approx(wide[k].max())
    texts = dict(zip(df["doc_id"], df["text"]))
    for row in rep.itertuples():
        assert len(row.snippet) <= 51
        assert texts[row.doc_id].startswith(row.snippet.rstrip("…"))


def test_representative_snippet_picks_the_topic_paragraph():
    docs = pd.DataFrame({"doc_id": ["x", "y", "z", "w"], "text": [
        "Markets rallied today.\n\nTroops and airstrikes hit the province again; troops advanced.",
        "Troops airstrikes province troops.", "Budget vote budget markets.", "Budget markets vote."]})
    m = topics.fit(docs, 2, min_df=1, max_df=1.0)
    rep = m.representative_docs(4)
    tt = m.top_terms(3)
    k = int(tt.loc[tt["term"] == "troops", "topic"].iloc[0])  # the troops topic
    row = rep[(rep["doc_id"] == "x") & (rep["topic"] == k)]
    assert row["snippet"].iloc[0].startswith("Troops and airstrikes")


# ------------------------------------------------------------------ vectoriser
def test_vectorizer_terms_counts_and_tfidf():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [
        "Afghanistan's troops advanced in 2024. Troops held.",
        "The troops' budget: 5 votes.",
        "Budget vote, budget talks."]})
    vec = topics.Vectorizer(min_df=1, max_df=1.0, weighting="count")
    X = vec.fit_transform(docs).toarray()
    # possessive 's merged into its word, words with digits and stop words left out
    assert vec.terms_.tolist() == ["advanced", "afghanistan", "budget", "held", "talks", "troops", "vote", "votes"]
    np.testing.assert_array_equal(X, [[1, 1, 0, 1, 0, 2, 0, 0],
                                      [0, 0, 1, 0, 0, 1, 0, 1],
                                      [0, 0, 2, 0, 1, 0, 1, 0]])
    # idf = ln((1 + n) / (1 + df)) + 1, n = 3: df 1 -> ln 2 + 1, df 2 -> ln(4/3) + 1
    np.testing.assert_allclose(vec.idf_[[0, 2, 5]], [math.log(2) + 1, math.log(4 / 3) + 1, math.log(4 / 3) + 1])
    W = topics.Vectorizer(min_df=1, max_df=1.0, weighting="tfidf").fit_transform(docs).toarray()
    raw = X * vec.idf_
    np.testing.assert_allclose(W, raw / np.linalg.norm(raw, axis=1, keepdims=True))
    # min_df / max_df as counts and shares
    assert topics.Vectorizer(min_df=2).fit(docs).terms_.tolist() == ["budget", "troops"]
    assert topics.Vectorizer(min_df=1, max_df=0.5).fit(docs).terms_.tolist() == [
        "advanced", "afghanistan", "held", "talks", "vote", "votes"]
    # max_features: most frequent first, ties by term
    assert topics.Vectorizer(min_df=1, max_df=1.0, max_features=2).fit(docs).terms_.tolist() == ["budget", "troops"]


def test_vectorizer_on_a_document_term_matrix_matches_the_corpus(corpus4):
    df, _, _ = corpus4
    vec = topics.Vectorizer()
    from_corpus = vec.fit_transform(df)
    terms = vec.terms_.copy()
    from_dtm = topics.Vectorizer().fit_transform(text.dtm(df))
    assert (from_corpus != from_dtm).nnz == 0
    a = topics.TopicModel(4).fit(df)
    b = topics.TopicModel(4).fit(text.dtm(df))
    assert a.terms_.tolist() == terms.tolist() == b.terms_.tolist()
    pd.testing.assert_frame_equal(a.doc_topics, b.doc_topics)
    # a model fitted on a matrix has no texts: snippets need the corpus
    with pytest.raises(ValueError, match="pass corpus="):
        b.representative_docs(1)
    pd.testing.assert_frame_equal(b.representative_docs(1, corpus=df), a.representative_docs(1))
    with pytest.raises(ValueError, match=r"no 2-word terms.*ngram_range=\(2, 2\)"):
        topics.Vectorizer(ngram_range=(2, 2)).fit(text.dtm(df))


def test_vectorizer_transform_new_documents():
    vec = topics.Vectorizer(min_df=1, max_df=1.0, weighting="count").fit(["troops advanced", "budget vote"])
    X = vec.transform(["Troops, troops and a budget; unseen words", "nothing known here"]).toarray()
    assert vec.terms_.tolist() == ["advanced", "budget", "troops", "vote"]
    np.testing.assert_array_equal(X, [[0, 1, 2, 0], [0, 0, 0, 0]])
    with pytest.raises(RuntimeError, match="not fitted"):
        topics.Vectorizer().transform(["x"])
    with pytest.raises(ValueError, match="weighting must be"):
        topics.Vectorizer(weighting="bm25").fit(["a b"])
    with pytest.raises(ValueError, match=r"min_df must be a number of documents .* not 1.5"):
        topics.Vectorizer(min_df=1.5).fit(["a b"])
    with pytest.raises(ValueError, match="max_features must be a positive integer"):
        topics.Vectorizer(max_features=0).fit(["a b"])


def test_estimators_only_store_parameters():
    vec = topics.Vectorizer(min_df=3, ngram_range=(1, 2))
    m = topics.TopicModel(5, method="lda", vectorizer=vec, random_state=7, max_iter=9)
    assert (m.n_topics, m.method, m.vectorizer, m.random_state, m.max_iter) == (5, "lda", vec, 7, 9)
    assert not [k for k in vars(m) if k.endswith("_")] and not [k for k in vars(vec) if k.endswith("_")]
    # bad values are reported by fit, not by __init__ (scikit-learn's convention)
    bad = topics.TopicModel(0)
    with pytest.raises(ValueError, match="n_topics must be a positive integer"):
        bad.fit(["a b", "c d"])
    # fitting copies the vectorizer: the one given stays unfitted
    docs = ["troops advanced", "budget vote"] * 3
    fitted = topics.TopicModel(2, vectorizer=topics.Vectorizer(min_df=1)).fit(docs)
    assert not hasattr(fitted.vectorizer, "terms_") and fitted.vectorizer_.terms_.tolist() == [
        "advanced", "budget", "troops", "vote"]


def test_series_keeps_its_index_as_doc_id():
    s = pd.Series(["troops advanced", "budget vote", "troops held", "vote budget"], index=[10, 11, 12, 13])
    m = topics.fit(s, 2, min_df=1)
    assert m.doc_topics["doc_id"].unique().tolist() == ["10", "11", "12", "13"]
    assert topics.fit(s.tolist(), 2, min_df=1).doc_topics["doc_id"].unique().tolist() == ["0", "1", "2", "3"]


def test_phrases_explicit_and_detected():
    texts = ["The White House said no.", "A statement from the White House today.",
             "white. House prices rose.", "The white house was painted."] * 3
    m = topics.fit(texts, 2, vectorizer=topics.Vectorizer(phrases=["White House"], min_df=1, max_df=1.0))
    tf = dict(zip(m.terms_, m.term_frequency_))
    # 9 occurrences of the phrase (3 x 3 texts); "white. House" is two sentences, so its
    # words count on their own and only there
    assert (tf["white house"], tf["white"], tf["house"]) == (9, 3, 3)
    assert not any(" " in t and t != "white house" for t in m.terms_)
    detected = topics.fit(texts, 2, vectorizer=topics.Vectorizer(phrases=True, min_df=1, max_df=1.0))
    assert detected.vectorizer_.phrases_ == ["white house"]
    # count >= 3: NPMI of "house painted" = log((3/18) / ((12/33) (3/33))) / -log(3/18) = 0.90
    assert topics.detect_phrases(texts, min_count=3) == ["house painted", "house prices", "prices rose",
                                                         "white house"]
    with pytest.raises(ValueError, match="two-word"):
        topics.fit(texts, 2, vectorizer=topics.Vectorizer(phrases=["new york city"], min_df=1))


def test_stop_words_and_ngrams():
    m = topics.fit(["U.S. troops' advance, Afghanistan's capital. Kabul fell."] * 2 + ["budget vote"] * 2, 2,
                   vectorizer=topics.Vectorizer(min_df=1, max_df=1.0, ngram_range=(1, 2)))
    # n-grams form after stop words and possessives, inside a sentence (never "capital kabul")
    assert sorted(m.terms_) == sorted([
        "u.s", "troops", "advance", "afghanistan", "capital", "kabul", "fell", "budget", "vote",
        "u.s troops", "troops advance", "advance afghanistan", "afghanistan capital", "kabul fell",
        "budget vote"])
    custom = topics.fit(["apple the banana"] * 2 + ["cherry the date"] * 2, 2,
                        vectorizer=topics.Vectorizer(stop_words=["apple"], min_df=1, max_df=1.0))
    assert set(custom.terms_) == {"the", "banana", "cherry", "date"}


def test_ngrams_on_the_seed(seed_text):
    para = next(p for p in seed_text.split("\n\n") if p.startswith("In both Kunduz"))
    vec = topics.Vectorizer(ngram_range=(1, 2), min_df=1, max_df=1.0).fit([para, para, "budget vote"])
    uni = ["kunduz", "kandahar", "security", "forces", "afghanistan", "puppet", "government", "facing",
           "increasing", "pressure", "taliban", "respective", "provincial", "capitals"]
    # one sentence: 14 words left after stop words, so 13 bigrams ("security forces of
    # Afghanistan's" -> "forces afghanistan")
    bi = [f"{a} {b}" for a, b in zip(uni, uni[1:])]
    assert sorted(vec.terms_) == sorted(uni + bi + ["budget", "vote", "budget vote"])


def test_errors():
    docs = ["apple banana", "cherry date"] * 3
    with pytest.raises(ValueError, match="method must be 'nmf' or 'lda'"):
        topics.fit(docs, 2, method="pca")
    with pytest.raises(ValueError, match="stop_words must be"):
        topics.fit(docs, 2, vectorizer=topics.Vectorizer(stop_words="german"))
    with pytest.raises(ValueError, match="too few for 10 topics"):
        topics.fit(docs, 10)
    with pytest.raises(ValueError, match="LDA needs raw counts"):
        topics.fit(docs, 2, method="lda", vectorizer=topics.Vectorizer(weighting="tfidf"))
    with pytest.raises(TypeError, match="unexpected keyword argument 'tfidf'"):
        topics.fit(docs, 2, tfidf=True)
    with pytest.raises(TypeError, match="unexpected keyword argument 'phrases'"):  # a Vectorizer option
        topics.search_k(docs, [2], phrases=True)
    with pytest.raises(ValueError, match=r"either vectorizer= or min_df=.*topics.Vectorizer\(min_df=...\)"):
        topics.fit(docs, 2, vectorizer=topics.Vectorizer(), min_df=1)
    with pytest.raises(TypeError, match="refine must be True or False"):
        topics.fit(docs, 2, refine="yes")
    with pytest.raises(ValueError, match="no terms left"):
        topics.fit(docs, 2, min_df=100)
    with pytest.raises(ValueError, match="doc_id values must be unique"):
        topics.fit(pd.DataFrame({"doc_id": ["a", "a"], "text": ["x y", "y z"]}), 1)
    with pytest.raises(RuntimeError, match="not fitted"):
        topics.TopicModel(2).top_terms()


# ------------------------------------------------------------------ choosing k
def test_search_k_nmf(corpus4):
    df, _, _ = corpus4
    rep = topics.search_k(df, [2, 4, 6], n_seeds=3)
    assert list(rep.columns) == ["k", "npmi", "umass", "exclusivity", "unique_terms",
                                 "perplexity", "stability", "empty_topics", "n_seeds"]
    assert rep["k"].tolist() == [2, 4, 6]
    row = rep.set_index("k").loc[4]
    assert row["stability"] >= 0.95
    assert rep["perplexity"].isna().all()
    # splitting beyond the planted k makes topics unstable and less exclusive (merging
    # planted topics, k=2, does not show in these measures: see docs/topics.md)
    over = rep.set_index("k").loc[6]
    assert row["stability"] - over["stability"] > 0.1
    assert row["exclusivity"] > over["exclusivity"]
    assert row["unique_terms"] == 1.0 > over["unique_terms"]
    assert (rep["npmi"] > 0.3).all() and (rep["umass"] < 0).all()
    # a k above the corpus's clusters leaves refined topics empty
    assert row["empty_topics"] == 0 and over["empty_topics"] >= 1
    assert rep.equals(topics.search_k(df, [2, 4, 6], n_seeds=3))


def test_search_k_lda_has_perplexity(corpus4):
    df, _, _ = corpus4
    rep = topics.search_k(df.head(120), [4], method="lda", n_seeds=2)
    assert np.isfinite(rep["perplexity"].iloc[0]) and rep["perplexity"].iloc[0] > 1
    assert 0 < rep["stability"].iloc[0] <= 1


def test_search_k_reference_corpus(corpus4):
    df, _, _ = corpus4
    # a reference where the planted words never co-occur: every word its own document
    ref = [w for text in df["text"].head(5) for w in text.split()]
    rep = topics.search_k(df, [4], n_seeds=1, reference=ref)
    assert rep["npmi"].iloc[0] == -1.0
    assert np.isnan(rep["stability"].iloc[0])  # one run: nothing to compare
    with pytest.raises(ValueError, match="ks must be"):
        topics.search_k(df, [])


def test_stability_matches_permuted_topics():
    from discourse.topics._quality import _stability

    rng = np.random.default_rng(1)
    a = rng.dirichlet(np.ones(20), size=4)
    assert _stability([a, a[[2, 0, 3, 1]]]) == pytest.approx(1.0)
    # two runs with orthogonal topics: similarity 0
    e = np.eye(4)
    assert _stability([e[:2], e[2:]]) == pytest.approx(0.0)


# ------------------------------------------------------------------ plots, figures, CLI
def test_plots(nmf4, grouped):
    axes = plots.top_terms(nmf4, n=5)
    assert len(axes) == 4 and axes[0].get_title(loc="left") == nmf4.labels[0]
    assert [t.get_text() for t in axes[1].get_yticklabels()] == nmf4.top_terms(5).query("topic == 1")["term"].tolist()
    prev = topics.prevalence(nmf4, grouped, by="outlet", period="M", n_boot=50)
    ax = plots.prevalence(prev, topic=0)
    assert len(ax.get_lines()) == 2  # one line per outlet
    ax2 = plots.prevalence(topics.prevalence(nmf4, grouped, n_boot=50))
    assert len(ax2.get_yticklabels()) == 4
    rep = pd.DataFrame({"k": [2, 4], "npmi": [0.1, 0.3], "perplexity": [np.nan, np.nan],
                        "stability": [0.9, 1.0]})
    assert [a.get_title(loc="left") for a in plots.k_search(rep)] == [
        "NPMI coherence \u2191", "Stability across seeds \u2191"]
    plt.close("all")


def test_figures_draw(grouped):
    from discourse.figures import topics as topic_figs

    corpus = grouped.assign(outlet=np.where(np.arange(len(grouped)) % 2 == 0, "a", "b"))
    for fn in (topic_figs.topics_top_terms, topic_figs.topics_prevalence):
        assert fn(corpus, k=4).axes
    assert topic_figs.topics_k_search(corpus, ks=(3, 4), n_seeds=2).axes
    plt.close("all")


def test_cli_writes_tables(tmp_path, corpus4):
    from discourse import cli

    df, _, _ = corpus4
    src = tmp_path / "docs.csv"
    df.head(80).assign(outlet="x").to_csv(src, index=False)
    out = tmp_path / "out"
    assert cli.main(["topics", str(src), "--k", "4", "--out", str(out), "--quiet"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "README.md", "doc_topics.csv", "k_search.csv", "representative_docs.csv", "top_terms.csv"]
    assert pd.read_csv(out / "k_search.csv")["k"].tolist() == [2, 3, 4, 5, 6]
    dt = pd.read_csv(out / "doc_topics.csv")
    assert dt["doc_id"].nunique() == 80 and len(dt) == 320


def test_news_stop_words_default():
    docs = ["The minister said the budget cuts hurt clinics, officials told reporters."] * 3 + \
           ["Voters said the campaign polls favour the opposition, Mr Smith said."] * 3
    news = topics.fit(docs, 2, min_df=1, max_df=1.0)
    english = topics.fit(docs, 2, vectorizer=topics.Vectorizer(min_df=1, max_df=1.0, stop_words="english"))
    assert "said" not in set(news.term_topics["term"]) and "mr" not in set(news.term_topics["term"])
    assert "said" in set(english.term_topics["term"])


def test_transform_prevalence_and_trajectories_of_no_documents():
    # regression: scikit-learn rejected the empty matrix, and pd.concat the empty list
    docs = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["x", "x", "y", "y"],
                         "published": pd.to_datetime(["2021-01-01", "2021-02-01"] * 2),
                         "text": ["troops airstrikes", "troops airstrikes", "budget vote", "troops budget"]})
    m = topics.fit(docs, 2, min_df=1, max_df=1.0)
    none = docs.iloc[0:0]
    t = m.transform(none)
    assert t.empty and t.columns.tolist() == ["doc_id", "topic", "share"]
    p = topics.prevalence(m, none, n_boot=10)
    assert p.empty and p.columns.tolist() == ["outlet", "topic", "label", "share", "ci_low", "ci_high", "n_docs", "few_docs"]
    assert topics.trajectories(m, none, by="outlet", n_boot=10).empty
    full = topics.prevalence(m, docs, n_boot=10)
    assert full.groupby("outlet")["share"].sum().round(6).tolist() == [1.0, 1.0]
