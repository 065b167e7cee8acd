"""API consistency across the package: analyses never mutate their inputs, return tidy
tables with the shared column names and dtypes, and spell their options the same way
(data first, then ``*``, keyword-only options)."""
from __future__ import annotations

import copy
import inspect
import typing

import pandas as pd
import pytest

from discourse import (batch, corpus, effects, framing, keyness, lexicon, plots, quotes, sentiment, stats,
                       terms, text, topics, validate)

ACTORS = {"United States": ["United States", "US", "Pentagon", "Washington"],
          "Taliban": ["Taliban"]}


# ------------------------------------------------------------------------ helpers
def _snapshot(obj):
    return copy.deepcopy(obj)


def _assert_attrs_equal(a: dict, b: dict):
    assert set(a) == set(b)
    for k in a:
        if isinstance(a[k], pd.DataFrame):
            pd.testing.assert_frame_equal(a[k], b[k])
        else:
            assert a[k] == b[k], k


def _assert_unchanged(before, after):
    if isinstance(before, pd.DataFrame):
        pd.testing.assert_frame_equal(after, before, check_exact=True)
        _assert_attrs_equal(before.attrs, after.attrs)
    else:
        assert after == before


@pytest.fixture(scope="module")
def demo_small():
    """Three articles per outlet of the synthetic demo corpus (12 documents)."""
    from discourse.figures import corpus_path

    full = corpus.load(corpus_path("demo"))
    small = full.groupby("outlet", sort=True).head(3).reset_index(drop=True)
    small.attrs = dict(full.attrs)
    return small


@pytest.fixture(scope="module")
def seed(_seed_corpus):
    return _seed_corpus


# Each case: a name and a function of (seed corpus, demo slice) returning
# (callable, list of inputs). The inputs are deep copies; the callable is called on them
# and each input must come back exactly as it was.
def _q(seed):
    return quotes.find(seed)


def _matches(seed):
    return terms.find(seed)


def _scores(demo):
    return framing.score(demo)


CASES = {
    "corpus.load": lambda s, d: (lambda c: corpus.load(c), [s]),
    "corpus.validate": lambda s, d: (lambda c: corpus.validate(c), [s]),
    "text.paragraphs": lambda s, d: (text.paragraphs, [s]),
    "text.sentences": lambda s, d: (text.sentences, [s]),
    "text.tokens": lambda s, d: (text.tokens, [s]),
    "text.annotate": lambda s, d: (lambda c: text.annotate(c).tokens.copy(), [s]),
    "text.dtm": lambda s, d: (lambda c: text.dtm(c, voice="authorial").to_frame(), [s]),
    "quotes.find": lambda s, d: (quotes.find, [s]),
    "terms.find": lambda s, d: (terms.find, [s]),
    "terms.find_loaded": lambda s, d: (terms.find_loaded, [s]),
    "terms.rates": lambda s, d: (lambda m, c: terms.rates(m, c, by="outlet", n_boot=20),
                                 [_matches(s), s]),
    "terms.rates[document]": lambda s, d: (lambda m, c: terms.rates(m, c, by="doc_id"), [_matches(s), s]),
    "terms.kwic": lambda s, d: (lambda c, m: terms.kwic(c, m), [s, _matches(s)]),
    "terms.kwic[pattern]": lambda s, d: (lambda c: terms.kwic(c, "strike*"), [s]),
    "terms.scare_terms": lambda s, d: (terms.scare_terms, [s]),
    "sentiment.score": lambda s, d: (lambda c: sentiment.score(c, level="paragraph", n_boot=20), [s]),
    "sentiment.arc": lambda s, d: (lambda c: sentiment.arc(c, n_boot=20), [s]),
    "sentiment.mentions": lambda s, d: (lambda c: sentiment.mentions(c, ["Taliban"]), [s]),
    "sentiment.toward": lambda s, d: (lambda c: sentiment.toward(c, ACTORS, n_boot=20), [s]),
    "sentiment.summarize": lambda s, d: (lambda u: sentiment.summarize(u, by="doc_id", n_boot=20),
                                         [sentiment.score(s)]),
    "topics.fit": lambda s, d: (lambda c: topics.fit(c, 3, min_df=1).doc_topics, [d]),
    "topics.prevalence": lambda s, d: (lambda c: topics.prevalence(topics.fit(c, 3, min_df=1), c,
                                                                   n_boot=20), [d]),
    "topics.coherence": lambda s, d: (lambda c: topics.coherence(topics.fit(c, 3, min_df=1), c),
                                      [d]),
    "topics.search_k": lambda s, d: (lambda c: topics.search_k(c, [2, 3], n_seeds=1, min_df=1),
                                     [d]),
    "framing.score": lambda s, d: (framing.score, [s]),
    "framing.score[sentence]": lambda s, d: (lambda c: framing.score(c, level="sentence"), [s]),
    "framing.primary": lambda s, d: (framing.primary, [_scores(d)]),
    "framing.aggregate": lambda s, d: (lambda c, f: framing.aggregate(c, f, period="W", n_boot=20),
                                       [d, _scores(d)]),
    "framing.actor_labels": lambda s, d: (lambda c: framing.actor_labels(c, ACTORS), [s]),
    "framing.label_summary": lambda s, d: (framing.label_summary,
                                           [s, framing.actor_labels(s, ACTORS)]),
    "framing.sources": lambda s, d: (lambda c: framing.sources(c, by="doc_id"), [s]),
    "framing.sources[outlet]": lambda s, d: (framing.sources, [s]),
    "effects.estimate": lambda s, d: (lambda f, c: effects.estimate(f, c, "share ~ outlet"),
                                      [_scores(d), d]),
    "stats.bootstrap": lambda s, d: (lambda f: stats.bootstrap(f, "share", by="frame", n_boot=20),
                                     [_scores(d)]),
}


