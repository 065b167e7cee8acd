"""Loading speed: article files, a DataFrame of real news, and duplicate detection.

    .venv/bin/python benchmarks/bench_load.py [N_FILES]

1. Writes N_FILES (default 2,000) seed-like article files with varied bodies into a
   temporary folder (10% are near copies with small edits), then times corpus.load on
   the folder (reading, parsing, repairs, dates, duplicate flagging).
2. When the development set ``../shared/devsets/topics-allsides/articles.jsonl`` is
   present, READS it (nothing of it is stored) into a DataFrame and times
   corpus.load(dataframe): ids, NFC text, dates and near-duplicate flags (the default
   ``duplicates=0.7``), then exact flags only and no flags, beside the plain
   alternative in the same run (the DataFrame, ``str.normalize("NFC")`` and sha1 ids).
3. Times corpus.find_duplicates alone on 20,000 texts with 400 planted near copies.

Times are the best of a few runs; "cpu" is the process's CPU time (``time.process_time``),
which is what one core does when the machine is shared; "wall" is the clock.
"""
from __future__ import annotations

import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from discourse import corpus  # noqa: E402

DEVSET = ROOT.parent / "shared" / "devsets" / "topics-allsides" / "articles.jsonl"

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


def timed(step, repeat: int = 3):
    """(result, best wall seconds, best CPU seconds) of ``step()``."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        result = step()
        cpu = min(cpu, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    return result, wall, cpu


def rate(mb: float, wall: float, cpu: float) -> str:
    return f"{mb / cpu:.1f} MB/s cpu ({cpu:.2f} s), {mb / wall:.1f} MB/s wall ({wall:.2f} s)"


def files(rng, n: int) -> None:
    texts = [article(rng, i) for i in range(n)]
    for i in range(0, n, 10):  # near copies: a wire story lightly edited
        if i + 1 < n:
            texts[i + 1] = texts[i].replace("# Headline number", "# Edited headline", 1).replace(" war ", " conflict ", 2)
    with tempfile.TemporaryDirectory() as tmp:
        for i, t in enumerate(texts):
            Path(tmp, f"{i:06d}.md").write_text(t, encoding="utf-8")
        mb = sum(len(t.encode()) for t in texts) / 1e6
        df, wall, cpu = timed(lambda: corpus.load(tmp, progress=False), repeat=2)
    print(f"corpus.load(folder): {n} files, {mb:.1f} MB: {n / cpu:,.0f} files/s, {rate(mb, wall, cpu)}; "
          f"duplicates flagged: {int(df['duplicate_of'].notna().sum())}")


def plain(records: list[dict]) -> pd.DataFrame:
    """The plain alternative: a DataFrame, NFC text and sha1 ids, nothing else."""
    df = pd.DataFrame(records)
    df["text"] = df["text"].str.normalize("NFC")
    df["doc_id"] = [hashlib.sha1(t.encode()).hexdigest()[:16] for t in df["text"]]
    return df


def dataframe() -> None:
    if not DEVSET.is_file():
        print(f"corpus.load(DataFrame) on real news: skipped, {DEVSET} is not present")
        return
    with DEVSET.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    table = pd.DataFrame(records)
    mb = sum(len(t.encode()) for t in table["text"]) / 1e6
    print(f"corpus.load(DataFrame): {len(table):,} real news articles (topics-allsides), {mb:.1f} MB of text")
    _, wall, cpu = timed(lambda: plain(records))
    print(f"  plain pd.DataFrame + str.normalize('NFC') + sha1 ids:   {rate(mb, wall, cpu)}")
    for label, option in (("no duplicate flags (duplicates=False)", False), ("exact duplicates (duplicates=None)", None),
                          ("near duplicates (default, 0.7)", 0.7)):
        df, wall, cpu = timed(lambda: corpus.load(table, duplicates=option))
        print(f"  corpus.load, {label + ':':40s} {rate(mb, wall, cpu)}; flagged: {int(df['duplicate_of'].notna().sum())}")


def duplicates(rng) -> None:
    vocab = np.array([f"w{i}" for i in range(20000)])
    zipf = 1 / np.arange(1, len(vocab) + 1)
    bodies = [" ".join(rng.choice(vocab, 400, p=zipf / zipf.sum())) for _ in range(20000)]
    for i in range(0, len(bodies), 50):
        bodies[i + 1] = bodies[i] + " with three words"
    found, wall, cpu = timed(lambda: corpus.find_duplicates(bodies), repeat=1)
    print(f"find_duplicates: 20,000 texts of 400 words (Zipf vocabulary of 20,000) in {cpu:.2f} s cpu, "
          f"{wall:.2f} s wall; {int((found >= 0).sum())} of 400 planted near copies flagged")


def main(n: int = 2000) -> None:
    rng = np.random.default_rng(0)
    files(rng, n)
    dataframe()
    duplicates(rng)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
