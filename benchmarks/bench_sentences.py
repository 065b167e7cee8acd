"""Benchmark: sentence splitting, nltk's Punkt vs discourse's FastPunkt (and other splitters).

Run from the repository root::

    .venv/bin/python benchmarks/bench_sentences.py                  # all the news text
    .venv/bin/python benchmarks/bench_sentences.py --mb 5 --other-mb 0.5

Text: the articles of ``/work/shared/devsets/quotes-polnear`` and ``topics-allsides``
(field ``text``, read at run time, nothing stored) when that folder is present, else
the bundled demo corpus and the seed article. Each text is split per paragraph, as
:func:`discourse.text.sentences` does. nltk's ``PunktSentenceTokenizer`` with the news
abbreviations (:data:`discourse.words.ABBREVIATIONS`) is the reference; FastPunkt runs
with the same parameters, starting with empty memos (``--repeat`` times, a new
splitter each time, median reported), and must reproduce 100% of Punkt's sentences.

Other splitters (blingfire, pysbd, syntok, nupunkt, sentencex) run on the first
``--other-mb`` of the paragraphs when they are installed (``pip install`` them into
the virtualenv; none is a dependency of discourse) and are skipped otherwise. For them
"same" is the share of Punkt's sentences they give with exactly the same span (both
sides stripped of surrounding whitespace).

``--train-mb`` of the articles also train Punkt as ``text.sentences(train=True)`` does,
with nltk's ``PunktTrainer`` and with ``discourse.text._punkt.make_trainer``; both must
learn the same parameters, and FastPunkt with them must reproduce trained Punkt.

Throughput is MB of UTF-8 text per second of process CPU time (one core); wall-clock
seconds are printed alongside.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktTrainer  # noqa: E402

from discourse import corpus, text  # noqa: E402
from discourse.text._punkt import FastPunkt, make_trainer  # noqa: E402
from discourse.text._units import _para_spans, train_params  # noqa: E402
from discourse.words import ABBREVIATIONS  # noqa: E402

DEVSETS = Path("/work/shared/devsets")
NEWS = [DEVSETS / "quotes-polnear" / "articles.jsonl", DEVSETS / "topics-allsides" / "articles.jsonl"]


def load_texts() -> list[str]:
    if all(p.is_file() for p in NEWS):
        texts = []
        for path in NEWS:
            with open(path, encoding="utf-8") as f:
                texts += [str(json.loads(line).get("text") or "") for line in f if line.strip()]
        print(f"Text: real news, {len(texts):,} articles of {', '.join(p.parent.name for p in NEWS)} "
              f"in {DEVSETS} (read at run time)")
        return texts
    df = corpus.load([ROOT / "seeds", ROOT / "corpora" / "demo"])
    print(f"Text: no news articles in {DEVSETS}; using the bundled demo corpus and seed article "
          f"({len(df)} articles)")
    return df["text"].astype(str).tolist()


def first_mb(items: list[str], mb: float | None) -> list[str]:
    """The leading items that together hold ``mb`` MB of UTF-8 text (all if None)."""
    if mb is None:
        return items
    size = 0
    for i, t in enumerate(items):
        size += len(t.encode("utf-8"))
        if size >= mb * 1e6:
            return items[: i + 1]
    return items


def paragraphs(texts: list[str]) -> list[str]:
    return [t[s:e] for t in texts for s, e in _para_spans(t)]


def timed(f):
    c0, w0 = time.process_time(), time.perf_counter()
    result = f()
    return result, time.process_time() - c0, time.perf_counter() - w0


def _stripped(para: str, spans) -> set[tuple[int, int]]:
    out = set()
    for s, e in spans:
        seg = para[s:e]
        s2 = s + len(seg) - len(seg.lstrip())
        e2 = s + len(seg.rstrip())
        if e2 > s2:
            out.add((s2, e2))
    return out


def same_share(paras: list[str], reference, spans) -> float:
    hit = total = 0
    for p, ref, got in zip(paras, reference, spans):
        r = _stripped(p, ref)
        total += len(r)
        hit += len(r & _stripped(p, got))
    return 100.0 * hit / max(total, 1)


def others() -> dict:
    """The installed candidate splitters, each a function: paragraph -> spans."""
    found = {}
    try:
        import blingfire

        found["blingfire"] = lambda p: blingfire.text_to_sentences_and_offsets(p)[1] if p.strip() else []
    except ImportError:
        pass
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        found["pysbd"] = lambda p: [(s.start, s.end) for s in seg.segment(p)]
    except ImportError:
        pass
    try:
        from syntok import segmenter

        found["syntok"] = lambda p: [(s[0].offset, s[-1].offset + len(s[-1].value))
                                     for para in segmenter.analyze(p) for s in para]
    except ImportError:
        pass
    try:
        import nupunkt

        found["nupunkt"] = lambda p: list(nupunkt.sent_spans(p))
    except ImportError:
        pass
    try:
        import sentencex

        found["sentencex"] = lambda p: [(b["start_index"], b["end_index"])
                                        for b in sentencex.get_sentence_boundaries("en", p)]
    except ImportError:
        pass
    return found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=None, help="MB of articles to split (default: all)")
    ap.add_argument("--other-mb", type=float, default=1.0, help="MB of paragraphs for the other splitters")
    ap.add_argument("--repeat", type=int, default=3, help="FastPunkt runs, each with a new splitter (median)")
    ap.add_argument("--train-mb", type=float, default=1.0, help="MB of articles to train Punkt on (0: skip)")
    args = ap.parse_args(argv)

    texts = first_mb(load_texts(), args.mb)
    paras = paragraphs(texts)
    mb = sum(len(p.encode("utf-8")) for p in paras) / 1e6
    print(f"{len(paras):,} paragraphs, {mb:.2f} MB\n")
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)

    punkt = PunktSentenceTokenizer(params)
    reference, cpu_nltk, wall_nltk = timed(lambda: [list(punkt.span_tokenize(p)) for p in paras])
    n_sent = sum(map(len, reference))
    runs = [timed(lambda: FastPunkt(params).span_tokenize_many(paras)) for _ in range(max(args.repeat, 1))]
    spans, cpu_fast, wall_fast = runs[0][0], median(r[1] for r in runs), median(r[2] for r in runs)
    exact = sum(a == b for a, b in zip(reference, spans)) / max(len(paras), 1) * 100
    share = same_share(paras, reference, spans)

    df = pd.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "text": texts})
    table_mb = df["text"].str.encode("utf-8").str.len().sum() / 1e6
    text._units._untrained.cache_clear()
    _, cpu_table, wall_table = timed(lambda: text.sentences(df))

    print(f"{'splitter':34s} {'CPU s':>7s} {'wall s':>7s} {'MB/s':>7s} {'same %':>7s}")
    print(f"{'nltk Punkt (' + format(n_sent, ',') + ' sentences)':34s} {cpu_nltk:7.2f} {wall_nltk:7.2f} "
          f"{mb / cpu_nltk:7.2f} {100.0:7.2f}")
    print(f"{'FastPunkt':34s} {cpu_fast:7.2f} {wall_fast:7.2f} {mb / cpu_fast:7.2f} {share:7.2f}")
    print(f"{'text.sentences table (' + format(table_mb, '.1f') + ' MB)':34s} {cpu_table:7.2f} {wall_table:7.2f} "
          f"{table_mb / cpu_table:7.2f}")
    print(f"FastPunkt / nltk speed: {cpu_nltk / cpu_fast:.1f}x; paragraphs with identical spans: {exact:.3f}%")

    if args.train_mb > 0:
        train_texts = first_mb(texts, args.train_mb)
        train_mb = sum(len(t.encode("utf-8")) for t in train_texts) / 1e6
        learned = {}
        print(f"\nTraining on the first {train_mb:.2f} MB ({len(train_texts):,} articles), as text.sentences(train=True):")
        for name, trainer in (("nltk PunktTrainer", PunktTrainer()), ("make_trainer", make_trainer())):
            learned[name], cpu, wall = timed(lambda: train_params(train_texts, trainer))
            print(f"{name:34s} {cpu:7.2f} {wall:7.2f} {train_mb / cpu:7.2f}")
        a, b = learned.values()
        same_params = (a.abbrev_types, a.collocations, a.sent_starters, dict(a.ortho_context)) == (
            b.abbrev_types, b.collocations, b.sent_starters, dict(b.ortho_context))
        tpar = paragraphs(train_texts)
        ref_t = [list(PunktSentenceTokenizer(a).span_tokenize(p)) for p in tpar]
        share_t = same_share(tpar, ref_t, FastPunkt(b).span_tokenize_many(tpar))
        print(f"same parameters learned: {same_params}; FastPunkt with them reproduces {share_t:.2f}% "
              f"of trained Punkt's {sum(map(len, ref_t)):,} sentences")
        share = min(share, share_t if same_params else 0.0)

    cands = others()
    if cands:
        sub = first_mb(paras, args.other_mb)
        sub_mb = sum(len(p.encode("utf-8")) for p in sub) / 1e6
        print(f"\nOther splitters on the first {sub_mb:.2f} MB ({len(sub):,} paragraphs):")
        for name, split in cands.items():
            got, cpu, wall = timed(lambda: [split(p) for p in sub])
            print(f"{name:34s} {cpu:7.2f} {wall:7.2f} {sub_mb / cpu:7.2f} "
                  f"{same_share(sub, reference[: len(sub)], got):7.2f}")
    missing = sorted({"blingfire", "pysbd", "syntok", "nupunkt", "sentencex"} - set(cands))
    if missing:
        print(f"not installed (skipped): {', '.join(missing)}")
    return 0 if share == 100.0 else 1


if __name__ == "__main__":
    sys.exit(main())
