"""Text units with character offsets, annotated once and shared by every analysis.

:func:`annotate` splits a corpus into paragraphs, sentences and tokens, finds its
quotations and gives every span a voice, once; every analysis accepts its result
(:class:`Annotations`) in place of the corpus table. :func:`dtm` counts terms per
document on the same tokens.

Every table has ``doc_id``, ``start`` and ``end``, and ``text[start:end]`` of the
article with that ``doc_id`` is the unit, so any later match can point back to its
context. Paragraphs are separated by blank lines in ``text`` (the corpus contract).
"""
from __future__ import annotations

from discourse.text._annotate import Annotations, annotate, as_annotations, clear_cache
from discourse.text._dtm import DocumentTermMatrix, dtm
from discourse.text._tables import paragraphs, sentences, tokens
from discourse.text._units import count_words, split_sentences
from discourse.words import ABBREVIATIONS, WORD_PATTERN

__all__ = ["annotate", "Annotations", "as_annotations", "clear_cache", "dtm", "DocumentTermMatrix",
           "paragraphs", "sentences", "tokens", "split_sentences", "count_words", "WORD_PATTERN", "ABBREVIATIONS"]
