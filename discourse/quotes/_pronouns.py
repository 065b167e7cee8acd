"""He and she: the one person the text makes unambiguous (gender where titles, gendered
role nouns or pronouns show it; the subject of the sentence before over its objects;
never a first name), else unresolved; used by :mod:`discourse.quotes._speakers`."""
from __future__ import annotations

import bisect
import re

from discourse.quotes._document import Document
from discourse.quotes._phrases import CAP_STOP, POSS, UP, np_right, skip_space
from discourse.quotes._phrases import STOP_LOW
from discourse.words import GENDERED_NOUNS, INSTITUTION_WORDS, PERSON_ROLES, PRONOUNS, ROLE_NOUNS
from discourse.quotes._names import (DATELINE, _APPOS_TEXT, _AFTER_SUBJECT, _GENDERS, _LETTERS, _LOWER_NEXT,
                                     _MODIFIER, _fullest, _is_person, _mentions, courtesy_titles)

# ------------------------------------------------------------------ he and she
# gender where the text shows it: a courtesy title, a gendered role or kin noun next to
# the name, a pronoun in a sentence about that one person; never a first name
# (the title's first letter comes first, so that the regex engine skips to it)
_HONORIFIC = re.compile(r"[MSLD](?<!\w\w)(?:(?<=M)(?:r|rs|s|iss)|(?<=S)ir|(?<=L)(?:ord|ady)|(?<=D)ame)\b\.?\s+"
                        r"(?:[" + UP + r"]\.\s+)?(?:[" + UP + r"][\w’'\-]+\s+)?([" + UP + r"][\w’'\-]*\w)")
_HONORIFIC_GENDER = {"Mr": "m", "Sir": "m", "Lord": "m", "Mrs": "f", "Ms": "f", "Miss": "f", "Dame": "f", "Lady": "f"}
_GENDERED = GENDERED_NOUNS
_PRON_GENDER = {"he": "m", "himself": "m", "she": "f", "herself": "f"}
_WORD_RX = re.compile(r"[A-Za-z]+")
# a word of _PRON_GENDER in any case (its first letter first, so that the regex engine skips to it)
_PRONOUN = re.compile(r"[HhSs](?<![A-Za-z][HhSs])(?:(?<=[Ss])[Hh][Ee]|(?<=[Hh])(?:[Ee]|[Ii][Mm][Ss][Ee][Ll][Ff]"
                      r"|[Ee][Rr][Ss][Ee][Ll][Ff]))(?![A-Za-z])")
_OPENERS = frozenset("""But And Yet So Still Also Meanwhile However Now Then Instead Indeed Later Earlier
    Moreover Furthermore Thus Hence Nevertheless Or Nor""".split())
_FAR = 12  # sentences looked back at most
_SUBJECT = "subject"  # (the first item of the keys of sentence subjects in a document's ``resolved`` cache)
_ROW_NAMES = ("row names",)  # speaker name -> its surname (False for no person), in ``resolved``
_PRONOUNS = ("pronouns",)  # the key of the sentences known to hold a pronoun, in a document's genders


