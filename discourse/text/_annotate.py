"""One layer of annotated text: a corpus split, tokenized and quoted once, shared by
every analysis.

:func:`annotate` returns an :class:`Annotations` object; every analysis accepts it in
place of the corpus table and reads its tables instead of splitting the text again.
Passing the corpus table works too: :func:`as_annotations` then looks the corpus up in
a small cache keyed by the text itself (document ids and texts), so repeated calls in a
notebook reuse the work and a changed text is never served stale.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Sequence

import numpy as np
import pandas as pd

from discourse import voice as _voice
from discourse.words import TOKEN_PATTERN

__all__ = ["Annotations", "annotate", "as_annotations", "clear_cache", "CACHE_SIZE"]

#: corpora kept in the cache of :func:`as_annotations` (least recently used dropped first)
CACHE_SIZE = 8
_CACHE: "OrderedDict[tuple, dict]" = OrderedDict()

_TOKEN_COLUMNS = ["doc_id", "para_id", "sent_id", "token_id", "start", "end", "token", "is_word", "voice"]


def _check(corpus) -> None:
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError(f"expected a corpus DataFrame (discourse.corpus.load) or discourse.text.Annotations, "
                        f"not {type(corpus).__name__}")
    for col in ("doc_id", "text"):
        if col not in corpus.columns:
            raise KeyError(f"corpus has no {col!r} column; load it with discourse.corpus.load")


def _key(corpus: pd.DataFrame, train: bool) -> tuple:
    h = hashlib.blake2b(digest_size=20)
    for d, t in zip(corpus["doc_id"].astype(str), corpus["text"].astype(str)):
        h.update(d.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
        h.update(t.encode("utf-8", "surrogatepass"))
        h.update(b"\x01")
    return (h.hexdigest(), len(corpus), str(corpus["doc_id"].dtype), bool(train))


class Annotations:
    """A corpus with its paragraphs, sentences, tokens and quotations, computed once.

    Build it with :func:`annotate`. Tables are computed on first use and kept; every
    offset indexes into ``text`` of the corpus row with the same ``doc_id``.

    Attributes
    ----------
    corpus : DataFrame
        The corpus table it was built from (a copy; never modified).
    paragraphs, sentences : DataFrame
        As :func:`discourse.text.paragraphs` and :func:`discourse.text.sentences`.
    tokens : DataFrame
        One row per token (:func:`discourse.words.tokenize`): ``doc_id``,
        ``para_id``, ``sent_id``, ``token_id``, ``start``, ``end``, ``token``,
        ``is_word`` (a word by :data:`discourse.words.WORD_PATTERN`, not punctuation)
        and ``voice`` (:mod:`discourse.voice`).
    quotes : DataFrame
        Quotations as :func:`discourse.quotes.find`.
    """

    def __init__(self, corpus: pd.DataFrame, *, train: bool = False):
        _check(corpus)
        self.corpus = corpus.copy()
        self.corpus.attrs = dict(corpus.attrs)
        self.train = train
        self._tables: dict[str, pd.DataFrame] = {}

    # ------------------------------------------------------------------ tables
    def _get(self, name: str, build) -> pd.DataFrame:
        if name not in self._tables:
            self._tables[name] = build()
        return self._tables[name]

    @property
    def paragraphs(self) -> pd.DataFrame:
        from discourse.text._units import paragraphs

        return self._get("paragraphs", lambda: paragraphs(self.corpus))

    @property
    def sentences(self) -> pd.DataFrame:
        from discourse.text._units import sentences

        return self._get("sentences", lambda: sentences(self.corpus, train=self.train))

    @property
    def quotes(self) -> pd.DataFrame:
        def build():
            from discourse import quotes as _quotes

            return _quotes.find(self.corpus, sentences=self.sentences)

        return self._get("quotes", build)

    @property
    def tokens(self) -> pd.DataFrame:
        return self._get("tokens", self._build_tokens)

    @property
    def texts(self) -> dict:
        """``doc_id`` (as text) → article text."""
        if "_texts" not in self.__dict__:
            self._texts = dict(zip(self.corpus["doc_id"].astype(str), self.corpus["text"].astype(str)))
        return self._texts

    def _build_tokens(self) -> pd.DataFrame:
        sents = self.sentences
        ids, starts, ends, toks, words = [], [], [], [], []
        for did, text in self.texts.items():
            for m in TOKEN_PATTERN.finditer(text):
                ids.append(did)
                starts.append(m.start())
                ends.append(m.end())
                toks.append(m.group())
        start = np.asarray(starts, dtype=np.int64)
        end = np.asarray(ends, dtype=np.int64)
        doc = np.asarray(ids, dtype=object)
        para, sent = locate(sents, doc, start)
        token_id = _running_number(doc)
        tok = np.asarray(toks, dtype=object)
        # a token is a word by WORD_PATTERN exactly when it starts with a word character
        words = pd.Series(tok, dtype=object).str.match(r"\w").to_numpy(dtype=bool) if len(tok) else np.zeros(0, bool)
        voice, _ = _voice.assign(doc, start, self.quotes)
        out = pd.DataFrame({"doc_id": doc, "para_id": para, "sent_id": sent, "token_id": token_id,
                            "start": start, "end": end, "token": tok, "is_word": words, "voice": voice},
                           columns=_TOKEN_COLUMNS)
        out["doc_id"] = out["doc_id"].astype(self.corpus["doc_id"].dtype)
        out["voice"] = out["voice"].astype("string")
        return out

    # ------------------------------------------------------------------- voice
    def voice(self, doc_ids, starts) -> pd.DataFrame:
        """Voice and speaker of the characters at ``starts`` (innermost quotation wins).

        Returns a table with ``voice`` and ``speaker``, one row per position.
        """
        v, s = _voice.assign(doc_ids, starts, self.quotes)
        return pd.DataFrame({"voice": pd.Series(v, dtype="string"), "speaker": pd.Series(s, dtype="string")})

    def units(self, doc_ids, starts) -> tuple[np.ndarray, np.ndarray]:
        """``para_id`` and ``sent_id`` of the sentence holding each position (-1: none)."""
        return locate(self.sentences, np.asarray(pd.Series(doc_ids, dtype=object).astype(str), dtype=object),
                      np.asarray(starts, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.corpus)

    def __repr__(self) -> str:
        done = ", ".join(sorted(self._tables)) or "nothing yet"
        return f"<Annotations of {len(self.corpus)} documents; computed: {done}>"


def _running_number(doc: np.ndarray) -> np.ndarray:
    """0, 1, 2 ... within each run of equal ids (tokens come grouped by document)."""
    n = len(doc)
    if not n:
        return np.zeros(0, np.int64)
    change = np.ones(n, dtype=bool)
    change[1:] = doc[1:] != doc[:-1]
    starts = np.flatnonzero(change)
    idx = np.arange(n, dtype=np.int64)
    return idx - np.repeat(starts, np.diff(np.append(starts, n)))


def locate(sents: pd.DataFrame, doc_ids: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``para_id`` and ``sent_id`` of the sentence each position falls in (-1 if none)."""
    n = len(starts)
    if n == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    s_ids = sents["doc_id"].astype(str).to_numpy(dtype=object)
    codes = {d: i for i, d in enumerate(pd.unique(np.concatenate([s_ids, doc_ids.astype(object)])))}
    s_doc = np.fromiter((codes[d] for d in s_ids), dtype=np.int64, count=len(s_ids))
    s_key = s_doc * (1 << 40) + sents["start"].to_numpy(dtype=np.int64)
    order = np.argsort(s_key, kind="stable")
    s_key, s_doc = s_key[order], s_doc[order]
    s_end = sents["end"].to_numpy(dtype=np.int64)[order]
    para = sents["para_id"].to_numpy(dtype=np.int64)[order]
    sid = sents["sent_id"].to_numpy(dtype=np.int64)[order]
    m_doc = np.fromiter((codes[d] for d in doc_ids), dtype=np.int64, count=n)
    pos = np.searchsorted(s_key, m_doc * (1 << 40) + starts, side="right") - 1
    if not len(s_key):
        return np.full(n, -1, np.int64), np.full(n, -1, np.int64)
    p = np.clip(pos, 0, None)
    ok = (pos >= 0) & (s_doc[p] == m_doc) & (starts < s_end[p])
    return np.where(ok, para[p], -1), np.where(ok, sid[p], -1)


