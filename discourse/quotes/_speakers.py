"""Speakers: resolve a speaker as written to the fullest reliable name.

A later short reference (``Milley`` → ``Gen. Mark Milley``), a role noun phrase (``the
Joint Chiefs chairman`` → the earlier name in that role) or a pronoun (``he``/``she`` →
the one person the text makes unambiguous: gender where titles, gendered role nouns or
pronouns show it, the subject of the sentence before over its objects) is resolved when
that is reliable; otherwise the speaker stays as written (an unresolved ``he`` is ``he``).
Names are cut at line breaks, sentence-opening words, headlines in capitals, agency
credits and repeats.
"""
from __future__ import annotations

import bisect
import re

from discourse.quotes._document import Document
from discourse.quotes._phrases import (CAP_STOP, CONNECTORS, DETS, POSS, TITLE_SET, WORD, is_cap, np_right,
                                       skip_space)
from discourse.words import INSTITUTION_WORDS, PERSON_ROLES, PLACES, PRONOUNS
from discourse.quotes._names import (DATELINE, _APPOS_TEXT, _LETTERS, _LOWER_NEXT, _fullest, _headline,
                                     _is_person, _mentions, _pieces)
from discourse.quotes._pronouns import _resolve_he_she

__all__ = ["DATELINE", "resolve", "sentence_subject"]

_POSS_S = re.compile(r"['’]s$")
_LOWER_KEY = ("lower",)  # the key of the text in lower case in a document's ``resolved`` cache


def resolve(doc: Document, speaker: str, span, quote_pos: int) -> str:
    """``speaker_resolved`` for ``speaker`` (at ``span``) of a quotation at ``quote_pos``."""
    words = speaker.split()
    low0 = words[0].lower()
    if len(words) == 1 and low0 in ("they", "it"):
        # "Lawmakers denounced what they called …": the subject of an earlier
        # reporting verb in the same sentence
        for d in reversed(doc.candidates(doc.sents.of(span[0]))):
            if d.how == "subject" and d.np is not None and d.np[1] <= span[0]:
                sub = doc.orig[d.np[0]:d.np[1]]
                head = POSS.sub("", sub.split()[-1])
                if head.lower() in PRONOUNS:
                    continue
                plural = head.endswith("s") and not head.endswith("ss") and not head[:1].isupper()
                if (low0 == "they") == plural:
                    return sub
                break
    if len(words) == 1 and low0 in ("he", "she"):
        at = min(span[0], quote_pos)
        key = (at, low0)
        found = doc.resolved.get(key)
        if found is None:
            found = doc.resolved[key] = _resolve_he_she(doc, low0, at, _resolve_phrase) or ""
        return found or speaker
    if len(words) == 1 and low0 in PRONOUNS:
        return _resolve_pronoun(doc, low0, min(span[0], quote_pos)) or speaker
    # a name or a noun phrase resolves against the document alone: once per mention
    # (a continued quotation has its speaker's span again)
    key = (span[0], speaker)
    found = doc.resolved.get(key)
    if found is None:
        found = doc.resolved[key] = _resolve_phrase(doc, speaker, words, low0, span[0])
    return found


def _resolve_phrase(doc: Document, speaker: str, words: list, low0: str, sp_start: int) -> str:
    """:func:`resolve` for a speaker that is no pronoun."""
    if "\n" in speaker.strip():  # a name never spans a line break: the last line's
        cut = speaker.rstrip().rfind("\n") + 1
        if is_cap(speaker[cut:].strip()):
            sp_start += cut
            speaker = speaker[cut:].strip()
            words = speaker.split()
            low0 = words[0].lower()
    caps = [i for i, w in enumerate(words) if w.isupper() and _headline(w.strip(",.:"))]
    if len(caps) >= 2 and caps[-1] != len(words) - 1:  # a headline in capitals before the name
        cut = caps[-1] + 1
        speaker, words = " ".join(words[cut:]), words[cut:]
        low0 = words[0].lower()
    # trailing capitalised run = the name part
    run = []
    for w in reversed(words):
        if (w[:1].isupper() or w.rstrip(".") in TITLE_SET) and w.lower() not in CONNECTORS:
            run.append(w)
        else:
            break
    run.reverse()
    if len(run) > 1:  # "Story Continued Below But Holt", "Pope Francis Pope Francis": the last name
        text = " ".join(run)
        names = _pieces(text, 0)
        if names and names[-1][1] == len(text) and names[-1][0] > 0:
            run = text[names[-1][0]:].split()
    before_run = words[: len(words) - len(run)]
    has_connector = any(w.lower() in CONNECTORS for w in words)
    is_name = (
        run and not has_connector and low0 not in DETS
        and POSS.sub("", run[-1]) not in INSTITUTION_WORDS
        and not (before_run and before_run[-1].lower() in DETS)
    )
    if is_name:
        last = POSS.sub("", run[-1])
        full = _fullest(doc, last, sp_start + len(speaker))
        own = [w for w in run[:-1] if w.rstrip(".") not in TITLE_SET and w[:1].isupper()] + [last]
        if full and len(own) >= 2 and " ".join(own) not in full:
            return " ".join(run)  # a full name stays itself: "Donald Trump" is not "Eric Trump"
        return full or " ".join(run)
    # a role noun phrase ("the Joint Chiefs chairman") -> earlier name in that role
    head = _POSS_S.sub("", words[-1]).lower()
    if head in PERSON_ROLES:
        content = {POSS.sub("", w).lower() for w in words if w.lower() not in DETS}
        found = _resolve_role(doc, content, sp_start)
        if found:
            return found
    return speaker