def _gender(doc: Document, last: str) -> str | None:
    """"m" / "f" for the surname ``last`` where the document's evidence agrees (a title
    or a role counts three times a pronoun), else None (unknown or mixed). Computed
    when a pronoun needs it, once per surname and document: the titles of the document
    (one scan), then only the mentions of ``last`` and the sentences that hold them."""
    cache = doc.resolved.get(_GENDERS)
    if cache is None:
        honor: dict = {}
        pairs, nested = courtesy_titles(doc)
        if nested:  # (a title inside another's match: the gendered titles scanned alone)
            pairs = [(_LETTERS.match(x[0]).group(), POSS.sub("", x.group(1))) for x in _HONORIFIC.finditer(doc.masked)]
        for title, surname in pairs:
            g = _HONORIFIC_GENDER.get(title)
            if g is not None:
                v = honor.setdefault(surname, [0, 0])
                v[g == "f"] += 3
        cache = doc.resolved[_GENDERS] = {_GENDERS: honor, _PRONOUNS: {}}
    elif last in cache:
        return cache[last]
    v = list(cache[_GENDERS].get(last, (0, 0)))
    if last not in INSTITUTION_WORDS and last in doc.by_last:
        m = doc.masked
        ments, starts, sents = doc.mentions, doc.mention_starts, doc.sents
        has_pronoun = cache[_PRONOUNS]  # sentence -> whether a he/she/himself/herself is in it
        seen = set()
        for s, _ in doc.by_last[last]:
            s, e, name, _ = ments[bisect.bisect_left(starts, s)]
            before = _WORD_RX.findall(m, max(0, s - 25), s)[-1:]
            appos = _APPOS_TEXT.match(m, e)
            for w in name.split()[:-1] + before + (_WORD_RX.findall(appos.group(1)) if appos else []):
                g = _GENDERED.get(w.lower().rstrip("."))
                if g is not None:
                    v[g == "f"] += 3
            si = sents.of(s)
            if si in seen:
                continue
            has = has_pronoun.get(si)
            if has is None:
                has = has_pronoun[si] = _PRONOUN.search(m, sents.starts[si], sents.ends[si]) is not None
            if not has:
                seen.add(si)
                continue
            if not _is_person(doc, s, e, name):
                continue
            seen.add(si)
            # pronouns in a sentence about one person (every person named in it) are that person's
            k = bisect.bisect_left(starts, sents.starts[si])
            first = None
            while k < len(ments) and sents.of(ments[k][0]) == si:
                s2, e2, name2, last2 = ments[k]
                k += 1
                if last2 in INSTITUTION_WORDS or not _is_person(doc, s2, e2, name2):
                    continue
                if last2 != last:
                    break
                if first is None:
                    first = e2
            else:
                gs = {_PRON_GENDER[w.lower()] for w in _WORD_RX.findall(m, first, sents.ends[si])
                      if w.lower() in _PRON_GENDER}
                if len(gs) == 1:
                    v[gs.pop() == "f"] += 1
    found = cache[last] = (("m" if v[0] >= 2 * v[1] else "f") if max(v) >= 2 * min(v) and v[0] != v[1]
                           else None)
    return found


def _fits(doc: Document, mention, want: str) -> bool:
    """A name mention that may be the pronoun's person: of its gender, or a person
    of unknown gender."""
    s, e, name, last = mention
    g = _gender(doc, last)
    return g == want if g is not None else _is_person(doc, s, e, name)


def _subject(doc: Document, si: int, before: int):
    """The noun phrase opening sentence ``si`` (past a dateline, an opening conjunction,
    an opening phrase set off by a comma) when it ends before ``before`` and a verb
    or an apposition follows: its span, else None. Once per sentence and end."""
    se = min(doc.sents.ends[si], before)
    key = (_SUBJECT, si, se)
    found = doc.resolved.get(key, key)
    if found is key:
        found = doc.resolved[key] = _subject_np(doc, si, se)
    return found


def _subject_np(doc: Document, si: int, se: int):
    m = doc.masked
    k = doc.sents.starts[si]
    dl = DATELINE.match(m, k, se)
    if dl:
        k = dl.end()
    for _ in range(3):
        k = skip_space(m, k)
        w = _LETTERS.match(m, k, se)
        if w is None or w.group() not in CAP_STOP or w.group() in ("The", "A", "An", "He", "She"):
            break
        if w.group() in _OPENERS:
            k = w.end()
            continue
        k = m.find(",", k, min(se, k + 120))  # "On Tuesday, …", "Asked whether …, …"
        if k == -1:
            return None
        k += 1
        w = _LETTERS.match(m, skip_space(m, k), se)
        if w is not None and w.group() in STOP_LOW:  # "In Ohio, after the rally, …"
            k = m.find(",", w.end(), min(se, k + 120))
            if k == -1:
                return None
            k += 1
        break
    k = skip_space(m, k)
    sp = np_right(m, k, se)  # a name, a pronoun, a role noun phrase
    i = bisect.bisect_left(doc.mention_starts, k)
    if i < len(doc.mentions) and doc.mentions[i][0] == k and (
            sp is None or sp[1] >= se or sp[1] > doc.mentions[i][1] and not any(
                w in ROLE_NOUNS for w in _WORD_RX.findall(m[doc.mentions[i][1]:sp[1]]))):
        sp = doc.mentions[i][:2]  # a name and its verb: "X spoke in Y", "X met Y"
    if sp is None or sp[1] >= se or not _AFTER_SUBJECT.match(m, sp[1]):
        return None
    return sp


