"""Scale: load and run every per-document analysis over generated news-like corpora.

Run: ``.venv/bin/python benchmarks/bench_scale.py [--docs 1000 10000] [--words 600] [--workers 2]``

Issue #18 item 5. For each size, a seeded generator writes a JSON Lines corpus of
news-like articles (untimed): sentence lengths drawn around news averages (22 words,
sd 9), a Zipfian vocabulary (exponent 1.07; the words of the bundled news corpora by
their frequency there first, then the VADER lexicon's words, then invented long-tail
words), paragraphs of 1-3 sentences, a
quotation with a named speaker in about one sentence of six, a scare quote now and then,
10 outlets and 24 months. Then, timed by the wall clock (both cores), straight from the
JSON Lines file, which is never loaded whole:

1. ``batch.sample`` of ``--topics-sample`` articles (one pass over the file) and
   ``topics.fit`` (NMF, 20 topics) on it;
2. ``batch.run`` of every per-document step (loading each chunk as ``corpus.load``
   would, then sentences, quotes, terms with the bundled lexicon, document sentiment,
   generic frames, document-term counts, and the topic model's ``transform``) on a
   Dask ``LocalCluster`` of ``--workers`` processes;
3. corpus statistics from the run's folder: ``batch.documents`` + ``batch.rates``
   (200 resamples) and ``batch.keyness``;

and, beside it in the same run on a sample of the same text (scaled to the whole corpus
and labelled so), the straightforward way: a regex per lexicon pattern, nltk's VADER
sentence by sentence, scikit-learn's ``CountVectorizer`` with defaults. Peak memory is
the largest resident set (``ru_maxrss``) of this process and of each Dask worker, read
in the worker; memory is bounded when these stay flat from 10,000 to 100,000 articles.
Each size runs in a fresh process so memory figures do not carry over. The load average
is printed before and after: the machine may be shared.

1,000,000 articles: ``--docs 1000000`` (about 4 GB of JSON Lines in a temporary folder,
deleted after; hours on 2 cores).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_FIRST = ["Amina", "John", "Maria", "Wei", "Omar", "Sarah", "Carlos", "Priya", "David", "Fatima", "James", "Elena"]
_LAST = ["Noor", "Smith", "Garcia", "Chen", "Haddad", "Jones", "Silva", "Patel", "Brown", "Rahman", "Miller", "Rossi"]
_TITLES = ["Senator", "Minister", "General", "Dr.", "Governor", "spokeswoman", "President", "Mayor"]
_VERBS = ["said", "said", "said", "told reporters", "added", "warned", "argued", "insisted", "stated"]


def vocabulary(size: int = 60_000, seed: int = 0) -> np.ndarray:
    """Words by rank: those of the bundled corpora (the seed article and the demo
    corpus, real news wording) by their frequency there, then the VADER lexicon's words,
    then invented long-tail words."""
    from collections import Counter

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from discourse import corpus
    from discourse.figures import corpus_path
    from discourse.words import WORD_PATTERN

    rng = np.random.default_rng(seed)
    texts = [t for name in ("seed", "demo") for t in corpus.load(corpus_path(name), progress=False)["text"]]
    freq = Counter(m.group().lower() for t in texts for m in WORD_PATTERN.finditer(t))
    head = [w for w, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])) if w.isalpha()]
    lexical = sorted(w for w in SentimentIntensityAnalyzer().lexicon if w.isalpha() and len(w) > 2)
    rng.shuffle(lexical)
    letters = np.array(list("etaoinshrdlcumwfgypbvk"))
    tail = sorted({"".join(rng.choice(letters, size=rng.integers(4, 11))) for _ in range(size)})
    rng.shuffle(tail)
    return np.array(list(dict.fromkeys([*head, *lexical, *tail]))[:size], dtype=object)


def articles(n: int, words: int, seed: int = 0):
    """Yield ``n`` article records (dicts) of about ``words`` words, deterministically."""
    rng = np.random.default_rng(seed)
    vocab = vocabulary(seed=seed)
    ranks = np.arange(1, len(vocab) + 1)
    p = 1.0 / ranks ** 1.07
    p /= p.sum()
    # rng.choice(len(vocab), size=k, p=p) draws rng.random(k) and looks it up in the
    # cumulative distribution; done here with the distribution summed once (the same
    # words, about 100 times faster, which matters at a million articles)
    cdf = p.cumsum()
    cdf /= cdf[-1]
    for i in range(n):
        target = max(60, int(rng.normal(words, words / 4)))
        paras, para, count = [], [], 0
        while count < target:
            k = max(4, int(rng.normal(22, 9)))
            w = vocab[cdf.searchsorted(rng.random(k), side="right")]
            if rng.random() < 1 / 30:
                j = rng.integers(0, k)
                w[j] = f'"{w[j]}"'
            body = " ".join(w)
            r = rng.random()
            name = f"{_FIRST[rng.integers(12)]} {_LAST[rng.integers(12)]}"
            if r < 1 / 12:
                s = f'"{body[0].upper()}{body[1:]}," {_VERBS[rng.integers(len(_VERBS))]} {_TITLES[rng.integers(8)]} {name}.'
            elif r < 1 / 6:
                s = f'{name} said: "{body[0].upper()}{body[1:]}."'
            else:
                s = f"{body[0].upper()}{body[1:]}."
            para.append(s)
            count += k
            if len(para) >= rng.integers(1, 4):
                paras.append(" ".join(para))
                para = []
        if para:
            paras.append(" ".join(para))
        yield {"id": f"a{i:07d}", "outlet": f"Outlet {i % 10}", "title": f"Report {i}",
               "published": f"{2023 + (i // 12) % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}",
               "text": "\n\n".join(paras)}


def write_jsonl(path: Path, n: int, words: int) -> float:
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for rec in articles(n, words):
            line = json.dumps(rec, ensure_ascii=False)
            fh.write(line + "\n")
            size += len(rec["text"].encode("utf-8"))
    return size / 1e6


def _rss_peak_mb() -> float:
    """This process's peak resident set since the last :func:`_reset_peak` (Linux
    ``VmHWM``; ``ru_maxrss`` would carry a forked parent's peak into a worker)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1e3
    import resource  # (not Linux)

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def _reset_peak() -> None:
    """Start this process's peak resident set again from its current size (Linux)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
    except OSError:
        pass


def one_size(n: int, words: int, workers: int, sample: int, chunk_size: int, topics_sample: int) -> dict:
    """Run one size in this process (called in a fresh subprocess by main)."""
    from distributed import Client, LocalCluster

    from discourse import batch, lexicon, topics

    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    src = work / "articles.jsonl"
    mb = write_jsonl(src, n, words)
    out: dict = {"docs": n, "mb": round(mb, 1), "chunk_size": chunk_size}
    with open(src, encoding="utf-8") as fh:  # the baselines' sample: the first articles, read raw
        texts = [json.loads(next(fh))["text"] for _ in range(min(sample, n))]
    base_mb = _rss_peak_mb()
    _reset_peak()

    # topics: a model fitted on a sample of the file (one pass), applied to every chunk in the run
    steps, model = list(batch.STEPS), None
    out["sample_s"] = out["fit_s"] = 0.0
    if topics_sample > 0:
        t0 = time.perf_counter()
        docs = batch.sample(src, min(topics_sample, n))
        out["sample_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        model = topics.fit(docs, 20)
        out["fit_s"] = time.perf_counter() - t0
        del docs
    else:  # --topics-sample 0: the per-document steps of issue #18 item 1 only
        steps.remove("topics")
    out["peak_mb_main_before_run"] = _rss_peak_mb()  # (the topic model's fit, in this process)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as cluster, Client(cluster) as client:
        client.run(_reset_peak)
        cpu0 = client.run(time.process_time)
        _reset_peak()
        t0, c0 = time.perf_counter(), time.process_time()
        log = batch.run(src, steps, work / "run", chunk_size=chunk_size, scheduler=client, model=model,
                        progress=False)
        out["run_s"] = time.perf_counter() - t0
        out["run_main_cpu_s"] = time.process_time() - c0
        out["peak_mb_main"] = _rss_peak_mb()  # during the run
        out["peak_mb_workers"] = sorted(round(v) for v in client.run(_rss_peak_mb).values())
        cpu = client.run(time.process_time)
        out["run_workers_cpu_s"] = round(sum(cpu[w] - cpu0[w] for w in cpu), 1)
    out["base_mb"] = base_mb
    out["rows"] = {s: int(log.loc[log["step"] == s, "rows"].sum()) for s in steps}
    out["total_s"] = out["sample_s"] + out["fit_s"] + out["run_s"]

    # corpus-level statistics from the run's folder
    _reset_peak()
    t0 = time.perf_counter()
    batch.documents(work / "run")
    batch.rates(work / "run", n_boot=200)
    out["rates_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    batch.keyness(work / "run")
    out["keyness_s"] = time.perf_counter() - t0
    out["peak_mb_main_stats"] = _rss_peak_mb()

    # the straightforward way, on a sample of the same text, scaled to the whole corpus
    import re

    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from sklearn.feature_extraction.text import CountVectorizer

    from discourse._vader import reference

    scale = n / len(texts)
    pats = [re.compile(r"\b" + re.escape(t.rstrip("*")) + r"\b", re.IGNORECASE)
            for t in lexicon.read().head(500)["pattern"].astype(str)]
    t0 = time.process_time()
    sum(len(p.findall(t)) for p in pats for t in texts)
    out["naive_terms_s"] = (time.process_time() - t0) * scale
    sia, punkt = reference("nltk"), PunktSentenceTokenizer()  # nltk's analyzer, lexicon read offline
    t0 = time.process_time()
    [sia.polarity_scores(s) for t in texts for s in punkt.tokenize(t)]
    out["naive_vader_s"] = (time.process_time() - t0) * scale
    t0 = time.process_time()
    CountVectorizer().fit_transform(texts)
    out["naive_counts_s"] = (time.process_time() - t0) * scale
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (default 1000 10000)")
    ap.add_argument("--words", type=int, default=600, help="words per article (default 600)")
    ap.add_argument("--workers", type=int, default=2, help="Dask worker processes (default 2: both cores)")
    ap.add_argument("--chunk-size", type=int, default=1000, dest="chunk_size", help="articles per chunk (default 1000)")
    ap.add_argument("--topics-sample", type=int, default=2000, dest="topics_sample",
                    help="articles the topic model is fitted on (default 2000; 0: no topic model and "
                         "no topics step, the per-document analyses only)")
    ap.add_argument("--sample", type=int, default=500, help="articles for the straightforward baselines")
    ap.add_argument("--json", action="store_true", help="print each size's full record as JSON too")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one_size(args.one, args.words, args.workers, min(args.sample, args.one), args.chunk_size,
                                  args.topics_sample)))
        return 0
    print(f"machine: {os.cpu_count()} cores; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"(shared machine: wall clock is noisy); {args.workers} Dask worker processes; chunks of "
          f"{args.chunk_size}; wall-clock seconds; baselines on a {args.sample}-article sample scaled to the corpus")
    head = (f"{'articles':>9s} {'MB':>7s} {'sample+fit':>10s} {'run':>7s} {'total':>7s} {'MB/s':>6s} "
            f"{'peak MB main/workers':>22s} {'rates':>6s} {'keyness':>7s} | {'regex loop':>10s} "
            f"{'nltk VADER':>10s} {'sklearn CV':>10s}")
    print(head)
    for n in args.docs:
        res = subprocess.run([sys.executable, __file__, "--one", str(n), "--words", str(args.words),
                              "--workers", str(args.workers), "--sample", str(args.sample),
                              "--chunk-size", str(args.chunk_size), "--topics-sample", str(args.topics_sample)],
                             capture_output=True, text=True, check=False)
        if res.returncode:
            print(f"{n:>9,d} failed: {res.stderr.strip().splitlines()[-1] if res.stderr.strip() else res.returncode}")
            continue
        r = json.loads(res.stdout.strip().splitlines()[-1])
        peaks = f"{r['peak_mb_main']:.0f}/{'+'.join(str(p) for p in r['peak_mb_workers'])}"
        print(f"{r['docs']:>9,d} {r['mb']:>7.1f} {r['sample_s'] + r['fit_s']:>10.1f} {r['run_s']:>7.1f} "
              f"{r['total_s']:>7.1f} {r['mb'] / r['total_s']:>6.2f} {peaks:>22s} {r['rates_s']:>6.1f} "
              f"{r['keyness_s']:>7.1f} | {r['naive_terms_s']:>10.1f} {r['naive_vader_s']:>10.1f} "
              f"{r['naive_counts_s']:>10.1f}")
        if args.json:
            print(json.dumps(r))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("gensim's LdaModel: " + ("installed" if _has("gensim") else "not installed here (not a dependency)"))
    return 0


def _has(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


if __name__ == "__main__":
    raise SystemExit(main())
