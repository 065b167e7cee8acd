"""Lexicon matches in a corpus, with their units and voice from the shared annotations."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal, Mapping

import numpy as np
import pandas as pd

from discourse import voice as _voice
from discourse.terms._normalize import _translate
from discourse.words import WORD_PATTERN

__all__ = ["find", "scare_terms", "COLUMNS"]

#: columns of :func:`find`
COLUMNS = ["doc_id", "para_id", "sent_id", "start", "end", "match", "pattern", "category", "voice", "speaker"]

_STRING_COLS = ("doc_id", "match", "pattern", "category", "voice", "speaker", "left", "right")


def _as_string(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns as pandas ``string`` dtype (missing = ``<NA>``), like the corpus."""
    for c in _STRING_COLS:
        if c in df.columns:
            df[c] = df[c].astype("string")
    return df


def as_lexicon(lexicon, *, match: str | None = None) -> pd.DataFrame:
    """A lexicon DataFrame from a DataFrame, a path to a lexicon file, a dict
    ``{category: patterns}`` or ``None`` (the bundled loaded-language lexicon).

    ``match`` is the mode of dict entries and of file rows without one.
    """
    from discourse import lexicon as _lexicon

    if lexicon is None:
        return _lexicon.read(match=match)
    if isinstance(lexicon, pd.DataFrame):
        return lexicon
    if isinstance(lexicon, (str, Path)):
        return _lexicon.read(lexicon, match=match)
    if isinstance(lexicon, Mapping):
        return _lexicon.from_dict(lexicon, match=match)
    raise TypeError(f"lexicon must be a DataFrame (discourse.lexicon), a path to a lexicon file or a dict "
                    f"{{category: patterns}}, not {type(lexicon).__name__}")


def _annotations(data):
    from discourse.text._annotate import as_annotations

    return as_annotations(data)


def find(
    data,
    lexicon: pd.DataFrame | str | Path | Mapping | None = None,
    *,
    overlap: Literal["longest", "all"] = "longest",
    case_sensitive: bool | None = False,
) -> pd.DataFrame:
    """Find lexicon terms in every article, with their position and voice.

    Parameters
    ----------
    data : DataFrame or Annotations
        Articles with ``doc_id`` and ``text`` (:func:`discourse.corpus.load`), or their
        annotations (:func:`discourse.text.annotate`), whose sentences and quotations
        give each match its ``para_id``, ``sent_id``, ``voice`` and ``speaker``.
    lexicon : DataFrame, path or dict, optional
        ``pattern``, ``category`` (+ ``weight``, ``note``, ``match``;
        :mod:`discourse.lexicon`), a lexicon file, or ``{category: [patterns]}``
        (glob patterns); default: the bundled loaded-language lexicon.
    overlap : {"longest", "all"}
        How overlapping matches are resolved (see :mod:`discourse.terms`).
    case_sensitive : bool or None
        Match case exactly instead of case folding; ``None``: exactly for all-capitals
        patterns ("ICE", "US") only, the rule of actor mentions
        (:mod:`discourse.terms._mentions`).

    Returns
    -------
    DataFrame
        One row per match, in document order then text order: ``doc_id``,
        ``para_id``, ``sent_id``, ``start``, ``end``, ``match`` (the text as
        written, ``text[start:end]``), ``pattern``, ``category``, ``voice``
        (:mod:`discourse.voice`), ``speaker`` (of the quotation the match is in, when
        known), ``weight``.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ['"It is an absolute lie," the ministry said of the regime.']})
    >>> m = find(df, {"label": ["regime"], "doubt": ["absolute lie"]})
    >>> m[["match", "voice", "speaker"]]
              match      voice       speaker
    0  absolute lie     quoted  the ministry
    1        regime  authorial          <NA>
    """
    from discourse import lexicon as _lexicon

    # veto phrases (category "exclude") win as the longest match, then leave the table
    return _lexicon.apply_exclusions(_table(data, as_lexicon(lexicon), case_sensitive=case_sensitive, overlap=overlap))


