"""Determinism of the analyses (issue #19, item 5).

Every analysis gives the same table under another ``PYTHONHASHSEED``, another thread
count (``OMP_NUM_THREADS``, ``n_jobs``) and another order of its input rows or files:
rows are put in a canonical order before anything random or order-sensitive
(duplicates: the earliest published, then the smallest ``doc_id``, is the original;
bootstrap resamples are drawn over a group's documents in a canonical order, not over
row positions). Figures are checked in the figure tests.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from discourse import corpus, framing, keyness, quotes, sentiment, stats, terms, text, topics

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "corpora" / "demo"
TARGETS = {"government": ["government", "regime"], "army": ["army"]}
REFERENTS = {"state": {"regime": ["regime"], "government": ["government"]}}

# One run of every analysis on a slice of the demo corpus; prints a hash of each table.
SCRIPT = r"""
import hashlib, json, sys
import pandas as pd
from discourse import corpus, framing, keyness, quotes, sentiment, terms, text, topics
n_jobs = int(sys.argv[1])
df = corpus.load(sys.argv[2])
df = df.sort_values("doc_id").groupby("outlet", sort=True).head(6).reset_index(drop=True)
ann = text.annotate(df, n_jobs=n_jobs)
m = terms.find(ann)
model = topics.fit(ann, 3, min_df=1)
targets = {"government": ["government", "regime"], "army": ["army"]}
out = {
    "load": df.drop(columns=["source"]),
    "sentences": ann.sentences, "tokens": ann.tokens,
    "quotes": quotes.find(ann), "terms.find": m,
    "terms.rates": terms.rates(m, ann, n_boot=50),
    "sentiment.document": sentiment.score(ann, level="document", n_boot=50),
    "sentiment.arc": sentiment.arc(ann, n_boot=50),
    "sentiment.toward": sentiment.toward(ann, targets, n_boot=50),
    "framing.score": framing.score(ann),
    "framing.aggregate": framing.aggregate(ann, n_boot=50),
    "keyness.score": keyness.score(ann, n_boot=20),
    "keyness.rates": keyness.rates(ann, ["regime", "army"], period="Q", n_boot=50),
    "keyness.label_choice": keyness.label_choice(ann, {"s": {"regime": ["regime"], "government": ["government"]}},
                                                 n_boot=50),
    "keyness.collocations": keyness.collocations(ann, "regime*", min_count=1),
    "topics.doc_topics": model.doc_topics,
    "topics.prevalence": topics.prevalence(model, ann, n_boot=50),
}
print(json.dumps({k: hashlib.sha256(v.to_csv(index=False).encode()).hexdigest() for k, v in out.items()}))
"""


def _run(seed: str, threads: str, n_jobs: int) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONHASHSEED", "OMP_", "OPENBLAS_", "MKL_"))}
    env.update(PYTHONHASHSEED=seed, OMP_NUM_THREADS=threads, OPENBLAS_NUM_THREADS=threads,
               MKL_NUM_THREADS=threads)
    res = subprocess.run([sys.executable, "-c", SCRIPT, str(n_jobs), str(DEMO)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


def test_every_analysis_is_identical_under_other_hash_seeds_and_thread_counts():
    a = _run("0", "1", 1)
    b = _run("4242", "2", 2)
    assert len(a) == 17
    assert {k for k in a if a[k] != b[k]} == set()


# ---------------------------------------------------------------- shuffled input


@pytest.fixture(scope="module")
def demo():
    df = corpus.load(DEMO)
    return df.sort_values("doc_id").groupby("outlet", sort=True).head(8).reset_index(drop=True)


@pytest.fixture(scope="module")
def shuffled(demo):
    return demo.sample(frac=1.0, random_state=7).reset_index(drop=True)



def _same(a: pd.DataFrame, b: pd.DataFrame, keys: list[str]) -> None:
    a = a.sort_values(keys, kind="stable").reset_index(drop=True)
    b = b.sort_values(keys, kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_shuffled_fixture_is_really_shuffled(demo, shuffled):
    assert demo["doc_id"].tolist() != shuffled["doc_id"].tolist()
    assert sorted(demo["doc_id"]) == sorted(shuffled["doc_id"])


@pytest.mark.parametrize("name", ["terms.rates", "sentiment.toward", "sentiment.summarize",
                                  "sentiment.arc",
                                  "framing.aggregate", "keyness.rates", "keyness.label_choice", "keyness.score"])
def test_intervals_do_not_depend_on_the_order_of_the_rows(demo, shuffled, name):
    def run(df):
        if name == "terms.rates":
            return terms.rates(terms.find(df), df, n_boot=200), ["outlet"]
        if name == "sentiment.toward":
            return sentiment.toward(df, TARGETS, n_boot=200), ["outlet", "target"]
        if name == "sentiment.summarize":
            d = sentiment.score(df, level="document").merge(df[["doc_id", "outlet"]], on="doc_id")
            return sentiment.summarize(d, n_boot=200), ["outlet"]
        if name == "sentiment.arc":
            return sentiment.arc(df, n_boot=200), ["doc_id", "position"]
        if name == "framing.aggregate":
            return framing.aggregate(df, n_boot=200), ["outlet", "frame"]
        if name == "keyness.rates":
            return keyness.rates(df, ["regime", "government", "army"], n_boot=200), ["outlet", "term"]
        if name == "keyness.label_choice":
            return keyness.label_choice(df, REFERENTS, n_boot=200), ["outlet", "referent", "label"]
        return keyness.score(df, n_boot=30), ["group", "reference", "term"]

    a, keys = run(demo)
    b, _ = run(shuffled)
    assert a[["ci_low", "ci_high"]].notna().any().all()  # (intervals were computed)
    _same(a, b, keys)


def test_topic_prevalence_does_not_depend_on_the_order_of_the_rows(demo, shuffled):
    model = topics.fit(demo, 3, min_df=1)
    _same(topics.prevalence(model, demo, n_boot=200), topics.prevalence(model, shuffled, n_boot=200),
          ["outlet", "topic"])


@pytest.mark.parametrize("name", ["quotes.find", "terms.find", "framing.score", "sentiment.score"])
def test_document_analyses_do_not_depend_on_the_order_of_the_rows(demo, shuffled, name):
    run, keys = {
        "quotes.find": (quotes.find, ["doc_id", "start", "end"]),
        "terms.find": (terms.find, ["doc_id", "start", "end", "pattern"]),
        "framing.score": (framing.score, ["doc_id", "frame"]),
        "sentiment.score": (lambda df: sentiment.score(df, level="sentence"), ["doc_id", "sent_id"]),
    }[name]
    _same(run(demo), run(shuffled), keys)


def test_sentiment_unit_intervals_do_not_depend_on_the_order_of_the_rows(demo, shuffled):
    _same(sentiment.score(demo, level="document", n_boot=100), sentiment.score(shuffled, level="document", n_boot=100),
          ["doc_id"])


def test_topic_model_does_not_depend_on_the_order_of_the_rows(demo, shuffled):
    a = topics.fit(demo, 3, min_df=1).doc_topics
    b = topics.fit(shuffled, 3, min_df=1).doc_topics
    _same(a, b, ["doc_id", "topic"])


def test_effects_bootstrap_does_not_depend_on_the_order_of_the_rows():
    from discourse import effects

    rng = np.random.default_rng(0)
    sh = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(30)], "share": rng.random(30)})
    cov = pd.DataFrame({"doc_id": sh["doc_id"], "outlet": rng.choice(list("xyz"), 30)})
    a = effects.estimate(sh, cov, method="bootstrap", n_boot=200)
    b = effects.estimate(sh.sample(frac=1.0, random_state=1), cov, method="bootstrap", n_boot=200)
    _same(a, b, ["term"])


# ---------------------------------------------------------------- the bootstrap itself


def test_bootstrap_is_keyed_to_the_documents_not_their_positions():
    rng = np.random.default_rng(3)
    df = pd.DataFrame({"g": rng.choice(list("ab"), 40), "x": rng.normal(size=40), "w": rng.integers(50, 200, 40)})
    rev = df.iloc[::-1].reset_index(drop=True)
    shuf = df.sample(frac=1.0, random_state=1).reset_index(drop=True)
    for other in (rev, shuf):
        pd.testing.assert_frame_equal(stats.bootstrap(df, "x", by="g", n_boot=300),
                                      stats.bootstrap(other, "x", by="g", n_boot=300), check_exact=True)
        pd.testing.assert_frame_equal(stats.bootstrap_ratio(df, "x", "w", by="g", n_boot=300),
                                      stats.bootstrap_ratio(other, "x", "w", by="g", n_boot=300),
                                      check_exact=True)
    # and it still resamples: another seed gives another interval, the same estimate
    s0, s1 = (stats.bootstrap(df, "x", by="g", n_boot=300, random_state=r) for r in (0, 1))
    assert (s0["estimate"] == s1["estimate"]).all() and (s0["ci_low"] != s1["ci_low"]).all()


# ---------------------------------------------------------------- loading


def _write(folder: Path, name: str, title: str, date: str, body: str) -> None:
    (folder / name).write_text(f"---\ntitle: {title}\npublished: {date}\noutlet: Gazette\n---\n\n{body}\n",
                               encoding="utf-8")


@pytest.fixture()
def copies(tmp_path):
    body = "The harbour council approved the new sea wall on Tuesday after a long debate. " * 3
    other = "Fishermen said the plan would close the old slipway for most of the season. " * 3
    _write(tmp_path, "b.md", "Sea wall", "2024-03-05", body)
    _write(tmp_path, "a.md", "Sea wall", "2024-03-05", body)      # same day: the smaller id is the original
    _write(tmp_path, "c.md", "Sea wall", "2024-03-04", body)      # a day earlier: the original of all three
    _write(tmp_path, "d.md", "Slipway", "2024-03-06", other)
    _write(tmp_path, "e.md", "Slipway", "2024-03-06", other)
    return tmp_path


def test_duplicates_the_earliest_then_the_smallest_id_is_the_original(copies):
    df = corpus.load(copies)
    by_file = dict(zip(df["source"].map(lambda s: Path(s).name), df["doc_id"]))
    dup = dict(zip(df["doc_id"], df["duplicate_of"]))
    assert dup[by_file["c.md"]] is pd.NA
    assert dup[by_file["a.md"]] == by_file["c.md"] and dup[by_file["b.md"]] == by_file["c.md"]
    d, e = sorted([by_file["d.md"], by_file["e.md"]])
    assert dup[d] is pd.NA and dup[e] == d


def test_files_listed_in_any_order_give_the_same_table(copies):
    files = sorted(copies.glob("*.md"))
    a = corpus.load(files)
    for order in (files[::-1], [files[i] for i in (3, 0, 4, 2, 1)]):
        b = corpus.load(order)
        _same(a, b, ["doc_id"])


def test_shuffled_rows_of_a_table_keep_the_duplicate_rule():
    body = "The harbour council approved the new sea wall on Tuesday after a long debate. " * 3
    df = pd.DataFrame({"doc_id": ["x3", "x1", "x2", "y"], "outlet": "Gazette",
                       "published": ["2024-03-05", "2024-03-05", "2024-03-05", "2024-03-01"],
                       "text": [body, body, body, "Another story about the slipway and the season ahead."]})
    for seed in range(4):
        v = corpus.validate(df.sample(frac=1.0, random_state=seed).reset_index(drop=True))
        assert dict(zip(v["doc_id"], v["duplicate_of"].astype(object).where(v["duplicate_of"].notna(), None))) == \
            {"x1": None, "x2": "x1", "x3": "x1", "y": None}


def test_saved_corpora_listed_in_any_order_give_the_same_table(tmp_path):
    df = corpus.validate(pd.DataFrame({"doc_id": ["x", "y"], "outlet": "Gazette",
                                       "published": ["2024-01-01", "2024-01-02"],
                                       "text": ["The harbour council approved the wall.", "Fishermen said no."]}))
    corpus.save(df, tmp_path / "a.parquet")
    corpus.save(df.assign(outlet="Herald"), tmp_path / "b.parquet")
    one = corpus.load([tmp_path / "a.parquet", tmp_path / "b.parquet"])
    other = corpus.load([tmp_path / "b.parquet", tmp_path / "a.parquet"])
    _same(one, other, ["doc_id"])
    # the copy from the first saved corpus by name keeps the id; the other is flagged
    assert one.set_index("doc_id").loc[["x", "x-2"], ["outlet", "duplicate_of"]].astype(object).values.tolist() == \
        [["Gazette", pd.NA], ["Herald", "x"]]


def test_agreement_intervals_do_not_depend_on_the_order_of_the_codes():
    from discourse import validate

    rng = np.random.default_rng(0)
    codes = pd.DataFrame([(f"u{i:02d}", c, int(rng.integers(0, 3))) for i in range(30) for c in ("A", "B")],
                         columns=["unit", "coder", "code"])
    shuffled = codes.sample(frac=1.0, random_state=2).reset_index(drop=True)
    for name in ("alpha", "kappa", "percent_agreement"):
        f = getattr(validate, name)
        pd.testing.assert_frame_equal(f(codes, n_boot=200), f(shuffled, n_boot=200), check_exact=True)