@pytest.fixture(scope="module")
def results(seed, demo_small):
    """Run every case once: (inputs before, inputs after, result)."""
    out = {}
    for name, case in CASES.items():
        func, inputs = case(_snapshot(seed), _snapshot(demo_small))
        before = [_snapshot(x) for x in inputs]
        result = func(*inputs)
        out[name] = (before, inputs, result)
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_analysis_never_mutates_its_inputs(results, name):
    before, after, _ = results[name]
    for b, a in zip(before, after):
        _assert_unchanged(b, a)


@pytest.mark.parametrize("name", list(CASES))
def test_analysis_returns_a_new_tidy_dataframe(results, name):
    before, after, result = results[name]
    assert isinstance(result, pd.DataFrame)
    assert all(result is not x for x in after)
    assert result.columns.is_unique
    assert all(isinstance(c, str) for c in result.columns)
    assert isinstance(result.index, pd.RangeIndex) and result.index.start == 0


# shared columns: ids, offsets and counts are int64; ids and labels are strings
INT_COLUMNS = ("para_id", "sent_id", "token_id", "start", "end", "n", "n_docs", "topic")
STR_COLUMNS = ("doc_id", "term", "category", "outlet", "voice", "speaker", "match",
               "pattern", "frame", "target", "actor", "label")
#: deliberate exceptions, each with its reason
NULLABLE = {
    # a mention outside every scored sentence has no sent_id
    ("framing.actor_labels", "sent_id"): "Int64",
}


@pytest.mark.parametrize("name", list(CASES))
def test_shared_columns_have_shared_dtypes(results, name):
    _, _, result = results[name]
    for col in INT_COLUMNS:
        if col in result.columns:
            want = NULLABLE.get((name, col), "int64")
            assert str(result[col].dtype) == want, (name, col, result[col].dtype)
    for col in STR_COLUMNS:
        if col in result.columns and result[col].notna().any():
            assert pd.api.types.is_string_dtype(result[col]), (name, col, result[col].dtype)
            assert result[col].dtype != object, (name, col)
    if "published" in result.columns:
        assert pd.api.types.is_datetime64_dtype(result["published"])
    if "doc_id" in result.columns and name not in OWN_ID_DTYPE:
        # the corpus's own id dtype, so results merge with it (and each other) losslessly
        assert str(result["doc_id"].dtype) == "string", (name, result["doc_id"].dtype)


