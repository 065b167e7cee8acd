"""One table of every option and every shared output column of the public API.

Each keyword-only option of a public function in the data modules has one entry here:
its meaning and its default. A function whose default differs must be listed under the
option's exceptions with the reason. A new option, or a new spelling of an old one,
fails these tests until it is declared, so one name keeps one meaning.
"""
from __future__ import annotations

import inspect

import pandas as pd
import pytest

from discourse import (batch, corpus, effects, framing, keyness, lexicon, quotes, sentiment, stats, terms, text, topics,
                       validate)

MODULES = (corpus, text, quotes, lexicon, terms, sentiment, topics, framing, effects, stats, validate, keyness, batch)

#: no default: a required keyword
REQUIRED = inspect.Parameter.empty
#: the default depends on the function; each one is listed in the exceptions
VARIES = object()

# option: (meaning, default, {function: (its default, why)})
OPTIONS: dict[str, tuple[str, object, dict]] = {
    # ---- shared across analyses (STYLE.md "One meaning per name")
    "by": ("group columns; None = one group (the whole table)", "outlet", {
        "stats.bootstrap": (None, "generic statistics: no column is assumed"),
        "stats.bootstrap_ratio": (None, "generic statistics: no column is assumed"),
        "topics.trajectories": (None, "one trajectory per topic unless asked"),
        "validate.sample": (None, "issue #11 contract: a sample is stratified only when asked"),
        "validate.agreement": (None, "coding tables have no outlet column"),
        "validate.spans": (None, "coding tables have no outlet column"),
        "validate.overlaps": (None, "coding tables have no outlet column"),
        "validate.pattern_precision": ("pattern", "precision is per pattern by definition"),
        "keyness.collocations": (None, "issue #16 contract: the whole corpus unless asked"),
    }),
    "period": ("time unit of a `period` column: a key of stats.PERIODS, labels from stats.period_labels", None, {
        "topics.trajectories": ("M", "a trajectory needs a time unit"),
    }),
    "voice": ("voices kept (discourse.voice.VOICES); None = all voices; per voice via by=[..., 'voice']", None, {}),
    "match": ("how a pattern matches: 'fixed' | 'glob' | 'regex'", "glob", {
        "lexicon.read": (None, "None keeps each row's own match column"),
        "lexicon.from_dict": (None, "None keeps each row's own match column"),
        "lexicon.from_records": (None, "None keeps each row's own match column"),
    }),
    "lexicon": ("the pattern table: a lexicon DataFrame, a lexicon file or a dict category -> patterns "
                "(for quotes.find: the reporting verbs)", None, {}),
    "window": ("words (discourse.words.WORD_PATTERN) of context on each side; None = the sentence", VARIES, {
        "terms.kwic": (5, "a concordance line"),
        "sentiment.toward": (None, "the mentioning sentence"),
        "sentiment.mentions": (None, "the mentioning sentence"),
        "validate.context": (20, "a coder needs more context than a concordance line"),
        "keyness.collocations": (5, "issue #16 contract: a concordance-sized span"),
    }),
    "level": ("the unit of a score: 'sentence' | 'paragraph' | 'document' (| 'decile' of an arc)", VARIES, {
        "sentiment.arc": ("paragraph", "paragraphs or deciles along an article"),
        "sentiment.score": ("sentence", "sentence scores are the base of every aggregate"),
        "framing.score": ("document", "frames are coded per article"),
        "validate.alpha": ("nominal", "issue #11 contract: Krippendorff's level of measurement"),
        "validate.agreement": ("nominal", "Krippendorff's level of measurement, as in alpha"),
    }),
    "n_boot": ("bootstrap resamples for the intervals; 0 = no intervals (NaN)", 1000, {
        "sentiment.score": (0, "issue #10: document sentiment does not bootstrap unless asked"),
        "validate.alpha": (0, "issue #11 contract"),
        "validate.kappa": (0, "as validate.alpha"),
        "validate.percent_agreement": (0, "as validate.alpha"),
        "keyness.score": (0, "issue #16 contract: intervals on request (they multiply the work)"),
    }),
    "ci": ("coverage of the intervals", 0.95, {}),
    "random_state": ("seed of every random choice (bootstrap, sampling, model starts)", 0, {}),
    "n_jobs": ("processes for the per-document work; -1 = every core", 1, {}),
    "chunk_size": ("articles per chunk of a streaming run (memory grows with it, not with the corpus)", 1000, {}),
    "scheduler": ("where chunks run: None = this process; a dask.distributed Client or scheduler address", None, {}),
    "progress": ("tqdm bar: True, False or None (only for a long step, where someone can see it)", None, {}),
    "method": ("the algorithm", VARIES, {
        "sentiment.score": ("vader", "the reference VADER rules"), "sentiment.polarity_scores": ("vader", ""),
        "sentiment.arc": ("vader", ""), "sentiment.toward": ("vader", ""), "sentiment.mentions": ("vader", ""),
        "topics.fit": ("nmf", "recovers structure best (docs/topics.md)"), "topics.search_k": ("nmf", ""),
        "effects.estimate": ("ols", ""), "validate.kappa": ("cohen", "two coders"),
        "keyness.score": ("log_odds", "issue #16: weighted log odds, Monroe et al. 2008 (docs/keyness.md)"),
        "batch.keyness": ("log_odds", "keyness.score from a run's counts: the same default"),
    }),
    # ---- text and terms
    "train": ("train Punkt on the corpus's own texts", False, {}),
    "quotes": ("find quotations now (annotate) rather than on first use", True, {}),
    "ngram_range": ("(min_n, max_n) word n-gram lengths, as in scikit-learn", (1, 1), {
        "validate.candidates": ((1, 2), "candidate lexicon entries are often two-word phrases"),
    }),
    "min_df": ("keep terms in at least this many documents (int) or this share (float)", 1, {
        "topics.fit": (None, "None: the topics.Vectorizer's own (2)"),
        "topics.search_k": (None, "None: the topics.Vectorizer's own (2)"),
    }),
    "max_df": ("keep terms in at most this many documents (int) or this share (float)", 1.0, {
        "topics.fit": (None, "None: the topics.Vectorizer's own (0.95)"),
    }),
    "stop_words": ("words left out: None, 'english', 'news' (english + reporting boilerplate) or a list", VARIES, {
        "text.dtm": (None, "counts every word unless asked"),
        "keyness.score": ("boilerplate", "web and wire page furniture (words.BOILERPLATE_WORDS) tops every outlet "
                                         "otherwise; function words stay (docs/keyness.md, Stop words)"),
        "batch.keyness": ("boilerplate", "keyness.score from a run's counts: the same default"),
        "topics.detect_phrases": ("news", "topic default (docs/topics.md)"),
        "validate.candidates": ("english", "candidates are content words"),
    }),
    "lowercase": ("fold case before counting", True, {}),
    "case_sensitive": ("match case exactly; None = all-capitals aliases ('ICE', 'US') exactly, the rest not",
                       False, {
        "framing.actor_labels": (None, "issue #13: an acronym alias is not a common word ('ICE' is not 'ice')"),
        "sentiment.toward": (None, "as framing.actor_labels: the same mentions everywhere"),
        "sentiment.mentions": (None, "as framing.actor_labels: the same mentions everywhere"),
    }),
    "exclude_labels": ("leave the actor's aliases and label words out of the sentence's tone", True, {}),
    "indirect": ("also find reported speech ('X said that ...') as kind 'indirect' (voice 'reported')", False, {}),
    "overlap": ("how overlapping spans are treated", VARIES, {
        "terms.find": ("longest", "overlapping matches: the longest wins ('all' keeps every one)"),
        "validate.spans": ("exact", "issue #11 contract: when a predicted span matches a gold one"),
        "validate.overlaps": ("any", "a match inside an annotated span"),
    }),
    "per": ("rate unit in words", 1000, {}),
    "min_weight": ("keep lexicon matches whose weight (measured precision) is at least this", 0.25, {}),
    "phrase": ("extend each loaded-language match to the phrase around it", True, {}),
    "guard": ("drop loaded-language matches inside proper names and 'anti-X control' compounds", True, {}),
    "word_model": ("also the spans of the bundled word model of loaded language (general features, no words)",
                   False, {}),
    "context_weight": ("also keep a weaker match (weight at least this) in a sentence with two reliable ones", 0.1, {}),
    "article_weight": ("also keep a weaker match (weight at least this) in an article dense with reliable ones",
                       0.2, {}),
    "max_words": ("longest scare quote in words (None: the quotes' own rule)", None, {}),
    "scare_max_words": ("an unattributed quotation of at most this many words is a scare quote", 5, {}),
    "nested": ("also return quotations inside quotations", True, {}),
    "tokenizer": ("a sentence splitter with span_tokenize (split_sentences only)", None, {}),
    "errors": ("what happens to bad input: 'report' (load report) | 'raise' | 'ignore'", "report", {
        "validate.read_coding": ("raise", "a coding sheet with problems must be fixed before it is scored"),
    }),
    # ---- corpus
    "duplicates": ("near-duplicate Jaccard threshold; None = exact only; False = none", 0.7, {}),
    "format": ("reader name, else chosen by extension and content", None, {}),
    "columns": ("column mapping {file column: field} or sheet columns", None, {}),
    "model": ("a fitted topics.TopicModel applied to every chunk (batch.run's topics step)", None, {}),
    "documents": ("the documents of a run counted (None: all of batch.documents(out))", None, {}),
    "partition_by": ("columns whose values split a saved corpus into Hive-style folders", None, {}),
    "threshold": ("minimum score to pass (Jaccard for duplicates, NPMI for phrases)", VARIES, {
        "corpus.find_duplicates": (0.7, "Jaccard"), "topics.detect_phrases": (0.5, "NPMI"),
    }),
    "num_perm": ("MinHash permutations", 128, {}),
    "bands": ("LSH bands", 32, {}),
    "shingle": ("words per shingle", 3, {}),
    # ---- sentiment
    "raw": ("also VADER's score of the whole unit's text (saturates on long text)", False, {}),
    "n_bins": ("slices of an article for the arc by deciles", 10, {}),
    "unit": ("the column naming the coded unit", VARIES, {
        "validate.consensus": ("unit", ""), "validate.alpha": ("unit", ""), "validate.kappa": ("unit", ""),
        "validate.percent_agreement": ("unit", ""), "validate.agreement": ("unit", ""),
        "validate.score_intrusion": ("unit", ""), "validate.labels": ("doc_id", "labels are per document"),
    }),
    # ---- topics
    "online": ("fit in mini-batches", False, {}),
    "refine": ("refine the topics by clustering after the fit (docs/topics.md); False: the factorisation's own",
               True, {}), "max_iter": ("iterations (None: the method's default)", None, {}),
    "vectorizer": ("a topics vectorizer (None: the defaults)", None, {}),
    "n_seeds": ("random starts per k", 3, {}), "holdout": ("share of documents held out", 0.2, {}),
    "reference": ("what is compared against: a corpus for coherence (None: the fitted one); groups or a "
                  "frequency table for keyness (None: the rest of the corpus)", None, {}),
    "target": ("the group(s) compared (None: every group)", None, {}),
    "measure": ("coherence measure", "npmi", {}), "top_n": ("top terms per topic", 10, {}),
    "date": ("the date column", "published", {}), "topics": ("topics kept (None: all)", None, {}),
    "min_count": ("minimum count", VARIES, {
        "topics.detect_phrases": (5, ""), "framing.score": (1, "one indicator makes a frame present"),
        "validate.candidates": (3, ""), "keyness.collocations": (3, "issue #16 contract"),
    }),
    # ---- framing and effects
    "min_rate": ("frame present when its indicators per 1,000 words pass this; 'calibrated' = "
                 "framing.CALIBRATED (generic frames, document level); None = any indicator", "calibrated", {}),
    "value": ("the column holding the values", VARIES, {
        "framing.aggregate": ("share", ""), "validate.consensus": ("code", ""), "validate.alpha": ("code", ""),
        "validate.kappa": ("code", ""), "validate.percent_agreement": ("code", ""),
        "validate.agreement": ("code", ""), "validate.score_intrusion": ("code", ""),
    }),
    "sentiment": ("sentence scores to attach (None: computed)", None, {}),
    "label_type": ("which labels to summarise", None, {}), "top": ("most frequent rows kept", None, {}),
    "cov_type": ("robust standard errors", "HC3", {}), "baseline": ("reference level(s)", None, {}),
    "variable": ("the covariate whose levels are compared", "outlet", {}),
    "stat": ("the statistic bootstrapped", "mean", {}), "scale": ("multiplier of a ratio", 1.0, {}),
    # ---- validation
    "n": ("units drawn (a count or a share per stratum)", REQUIRED, {}),
    "codes": ("the codebook: allowed codes", VARIES, {
        "validate.coding_sheet": (REQUIRED, "a sheet needs its codebook"),
        "validate.read_coding": (None, "read from the sheet's own codebook"),
    }),
    "coders": ("coder columns on the sheet", 2, {}),
    "instructions": ("text of the instructions sheet", VARIES, {
        "validate.coding_sheet": (VARIES, "a default text telling coders what to do (docs/validation.md)")}),
    "sample": ("the drawn sample, to check units against", None, {}),
    "coder": ("the column naming the coder", "coder", {}), "code": ("the column holding codes", "code", {}),
    "positive": ("the code that means 'yes, correct'", "yes", {}), "label": ("the label column", "label", {}),
    "weight": ("the column of sampling weights", None, {}), "weights": ("kappa weights: None, 'linear', 'quadratic'", None, {}),
    "min_share": ("majority needed for a consensus code", 0.5, {}),
    "n_terms": ("top terms shown per topic", VARIES, {
        "validate.word_intrusion": (5, "Chang et al. 2009"), "validate.topic_intrusion": (8, ""),
    }),
    "n_exclude": ("terms skipped when drawing an intruder", 20, {}),
    "n_docs": ("documents drawn", 20, {}), "n_topics": ("topics shown per document", 3, {}),
    "doc_topics": ("document-topic shares (None: from the model)", None, {}),
    "width": ("characters of document text shown", 1000, {}),
}


