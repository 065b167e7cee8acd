"""Speakers: resolve a speaker as written to the fullest reliable name.

A later short reference (``Milley`` → ``Gen. Mark Milley``), a role noun phrase (``the
Joint Chiefs chairman`` → the earlier name in that role) or a pronoun (``he`` → the
person named just before) is resolved when that is reliable; otherwise the speaker
stays as written.
"""
from __future__ import annotations

import bisect
import re

from discourse.quotes._document import Document
from discourse.quotes._phrases import (CAP_STOP, CAPTION, CONNECTORS, DETS, NAME_SCAN, POSS, TITLE_SET, UP, WORD,
                                       is_cap, np_right, skip_space)
from discourse.words import INSTITUTION_WORDS, PERSON_ROLES, PLACES, PRONOUNS

__all__ = ["DATELINE", "resolve", "sentence_subject"]

# "WASHINGTON — ", "KABUL (Reuters) - ", "NEW YORK, March 3 (Reuters) - "
DATELINE = re.compile(r"[" + UP + r"][" + UP + r" .,'’\-]+(?:,[^—–()\n]{1,40})?(?:\s*\([^)\n]{1,30}\))?\s*(?:—|–|--|-)\s+")
# a courtesy title and the surname it goes with ("Ms Haidari", "Dr. Ana M. Sousa");
# the title's first letter comes first (so the regex engine skips to it), its other
# letters follow, each branch checking behind which letter it began with
_COURTESY = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "Lady", "Lord")
_TITLED = re.compile(
    r"[MDPSL](?<![\w]\w)(?:" + "|".join(f"(?<={t[0]}){t[1:]}" for t in _COURTESY) + r")"
    r"\.?\s+(?:[" + UP + r"]\.\s+)?(?:[" + UP + r"][\w’'\-]+\s+)?([" + UP + r"][\w’'\-]*\w)"
)
_APPOSITIVE_ROLE = re.compile(
    r"\s*,\s*(?:[\w'’\-]+\s+){0,6}?(?:" + "|".join(sorted(PERSON_ROLES)) + r")\b", re.IGNORECASE
)
_APPOS_TEXT = re.compile(r"\s*,([^,.;\x1a]{1,80}),")
_LETTERS = re.compile(r"[A-Za-z]+")
_LOWER_NEXT = re.compile(r"\s+[a-z]")


def _mentions(doc: Document):
    """Capitalised name mentions of the masked text: ``(start, end, name, last word)``."""
    if doc.mentions is None:
        m = doc.masked
        ments = []
        by_last: dict = {}
        for x in NAME_SCAN.finditer(m):
            s, e = x.span()
            t = x[0]
            if t.isalpha():  # one word of letters (most mentions): the rules below, in short
                if t in CAP_STOP or t.lower() in CAPTION:
                    continue
                ments.append((s, e, t, t))
                if t in by_last:
                    by_last[t].append((s, t))
                else:
                    by_last[t] = [(s, t)]
                continue
            words = t.split()
            w0 = words[0]
            if w0.rstrip(".") in CAP_STOP or w0.lower().rstrip(":") in CAPTION:
                # drop sentence-initial function words ("While", "In", "The")
                while words and (words[0].rstrip(".") in CAP_STOP or words[0].lower().rstrip(":") in CAPTION):
                    s = m.index(words[1], s + len(words[0])) if len(words) > 1 else e
                    words = words[1:]
                if not words:
                    continue
            last = words[-1]
            if last[-1] in "'’s":
                last = POSS.sub("", last)
            if last in CAP_STOP:
                continue
            name = " ".join(words) if len(words) > 1 else last if last == words[0] else words[0]
            ments.append((s, e, name, last))
            if last in by_last:
                by_last[last].append((s, name))
            else:
                by_last[last] = [(s, name)]
        doc.mentions = ments
        doc.by_last = by_last
        doc.bags = {}
        doc.mention_starts = [x[0] for x in ments]
    return doc.mentions


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
        sub = sentence_subject(doc, span[0])
        if sub is not None:
            return resolve(doc, doc.orig[sub[0]:sub[1]], sub, quote_pos)
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
    # trailing capitalised run = the name part
    run = []
    for w in reversed(words):
        if (w[:1].isupper() or w.rstrip(".") in TITLE_SET) and w.lower() not in CONNECTORS:
            run.append(w)
        else:
            break
    run.reverse()
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
    head = re.sub(r"['’]s$", "", words[-1]).lower()
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
    for i in range(bisect.bisect_left(starts, before) - 1, -1, -1):  # the latest first
        s, e, name, last = named[i]
        words = doc.bags.get(s)
        if words is None:
            si = doc.sents.of(s)
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


