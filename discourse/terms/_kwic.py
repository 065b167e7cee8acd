"""Keyword in context: each match with the words around it."""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterable, Literal, Mapping

import numpy as np
import pandas as pd

from discourse.terms._find import _annotations, _as_string, as_lexicon
from discourse.words import WORD_PATTERN

__all__ = ["kwic", "KWIC"]


class KWIC(pd.DataFrame):
    """A keyword-in-context table: a DataFrame that shows its matches highlighted
    in Jupyter (``left`` right-aligned, ``match`` marked, ``right`` left-aligned)."""

    _metadata: list[str] = []

    @property
    def _constructor(self):
        return KWIC

    def _repr_html_(self) -> str | None:  # pragma: no cover - exercised in notebooks
        if not {"left", "match", "right"}.issubset(self.columns):
            return super()._repr_html_()
        max_rows = pd.get_option("display.max_rows") or 60
        shown = self.head(max_rows)
        others = [c for c in shown.columns if c not in ("left", "match", "right")]
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in ["left", "match", "right", *others])
        rows = []
        colors = {"authorial": "#F6C6A8", "quoted": "#B3D4EC", "scare": "#F5DFA3", "reported": "#CFE3C6"}
        for rec in shown.itertuples(index=False):
            r = dict(zip(shown.columns, rec))
            bg = colors.get(str(r.get("voice")), "#EEEEEE")
            cells = [
                f'<td style="text-align:right;white-space:nowrap">{html.escape(str(r["left"]))}</td>',
                f'<td style="text-align:center;white-space:nowrap"><mark style="background:{bg};font-weight:bold">'
                f'{html.escape(str(r["match"]))}</mark></td>',
                f'<td style="text-align:left;white-space:nowrap">{html.escape(str(r["right"]))}</td>',
            ]
            cells += [f"<td>{html.escape('' if r[c] is pd.NA or (isinstance(r[c], float) and r[c] != r[c]) else str(r[c]))}</td>" for c in others]
            rows.append("<tr>" + "".join(cells) + "</tr>")
        more = f"<p>{len(self) - len(shown)} more rows</p>" if len(self) > len(shown) else ""
        return (f'<table class="dataframe kwic"><thead><tr>{head}</tr></thead><tbody>'
                + "".join(rows) + f"</tbody></table>{more}")


def _context(text: str, start: int, end: int, window: int) -> tuple[str, str]:
    """``window`` words (:data:`discourse.words.WORD_PATTERN`) either side of a span."""
    span = max(60, window * 30)
    lo = max(0, start - span)
    while True:
        words = list(WORD_PATTERN.finditer(text, lo, start))
        if len(words) > window or lo == 0:  # one spare: the first may be cut at lo
            break
        lo = max(0, lo - span)
        span *= 2
    left = text[words[-window].start():start] if window and len(words) >= window else (text[:start] if window else "")
    hi = min(len(text), end + max(60, window * 30))
    while True:
        words = list(WORD_PATTERN.finditer(text, end, hi))
        if len(words) > window or hi == len(text):  # one spare: the last may be cut at hi
            break
        hi = min(len(text), hi + (hi - end))
    right = text[end:words[window - 1].end()] if window and len(words) >= window else (text[end:] if window else "")
    return re.sub(r"\s+", " ", left).lstrip(), re.sub(r"\s+", " ", right).rstrip()



def kwic(
    data,
    pattern_or_matches: str | Iterable[str] | pd.DataFrame,
    *,
    window: int = 5,
    lexicon: pd.DataFrame | str | Path | Mapping | None = None,
    match: Literal["fixed", "glob", "regex"] = "glob",
) -> KWIC:
    """Keyword in context: each match with ``window`` words either side.

    Parameters
    ----------
    data : DataFrame or Annotations
        The articles (``doc_id``, ``text``) or their annotations.
    pattern_or_matches : str, list of str or DataFrame
        A matches table from :func:`find` (no matching is repeated, so changing
        ``window`` is cheap), or pattern(s) to find. With ``lexicon``, strings select
        lexicon rows by ``pattern`` or ``category``; otherwise they are patterns in
        mode ``match``.
    window : int
        Words on each side (words by :data:`discourse.words.WORD_PATTERN`).
    lexicon : DataFrame, path or dict, optional
        Lexicon to select from when patterns are given as strings.
    match : {"fixed", "glob", "regex"}
        Mode of string patterns not taken from a lexicon.

    Returns
    -------
    KWIC
        A DataFrame: ``doc_id``, ``left``, ``match``, ``right``, ``voice``, ``start``,
        ``end`` (+ ``pattern``, ``category``, ``speaker`` when known). Whitespace in
        the context is shown as single spaces.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["They called the Kabul regime a puppet of the US."]})
    >>> k = kwic(df, "puppet", window=2)
    >>> k[["left", "match", "right"]].iloc[0].tolist()
    ['regime a ', 'puppet', ' of the']
    """
    from discourse import lexicon as _lexicon
    from discourse.terms._find import find

    ann = _annotations(data)
    if window < 0:
        raise ValueError(f"window must be >= 0 words, not {window}")
    if isinstance(pattern_or_matches, pd.DataFrame):
        m = pattern_or_matches
        missing = [c for c in ("doc_id", "start", "end") if c not in m.columns]
        if missing:
            raise KeyError(f"matches is missing column(s) {missing}")
    else:
        pats = [pattern_or_matches] if isinstance(pattern_or_matches, str) else list(pattern_or_matches)
        if lexicon is not None:
            lex = _lexicon.validate(as_lexicon(lexicon))
            chosen = lex["pattern"].isin(pats) | lex["category"].isin(pats)
            if not chosen.any():
                raise ValueError(f"no lexicon row has pattern or category in {pats}")
            sub = lex[chosen | (lex["category"] == _lexicon.EXCLUDE)]  # the vetoes stay in force
        else:
            sub = _lexicon.from_records([{"pattern": p, "category": "kwic"} for p in pats], match=match)
        m = find(ann, sub)
    texts = ann.texts  # ids as text, as in find()
    lefts, rights, matched = [], [], []
    for d, a, b in zip(m["doc_id"], m["start"].astype(int), m["end"].astype(int)):
        t = texts.get(str(d))
        if t is None:
            raise KeyError(f"doc_id {d!r} of the matches is not in the corpus")
        left, right = _context(t, a, b, window)
        lefts.append(left)
        rights.append(right)
        matched.append(t[a:b])
    out = pd.DataFrame({
        "doc_id": m["doc_id"].to_numpy(dtype=object),
        "left": pd.Series(lefts, dtype=object).to_numpy(),
        "match": pd.Series(matched, dtype=object).to_numpy(),
        "right": pd.Series(rights, dtype=object).to_numpy(),
        "voice": m["voice"].to_numpy(dtype=object) if "voice" in m.columns else np.array([pd.NA] * len(m), dtype=object),
        "start": m["start"].to_numpy(dtype=np.int64),
        "end": m["end"].to_numpy(dtype=np.int64),
    })
    for c in ("pattern", "category", "speaker"):
        if c in m.columns:
            out[c] = m[c].to_numpy(dtype=object)
    return KWIC(_as_string(out))