def _functions():
    for m in MODULES:
        for n in m.__all__:
            f = getattr(m, n)
            if inspect.isfunction(f):
                yield f"{m.__name__.split('.', 1)[1]}.{n}", f


FUNCTIONS = list(_functions())


@pytest.mark.parametrize("name,func", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_every_option_is_declared_with_its_default(name, func):
    for p in inspect.signature(func).parameters.values():
        if p.kind is not p.KEYWORD_ONLY:
            continue
        assert p.name in OPTIONS, f"{name}: option {p.name!r} is not declared in tests/test_api_table.py OPTIONS"
        meaning, default, exceptions = OPTIONS[p.name]
        if name in exceptions:
            want = exceptions[name][0]
        else:
            assert default is not VARIES, f"{name}: {p.name!r} varies by function; list {name} with its reason"
            want = default
        if want is VARIES:  # a default of its own, given with the reason
            continue
        if want is REQUIRED:
            assert p.default is REQUIRED, f"{name}: {p.name!r} should be required"
            continue
        assert p.default == want or (want is None and p.default is None), \
            f"{name}: {p.name}={p.default!r}, but the table says {want!r} ({meaning})"


def test_the_table_has_no_stale_entries():
    used = {p.name for _, f in FUNCTIONS for p in inspect.signature(f).parameters.values()
            if p.kind is p.KEYWORD_ONLY}
    assert set(OPTIONS) - used == set(), "declared options no function takes: remove them"
    names = {n for n, _ in FUNCTIONS}
    for opt, (_, _, exceptions) in OPTIONS.items():
        assert set(exceptions) <= names, (opt, set(exceptions) - names)


# ---------------------------------------------------------------- output columns
#: column: meaning (the same in every table that has it)
COLUMNS = {
    "doc_id": "the article's id (the corpus's own doc_id dtype)",
    "rate": "a rate per `per` words",
    "n": "a count (of matches, mentions, units ...) or a sum of weights",
    "n_docs": "number of documents behind a row",
    "estimate": "the point estimate of an interval",
    "share": "a share of a whole (0 to 1); with ci_low/ci_high, the point estimate (topic prevalence)",
    "ci_low": "lower end of the interval (NA when fewer than two documents)",
    "ci_high": "upper end of the interval",
    "period": "period label from stats.period_labels (string)",
    "voice": "one of discourse.voice.VOICES",
}
#: names other libraries use for the same columns
COLUMN_SYNONYMS = {"docs": "n_docs", "num_docs": "n_docs", "count": "n", "lower": "ci_low", "upper": "ci_high",
                   "lo": "ci_low", "hi": "ci_high", "mean": "estimate"}


@pytest.fixture(scope="module")
def outputs(_seed_corpus):
    from discourse.figures import corpus_path

    demo = corpus.load(corpus_path("demo"))
    demo = demo.groupby("outlet", sort=True).head(3).reset_index(drop=True)
    ann = text.annotate(demo)
    m = terms.find(ann)
    return {
        "terms.rates": terms.rates(m, ann, n_boot=20),
        "terms.rates[period]": terms.rates(m, ann, period="Q", n_boot=20),
        "sentiment.toward": sentiment.toward(ann, {"army": ["army"]}, n_boot=20),
        "sentiment.arc": sentiment.arc(_seed_corpus, n_boot=20),
        "framing.aggregate": framing.aggregate(ann, framing.score(ann), n_boot=20),
        "stats.bootstrap": stats.bootstrap(framing.score(ann), "share", by="frame", n_boot=20),
        "topics.prevalence": topics.prevalence(topics.fit(ann, 3, min_df=1), ann, n_boot=20),
        "keyness.score": keyness.score(ann, n_boot=20),
        "keyness.rates[period]": keyness.rates(ann, ["regime", "army"], period="Q", n_boot=20),
        "keyness.score[period]": keyness.score(ann, period="Q", n_boot=20),
        "keyness.label_choice": keyness.label_choice(ann, {"gov": {"regime": ["regime"], "government": ["government"]}},
                                                     by=["outlet", "voice"], period="Q", n_boot=20),
    }


def test_output_columns_have_one_name(outputs):
    for name, out in outputs.items():
        for col in out.columns:
            assert col not in COLUMN_SYNONYMS, f"{name}: column {col!r} should be {COLUMN_SYNONYMS[col]!r}"
            assert not (col.endswith(("_low", "_high")) and col not in ("ci_low", "ci_high")), \
                f"{name}: interval column {col!r} should be ci_low / ci_high"
        if "ci_low" in out.columns:
            assert "ci_high" in out.columns and ({"estimate", "rate", "share"} & set(out.columns)), name
        if "period" in out.columns:
            assert pd.api.types.is_string_dtype(out["period"]) and out["period"].dtype != object, name
        if "voice" in out.columns:
            from discourse.voice import VOICES

            assert set(out["voice"].dropna()) <= set(VOICES), name


def test_period_tables_join_across_analyses(outputs):
    a, b = outputs["terms.rates[period]"], outputs["framing.aggregate"]
    assert "period" in a.columns
    assert a["period"].dtype == pd.StringDtype() or str(a["period"].dtype).startswith("string")
