"""Property-based fuzzing of the text analyses (issue #19, item 2).

Hypothesis builds articles from the pieces that break text code -- control
characters, lone combining marks, direction marks, zero-width characters, emoji,
characters whose lower case is longer (``İ``), every quote style, unbalanced and
nested quotes, CR and CRLF -- and from arbitrary Unicode. Every analysis must return
a table (or raise one of its documented errors), never an uncaught exception, and
every span it returns must index into its article: ``text[start:end]`` is the
reported string. ``derandomize=True``: each run sees the same examples; set
``DISCOURSE_FUZZ_EXAMPLES=500`` for a longer hunt (the suite runs 25 per test).
"""
from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from discourse import framing, keyness, quotes, sentiment, terms, text

FUZZ = settings(max_examples=int(os.environ.get("DISCOURSE_FUZZ_EXAMPLES", 25)), deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

QUOTES = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u2039", "\u203a", "\u201e",
          "\u201a", "\u300c", "\u300d", "\u300e", "\u300f", "``", "''", "`", "\u2033", "\uff02", "- ", "\u2014 "]
PIECES = [
    "The", "regime", "army", "government", "said", "war", "Mr.", "Dr.", "U.S.", "No.", "e.g.", "told", "according to",
    "so-called", "Taliban", "Kabul", "debacle", ".", ". ", "! ", "? ", "...", "\u2026", ", ", ": ", "; ", " ", " ",
    "\n", "\n\n", "\r\n", "\r", "\t", "\x0b", "\x0c",
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029",                      # controls, separators
    "\u0301", "\u0308", "\u20dd",                                                       # lone combining marks
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2067", "\u2069",     # direction marks
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",                         # zero width, soft hyphen
    "\U0001f600", "\U0001f44d\U0001f3fd", "\U0001f1fa\U0001f1f8", "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\u0130stanbul", "STRASSE \u00df", "\ufb01nal", "\u01c5", "\u041f\u0440\u0438\u0432\u0435\u0442",
    "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd", "\u4e2d\u6587\u3002", "\u0928\u092e\u0938\u094d\u0924\u0947",
    *QUOTES, *QUOTES,
]
piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=6))
article = st.lists(piece, max_size=60).map("".join)

# quotations with nesting, left open or closed twice, around ordinary sentences
pair = st.sampled_from([('"', '"'), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"),
                        ("\u201e", "\u201c"), ("\u300c", "\u300d"), ("'", "'"), ("``", "''"), ("\u2039", "\u203a")])


@st.composite
def quoted(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        o, c = draw(pair)
        inner = draw(st.sampled_from(["the regime lied", "we won", "a \u201cso-called\u201d war", "",
                                      "they said 'no' twice", "x" * 40]))
        end = draw(st.sampled_from([c, "", c + c, o]))  # closed, unbalanced, doubled, reopened
        nest = draw(st.booleans())
        core = f"{o}{inner} {draw(pair)[0]}inner{draw(pair)[1]}{end}" if nest else f"{o}{inner}{end}"
        parts.append(draw(st.sampled_from([f'{core} the minister said.', f'He said {core}.', core,
                                           f"{core}, according to Dr. Smith.", f"\n\n{core}\n"])))
    return " ".join(parts)


texts = st.one_of(article, quoted(), st.text(max_size=200))
EMPTY = ["", " ", "\n\n", "\t\r\n", "\u200b", "\u00a0\u3000", "\ufeff"]


def frame_of(docs: list[str]) -> pd.DataFrame:
    n = len(docs)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "outlet": ["A" if i % 2 else "B" for i in range(n)],
                         "published": pd.date_range("2024-01-01", periods=n, freq="17D"), "text": docs})


corpora = st.lists(texts, min_size=1, max_size=4).map(frame_of)


def check_spans(table: pd.DataFrame, corpus: pd.DataFrame, column: str | None = None) -> None:
    """Every ``start``/``end`` indexes into its article (and gives ``column``)."""
    if table.empty:
        return
    by_id = dict(zip(corpus["doc_id"].astype(str), corpus["text"]))
    for row in table.itertuples(index=False):
        t = by_id[str(row.doc_id)]
        s, e = int(row.start), int(row.end)
        assert 0 <= s <= e <= len(t), (row.doc_id, s, e, len(t))
        if column is not None:
            got = getattr(row, column)
            if isinstance(got, str):
                assert t[s:e] == got, (column, t[s:e], got)


# ---------------------------------------------------------------- annotate


@FUZZ
@given(corpora, st.booleans())
@example(frame_of(EMPTY), False)
@example(frame_of(EMPTY), True)
@example(frame_of(["\u201c" + "word " * 20000]), True)  # a 100,000-character sentence in an unclosed quote
def test_annotate_spans_index_into_the_articles(corpus, indirect):
    ann = text.annotate(corpus, indirect=indirect)
    check_spans(ann.paragraphs, corpus, "text")
    check_spans(ann.sentences, corpus, "text")
    check_spans(ann.tokens, corpus, "token")
    check_spans(ann.quotes, corpus, "quote")
    assert set(ann.sentences["doc_id"].astype(str)) <= set(corpus["doc_id"])


# ---------------------------------------------------------------- quotes


@FUZZ
@given(corpora, st.booleans())
@example(frame_of(EMPTY), True)
@example(frame_of(['"' * 5001, "\u201c\u201c\u201c\u201d\u201d", "'''", "\u00ab\u00ab x \u00bb"]), True)
def test_quotes_spans_index_into_the_articles(corpus, indirect):
    q = quotes.find(corpus, indirect=indirect)
    check_spans(q, corpus, "quote")
    assert set(q["kind"].dropna()) <= {"direct", "partial", "scare", "indirect"}
    if not indirect:
        assert "indirect" not in set(q["kind"].dropna())


