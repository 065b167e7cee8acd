"""Paragraph and sentence splitting with character offsets (the work behind the
shared tables of :func:`discourse.text.annotate`).

Every table has ``doc_id``, ``start`` and ``end``, and ``text[start:end]`` of the
article with that ``doc_id`` is the unit. Paragraphs are separated by blank lines in
``text`` (the corpus contract). Sentences are nltk Punkt's, exactly its boundaries,
found by the faster :class:`discourse.text._punkt.FastPunkt`: untrained (no
download) with the news abbreviations of :data:`discourse.words.ABBREVIATIONS`
("Gen.", "U.S.", "Dec.", "Sen." ...) that never end a sentence, or trained on the
corpus itself with ``train=True``. Tokens are :func:`discourse.words.tokenize`'s, built
once per corpus by the annotations.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from typing import Iterable

import numpy as np
import pandas as pd

from discourse.text._tokens import running_number
from discourse.words import ABBREVIATIONS, WORD_PATTERN

__all__ = ["paragraphs", "sentences", "split_sentences", "count_words"]

_PARA = re.compile(r"\n[ \t]*\n\s*")


def _check(df: pd.DataFrame) -> None:
    for col in ("doc_id", "text"):
        if col not in df.columns:
            raise KeyError(f"corpus has no {col!r} column; load it with discourse.corpus.load")


def _ids_like(out: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Give ``doc_id`` the corpus's dtype (``string`` for a loaded corpus), so unit tables
    merge with the corpus and with each other without falling back to ``object``."""
    out["doc_id"] = out["doc_id"].astype(corpus["doc_id"].dtype)
    return out


def _para_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _PARA.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    # trim surrounding whitespace so text[start:end] is the paragraph itself (a copy of
    # the paragraph only when it starts or ends with white space)
    out = []
    for s, e in spans:
        if not (text[s].isspace() or text[e - 1].isspace()):
            out.append((s, e))
            continue
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out


def paragraphs(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph: ``doc_id``, ``para_id``, ``start``, ``end``, ``text``.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["One.\\n\\nTwo."]})
    >>> paragraphs(df)[["para_id", "start", "end", "text"]].values.tolist()
    [[0, 0, 4, 'One.'], [1, 6, 10, 'Two.']]
    """
    _check(corpus)
    flat: list[tuple[int, int]] = []
    para_texts: list[str] = []
    n_paras: list[int] = []
    for text in corpus["text"]:
        text = str(text)
        spans = _para_spans(text)
        n_paras.append(len(spans))
        flat += spans
        para_texts += [text[s:e] for s, e in spans]
    if not flat:
        return _ids_like(pd.DataFrame([], columns=["doc_id", "para_id", "start", "end", "text"]).astype(
            {"para_id": "int64", "start": "int64", "end": "int64"}), corpus)
    rows = np.repeat(np.arange(len(n_paras), dtype=np.int64), np.asarray(n_paras, dtype=np.int64))
    spans = np.fromiter(chain.from_iterable(flat), dtype=np.int64, count=2 * len(flat)).reshape(-1, 2)
    return _ids_like(pd.DataFrame({
        "doc_id": corpus["doc_id"].array.take(rows),
        "para_id": running_number(rows),
        "start": spans[:, 0],
        "end": spans[:, 1],
        "text": para_texts,
    }, columns=["doc_id", "para_id", "start", "end", "text"]), corpus)


@lru_cache(maxsize=1)
def _untrained():
    from nltk.tokenize.punkt import PunktParameters

    from discourse.text._punkt import FastPunkt

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return FastPunkt(params)


def train_params(texts: Iterable[str], trainer=None):
    """Punkt parameters learned from ``texts`` (collocations included), with the news
    abbreviations added; ``trainer`` defaults to the faster equivalent of nltk's
    ``PunktTrainer`` (:func:`discourse.text._punkt_train.make_trainer`)."""
    if trainer is None:
        from discourse.text._punkt_train import make_trainer

        trainer = make_trainer()  # nltk's PunktTrainer, same parameters, faster
    trainer.INCLUDE_ALL_COLLOCS = True
    for t in texts:
        trainer.train(t, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    params.abbrev_types |= set(ABBREVIATIONS)
    return params


def _trained(texts: Iterable[str]):
    from discourse.text._punkt import FastPunkt

    return FastPunkt(train_params(texts))


def split_sentences(text: str, *, tokenizer=None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in one string (no paragraph logic).

    The spans are exactly those of nltk's ``PunktSentenceTokenizer.span_tokenize``
    with the news abbreviations, found by the faster ``discourse.text._punkt.FastPunkt``;
    ``tokenizer`` may be any object with a ``span_tokenize(text)`` method.

    Examples
    --------
    >>> split_sentences("Sen. Ana Ruiz spoke. She left.")
    [(0, 20), (21, 30)]
    """
    tok = tokenizer or _untrained()
    return list(tok.span_tokenize(text))


