"""Throughput of :func:`discourse.quotes.find` in MB of article text per second.

Run: ``.venv/bin/python benchmarks/bench_quotes.py [--mb 20]``

The corpus is the seed article (its body text) plus hand-written quote-heavy
paragraphs, repeated with the document number mixed in so that no two documents are
identical. Reports the median of three runs on one core.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from discourse import quotes  # noqa: E402

EXTRA = [
    '"We will not leave," said Gen. Kenneth McKenzie, the head of Central Command. '
    '"Our commitment is firm." Officials described the move as a "strategic pause."',
    'Smith, who has led the agency since 2019, told Reuters that the bill was "dead on '
    'arrival," and according to aides, "the votes are not there."',
    '“It’s the army’s job,” said the soldiers’ commander. The so-called “peace process” '
    'stalled, and the ministry’s spokesman called it “a farce.”',
]


def _seed_body() -> str:
    raw = (ROOT / "seeds" / "000_6f0d46aa1e83e359.txt").read_text(encoding="utf-8")
    paras = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()][3:]
    paras = [p.replace("\\$", "$") for p in paras if not p.startswith(("To contact", "**["))]
    return "\n\n".join(paras)


def corpus(mb: float) -> pd.DataFrame:
    base = _seed_body() + "\n\n" + "\n\n".join(EXTRA)
    n = max(1, int(mb * 1e6 / len(base.encode("utf-8"))))
    texts = [f"Report number {i} from the desk.\n\n" + base for i in range(n)]
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "text": texts})


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    args = ap.parse_args(argv)
    df = corpus(args.mb)
    size = df["text"].str.len().sum() / 1e6
    quotes.find(df.head(5))  # warm the caches (verb table, regexes)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        q = quotes.find(df)
        times.append(time.perf_counter() - t0)
    t = statistics.median(times)
    print(f"documents: {len(df)}  text: {size:.1f} MB  quotations: {len(q)}")
    print(f"quotes.find: {t:.2f} s  ->  {size / t:.2f} MB/s ({len(q) / t:,.0f} quotations/s)")


if __name__ == "__main__":
    main()