# ---------------------------------------------------------------- terms


LEXICON = {"label": ["regime", "so-called *", "taliban"], "army": ["army", "troops"], "state": ["government"]}


@FUZZ
@given(corpora)
@example(frame_of(EMPTY))
def test_terms_find_rates_and_kwic(corpus):
    m = terms.find(corpus, LEXICON)
    check_spans(m, corpus, "match")
    r = terms.rates(m, corpus, n_boot=20)
    assert not np.isinf(r[["rate", "ci_low", "ci_high"]].to_numpy(dtype=float)).any()
    assert (r.loc[r["n_docs"] < 2, ["ci_low", "ci_high"]].isna()).all().all()
    k = terms.kwic(corpus, ["regime*", "army"], window=3)  # (left and right are display text: spaces collapsed)
    check_spans(k, corpus, "match")


# ---------------------------------------------------------------- sentiment


@FUZZ
@given(corpora)
@example(frame_of(EMPTY))
def test_sentiment_at_three_levels(corpus):
    s = sentiment.score(corpus, level="sentence")
    check_spans(s, corpus, "text")
    assert s["compound"].between(-1, 1).all()
    for level in ("paragraph", "document"):
        u = sentiment.score(corpus, level=level, n_boot=20)
        check_spans(u, corpus)
        assert u["compound"].between(-1, 1).all() and (u["n_sentences"] >= 1).all()
        one = u["n_sentences"] < 2
        assert u.loc[one, ["compound_low", "compound_high"]].isna().all().all()
        ok = u[~one].dropna(subset=["compound_low"])
        assert (ok["compound_low"] <= ok["compound"] + 1e-12).all() and (ok["compound"] <= ok["compound_high"] + 1e-12).all()


# ---------------------------------------------------------------- framing


@FUZZ
@given(corpora)
@example(frame_of(EMPTY))
def test_framing_scores(corpus):
    for level in ("document", "sentence"):
        f = framing.score(corpus, level=level)
        assert set(f["doc_id"].astype(str)) <= set(corpus["doc_id"])
        share = f["share"].dropna()
        assert share.between(0, 1).all()
        assert (f["n"] >= 0).all()


# ---------------------------------------------------------------- keyness

# documented refusals of keyness: a corpus with too little to compare
KEYNESS_ERRORS = ("only one group", "have no words", "has no words", "no documents with a group",
                  "not in the corpus")


@pytest.mark.filterwarnings("error::RuntimeWarning")  # (a 0/0 that turns into NaN quietly)
@FUZZ
@given(corpora)
@example(frame_of(EMPTY))
@example(frame_of(["regime", "\u0130stanbul regime \u0130", "STRASSE \u00df regime", "\ufb01nal"]))
def test_keyness_score_label_choice_and_collocations(corpus):
    try:
        k = keyness.score(corpus, n_boot=10)
    except ValueError as exc:
        assert any(s in str(exc) for s in KEYNESS_ERRORS), exc
    else:
        assert not np.isinf(k[["estimate", "ci_low", "ci_high", "g2", "log_ratio"]].to_numpy(dtype=float)).any()
        assert k.loc[k["few_docs"], ["ci_low", "ci_high"]].isna().all().all()
        assert (k["n"] >= 0).all() and (k["p"].dropna().between(0, 1)).all()
    lc = keyness.label_choice(corpus, {"state": {"regime": ["regime"], "government": ["government"]}}, n_boot=10)
    assert lc["share"].between(0, 1).all() and lc.loc[lc["few_docs"], ["ci_low", "ci_high"]].isna().all().all()
    r = keyness.rates(corpus, ["regime", "army"], n_boot=10)
    assert not np.isinf(r[["rate", "ci_low", "ci_high"]].to_numpy(dtype=float)).any()
    c = keyness.collocations(corpus, "regime", window=3, min_count=1)
    assert not np.isinf(c[["mi", "t_score", "g2"]].to_numpy(dtype=float)).any()
    assert (c["g2"] >= -1e-9).all() and c["p"].between(0, 1).all()  # (overlapping windows made G2 negative)


# ---------------------------------------------------------------- one long sentence, every analysis


@pytest.mark.parametrize("body", ["word " * 20000, "\u201c" + "regime army, " * 7700, "a" * 100_000,
                                  "\u200b\u0301" * 50_000])
def test_a_sentence_of_100000_characters(body):
    corpus = frame_of([body, "The regime said the army won.", "The army said so.", "A regime fell."])
    assert len(body) >= 100_000
    ann = text.annotate(corpus, indirect=True)
    check_spans(ann.sentences, corpus, "text")
    check_spans(quotes.find(ann, indirect=True), corpus, "quote")
    check_spans(terms.find(ann, LEXICON), corpus, "match")
    check_spans(sentiment.score(ann), corpus, "text")
    assert len(framing.score(ann))
    assert len(keyness.score(ann, n_boot=5))


def test_a_lone_surrogate_is_replaced_or_refused_clearly():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"],
                           "text": pd.Series(["The regime \ud800 said it.", "The army won."], dtype=object)})
    try:
        ann = text.annotate(corpus)
    except ValueError as exc:
        assert "surrogate" in str(exc) and "'a'" in str(exc)
    else:
        check_spans(ann.tokens, corpus)