def sentences(corpus: pd.DataFrame, *, train: bool = False) -> pd.DataFrame:
    """One row per sentence: ``doc_id``, ``para_id``, ``sent_id``, ``start``, ``end``, ``text``.

    Sentences never cross paragraphs. ``sent_id`` counts from 0 within a document.

    Parameters
    ----------
    corpus : DataFrame
        Needs ``doc_id`` and ``text``.
    train : bool
        Train Punkt on the corpus texts (learns the corpus's own abbreviations and
        collocations) instead of using the untrained splitter; the news
        abbreviations in :data:`ABBREVIATIONS` are kept either way.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["Gen. Mark Milley spoke. He left."]})
    >>> sentences(df)["text"].tolist()
    ['Gen. Mark Milley spoke.', 'He left.']
    """
    _check(corpus)
    tok = _trained(corpus["text"].astype(str)) if train else _untrained()
    texts = [str(t) for t in corpus["text"]]
    # every document is split in one pass (FastPunkt.spans_in: each paragraph as a text
    # of its own); per paragraph only the number of its sentences is kept
    flat: list[tuple[int, int]] = []
    sent_texts: list[str] = []
    n_paras: list[int] = []  # paragraphs of each document
    per_para: list[int] = []  # sentences of each paragraph
    split = tok.spans_in
    for text in texts:
        regions = _para_spans(text)
        n_paras.append(len(regions))
        if regions:
            spans, counts = split(text, regions)
            flat += spans
            per_para += counts
            sent_texts += [text[a:b] for a, b in spans]
    if not flat:
        return _ids_like(pd.DataFrame([], columns=["doc_id", "para_id", "sent_id", "start", "end", "text"]).astype(
            {"para_id": "int64", "sent_id": "int64", "start": "int64", "end": "int64"}), corpus)
    para_doc = np.repeat(np.arange(len(texts), dtype=np.int64), np.asarray(n_paras, dtype=np.int64))
    counts = np.asarray(per_para, dtype=np.int64)
    rows = np.repeat(para_doc, counts)
    spans = np.fromiter(chain.from_iterable(flat), dtype=np.int64, count=2 * len(flat)).reshape(-1, 2)
    return pd.DataFrame({
        "doc_id": corpus["doc_id"].array.take(rows),
        "para_id": np.repeat(running_number(para_doc), counts),
        "sent_id": running_number(rows),
        "start": spans[:, 0],
        "end": spans[:, 1],
        "text": sent_texts,
    })


def count_words(texts) -> np.ndarray | int:
    """Number of words by :data:`WORD_PATTERN` (the rule behind every per-1,000-words rate)."""
    if isinstance(texts, str):
        return len(WORD_PATTERN.findall(texts))
    return np.array([len(WORD_PATTERN.findall(str(t))) for t in texts], dtype=np.int64)
