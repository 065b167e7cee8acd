"""Quotations: where they are, who speaks, with which reporting verb, and of what kind.

:func:`find` returns one row per quotation with character offsets into the article
``text`` (``start``/``end`` cover the quoted words *without* the quote marks), the
speaker (as written, plus ``speaker_resolved``: a later short reference, a pronoun or a
role noun resolved to the fullest earlier name mention when that is reliable), the
reporting verb as written, and the kind:

``direct``
    attributed speech set off as a sentence of its own (``"We will win," he said``);
``partial``
    an attributed fragment inside the outlet's own sentence
    (``denounced the claim as "an absolute lie"``);
``scare``
    a short quoted phrase with no speaker (``Afghanistan's "reconstruction"``), or a
    phrase held at a distance by construction (``what the Pentagon describes as "..."``,
    ``so-called "..."``) -- then with the speaker when one is named.

The method is rule-based and transparent (see ``docs/quotes.md``): quote marks are
paired per paragraph (straight and curly marks, quotes continued over paragraphs by the
news convention, nested single quotes, apostrophes left alone); quoted text is masked
so that attribution patterns only see the outlet's words; the reporting verbs come from
``discourse/lexicons/reporting_verbs.csv``.

The work is split by stage: ``_marks`` (pairing, masking), ``_sentences``, ``_verbs``,
``_phrases`` (noun phrases), ``_document`` (one document's shared state),
``_attribution``, ``_kinds`` (kinds, nesting), ``_speakers`` (resolution),
``_records`` (typed records), ``_indirect`` (reported speech), ``_entities`` (speakers
across a corpus), ``_find`` (the API).
"""
from discourse.quotes._entities import speaker_ids, speakers
from discourse.quotes._find import find, find_in_text, problems
from discourse.quotes._records import COLUMNS, PROBLEM_COLUMNS, Quotation
from discourse.quotes._verbs import reporting_verbs

__all__ = ["find", "find_in_text", "problems", "reporting_verbs", "speakers", "speaker_ids",
           "COLUMNS", "PROBLEM_COLUMNS", "Quotation"]
