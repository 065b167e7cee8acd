"""Benchmark: keyness of 20 outlets (issue #16, "20 groups and a 50,000-term vocabulary").

Builds a synthetic corpus of short articles (default 100,000 articles of 40 words
drawn from a 50,000-word vocabulary with a Zipf-like law, 20 outlets), annotates it
once, then times separately:

- ``text.annotate`` + the word tokens (the shared layer; paid once per corpus),
- ``keyness.score`` (the document-term matrix from the shared tokens, every outlet
  against the rest, all statistics; no bootstrap),
- ``keyness.score(n_boot=...)`` on a subset (the document bootstrap), and
- ``keyness.rates`` of three terms by outlet and month with intervals.

Run::

    .venv/bin/python benchmarks/bench_keyness.py                 # 100k articles
    .venv/bin/python benchmarks/bench_keyness.py --docs 20000    # quicker
    .venv/bin/python benchmarks/bench_keyness.py --devset        # also the real devset

``--devset [PATH]`` runs ``keyness.score(by="bias", voice="authorial")`` and
``keyness.score(by="outlet")`` on a JSON-lines export read at run time (default
``/work/shared/devsets/topics-allsides/articles.jsonl``; nothing of it is stored) and
prints the times and the top terms of each rating; without that file it says so in
one line and exits 0.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from discourse import keyness, text

DEVSET = "/work/shared/devsets/topics-allsides/articles.jsonl"


def synthetic(n_docs: int, n_words: int, vocab: int, n_outlets: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    words = np.array([f"w{i}" for i in range(vocab)], dtype=object)
    p = 1.0 / np.arange(1, vocab + 1) ** 0.9
    ids = rng.choice(vocab, size=(n_docs, n_words), p=p / p.sum())
    ids[: min(n_docs * n_words, vocab) // n_words, :] = np.arange(min(n_docs * n_words, vocab) // n_words * n_words
                                                                  ).reshape(-1, n_words)  # every word once
    texts = [" ".join(words[row]) + "." for row in ids]
    months = pd.date_range("2024-01-01", periods=12, freq="MS")
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n_docs)],
                         "outlet": [f"outlet{i % n_outlets:02d}" for i in range(n_docs)],
                         "published": months[rng.integers(0, 12, size=n_docs)], "text": texts})


def timed(label: str, f):
    t = time.perf_counter()
    out = f()
    print(f"{label:<58} {time.perf_counter() - t:7.2f} s")
    return out


def devset(path: str) -> None:
    from discourse import corpus

    if not Path(path).is_file():
        print(f"devset {path} not present: skipped")
        return
    df = timed(f"load {Path(path).parent.name}", lambda: corpus.load(path, progress=False))
    ann = timed(f"annotate {len(df)} articles (with quotations)", lambda: text.annotate(df))
    ann.tokens  # noqa: B018 - build the voiced tokens before timing keyness
    k = timed("keyness.score(by='bias', voice='authorial', min_df=5)",
              lambda: keyness.score(ann, by="bias", voice="authorial", min_df=5))
    timed(f"keyness.score(by='outlet') ({df['outlet'].nunique()} outlets)", lambda: keyness.score(ann, min_df=5))
    for g, sub in k.groupby("group"):
        print(f"  {g}: {', '.join(sub['term'].head(8))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--words", type=int, default=40)
    ap.add_argument("--vocab", type=int, default=50_000)
    ap.add_argument("--outlets", type=int, default=20)
    ap.add_argument("--n-boot", type=int, default=100, dest="n_boot")
    ap.add_argument("--devset", nargs="?", const=DEVSET, default=None)
    a = ap.parse_args()
    df = timed(f"generate {a.docs} articles x {a.words} words", lambda: synthetic(a.docs, a.words, a.vocab, a.outlets))
    ann = timed("text.annotate (no quotations needed for voice=None)", lambda: text.annotate(df, quotes=False))
    timed("word tokens", lambda: ann._token_base())
    k = timed(f"keyness.score: {a.outlets} outlets vs the rest", lambda: keyness.score(ann))
    print(f"  {len(k):,} rows, {k['term'].nunique():,} terms")
    sub = df[df.index % 10 == 0].reset_index(drop=True)
    ann_sub = text.annotate(sub, quotes=False)
    timed(f"keyness.score(n_boot={a.n_boot}) on {len(sub)} articles", lambda: keyness.score(ann_sub, n_boot=a.n_boot))
    timed("keyness.rates(3 terms, period='M', n_boot=1000)",
          lambda: keyness.rates(ann, ["w1", "w10", "w100"], period="M"))
    if a.devset:
        devset(a.devset)


if __name__ == "__main__":
    main()
