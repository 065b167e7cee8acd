"""The unit tables of a corpus, read from its shared annotations."""
from __future__ import annotations

import pandas as pd

from discourse.text._annotate import Annotations, as_annotations

__all__ = ["paragraphs", "sentences", "tokens"]


def _table(data, name: str, *, train: bool = False) -> pd.DataFrame:
    ann = data if isinstance(data, Annotations) else as_annotations(data, train=train)
    return getattr(ann, name).copy()


def paragraphs(data) -> pd.DataFrame:
    """One row per paragraph: ``doc_id``, ``para_id``, ``start``, ``end``, ``text``.

    Parameters
    ----------
    data : DataFrame or Annotations
        The corpus table (``doc_id``, ``text``) or its annotations.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["One.\\n\\nTwo."]})
    >>> paragraphs(df)[["para_id", "start", "end", "text"]].values.tolist()
    [[0, 0, 4, 'One.'], [1, 6, 10, 'Two.']]
    """
    return _table(data, "paragraphs")


def sentences(data, *, train: bool = False) -> pd.DataFrame:
    """One row per sentence: ``doc_id``, ``para_id``, ``sent_id``, ``start``, ``end``, ``text``.

    Sentences never cross paragraphs; ``sent_id`` counts from 0 within a document.
    The splitter is Punkt's (nltk), with the news abbreviations of
    :data:`discourse.words.ABBREVIATIONS` ("Gen.", "U.S.", "Sen." ...) that never end a
    sentence; a corpus is split once and the table shared (:func:`annotate`).

    Parameters
    ----------
    data : DataFrame or Annotations
        The corpus table (``doc_id``, ``text``) or its annotations.
    train : bool
        Train Punkt on the corpus texts (learns the corpus's own abbreviations and
        collocations) instead of using the untrained splitter; the news abbreviations
        are kept either way. Ignored for annotations (they were built with their own).

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["Gen. Mark Milley spoke. He left."]})
    >>> sentences(df)["text"].tolist()
    ['Gen. Mark Milley spoke.', 'He left.']
    """
    return _table(data, "sentences", train=train)


def tokens(data) -> pd.DataFrame:
    """One row per token, by the one tokenizer (:func:`discourse.words.tokenize`).

    Columns: ``doc_id``, ``para_id``, ``sent_id``, ``token_id`` (from 0 within a
    document), ``start``, ``end``, ``token``, ``is_word`` (a word, not punctuation) and
    ``voice`` (:mod:`discourse.voice`: whose words the token is).

    Parameters
    ----------
    data : DataFrame or Annotations
        The corpus table (``doc_id``, ``text``) or its annotations.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ['They called it "a sham."']})
    >>> tokens(df)[["token", "voice"]].values.tolist()[3:6]
    [['"', 'authorial'], ['a', 'quoted'], ['sham', 'quoted']]
    """
    return _table(data, "tokens")