#: analyses that still return doc_id as the default "str" dtype (see docs/api.md)
#: (summarize: group keys rebuilt by stats.bootstrap_ratio)
OWN_ID_DTYPE = {"sentiment.summarize"}


def test_results_merge_with_the_corpus_on_doc_id_without_object_fallback(results, seed):
    for name in ("text.sentences", "quotes.find", "terms.find", "sentiment.mentions", "framing.score",
                 "framing.actor_labels", "framing.sources"):
        merged = results[name][2][["doc_id"]].merge(seed[["doc_id", "outlet"]], on="doc_id")
        assert str(merged["doc_id"].dtype) == "string", name
        assert len(merged) == len(results[name][2]), name


def test_offsets_index_into_the_corpus_text(results, seed):
    body = str(seed["text"].iloc[0])
    for name in ("text.sentences", "terms.find", "sentiment.mentions", "quotes.find"):
        res = results[name][2]
        assert len(res) > 0, name
        assert ((res["start"] >= 0) & (res["end"] <= len(body)) & (res["start"] <= res["end"])).all()
    m = results["terms.find"][2]
    assert all(body[a:b] == t for a, b, t in zip(m["start"], m["end"], m["match"]))


# ------------------------------------------------------------------- signatures
def _public(module):
    return [(f"{module.__name__.split('.', 1)[1]}.{n}", getattr(module, n)) for n in module.__all__
            if inspect.isfunction(getattr(module, n))]


DATA_MODULES = (corpus, text, quotes, lexicon, terms, sentiment, topics, framing, effects, stats, keyness, validate, batch)
FUNCTIONS = [f for m in DATA_MODULES for f in _public(m)]
PLOTS = _public(plots)

#: helpers whose second positional argument is part of the input, not an option
SECOND_INPUT = {
    ("corpus.doc_id", "source_key"),         # a hash of (text, key)
    ("terms.find", "lexicon"),               # the lexicon to match (default: loaded language)
    ("framing.aggregate", "scores"),         # the scores of the corpus (computed when omitted)
    ("sentiment.summarize", "value"),        # the column to summarise, as in stats.bootstrap
    ("effects.estimate", "formula"),         # the model, as in statsmodels' ols(formula, data)
    ("plots.article_map", "quotes"),
    ("corpus.query", "sql_or_filters"),      # issue #18 contract: query(path, sql_or_filters); None = every row
}
#: functions that take no data table (readers of bundled data, string helpers)
NO_DATA = {"lexicon.read", "framing.dictionary", "quotes.reporting_verbs", "text.clear_cache"}

#: n_boot defaults other than 1000, each with its reason
N_BOOT_DEFAULT = {
    "sentiment.score": 0,  # one interval per paragraph/document only when asked (issue #10)
    "keyness.score": 0,  # issue #16 contract: token statistics; document intervals when asked
    "validate.alpha": 0, "validate.kappa": 0, "validate.percent_agreement": 0,  # issue #11 contract
}

#: spellings that other libraries use for an option that has one name here
SYNONYMS = {
    "seed": "random_state", "rng": "random_state", "random_seed": "random_state",
    "n_bootstrap": "n_boot", "n_boots": "n_boot", "nboot": "n_boot", "n_resamples": "n_boot",
    "bootstrap": "n_boot", "alpha": "ci", "conf_level": "ci", "confidence": "ci", "level_ci": "ci",
    "group_by": "by", "groupby": "by", "groups": "by", "group": "by",
    "valuetype": "match", "match_type": "match", "pattern_type": "match", "regex": "match",
    "glob": "match", "sents": "sentences", "sentence_table": "sentences",
    "freq_period": "period", "granularity": "level", "unit_level": "level",
}


def _literals(hint) -> set:
    """All string values of the Literal types inside a type hint."""
    if typing.get_origin(hint) is typing.Literal:
        return set(typing.get_args(hint))
    return set().union(*(_literals(a) for a in typing.get_args(hint)))


