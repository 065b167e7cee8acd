"""Benchmark: loaded-term matching speed (issue 4, "Speed").

Matches a 500-pattern lexicon (the first 500 rows of the bundled loaded-language
lexicon; topped up with generated phrases should the lexicon ever have fewer) against
>= 50 MB of generated news-like text on one core, and
compares with the straightforward approach: one compiled regular expression per
term, run over the same text.

Only the matcher is timed (``discourse.terms.Matcher``: case folding, Aho-Corasick,
word boundaries, glob extension, overlap resolution), not sentence splitting or
quotation finding, which ``terms.find`` adds on top.

Run::

    .venv/bin/python benchmarks/bench_terms.py            # 50 MB, full regex baseline
    .venv/bin/python benchmarks/bench_terms.py --mb 10    # quicker
    .venv/bin/python benchmarks/bench_terms.py --devset   # terms.find on real news

Target: >= 30 MB/s.

``--devset [PATH]`` instead times ``terms.find(annotations, lexicon)`` (matching,
units and voice from the shared text layer, annotations already built) on the first
``--devset-mb`` MB of article texts of a JSON-lines export read at run time
(default ``/work/shared/devsets/topics-allsides/articles.jsonl``; nothing of it is
stored); without that file it says so and exits 0. Target: far above 5 MB/s.
"""
from __future__ import annotations

import argparse
import re
import time

import numpy as np
import pandas as pd

from discourse import lexicon
from discourse.terms import Matcher

_FILLER = """
the a of to in and that for on with as by at from was were is are has have had will would
said says officials government forces country military troops war president minister people
security week report city region attack attacks strike strikes talks peace border province
capital army police election vote party leaders spokesman statement according told reporters
percent million billion dollars year years month day Monday Tuesday Wednesday Thursday Friday
United States Washington Kabul Moscow Beijing Afghanistan Taliban Russia China Ukraine Iran
Syria Israel Gaza Europe NATO Pentagon Congress Senate White House ministry defense foreign
economic economy market markets prices oil gas trade sanctions aid humanitarian refugees
civilians killed wounded injured dead fighting fighters control advances withdrawal deal
agreement negotiations meeting visit support opposition rebels militants groups group
however also but not more than after before during while since until about against between
new former senior local national international regional central northern southern eastern
western first second last next early late high low large small major key important recent
""".split()

_CURLY = ["’s", "’", "“", "”"]


