"""Limits of corpus.load: a table of many short articles, and one very long article.

    .venv/bin/python benchmarks/bench_limits.py [--rows N] [--article-mb M] [--duplicates T]

1. Writes a CSV of N (default 20,000) short news-like articles (about 170 bytes a
   row: id, outlet, date, title, a text of about 120 characters) into a temporary
   folder, seeded, with planted exact and near copies (one row in 500 repeats an
   earlier one, half of them with a word added), then loads it with ``corpus.load``
   (near duplicates included, the default ``duplicates=0.7``; ``--duplicates none``
   for exact only, ``false`` for none).
   ``--templated`` fills one narrow template instead (five slots, so any two rows
   share much wording and the candidate pairs of LSH grow with the square of the
   rows): a million such rows give about 1.2 billion pairs to check, more than
   the ``PAIR_LIMIT`` of near-duplicate detection, which refuses them up front.
2. Writes one article file of M MB (default 5; ``--article-mb 200`` for the
   documented figure) of paragraphs and loads it.

Each load runs in a child process, so the peak resident memory printed (``ru_maxrss``
of the child, which includes Python, pandas and the imports, about 0.1 GB) is that
load's alone; "wall" is the clock, "cpu" the child's CPU time. Nothing is read from
outside the temporary folder. The figures in docs/loading-robustness.md ("Limits")
come from ``--rows 100000``, ``--rows 1000000 --article-mb 200`` and
``--rows 1000000 --templated --article-mb 0``.
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

OUTLETS = ["Daily Ledger", "Evening Post", "Metro Wire", "The Courier", "Valley Times", "Harbour News",
           "North Star", "Capital Report"]
SUBJECTS = ("officials police residents lawmakers farmers teachers doctors investors workers voters "
            "firefighters engineers regulators students nurses judges landlords tenants pilots miners "
            "bankers economists scientists coaches fishermen retailers "
            "unionists councillors prosecutors activists analysts mayors governors ministers senators drivers parents "
            "shopkeepers builders rangers").split()
VERBS = ("said warned reported confirmed denied announced expected criticised welcomed questioned "
         "rejected demanded predicted disputed praised feared acknowledged argued insisted suggested "
         "claimed noted revealed admitted estimated").split()
THINGS = ("budget bridge tariffs strike flood school ceasefire rents election blackout water hospital fuel "
          "trade roadworks harvest pension airport railway factory mine port stadium library wildfire "
          "drought heatwave storm merger layoffs wages taxes subsidy loan audit inquiry lawsuit verdict "
          "protest curfew vaccine outbreak shortage recall contract tender permit license zoning "
          "pipeline dam ferry tram census").split()
ADJECTIVES = "new delayed disputed costly planned sudden annual emergency regional local national".split()
PLACES = [a + b for a in ("Ash Bram Car Dun East Fair Glen Hol Ir Jun Kel Lake Mill New Oak Pine Queen River "
                          "Stan Thorn Up Vale West York Zell").split()
          for b in "ford ton low more leigh view rock lins wick by".split()]
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
FIRST = ["{S} in {P} {V} on {D} that the {A} {T} would affect {N} households.",
         "The {A} {T} in {P} will cost {N} million, {S} {V} on {D}.",
         "{N} {S} gathered in {P} on {D} after the {A} {T} was announced.",
         "In {P}, {S} {V} the {A} {T} could last {M} weeks.",
         "{S} {V} on {D} that {P} faces a {A} {T} within {M} days."]
SECOND = ["The council meets again in {M} days.", "A decision on the {T} is due by {D}.",
          "{P} has {N} residents.", "Talks with {S} resume on {D}.", "Officials gave no figures.",
          "The {T} follows a {A} {T2} last year.", "Critics say the {T} ignores {S}."]
# the narrow template of --templated: five slots, so every two rows share much wording
NARROW = "{S} in {P} {V} on {D} that the {T} would affect {N} households. The council meets again in {M} days."


def articles(rows: int, seed: int = 0, *, templated: bool = False) -> list[list[str]]:
    """``rows`` CSV rows (id, outlet, published, title, text), seeded; one in 500 copies
    an earlier row (exactly, or with a word added: a near copy)."""
    rng = np.random.default_rng(seed)
    pools = dict(S=SUBJECTS, V=VERBS, T=THINGS, T2=THINGS, A=ADJECTIVES,
                 P=PLACES[:20] if templated else PLACES, D=DAYS)
    pick = {k: rng.integers(0, len(pool), rows) for k, pool in pools.items()}
    if templated:
        pick["S"] %= 16
        pick["V"] %= 12
        pick["T"] %= 16
    nums, weeks = rng.integers(2, 900, rows), rng.integers(1, 60, rows)
    first, second = rng.integers(0, len(FIRST), rows), rng.integers(0, len(SECOND), rows)
    outlet = rng.integers(0, len(OUTLETS), rows)
    dates = (np.datetime64("2015-01-01") + rng.integers(0, 3650, rows)).astype(str)
    out = []
    for i in range(rows):
        slot = {k: pools[k][pick[k][i]] for k in pools}
        slot.update(N=nums[i], M=weeks[i])
        template = NARROW if templated else FIRST[first[i]] + " " + SECOND[second[i]]
        text = template.format(**slot)
        out.append([f"r{i}", OUTLETS[outlet[i]], dates[i], f"{slot['P']}: {slot['T']}",
                    text[0].upper() + text[1:]])
    for i in range(500, rows, 500):  # planted copies of an earlier row
        src = out[i - 250]
        text = src[4] if i % 1000 else src[4] + " Updated."
        out[i] = [f"r{i}", src[1], src[2], src[3], text]
    return out


def write_csv(path: Path, rows: int, seed: int = 0, *, templated: bool = False) -> float:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "outlet", "published", "title", "text"])
        w.writerows(articles(rows, seed, templated=templated))
    return path.stat().st_size / 1e6


def write_article(path: Path, mb: float, seed: int = 0) -> float:
    rng = np.random.default_rng(seed)
    words = np.array(SUBJECTS + VERBS + PLACES + DAYS + "the of and to in a on for with as by that".split())
    target = int(mb * 1e6)
    with path.open("w", encoding="utf-8") as f:
        f.write("# A very long report\n\nBy A. Writer\n1 March 2021\n\n")
        size = 0
        while size < target:
            para = " ".join(words[rng.integers(0, len(words), 80)]).capitalize() + ".\n\n"
            block = para * 50  # (repeated paragraphs: fast to write, as long to read)
            f.write(block)
            size += len(block)
    return path.stat().st_size / 1e6


def child(path: str, duplicates: str) -> None:
    """Load ``path`` and print rows and flags (run in a child process)."""
    sys.path.insert(0, str(ROOT))
    from discourse import corpus
    option = {"none": None, "false": False}.get(duplicates.lower(), None)
    threshold = float(duplicates) if duplicates.lower() not in ("none", "false") else option
    df = corpus.load(path, duplicates=threshold, progress=False)
    print(f"{len(df)} rows, {int(df['duplicate_of'].notna().sum())} flagged as duplicates")


def measure(label: str, path: Path, mb: float, duplicates: str) -> None:
    w0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(path), "--duplicates", duplicates],
                                stdout=subprocess.PIPE, stderr=err, text=True)
        out = proc.stdout.read()
        proc.stdout.close()
        _, status, usage = os.wait4(proc.pid, 0)  # (the child's own peak memory and CPU time)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().strip().splitlines()
    wall = time.perf_counter() - w0
    result = out.strip() or (lines or ["no output"])[-1]
    print(f"{label} ({mb:.1f} MB, duplicates={duplicates}): {wall:.1f} s wall, "
          f"{usage.ru_utime + usage.ru_stime:.1f} s cpu, peak memory {usage.ru_maxrss / 2**20:.2f} GB; {result}",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000, help="rows of the CSV (default 20,000)")
    parser.add_argument("--article-mb", type=float, default=5.0, help="size of the single article (default 5)")
    parser.add_argument("--duplicates", default="0.7", help="threshold, 'none' (exact) or 'false' (default 0.7)")
    parser.add_argument("--templated", action="store_true",
                        help="one narrow template (every two rows share much wording): the refusal case")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.duplicates)
        return
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp, "articles.csv")
        mb = write_csv(table, args.rows, templated=args.templated)
        kind = "templated short articles" if args.templated else "short articles"
        measure(f"corpus.load: CSV of {args.rows:,} {kind}", table, mb, args.duplicates)
        table.unlink()
        if args.article_mb > 0:
            one = Path(tmp, "long.md")
            mb = write_article(one, args.article_mb)
            measure("corpus.load: one article file", one, mb, args.duplicates)


if __name__ == "__main__":
    main()