def _resolve_he_she(doc: Document, pron: str, at: int, resolve_phrase, depth: int = 0) -> str | None:
    """he/she at ``at``: the person the text makes unambiguous, else None.

    Centering (Grosz et al. 1995) and Hobbs (1978): the subject of the pronoun's own
    sentence when a person precedes it there; else, sentence by sentence back through
    this and the previous paragraph, the first sentence with a person whose gender
    (:func:`_gender`) does not contradict the pronoun: its subject (or the named speaker
    of a quotation there) when that is such a person, else its one such person; two
    such people, or an unnamed person subject ("The mayor criticized …"), leave it
    unresolved."""
    want = "m" if pron == "he" else "f"
    ments = _mentions(doc)
    si0 = doc.sents.of(at)
    para = doc.para_of(at)
    lo = doc.para_starts[max(para - 1, 0)]
    rows_by_sent: dict = {}
    lo_si = doc.sents.of(lo)
    named = doc.resolved.get(_ROW_NAMES)
    if named is None:
        named = doc.resolved[_ROW_NAMES] = {}
    for r in doc.rows[:-51:-1]:  # the latest 50 quotations, the latest first
        if r.end < lo:
            break
        if r.depth == 0 and r.speaker is not None and r.start < at:
            name = r.speaker_resolved or r.speaker
            last = named.get(name)
            if last is None:  # the surname of a named person speaker, False when none (once per name)
                words = name.split()
                last = POSS.sub("", words[-1])
                if (words[0].lower() in PRONOUNS or not all(w[:1].isupper() for w in words)
                        or last in INSTITUTION_WORDS):
                    last = False
                named[name] = last
            if last is not False:
                rows_by_sent.setdefault(max(doc.sents.of(r.start), lo_si), []).append((last, name))
    si = si0
    while si >= 0 and si0 - si <= _FAR and doc.sents.ends[si] > lo:
        limit = at if si == si0 else doc.sents.ends[si]
        subjects: dict = {}
        sp = _subject(doc, si, limit)
        if sp is not None:
            words = doc.masked[sp[0]:sp[1]].split()
            head = POSS.sub("", words[-1])
            low = head.lower()
            if len(words) == 1 and low in ("he", "she"):
                if low != pron:
                    pass
                elif depth < 2:
                    found = _resolve_he_she(doc, low, sp[0], resolve_phrase, depth + 1)
                    if found is None:
                        return None
                    subjects[found.split()[-1]] = found
            elif (low in PERSON_ROLES or low in _GENDERED) and words[0].lower() not in ("his", "her", "their"):
                # ("Her mother …": a relation of the person in focus, who stays in focus)
                if _GENDERED.get(low, want) == want:
                    found = resolve_phrase(doc, doc.orig[sp[0]:sp[1]], doc.orig[sp[0]:sp[1]].split(),
                                            words[0].lower(), sp[0])
                    if found == doc.orig[sp[0]:sp[1]] and si != si0:
                        return None  # an unnamed person: never guessed past
                    subjects[POSS.sub("", found.split()[-1])] = found
        m = doc.masked
        rest = []  # the people named outside the subject: weighed only when the subject is no one
        k = bisect.bisect_left(doc.mention_starts, doc.sents.starts[si])
        while k < len(ments) and ments[k][0] < limit:
            x = ments[k]
            k += 1
            s, e, name, last = x
            if e > limit or _MODIFIER.search(m, max(0, s - 4), s) and _LOWER_NEXT.match(m, e):
                continue  # ("the Trump campaign": a name as a modifier)
            if sp is None or not sp[0] <= s < sp[1]:
                rest.append(x)
            elif (e == sp[1] or POSS.search(m[s:e]) and head.lower() not in ROLE_NOUNS) and _fits(doc, x, want):
                # the subject, or its possessor: "Ortiz's plan was …"
                subjects[last] = _fullest(doc, last, at) or name
        for last, name in rows_by_sent.get(si, ()):
            if (_gender(doc, last) or want) == want:
                subjects[last] = name
        if si == si0 and sp is not None and not subjects and head[:1].islower() and not (
                head.lower() in ROLE_NOUNS and head.endswith("s")):
            return None  # "The speaker said that he …": an unnamed subject
        if len(subjects) == 1:
            return next(iter(subjects.values()))
        if subjects:
            return None
        one = None
        for x in rest:
            if _fits(doc, x, want):
                if one is None:
                    one = x
                elif x[3] != one[3]:
                    return None  # two people
        if one is not None:
            return _fullest(doc, one[3], at) or one[2]
        si -= 1
    return None