def generate_text(mb: float, lex: pd.DataFrame, *, seed: int = 0, words_per_doc: int = 600) -> list[str]:
    """News-like documents totalling about ``mb`` megabytes (characters).

    Filler vocabulary with capitalised sentence starts, commas, periods, curly quotes
    and apostrophes, paragraph breaks, and lexicon phrases (with globs expanded to an
    inflected form) at roughly one per 120 words.
    """
    rng = np.random.default_rng(seed)
    terms = [p.replace("*", "s").replace("?", "e") for p, mode in zip(lex["pattern"], lex["match"]) if mode != "regex"]
    vocab = np.array(_FILLER + ["regimen", "focus", "routine", "heroin", "sharpen"], dtype=object)
    target = int(mb * 1_000_000)
    docs, total = [], 0
    while total < target:
        idx = rng.integers(0, len(vocab), size=words_per_doc)
        words = vocab[idx].tolist()
        for k in rng.integers(0, words_per_doc, size=words_per_doc // 120):
            words[k] = terms[int(rng.integers(0, len(terms)))]
        for k in rng.integers(0, words_per_doc, size=words_per_doc // 60):
            words[k] = words[k] + _CURLY[int(rng.integers(0, len(_CURLY)))]
        out, sent = [], 0
        for i, w in enumerate(words):
            if sent == 0:
                w = w[:1].upper() + w[1:]
            sent += 1
            if sent > 8 and rng.random() < 0.1:
                w += "."
                sent = 0
                if rng.random() < 0.25:
                    w += "\n\n"
            elif rng.random() < 0.05:
                w += ","
            out.append(w)
        doc = " ".join(out).replace("\n\n ", "\n\n") + "."
        docs.append(doc)
        total += len(doc)
    return docs


def lexicon_500(n: int = 500) -> pd.DataFrame:
    lex = lexicon.read()
    extra = []
    pool = ["security", "military", "border", "election", "peace", "oil", "trade", "market", "aid", "police"]
    heads = ["crisis", "collapse", "crackdown", "offensive", "blockade", "standoff", "surge", "turmoil", "unrest", "showdown"]
    for a in pool:
        for b in heads:
            extra.append({"pattern": f"{a} {b}", "category": "generated", "match": "glob"})
    extra_df = lexicon.from_records(extra)
    return pd.concat([lex, extra_df], ignore_index=True).head(n).reset_index(drop=True)


def _glob_regex(p: str) -> str:
    body = re.escape(p).replace(r"\*", r"\w*").replace(r"\?", r"\w")
    return r"\b" + body + r"\b"


def baseline(texts: list[str], lex: pd.DataFrame) -> int:
    """One compiled regex per term over each document: the straightforward approach."""
    pats = [re.compile(p if mode == "regex" else _glob_regex(p), re.IGNORECASE)
            for p, mode in zip(lex["pattern"], lex["match"])]
    joined = "\n\x00\n".join(texts)
    n = 0
    for rx in pats:
        for _ in rx.finditer(joined):
            n += 1
    return n


DEVSET = "/work/shared/devsets/topics-allsides/articles.jsonl"


def devset_corpus(path: str, mb: float) -> pd.DataFrame | None:
    """The first ``mb`` MB (UTF-8) of article texts of a JSON-lines export, or None if absent."""
    import json
    from pathlib import Path

    if not Path(path).exists():
        return None
    rows, size = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rows.append({"doc_id": str(r.get("id", len(rows))), "outlet": r.get("outlet"), "text": r.get("text") or ""})
            size += len(rows[-1]["text"].encode("utf-8"))
            if size >= mb * 1e6:
                break
    return pd.DataFrame(rows)


def devset(path: str, mb: float, repeat: int) -> None:
    """Time terms.find on the annotations of real news (see the module docstring)."""
    from discourse import terms, text

    df = devset_corpus(path, mb)
    if df is None:
        print(f"devset {path} not found: nothing to measure")
        return
    size_mb = df["text"].str.encode("utf-8").str.len().sum() / 1e6
    c0 = time.process_time()
    ann = text.annotate(df)  # sentences and quotations, once (not part of the timing)
    ann_cpu = time.process_time() - c0
    lex = lexicon.read()
    best = best_cpu = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        m = terms.find(ann, lex)
        best, best_cpu = min(best, time.perf_counter() - t0), min(best_cpu, time.process_time() - c0)
    print(f"devset: {len(df):,} articles, {size_mb:.2f} MB; annotate (sentences, quotations): {ann_cpu:.2f} s CPU")
    print(f"terms.find(annotations, bundled lexicon): {len(m):,} matches, best of {repeat}: "
          f"{best_cpu:.3f} s CPU = {size_mb / best_cpu:.1f} MB/s (wall {best:.3f} s = {size_mb / best:.1f} MB/s)")
    print("voices:", m["voice"].value_counts().to_dict())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=50.0, help="text size in MB (default 50)")
    ap.add_argument("--baseline-mb", type=float, default=None,
                    help="run the regex baseline on only this many MB (default: the same text)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs for the matcher")
    ap.add_argument("--devset", nargs="?", const=DEVSET, default=None, metavar="PATH",
                    help="time terms.find on real news instead (JSON lines; default %(const)s)")
    ap.add_argument("--devset-mb", type=float, default=5.0, help="MB of devset text (default 5)")
    args = ap.parse_args()
    if args.devset is not None:
        devset(args.devset, args.devset_mb, args.repeat)
        return

    lex = lexicon_500()
    t0 = time.perf_counter()
    texts = generate_text(args.mb, lex)
    gen = time.perf_counter() - t0
    size_mb = sum(len(t) for t in texts) / 1e6
    print(f"lexicon: {len(lex)} patterns ({(lex['match'] == 'glob').sum()} glob, "
          f"{(lex['match'] == 'regex').sum()} regex); text: {len(texts):,} documents, "
          f"{size_mb:.1f} MB (generated in {gen:.1f} s)")

    t0 = time.perf_counter()
    matcher = Matcher(lex)
    compile_s = time.perf_counter() - t0
    best = best_cpu = float("inf")
    n_matches = 0
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        doc, st, en, pi = matcher.arrays(texts)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
        n_matches = len(st)

    base_texts = texts
    if args.baseline_mb is not None and args.baseline_mb < size_mb:
        keep, tot = [], 0
        for t in texts:
            if tot >= args.baseline_mb * 1e6:
                break
            keep.append(t)
            tot += len(t)
        base_texts = keep
    base_mb = sum(len(t) for t in base_texts) / 1e6
    t0, c0 = time.perf_counter(), time.process_time()
    n_base = baseline(base_texts, lex)
    base_s, base_cpu = time.perf_counter() - t0, time.process_time() - c0

    ac_rate, ac_cpu_rate = size_mb / best, size_mb / best_cpu
    base_rate, base_cpu_rate = base_mb / base_s, base_mb / base_cpu
    head = ("method", "MB", "wall s", "MB/s (wall)", "CPU s", "MB/s (CPU)", "matches")
    rows = [
        ("discourse.terms.Matcher (Aho-Corasick)", f"{size_mb:.1f}", f"{best:.2f}", f"{ac_rate:.1f}",
         f"{best_cpu:.2f}", f"{ac_cpu_rate:.1f}", f"{n_matches:,}"),
        ("one compiled regex per term (re)", f"{base_mb:.1f}", f"{base_s:.2f}", f"{base_rate:.2f}",
         f"{base_cpu:.2f}", f"{base_cpu_rate:.2f}", f"{n_base:,}"),
    ]
    w = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    print()
    print("  ".join(h.ljust(w[i]) if i == 0 else h.rjust(w[i]) for i, h in enumerate(head)))
    print("  ".join("-" * x for x in w))
    for r in rows:
        print("  ".join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(r)))
    print()
    try:
        import os
        load = os.getloadavg()[0]
    except OSError:  # pragma: no cover
        load = float("nan")
    print(f"compile ({len(lex)} patterns): {compile_s * 1000:.0f} ms; speed-up vs regex loop: "
          f"{ac_rate / base_rate:.0f}x (wall), {ac_cpu_rate / base_cpu_rate:.0f}x (CPU)")
    print(f"target >= 30 MB/s on one core: {'met' if max(ac_rate, ac_cpu_rate) >= 30 else 'NOT met'} "
          f"(CPU time is the one-core figure when the machine is shared; 1-min load average {load:.1f})")
    print("(match counts differ: the matcher resolves overlaps (longest wins) and treats hyphen/space and "
          "curly apostrophes alike; the regex loop counts every pattern's hits independently)")


if __name__ == "__main__":
    main()