def _table(data, lexicon: pd.DataFrame, *, case_sensitive: bool | None, overlap: str,
           whole_words: bool = False) -> pd.DataFrame:
    """The table of :func:`find`; the matching rules are in :mod:`discourse.terms._mentions`."""
    from discourse import lexicon as _lexicon
    from discourse.terms._mentions import match_arrays

    ann = _annotations(data)
    lex = _lexicon.validate(lexicon)
    texts = list(ann.texts.values())
    doc, st, en, pi = match_arrays(lex, texts, case_sensitive=case_sensitive, overlap=overlap,
                                   whole_words=whole_words, folds=ann._tables.setdefault("folds", {}))
    para, sent = ann._units_at(doc, st)
    voice, speaker = ann._voice_at(doc, st)
    ids = pd.array(list(ann.texts), dtype="string")  # ids are strings in every output
    out = pd.DataFrame({
        "doc_id": ids.take(doc),
        "para_id": np.asarray(para, dtype=np.int64),
        "sent_id": np.asarray(sent, dtype=np.int64),
        "start": st,
        "end": en,
        "match": pd.array([texts[d][a:b] for d, a, b in zip(doc.tolist(), st.tolist(), en.tolist())],
                          dtype="string"),
        "pattern": _strings(lex["pattern"], pi),
        "category": _strings(lex["category"], pi),
        "voice": _strings(pd.Series(_voice.VOICES), pd.Index(_voice.VOICES).get_indexer(voice)),
        "speaker": pd.array(speaker, dtype="string"),
        "weight": lex["weight"].to_numpy(dtype=float)[pi],
    })
    return out


def _strings(values: pd.Series, take: np.ndarray) -> pd.arrays.StringArray:
    """``values[take]`` as a pandas ``string`` array (converted once, then taken)."""
    return pd.array(values.to_numpy(dtype=object), dtype="string").take(np.asarray(take, dtype=np.int64))


def scare_terms(data, *, max_words: int | None = None) -> pd.DataFrame:
    """Scare-quoted phrases as term matches, whether or not they are in a lexicon.

    Parameters
    ----------
    data : DataFrame or Annotations
        The corpus or its annotations (:func:`discourse.text.annotate`); quotations
        whose voice is ``scare`` (:mod:`discourse.voice`) are used.
    max_words : int, optional
        Keep only phrases of at most this many words (:data:`discourse.words.WORD_PATTERN`).

    Returns
    -------
    DataFrame
        The columns of :func:`find` with ``pattern`` = the case-folded phrase
        (without surrounding punctuation), ``category`` = ``"scare_quote"``,
        ``voice`` = ``"scare"``; ready to concatenate with :func:`find` output.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ['Critics mocked the "Heroic" army.']})
    >>> scare_terms(df)[["match", "pattern", "voice"]]
        match pattern  voice
    0  Heroic  heroic  scare
    """
    ann = _annotations(data)
    quotes = ann.quotes
    q = quotes[_voice.of_kind(quotes["kind"].to_numpy(dtype=object)) == "scare"] if len(quotes) else quotes
    phrase = q["quote"].astype(str) if "quote" in q.columns else pd.Series([""] * len(q), index=q.index)
    if max_words is not None:
        keep = np.array([len(WORD_PATTERN.findall(p)) <= max_words for p in phrase], dtype=bool)
        q, phrase = q[keep], phrase[keep]
    doc_ids = q["doc_id"].astype(str).to_numpy(dtype=object)
    starts = q["start"].to_numpy(dtype=np.int64)
    para, sent = ann.units(doc_ids, starts) if len(q) else (np.zeros(0, np.int64), np.zeros(0, np.int64))
    out = pd.DataFrame({
        "doc_id": doc_ids,
        "para_id": np.asarray(para, dtype=np.int64),
        "sent_id": np.asarray(sent, dtype=np.int64),
        "start": starts,
        "end": q["end"].to_numpy(dtype=np.int64),
        "match": phrase.to_numpy(dtype=object),
        "pattern": np.array([re.sub(r"\s+", " ", _translate(p.casefold())).strip(" ,.;:!?") for p in phrase],
                            dtype=object),
        "category": "scare_quote",
        "voice": "scare",
        # a scare quote can have a speaker ("what the Pentagon describes as ..."), as in find()
        "speaker": (q["speaker"].astype(object).where(q["speaker"].notna(), pd.NA).to_numpy()
                    if "speaker" in q.columns else np.array([pd.NA] * len(q), dtype=object)),
        "weight": 1.0,
    })
    return _as_string(out.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True))