@pytest.mark.parametrize("name,func", FUNCTIONS + PLOTS, ids=[n for n, _ in FUNCTIONS + PLOTS])
def test_data_first_then_keyword_only_options(name, func):
    params = list(inspect.signature(func).parameters.values())
    if name not in NO_DATA:
        assert params, name
        first = params[0]
        assert first.kind in (first.POSITIONAL_ONLY, first.POSITIONAL_OR_KEYWORD), name
        assert first.default is first.empty, f"{name}: the data argument has no default"
    for p in params[1:]:
        if p.kind is p.POSITIONAL_OR_KEYWORD and p.default is not p.empty:
            assert (name, p.name) in SECOND_INPUT, f"{name}: option {p.name!r} is not keyword-only"


@pytest.mark.parametrize("name,func", FUNCTIONS + PLOTS, ids=[n for n, _ in FUNCTIONS + PLOTS])
def test_shared_options_have_one_name_and_one_default(name, func):
    sig = inspect.signature(func)
    hints = typing.get_type_hints(func) if "match" in sig.parameters else {}
    for p in sig.parameters.values():
        assert p.name not in SYNONYMS, f"{name}: {p.name!r} should be {SYNONYMS[p.name]!r}"
        if p.name == "random_state":
            assert p.default == 0, name
        elif p.name == "n_boot":
            assert p.default == N_BOOT_DEFAULT.get(name, 1000), name
        elif p.name == "ci":
            assert p.default == 0.95, name
        elif p.name == "ax":
            assert p.kind is p.KEYWORD_ONLY and p.default is None, name
        elif p.name == "match":
            assert {"fixed", "glob", "regex"} <= _literals(hints["match"]), name


@pytest.mark.parametrize("name,func", PLOTS, ids=[n for n, _ in PLOTS])
def test_plot_functions_draw_on_an_axes_or_figure(name, func):
    params = inspect.signature(func).parameters
    if name == "plots.quote_spans":  # the data behind article_map, not a drawing
        assert "ax" not in params
        return
    assert "ax" in params or "fig" in params, name


def test_every_module_exports_an_explicit_all():
    for m in (*DATA_MODULES, plots):
        assert len(m.__all__) == len(set(m.__all__))
        assert all(hasattr(m, n) for n in m.__all__), m.__name__


def test_unit_tables_come_from_the_shared_annotations(seed):
    ann = text.annotate(seed)
    pd.testing.assert_frame_equal(text.tokens(seed), ann.tokens)
    pd.testing.assert_frame_equal(text.sentences(ann), ann.sentences)


def test_articles_over_time_accepts_the_shared_period_option(demo_small):
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2)
    plots.articles_over_time(demo_small, period="Q", ax=a)
    plots.articles_over_time(demo_small, freq="QS", ax=b)
    assert [ln.get_ydata().tolist() for ln in a.lines] == [ln.get_ydata().tolist() for ln in b.lines]
    assert sum(sum(ln.get_ydata()) for ln in a.lines) == len(demo_small)
    plt.close(fig)
    with pytest.raises(ValueError, match="period must be one of"):
        plots.articles_over_time(demo_small, period="fortnight")


PLOT_CASES = {
    "plots.articles_over_time": ("corpus.validate", lambda d: plots.articles_over_time(d, by="outlet")),
    "plots.term_rates": ("terms.rates", lambda d: plots.term_rates(d, y="outlet", hue=None)),
    "plots.sentiment_arc": ("sentiment.arc", lambda d: plots.sentiment_arc(d)),
    "plots.sentiment_toward": ("sentiment.toward", lambda d: plots.sentiment_toward(d)),
    "plots.frame_profile": ("framing.aggregate", lambda d: plots.frame_profile(d)),
    "plots.prevalence": ("topics.prevalence", lambda d: plots.prevalence(d)),
    "plots.sources": ("quotes.find", lambda d: plots.sources(d)),
}


@pytest.mark.parametrize("name", list(PLOT_CASES))
def test_plot_functions_never_mutate_their_data_and_return_the_axes(results, name):
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes

    source, draw = PLOT_CASES[name]
    data = _snapshot(results[source][2])
    before = _snapshot(data)
    n_figs = len(plt.get_fignums())
    ax = draw(data)
    try:
        assert isinstance(ax, Axes)
        assert len(plt.get_fignums()) == n_figs + 1
        _assert_unchanged(before, data)
    finally:
        plt.close(ax.figure)
