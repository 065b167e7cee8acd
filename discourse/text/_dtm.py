"""The document-term matrix, built on the shared tokens of :func:`discourse.text.annotate`."""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy import sparse

from discourse import words as _words
from discourse.text._annotate import as_annotations, words_by_voice

__all__ = ["DocumentTermMatrix", "dtm"]


class DocumentTermMatrix:
    """Counts of terms per document.

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix
        Documents × terms, ``int64`` counts; rows in corpus order.
    terms : ndarray of str
        Column labels, sorted.
    doc_ids : ndarray of str
        Row labels.
    """

    def __init__(self, matrix: sparse.csr_matrix, terms: np.ndarray, doc_ids: np.ndarray):
        self.matrix = matrix
        self.terms = terms
        self.doc_ids = doc_ids

    @property
    def shape(self) -> tuple[int, int]:
        return self.matrix.shape

    def to_frame(self) -> pd.DataFrame:
        """Long table: ``doc_id``, ``term``, ``n`` (non-zero cells, by document then term)."""
        coo = self.matrix.tocoo()
        order = np.lexsort((coo.col, coo.row))
        return pd.DataFrame({
            "doc_id": pd.Series(self.doc_ids[coo.row[order]], dtype="string"),
            "term": pd.Series(self.terms[coo.col[order]], dtype="string"),
            "n": coo.data[order].astype(np.int64),
        })

    def __repr__(self) -> str:
        return f"<DocumentTermMatrix {self.shape[0]} documents × {self.shape[1]} terms, {self.matrix.nnz} cells>"


def _stop_set(stop_words) -> frozenset[str]:
    return _words.stop_words(stop_words, names=("english",))


def _check_df(value, name: str, n_docs: int) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be an int (documents) or a float in [0, 1] (share), not {value!r}")
    if isinstance(value, (float, np.floating)):
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"{name} as a share must be in [0, 1], not {value}")
        return int(np.ceil(value * n_docs)) if name == "min_df" else int(np.floor(value * n_docs))
    if value < 0:
        raise ValueError(f"{name} must not be negative, not {value}")
    return int(value)


def _ngrams(words: list[str], sent: np.ndarray, lo: int, hi: int) -> Iterable[str]:
    """n-grams of lo..hi words that stay inside one sentence."""
    for n in range(lo, hi + 1):
        if n == 1:
            yield from words
            continue
        for i in range(len(words) - n + 1):
            if sent[i] == sent[i + n - 1]:
                yield " ".join(words[i:i + n])


def dtm(
    data,
    *,
    ngram_range: tuple[int, int] = (1, 1),
    min_df: int | float = 1,
    max_df: int | float = 1.0,
    stop_words: str | Sequence[str] | None = None,
    voice: str | Sequence[str] | None = None,
    lowercase: bool = True,
) -> DocumentTermMatrix:
    """Document-term matrix of a corpus, from the shared word tokens.

    Words are :data:`discourse.words.WORD_PATTERN` tokens (punctuation left out), the
    same words every per-1,000-words rate counts. N-grams never cross a sentence.

    Parameters
    ----------
    data : DataFrame or Annotations
        The corpus table or its :func:`discourse.text.annotate` annotations.
    ngram_range : (int, int), default (1, 1)
        Lengths of the word n-grams counted, as in scikit-learn.
    min_df, max_df : int or float
        Keep terms in at least ``min_df`` and at most ``max_df`` documents (an int
        counts documents, a float is a share of documents).
    stop_words : None, "english" or list of str
        Words left out before n-grams are formed (scikit-learn's English list for
        ``"english"``).
    voice : str or list of str, optional
        Count only words in these voices (:mod:`discourse.voice`): ``"authorial"`` for
        the outlet's own words outside quotations. ``None``: all words.
    lowercase : bool, default True
        Fold case before counting.

    Returns
    -------
    DocumentTermMatrix
        One row per document of the corpus, in corpus order (documents without words
        have empty rows).

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a", "b"], "text": ['The regime fell.', 'He said "the regime lied."']})
    >>> m = dtm(df)
    >>> m.to_frame().query("term == 'regime'")["n"].tolist()
    [1, 1]
    >>> dtm(df, voice="authorial").to_frame().query("doc_id == 'b'")["term"].tolist()
    ['he', 'said']
    """
    lo, hi = ngram_range
    if not (isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi):
        raise ValueError(f"ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n, not {ngram_range!r}")
    ann = as_annotations(data)
    stops = _stop_set(stop_words)
    doc_ids = ann.corpus["doc_id"].astype(str).to_numpy(dtype=object)
    n_docs = len(doc_ids)
    lo_df, hi_df = _check_df(min_df, "min_df", n_docs), _check_df(max_df, "max_df", n_docs)
    toks = words_by_voice(ann, voice)
    row_of = {d: i for i, d in enumerate(doc_ids)}
    words = toks["token"].to_numpy(dtype=object)
    if lowercase:
        words = np.asarray(pd.Series(words, dtype=object).str.lower(), dtype=object) if len(words) else words
    t_doc = toks["doc_id"].astype(str).to_numpy(dtype=object)
    t_sent = toks["sent_id"].to_numpy(dtype=np.int64)
    if stops:
        keep = np.fromiter((w not in stops for w in words), dtype=bool, count=len(words))
        words, t_doc, t_sent = words[keep], t_doc[keep], t_sent[keep]
    vocab: dict[str, int] = {}
    rows, cols = [], []
    change = np.flatnonzero(np.r_[True, t_doc[1:] != t_doc[:-1]]) if len(t_doc) else np.zeros(0, np.int64)
    bounds = np.append(change, len(t_doc))
    for a, b in zip(bounds[:-1], bounds[1:]):
        r = row_of[t_doc[a]]
        for g in _ngrams(words[a:b].tolist(), t_sent[a:b], lo, hi):
            cols.append(vocab.setdefault(g, len(vocab)))
            rows.append(r)
    counts = sparse.csr_matrix((np.ones(len(cols), dtype=np.int64), (np.asarray(rows, dtype=np.int64),
                               np.asarray(cols, dtype=np.int64))), shape=(n_docs, len(vocab)))
    counts.sum_duplicates()
    terms = np.array(list(vocab), dtype=object)
    order = np.argsort(terms.astype(str), kind="stable")
    counts, terms = counts[:, order], terms[order]
    df_ = np.bincount(counts.indices, minlength=counts.shape[1])
    keep = (df_ >= lo_df) & (df_ <= hi_df)
    if not keep.all():
        counts, terms = counts[:, np.flatnonzero(keep)], terms[keep]
    return DocumentTermMatrix(counts.tocsr(), terms, doc_ids)
