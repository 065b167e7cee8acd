"""Benchmark: topic-model fit time on a generated corpus (issue 6, "Scale").

Generates a planted-topic corpus (default 20,000 documents of 150 words, 20 topics of
200 own words each plus 2,000 shared background words; pseudo-words, so no stop-word
or tokenizer effects), then times ``discourse.topics.fit`` end to end (tokenising,
sparse document-term matrix by :func:`discourse.text.dtm`, factorisation, tidy tables) for NMF, MiniBatchNMF
(``online=True``), batch LDA and online LDA, and reports how well the planted topics
are recovered (NMI between dominant topic and planted label).

Run::

    .venv/bin/python benchmarks/bench_topics.py              # 20k documents
    .venv/bin/python benchmarks/bench_topics.py --docs 5000  # quicker
    .venv/bin/python benchmarks/bench_topics.py --no-refine  # the factorisations alone (docs/topics.md "Scale")
"""
from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.metrics import normalized_mutual_info_score

from discourse import topics


def _words(n: int, rng: np.random.Generator) -> np.ndarray:
    cons, vows = np.array(list("bcdfgklmnprstvz")), np.array(list("aeiou"))
    out: set[str] = set()
    while len(out) < n:
        c = rng.choice(cons, size=(n, 3))
        v = rng.choice(vows, size=(n, 3))
        out.update("".join(a + b for a, b in zip(ci, vi)) for ci, vi in zip(c, v))
    return np.array(sorted(out)[:n])


def generate(n_docs: int, *, k: int = 20, v_topic: int = 200, v_shared: int = 2000,
             doc_len: int = 150, mix: float = 0.7, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    """Documents whose words come from a planted topic (share ``mix``), a little of the
    other topics, and shared background words."""
    rng = np.random.default_rng(seed)
    vocab = _words(k * v_topic + v_shared, rng)
    phi = np.zeros((k + 1, len(vocab)))
    for t in range(k):
        phi[t, t * v_topic:(t + 1) * v_topic] = rng.dirichlet(np.full(v_topic, 0.5))
    phi[k, k * v_topic:] = rng.dirichlet(np.ones(v_shared))
    cdf = np.cumsum(phi, axis=1)
    labels = rng.integers(0, k, n_docs)
    texts = []
    for d in range(n_docs):
        theta = np.full(k + 1, 0.1 / k)
        theta[labels[d]] += mix
        theta[k] = 1 - theta[:k].sum()
        z = rng.choice(k + 1, size=doc_len, p=theta)
        idx = np.minimum((cdf[z] < rng.random(doc_len)[:, None]).sum(axis=1), len(vocab) - 1)
        texts.append(" ".join(vocab[idx]))
    return pd.DataFrame({"doc_id": [f"d{i:06d}" for i in range(n_docs)], "text": texts}), labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--k", type=int, default=20)
    ap.add_argument("--no-refine", action="store_true", help="refine=False: NMF's or LDA's own topics and shares")
    args = ap.parse_args()
    warnings.filterwarnings("ignore", message="LDA's topics depend on the seed")
    t0 = time.perf_counter()
    df, labels = generate(args.docs, k=args.k)
    n_words = sum(len(t.split()) for t in df["text"])
    print(f"corpus: {len(df):,} documents, {n_words:,} words, "
          f"{df['text'].str.len().sum() / 1e6:.1f} MB (generated in {time.perf_counter() - t0:.1f} s)")
    runs = [("nmf", False, {}), ("nmf", True, {"batch_size": 2048}),
            ("lda", False, {"max_iter": 20}), ("lda", True, {"batch_size": 512, "max_iter": 10})]
    rows = []
    for method, online, extra in runs:
        t = time.perf_counter()
        model = topics.TopicModel(args.k, method=method, refine=not args.no_refine, online=online, random_state=0,
                                  **extra).fit(df)
        shares = model.doc_topics
        secs = time.perf_counter() - t
        dom = shares["share"].to_numpy().reshape(len(df), args.k).argmax(axis=1)
        rows.append({"method": method + (" online" if online else ""), "seconds": round(secs, 1),
                     "docs/s": int(len(df) / secs), "terms": len(model.terms_),
                     "nmi": round(normalized_mutual_info_score(labels, dom), 3), **extra})
        print(rows[-1], flush=True)
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