#: documents per unit of work when annotating in chunks (progress, n_jobs)
CHUNK_DOCS = 250


def _annotate_chunk(chunk: pd.DataFrame, sents: pd.DataFrame | None, quotes: bool):
    """Sentences (unless given) and quotations of a few documents: the unit of work of
    :func:`annotate`."""
    from discourse.text._units import sentences

    if sents is None:
        sents = sentences(chunk)
    if not quotes:
        return sents, None
    from discourse import quotes as _quotes

    return sents, _quotes.find(chunk, sentences=sents)


def annotate(corpus: pd.DataFrame, *, train: bool = False, quotes: bool = True, n_jobs: int = 1,
             progress: bool | None = None) -> Annotations:
    """Annotate a corpus once: paragraphs, sentences, tokens, quotations and voice.

    Every analysis (``terms``, ``sentiment``, ``framing``, ``topics``, ``text.dtm``)
    accepts the result in place of the corpus and reuses its tables; so does every
    later call with the same texts (the annotations are cached, see
    :func:`as_annotations`).

    Parameters
    ----------
    corpus : DataFrame
        Articles with ``doc_id`` and ``text`` (:func:`discourse.corpus.load`).
    train : bool, default False
        Train the sentence splitter on the corpus (see :func:`discourse.text.sentences`).
    quotes : bool, default True
        Find quotations (and so voice) now; ``False`` leaves them to first use.
        Tokens are built on first use (:attr:`Annotations.tokens`), once.
    n_jobs : int, default 1
        Processes for the per-document work (sentences, quotations); ``-1`` uses every
        core. The tables are identical to ``n_jobs=1``.
    progress : bool or None
        Show a progress bar (``None``: only for a long corpus, where someone can see
        it; see :mod:`discourse._progress`).

    Returns
    -------
    Annotations

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ['He called it "a lie," she said. It rained.']})
    >>> ann = annotate(df)
    >>> ann.sentences["text"].tolist()
    ['He called it "a lie," she said.', 'It rained.']
    >>> ann.tokens.loc[ann.tokens["token"] == "lie", "voice"].tolist()
    ['quoted']
    """
    from discourse._progress import progress as _bar, wanted

    if not isinstance(n_jobs, (int, np.integer)) or isinstance(n_jobs, bool) or n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs must be a positive number of processes or -1 (every core), not {n_jobs!r}")
    ann = as_annotations(corpus, train=train)
    todo = "sentences" not in ann._tables or (quotes and "quotes" not in ann._tables)
    if not todo:
        return ann
    base = ann.corpus[["doc_id", "text"]]
    known = ann.sentences if train else ann._tables.get("sentences")  # a trained splitter needs every text
    cuts = list(range(0, len(base), CHUNK_DOCS)) + [len(base)]
    chunks = [base.iloc[a:b] for a, b in zip(cuts[:-1], cuts[1:])]
    given = [None if known is None else known[known["doc_id"].isin(c["doc_id"])] for c in chunks]
    bar = dict(total=len(chunks), desc="annotate", enabled=wanted(progress, long=len(chunks) > 4))
    if n_jobs == 1 or len(chunks) < 2:
        parts = [_annotate_chunk(c, g, quotes) for c, g in _bar(zip(chunks, given), **bar)]
    else:
        from joblib import Parallel, delayed

        parts = list(_bar(Parallel(n_jobs=n_jobs, return_as="generator")(
            delayed(_annotate_chunk)(c, g, quotes) for c, g in zip(chunks, given)), **bar))
    if not parts:  # an empty corpus: the empty tables with their columns
        parts = [_annotate_chunk(base, known, quotes)]
    sents = pd.concat([p[0] for p in parts], ignore_index=True)
    ann._tables.setdefault("sentences", sents)
    if quotes:
        ann._tables.setdefault("quotes", pd.concat([p[1] for p in parts], ignore_index=True))
    return ann


def as_annotations(data, *, train: bool = False) -> Annotations:
    """``data`` as :class:`Annotations`: itself if it is one, else the cached
    annotations of a corpus table with the same ids and texts (built when new)."""
    if isinstance(data, Annotations):
        return data
    _check(data)
    key = _key(data, train)
    tables = _CACHE.get(key)
    if tables is None:
        tables = _CACHE[key] = {}
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    ann = Annotations(data, train=train)
    ann._tables = tables  # the text tables are shared; the corpus columns are this table's
    return ann


def clear_cache() -> None:
    """Forget every cached annotation (:func:`as_annotations`)."""
    _CACHE.clear()


def corpus_of(data) -> pd.DataFrame:
    """The corpus table of a corpus table or :class:`Annotations`."""
    return data.corpus if isinstance(data, Annotations) else data


def words_by_voice(ann: Annotations, voice: str | Sequence[str] | None) -> pd.DataFrame:
    """Word tokens (no punctuation) in the given voices (``None``: all)."""
    t = ann.tokens
    t = t[t["is_word"].to_numpy()]
    voices = _voice.check(voice)
    if voices is not None:
        t = t[t["voice"].isin(voices).to_numpy()]
    return t