def _fullest(doc: Document, last: str, until: int) -> str | None:
    """The longest mention ending in ``last`` that starts before ``until`` (the nearest of equals)."""
    _mentions(doc)
    best = None
    best_n = 0
    for s, name in doc.by_last.get(last, ()):
        if s > until:
            break
        n = name.count(" ")
        if best is None or n >= best_n:  # equally full: the nearest
            best, best_n = name, n
    return best


def _titled_surnames(doc: Document) -> set:
    """Surnames that the document uses with a courtesy title ("Ms Haidari"), or
    alone after a full name whose first word is not a title or function word
    ("Nadia Rahimi" … "Rahimi, who …"): news style for people, not places."""
    if doc.titled is None:
        titled = {POSS.sub("", x.group(1)) for x in _TITLED.finditer(doc.masked)}
        ments = _mentions(doc)
        alone = {last for _, _, name, last in ments if " " not in name}
        for _, _, name, last in ments:
            if last in alone and " " in name and last not in INSTITUTION_WORDS:  # (cheap tests first)
                w = name.split()
                if len(w) in (2, 3) and all(is_cap(x) and x.isalpha() for x in w):
                    titled.add(last)
        doc.titled = titled
    return doc.titled


def _is_person(doc: Document, s: int, e: int, name: str) -> bool:
    """A name mention that is a person: titled, or next to a person role noun."""
    key = (s, e, name)
    found = doc.persons.get(key)
    if found is None:  # (pronouns look back over the same mentions: once per mention)
        found = doc.persons[key] = _person(doc, s, e, name)
    return found


def _person(doc: Document, s: int, e: int, name: str) -> bool:
    toks = name.split()
    last = POSS.sub("", toks[-1])
    if last in INSTITUTION_WORDS:
        return False
    if any(t.rstrip(".") in TITLE_SET or t.lower() in PERSON_ROLES for t in toks[:-1]):
        return True
    if last in _titled_surnames(doc):
        return True  # "Fatima Haidari … Ms Haidari"; "Nadia Rahimi … Rahimi said"
    before = WORD.findall(doc.masked[max(0, s - 30):s])
    if before and before[-1].lower() in PERSON_ROLES:
        return True
    return _APPOSITIVE_ROLE.match(doc.masked, e) is not None


def _resolve_pronoun(doc: Document, pron: str, pos: int) -> str | None:
    """he/she: the most recent person named in this or the previous paragraph;
    it/they: the most recent non-person speaker there. None when nothing fits."""
    para = doc.para_of(pos)
    lo = doc.para_starts[max(para - 1, 0)]
    cands = []
    want_person = pron in ("he", "she")
    for back, r in enumerate(reversed(doc.rows)):
        if r.end < lo or back >= 50:
            break
        if r.depth == 0 and r.speaker is not None and r.start < pos:
            name = r.speaker_resolved or r.speaker
            words = name.split()
            if words[0].lower() in PRONOUNS:
                continue
            person = all(w[:1].isupper() for w in words) and POSS.sub("", words[-1]) not in INSTITUTION_WORDS
            if person == want_person:
                cands.append((r.start, name, person))
                break  # rows are in document order: this is the most recent
    if want_person:
        ments = _mentions(doc)
        k = bisect.bisect_left(doc.mention_starts, pos)
        while k > 0 and ments[k - 1][0] >= lo:
            k -= 1
            s, e, name, last = ments[k]
            if _is_person(doc, s, e, name):
                cands.append((s, _fullest(doc, last, pos), True))
                break
        people = [c for c in cands if c[2]]
        return max(people, key=lambda c: c[0])[1] if people else None
    others = [c for c in cands if not c[2]]
    return max(others, key=lambda c: c[0])[1] if others else None
