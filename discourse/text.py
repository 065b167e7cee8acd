"""Text units with character offsets: paragraphs, sentences, tokens.

Every table has ``doc_id``, ``start`` and ``end``, and ``text[start:end]`` of the
article with that ``doc_id`` is the unit, so any later match can point back to its
context. Paragraphs are separated by blank lines in ``text`` (the corpus contract).

Sentences come from nltk's Punkt splitter, untrained (no download) with a list of
news abbreviations ("Gen.", "U.S.", "Dec.", "Sen." ...) that never end a sentence,
or trained on the corpus itself with ``train=True``. Tokens come from nltk's
``NLTKWordTokenizer`` (the Treebank rules behind ``word_tokenize``) with offsets.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import numpy as np
import pandas as pd

__all__ = ["paragraphs", "sentences", "tokens", "split_sentences", "count_words", "WORD_PATTERN", "ABBREVIATIONS"]

#: the word rule used for rates everywhere (per 1,000 words): letters/digits with
#: inner apostrophes, hyphens and periods ("US-backed", "don't", "U.S." count once)
WORD_PATTERN = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)

#: abbreviations that do not end a sentence (lowercase, without the final period)
ABBREVIATIONS = frozenset(
    """
    gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig lt.col lt.gen maj.gen brig.gen gens
    gov govs sen sens rep reps rev dr drs mr mrs ms mmes messrs prof pres supt insp det
    amb ald atty hon rt.hon fr sr jr st ste mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n u.s.a e.u u.a.e d.c l.a n.y p.m a.m
    inc corp co ltd llc plc bros dept univ assn est approx vs no nos vol fig
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa tenn tex va vt wash wis wyo
    e.g i.e cf al
    """.split()
)

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
    # trim surrounding whitespace so text[start:end] is the paragraph itself
    out = []
    for s, e in spans:
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
    rows = []
    for did, text in zip(corpus["doc_id"], corpus["text"]):
        text = str(text)
        for i, (s, e) in enumerate(_para_spans(text)):
            rows.append((did, i, s, e, text[s:e]))
    return _ids_like(pd.DataFrame(rows, columns=["doc_id", "para_id", "start", "end", "text"]).astype(
        {"para_id": "int64", "start": "int64", "end": "int64"}
    ), corpus)


@lru_cache(maxsize=1)
def _untrained():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def _trained(texts: Iterable[str]):
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    for t in texts:
        trainer.train(t, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    params.abbrev_types |= set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def split_sentences(text: str, *, tokenizer=None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in one string (no paragraph logic)."""
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
    rows = []
    for did, text in zip(corpus["doc_id"], corpus["text"]):
        text = str(text)
        sid = 0
        for pid, (ps, pe) in enumerate(_para_spans(text)):
            for s, e in tok.span_tokenize(text[ps:pe]):
                rows.append((did, pid, sid, ps + s, ps + e, text[ps + s : ps + e]))
                sid += 1
    return _ids_like(pd.DataFrame(rows, columns=["doc_id", "para_id", "sent_id", "start", "end", "text"]).astype(
        {"para_id": "int64", "sent_id": "int64", "start": "int64", "end": "int64"}
    ), corpus)


_sentence_table = sentences  # ``tokens(sentences=...)`` shadows the function name


@lru_cache(maxsize=1)
def _word_tokenizer():
    from nltk.tokenize.destructive import NLTKWordTokenizer

    return NLTKWordTokenizer()


def _token_spans(sentence: str) -> list[tuple[int, int]]:
    try:
        return list(_word_tokenizer().span_tokenize(sentence))
    except ValueError:
        # span alignment can fail on rare quote/character combinations: fall back to
        # the simple word/punctuation rule, which always aligns
        return [m.span() for m in re.finditer(r"\w+(?:[-'’.]\w+)*|[^\w\s]", sentence)]


def tokens(corpus: pd.DataFrame, *, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per token: ``doc_id``, ``para_id``, ``sent_id``, ``token_id``, ``start``, ``end``, ``token``.

    ``token_id`` counts from 0 within a document. Pass ``sentences`` (the table from
    :func:`sentences`, the same option as in ``terms.find`` and ``sentiment.score``) to
    reuse a sentence table.
    """
    _check(corpus)
    sents = _sentence_table(corpus) if sentences is None else sentences
    rows = []
    next_id: dict = {}  # per document, so a sentence table in any row order numbers tokens right
    for did, pid, sid, s, stext in zip(sents["doc_id"], sents["para_id"], sents["sent_id"], sents["start"], sents["text"]):
        tid = next_id.get(did, 0)
        for a, b in _token_spans(stext):
            rows.append((did, pid, sid, tid, s + a, s + b, stext[a:b]))
            tid += 1
        next_id[did] = tid
    return _ids_like(pd.DataFrame(rows, columns=["doc_id", "para_id", "sent_id", "token_id", "start", "end", "token"]).astype(
        {"para_id": "int64", "sent_id": "int64", "token_id": "int64", "start": "int64", "end": "int64"}
    ), corpus)


def count_words(texts) -> np.ndarray | int:
    """Number of words by :data:`WORD_PATTERN` (the rule behind every per-1,000-words rate)."""
    if isinstance(texts, str):
        return len(WORD_PATTERN.findall(texts))
    return np.array([len(WORD_PATTERN.findall(str(t))) for t in texts], dtype=np.int64)
