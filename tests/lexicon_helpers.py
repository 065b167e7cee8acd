"""Shared helpers for the tests of the bundled loaded-language lexicon's coverage rounds."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from discourse import lexicon, terms

BUNDLED = Path(__file__).resolve().parents[1] / "discourse" / "lexicons" / "loaded_language.csv"


def corpus(*texts: str) -> pd.DataFrame:
    """A corpus table of the given texts, ids d0, d1, ..."""
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})


def section(header: str) -> list[str]:
    """The patterns of one round: the rows after the comment line starting with
    ``header`` in the bundled file, up to the next comment line."""
    lines = BUNDLED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    out = []
    for line in lines[start + 1:]:
        if line.startswith("#"):
            break
        out.append(line.split(",")[0])
    return out


def matched_whole_by_others(patterns: list[str]) -> list[str]:
    """The patterns (stars dropped) that another row of the bundled lexicon matches
    whole: the redundancy rule of the sources note wants none."""
    lex = lexicon.read()
    earlier = lex[~lex["pattern"].isin(patterns)]
    probes = [p.replace("*", "") for p in patterns]
    hits = terms.find(corpus(*probes), earlier)
    whole = [(int(d[1:]), a, b) for d, a, b in zip(hits["doc_id"], hits["start"], hits["end"])]
    return [probes[i] for i, a, b in whole if a == 0 and b == len(probes[i])]
