"""Loading speed: article files per second, and duplicate detection on many texts.

    .venv/bin/python benchmarks/bench_load.py [N_FILES]

Writes N_FILES (default 2,000) seed-like article files with varied bodies into a
temporary folder (10% are near copies with small edits), then times corpus.load on
the folder (reading, parsing, repairs, dates, duplicate flagging) and
corpus.find_duplicates alone on 20,000 texts with 400 planted near copies.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from discourse import corpus  # noqa: E402

WORDS = (
    "government forces troops airstrikes officials said minister war economy election vote market prices "
    "the of and to in a on for with as by that was were has have will would could militants border city "
    "province capital talks ceasefire withdrawal report agency spokesman president parliament protest"
).split()


def article(rng, i: int) -> str:
    paras = []
    for _ in range(rng.integers(8, 20)):
        n = rng.integers(25, 70)
        paras.append(" ".join(rng.choice(WORDS, n)).capitalize() + ".")
    day = 1 + i % 28
    return f"# Headline number {i}\n\nBy Reporter {i % 50}\n{day} March 2021\n\n" + "\n\n".join(paras) + "\n\n**[example.org/contact](https://example.org/contact)**\n"


def main(n: int = 2000) -> None:
    rng = np.random.default_rng(0)
    texts = [article(rng, i) for i in range(n)]
    for i in range(0, n, 10):  # near copies: a wire story lightly edited
        if i + 1 < n:
            texts[i + 1] = texts[i].replace("# Headline number", "# Edited headline", 1).replace(" war ", " conflict ", 2)
    with tempfile.TemporaryDirectory() as tmp:
        for i, t in enumerate(texts):
            Path(tmp, f"{i:06d}.md").write_text(t, encoding="utf-8")
        mb = sum(len(t.encode()) for t in texts) / 1e6
        t0 = time.perf_counter()
        df = corpus.load(tmp)
        dt = time.perf_counter() - t0
    print(f"corpus.load: {n} files, {mb:.1f} MB in {dt:.2f} s = {n / dt:,.0f} files/s, {mb / dt:.1f} MB/s; "
          f"duplicates flagged: {int(df['duplicate_of'].notna().sum())}")
    vocab = np.array([f"w{i}" for i in range(20000)])
    zipf = 1 / np.arange(1, len(vocab) + 1)
    bodies = [" ".join(rng.choice(vocab, 400, p=zipf / zipf.sum())) for _ in range(20000)]
    for i in range(0, len(bodies), 50):
        bodies[i + 1] = bodies[i] + " with three words"
    t0 = time.perf_counter()
    corpus.find_duplicates(bodies)
    dt = time.perf_counter() - t0
    found = int((corpus.find_duplicates(bodies) >= 0).sum())
    print(f"find_duplicates: 20,000 texts of 400 words (Zipf vocabulary of 20,000) in {dt:.2f} s; "
          f"{found} of 400 planted near copies flagged")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
