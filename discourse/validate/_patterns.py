"""Candidate lexicon entries from coded text, for a researcher to review.

Words and phrases that mark coded text (spans or documents) against the rest of the
corpus, ranked by the log-odds ratio with an informative Dirichlet prior (Monroe,
Colaresi & Quinn 2008), with the precision each would have as a pattern. Nothing is
added to any lexicon: the table is a reading list.
"""
from __future__ import annotations

import fnmatch
import re
from collections import Counter
from typing import Sequence

import numpy as np
import pandas as pd

from discourse.words import TOKEN_PATTERN, WORD_PATTERN
from discourse import words as _words

__all__ = ["candidates"]


def _stop_set(stop_words) -> frozenset[str]:
    return _words.stop_words(stop_words, names=("english",))


def _runs(text: str):
    """Runs of consecutive words (no punctuation between them): lists of (start, end, word)."""
    run: list[tuple[int, int, str]] = []
    for m in TOKEN_PATTERN.finditer(text):
        if WORD_PATTERN.fullmatch(m.group()):
            run.append((m.start(), m.end(), m.group().lower()))
        elif run:
            yield run
            run = []
    if run:
        yield run


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= a and b <= e for s, e in spans)


def _lexicon_patterns(lexicon) -> list[re.Pattern]:
    if lexicon is None:
        return []
    if isinstance(lexicon, pd.DataFrame):
        if "pattern" not in lexicon.columns:
            raise KeyError("lexicon needs a 'pattern' column (discourse.lexicon.read)")
        pats = lexicon[["pattern"]].assign(match=lexicon["match"] if "match" in lexicon.columns else "glob")
    else:
        pats = pd.DataFrame({"pattern": list(lexicon), "match": "glob"})
    out = []
    for p, how in zip(pats["pattern"].astype(str), pats["match"].astype(str)):
        if how == "regex":
            out.append(re.compile(p, re.IGNORECASE))
        elif how == "fixed":
            out.append(re.compile(re.escape(p), re.IGNORECASE))
        else:
            out.append(re.compile(fnmatch.translate(p.lower())))
    return out