def sentence_subject(doc: Document, pos: int, *, pronouns: bool = False, names: bool = False):
    """The subject noun phrase opening the sentence at ``pos`` when it ends before
    ``pos`` and is a person (a titled name, a name used with a title elsewhere, or
    a person role: "The Pentagon's press secretary"; with ``pronouns``, also "he",
    "she"; with ``names``, any capitalised name but a place); else None."""
    m = doc.masked
    k = doc.sents.starts[doc.sents.of(pos)]
    dl = DATELINE.match(m, k, pos)
    if dl:
        k = dl.end()
    w = _LETTERS.match(m[k:k + 20])
    if w and w.group() in CAP_STOP and w.group() not in ("The", "A", "An") and not (
            pronouns and w.group() in ("He", "She")):
        comma = m.find(",", k, pos)  # "Asked whether …, Ms Haidari paused"
        if comma == -1:
            return None
        k = skip_space(m, comma + 1)
    sp = np_right(m, k, pos)
    if sp is None or sp[1] >= pos or not _LOWER_NEXT.match(m[sp[1]:sp[1] + 3]):
        return None
    words = m[sp[0]:sp[1]].split()
    head = POSS.sub("", words[-1])
    if words[0].lower() in PRONOUNS:
        return sp if pronouns and len(words) == 1 and words[0].lower() in ("he", "she") else None
    if head.lower() in PERSON_ROLES:
        return sp
    if is_cap(head) and (names and " ".join(words) not in PLACES and head.lower() not in PRONOUNS
                         or _is_person(doc, sp[0], sp[1], " ".join(words))):
        return sp
    return None


def _resolve_role(doc: Document, content: set, before: int) -> str | None:
    m = doc.masked
    if doc.named is None:
        # the mentions that may hold a role: names of two words or more, not institutions
        named = [x for x in _mentions(doc) if " " in x[2] and x[3] not in INSTITUTION_WORDS]
        doc.named = (named, [x[0] for x in named])
    named, starts = doc.named
    low = doc.resolved.get(_LOWER_KEY)
    if low is None:  # the text in lower case, when that keeps every position ("" when not)
        low = m.lower()
        low = doc.resolved[_LOWER_KEY] = low if len(low) == len(m) else ""
    for i in range(bisect.bisect_left(starts, before) - 1, -1, -1):  # the latest first
        s, e, name, last = named[i]
        words = doc.bags.get(s)
        if words is None:
            si = doc.sents.of(s)
            if low:  # (every word of the bag is in the text around the name: each role word must be)
                lo, hi = max(doc.sents.starts[si], s - 90), min(doc.sents.ends[si], e + 90)
                if any(low.find(c, lo, hi) == -1 for c in content):
                    continue
            ctx_l = m[max(doc.sents.starts[si], s - 90):s]
            ctx_r = m[e:min(doc.sents.ends[si], e + 90)]
            appos = _APPOS_TEXT.match(ctx_r)
            ctx = ctx_l.split(",")[-2:] if ctx_l.rstrip().endswith(",") else [ctx_l]
            bag = " ".join(ctx) + " " + name + " " + (appos.group(1) if appos else "")
            # (a word of WORD ends with a letter or digit: only "'s" is a possessive ending)
            words = {(w[:-2] if w.endswith(("'s", "’s")) else w).lower() for w in WORD.findall(bag)}
            doc.bags[s] = words
        if content <= words:
            return _fullest(doc, last, e)
    return None


def _resolve_pronoun(doc: Document, pron: str, pos: int) -> str | None:
    """it/they: the most recent non-person speaker of a quotation in this or the
    previous paragraph. None when nothing fits."""
    lo = doc.para_starts[max(doc.para_of(pos) - 1, 0)]
    for back, r in enumerate(reversed(doc.rows)):
        if r.end < lo or back >= 50:
            break
        if r.depth == 0 and r.speaker is not None and r.start < pos:
            name = r.speaker_resolved or r.speaker
            words = name.split()
            if words[0].lower() in PRONOUNS:
                continue
            if not all(w[:1].isupper() for w in words) or POSS.sub("", words[-1]) in INSTITUTION_WORDS:
                return name  # rows are in document order: this is the most recent
    return None