def candidates(coded: pd.DataFrame, corpus: pd.DataFrame, *, code: str | None = "code", positive="yes",
               ngram_range: tuple[int, int] = (1, 2), min_count: int = 3,
               stop_words: str | Sequence[str] | None = "english", lexicon=None) -> pd.DataFrame:
    """Words and phrases that mark coded text, ranked, with their precision as patterns.

    Coded text is the positive spans (rows with ``doc_id``, ``start``, ``end``) or
    the positive documents (rows with ``doc_id`` only) of ``coded``; the rest of the
    corpus is everything else. Each n-gram (words only, never across punctuation)
    is counted in both; ``z`` is its log-odds ratio coded vs. rest with the corpus
    counts as informative Dirichlet prior, divided by its standard error (Monroe et
    al. 2008); ``precision`` is the share of its occurrences inside coded text, the
    precision it would have as a lexicon pattern.

    Parameters
    ----------
    coded : DataFrame
        Coded spans or documents, with a ``code`` column.
    corpus : DataFrame
        ``doc_id`` and ``text``.
    code : str or None
        Column of the code; None when every row of ``coded`` is positive (a table of
        gold spans).
    positive : scalar or list
        Code value(s) that mark the text to describe.
    ngram_range : (int, int)
        Shortest and longest n-gram.
    min_count : int
        Least occurrences inside coded text.
    stop_words : "english", list of str or None
        N-grams that start or end with a stop word are left out (scikit-learn's
        English list by default).
    lexicon : DataFrame or list of str, optional
        An existing lexicon (``discourse.lexicon.read``) or list of glob patterns;
        adds ``in_lexicon`` (the n-gram is matched by a pattern already).

    Returns
    -------
    DataFrame
        ``term``, ``n`` (occurrences in the corpus), ``n_coded``, ``n_rest``,
        ``precision``, ``z`` (and ``in_lexicon``), by decreasing ``z``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["The brutal regime fell. The brutal regime rose.",
    ...                                                      "The government fell."]})
    >>> coded = pd.DataFrame({"doc_id": ["a", "a"], "start": [4, 28], "end": [17, 41], "code": ["yes", "yes"]})
    >>> candidates(coded, corpus, min_count=2).head(2)[["term", "n_coded", "n_rest", "precision"]]
                term  n_coded  n_rest  precision
    0         brutal        2       0        1.0
    1  brutal regime        2       0        1.0
    """
    for col in ("doc_id", "text"):
        if col not in corpus.columns:
            raise KeyError(f"corpus needs a {col!r} column")
    if "doc_id" not in coded.columns:
        raise KeyError("coded needs a 'doc_id' column (and 'start', 'end' for spans)")
    lo, hi = ngram_range
    if not 1 <= lo <= hi:
        raise ValueError(f"ngram_range must be (low, high) with 1 <= low <= high, not {ngram_range}")
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, not {min_count}")
    if code is not None:
        if code not in coded.columns:
            raise KeyError(f"code: column {code!r} not in coded (pass code=None if every row is positive)")
        pos = list(positive) if isinstance(positive, (list, tuple, set)) else [positive]
        coded = coded[coded[code].isin(pos)]
    is_span = {"start", "end"} <= set(coded.columns)
    target: dict[str, list[tuple[int, int]]] = {}
    for row in coded.itertuples(index=False):
        span = (int(row.start), int(row.end)) if is_span else (0, np.iinfo(np.int64).max)
        target.setdefault(str(row.doc_id), []).append(span)
    unknown = sorted(set(target) - set(corpus["doc_id"].astype(str)))
    if unknown:
        raise KeyError(f"coded has doc_id(s) not in corpus: {unknown[:5]}")
    if not target:
        raise ValueError(f"coded has no rows with code {positive!r}: no coded text to describe")
    stops = _stop_set(stop_words)
    inside, outside = Counter(), Counter()
    for d, text in zip(corpus["doc_id"].astype(str), corpus["text"].astype(str)):
        spans = target.get(d, [])
        for run in _runs(text):
            for n in range(lo, hi + 1):
                for i in range(len(run) - n + 1):
                    gram = run[i:i + n]
                    if gram[0][2] in stops or gram[-1][2] in stops:
                        continue
                    term = " ".join(w for _, _, w in gram)
                    if spans and _inside(gram[0][0], gram[-1][1], spans):
                        inside[term] += 1
                    else:
                        outside[term] += 1
    terms = sorted(t for t, k in inside.items() if k >= min_count)
    cols = ["term", "n", "n_coded", "n_rest", "precision", "z"] + (["in_lexicon"] if lexicon is not None else [])
    if not terms:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in cols}).astype(
            {"term": "string", "n": "int64", "n_coded": "int64", "n_rest": "int64"})
    y_i = np.array([inside[t] for t in terms], dtype=float)
    y_j = np.array([outside[t] for t in terms], dtype=float)
    n_i, n_j = float(sum(inside.values())), float(sum(outside.values()))
    a = y_i + y_j                       # prior: the term's corpus count
    a0 = n_i + n_j
    delta = (np.log((y_i + a) / (n_i + a0 - y_i - a)) - np.log((y_j + a) / (n_j + a0 - y_j - a)))
    z = delta / np.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
    out = pd.DataFrame({"term": pd.array(terms, dtype="string"), "n": (y_i + y_j).astype("int64"),
                        "n_coded": y_i.astype("int64"), "n_rest": y_j.astype("int64"),
                        "precision": y_i / (y_i + y_j), "z": z})
    if lexicon is not None:
        pats = _lexicon_patterns(lexicon)
        out["in_lexicon"] = [any(p.fullmatch(t) for p in pats) for t in terms]
    order = np.lexsort((out["term"].to_numpy(dtype=str), -out["n_coded"].to_numpy(), -out["z"].to_numpy()))
    return out.iloc[order].reset_index(drop=True)
