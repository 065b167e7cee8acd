"""Attribution: the speaker and reporting verb of each top-level quotation.

Rules, tried in order (their names end up in the ``attribution`` column): distancing
constructions (``so-called``, ``what X calls``); a governing verb close on the left
(``X said, "…"``); an attribution right after the quotation (``"…," said X``,
``"…," X said``, ``"…" according to X``, ``"…" — X``); a verb later in the sentence;
the transcript colon (``X: "…"``); then across sentences (:func:`cross_sentence`:
a split or continued quotation, a colon sentence before it, the next sentence, a
signature line, the paragraph's speaker, the subject of its own clause). The clause
analysis (main subject, nested reports, nouns that look like verbs) is in
:mod:`discourse.quotes._clauses`.
"""
from __future__ import annotations

import bisect
import re

from discourse.quotes._document import Document
from discourse.quotes._marks import FILL
from discourse.quotes._phrases import UP, np_left, np_right, skip_space
from discourse.quotes._records import Attribution, Candidate
from discourse.quotes._clauses import clause_subject, main_subject, noun_reading, outer_report
from discourse.quotes._speakers import sentence_subject
from discourse.words import PRONOUNS

__all__ = ["CONTEXT", "SO_CALLED", "WHAT_CALLS", "attribute", "cross_sentence"]

CONTEXT = 600  # characters of sentence context looked at on each side of a quotation

SO_CALLED = re.compile(
    r"(?:\bso[- ]called|\bself[- ](?:styled|proclaimed|described)|\bsupposed|\bpurported|"
    r"\bwould-be|\bquote[- ]unquote)\s*[(\[]?\s*$",
    re.IGNORECASE,
)
WHAT_CALLS = re.compile(
    r"\b(?:what|which|as)\b[^.;:!?" + FILL + r"]{0,80}?\b(?:calls?|called|calling|describes?|described|"
    r"describing|terms?|termed|dubs?|dubbed|labell?ed|labels?|brands?|branded|refers?\s+to|"
    r"referred\s+to|known|likes\s+to\s+call|chose\s+to\s+call|characteri[sz]e[sd]?)"
    r"(?:\s+(?:it|them|this|that|[" + UP + r"][\w.\-]*['’]s))?(?:\s+as)?\s*[,:]?\s*$",
    re.IGNORECASE,
)
_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+([^;:" + FILL + r"]{2,120}?),?\s+as\s+$", re.IGNORECASE)
_DASH_RIGHT = re.compile(r"^\s*[,.]?\s*(?:—|–|--)\s*")
_RELATIVE_END = re.compile(r"\b(?:which|who|whom|whose|that)\s*$", re.IGNORECASE)
_COLON_END = re.compile(r":\s*$")
_GOV_CLOSE = re.compile(r"[^,;" + FILL + r"]*,?\s*")
_BARE_CLOSE = re.compile(r"[^,;:.!?" + FILL + r"]{0,60}[,:]?\s*")
_NAMING = frozenset({"called", "named", "titled", "dubbed", "labeled", "labelled", "entitled", "known"})
_PREV_END = re.compile(r"[.!?…][\"”’')]*\s+$")
_FEW_WORDS = re.compile(r"[\s,]*((?:the|a|an|one|some|two|three|both|many)\s+[\w'’\-]+(?:\s+[\w'’\-]+){0,2})\s+",
                        re.IGNORECASE)
_ENDS_WITH_ATTRIBUTION = re.compile(r"(?:\s+(?:on|in|at|last|this|early|late|earlier|later|to|during)?\s*[\w.'’]+){0,4}\s*[.!]\s*")
_INVERTED_END = re.compile(r"\s*[,:]\s*")
_WORD_THEN_COMMA = re.compile(r"\w[^" + FILL + r"]*,")
_NO_WORD = re.compile(r"[^\w" + FILL + r"]*")
_ADJACENT = re.compile(r"[\s,—–-]*")
_ALONE_RIGHT = re.compile(r"[\s.,!?…\"”’'“]*")
_NEXT_SUBJECT = re.compile(r"\s*(?:[^,;:." + FILL + r"]{1,40},\s*)?")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_SPLIT_LEFT = re.compile(r"[,:]\s*[\"“”‘'«]?$")
_LETTERS = re.compile(r"[A-Za-z]+")
_WORDS = re.compile(r"\w+(?:[-'’]\w+)*")
_INVERTED_TAIL = re.compile(r"\s*(?:[,(]|[.!?]|$)")
_COMMA_ONLY = re.compile(r"\s*[,:]\s*")
_SIGNATURE = re.compile(r"\s*(?:—|–|--|-)\s*(?=[" + UP + r"])")
_RIGHT_HOW = {"bare": "quote-said-X", "subject": "quote-X-said", "according-to": "quote-according-to"}


def _latest(cands: list[Candidate]) -> Candidate:
    return max(cands, key=lambda cd: cd.end)


def attribute(doc: Document, o: int, c: int) -> Attribution:
    """Speaker span, verb and rule for the quotation whose marks are at ``o`` and ``c``."""
    m = doc.masked
    sents = doc.sents
    si = sents.of(o)
    si2 = sents.of(c)
    ss = sents.starts[si]
    se = sents.ends[si2]
    left = m[max(ss, o - CONTEXT):o]
    res = Attribution(si=si, si2=si2)
    cands = doc.candidates(si) if si == si2 else doc.candidates(si) + doc.candidates(si2)
    if len(cands) > 8:  # only verbs within the context window (long sentences)
        starts = doc.candidate_starts(si) if si == si2 else [cd.start for cd in cands]
        cands = cands[bisect.bisect_left(starts, o - CONTEXT):bisect.bisect_right(starts, c + CONTEXT)]
    if cands:
        cands = [cd for cd in cands if not noun_reading(m, cd)]
    # distancing constructions: so-called "…", what X calls "…"
    if SO_CALLED.search(left[-40:]):
        return res.set(distancing=True, attribution="so-called")
    governing = [cd for cd in cands if cd.end <= o and cd.how != "bare"]
    if WHAT_CALLS.search(left[-120:]):
        res.set(distancing=True, attribution="what-X-calls")
        if governing:
            cd = _latest(governing)
            if cd.end >= o - 25:
                res.verb = cd.verb
                if cd.how == "subject":
                    res.span = cd.np
        return res
    with_subject = [cd for cd in cands if cd.how in ("subject", "according-to") and cd.np is not None]
    gov = _latest(governing) if governing else None
    bare = [cd for cd in cands if cd.end <= o and cd.how == "bare" and (gov is None or cd.start > gov.end)]
    if bare:
        # a verb without a subject of its own, closer to the quotation than any other:
        # "X called on her to resign and said, "…"", "Said Ann Lee, "…"", "Some chanted "…""
        b = _latest(bare)
        inverted = b.np is not None and m[sents.starts[sents.of(b.start)]:b.start].strip(" \"“‘'") == ""
        if ((_BARE_CLOSE.fullmatch(m, b.end, o) is not None or (inverted and FILL not in m[b.end:o]))
                and _bare_governs(doc, b, o)):
            gov = b
    if (gov is not None and gov.how == "participle" and m[gov.start - 2:gov.start] == ", "
            and "," in m[gov.end:o] and _COMMA_ONLY.fullmatch(m, gov.end, o) is None):
        # (", saying, "…"": the participle right before the quotation is its verb)
        # a parenthetical participle: "X told AFP, asking not to be named, that …"
        earlier = [cd for cd in governing if cd.end < gov.start and cd.how != "participle"]
        if earlier:
            e = _latest(earlier)
            if not (m[e.end:gov.start] == ", " and _WORD_THEN_COMMA.search(m, gov.end, o) is None):
                gov = e  # but "X said, adding, "…"": the participle right after the verb is the verb
    # the governing verb is close on the left ("X denounced the claim as "…"",
    # "Insisting that "…"", "X said, "…""): no clause break in between
    gov_close = gov is not None and _GOV_CLOSE.fullmatch(m, gov.end, o) is not None
    if gov is not None and gov_close:
        if not (gov.how == "subject" and _NO_WORD.fullmatch(m, gov.end, o) is None
                and not m[gov.end:o].rstrip().endswith(":") and _closing_attribution(doc, cands, c)):
            return _from_governor(doc, res, gov, with_subject, o)
        # "X conceded that it could be termed "…," the Post reported": the attribution
        # that closes the sentence outranks a verb inside it
    # "…," said X / "…," X said / "…" according to X: attribution right after the quote
    right_c = [cd for cd in cands if cd.start > c]
    if right_c:
        first = right_c[0]
        if first.np is not None:
            anchor = first.start if first.how in ("bare", "according-to") else first.np[0]
            if _ADJACENT.fullmatch(m[c + 1:anchor]):
                how = _RIGHT_HOW.get(first.how)
                if how:
                    return res.set(verb=first.verb, span=first.np, attribution=how, adjacent=True)
        elif first.how == "bare":
            # "…," said 9/11 widow Ann Lee: the verb, even when its source is no noun phrase;
            # "…," the two write: the words between
            if _ADJACENT.fullmatch(m[c + 1:first.start]):
                return res.set(verb=first.verb, attribution="quote-said-X", adjacent=True)
            x = _FEW_WORDS.fullmatch(m, c + 1, first.start)
            if x is not None:
                return res.set(verb=first.verb, span=(x.start(1), x.end(1)), attribution="quote-X-said",
                               adjacent=True)
    # dash attribution: "…" — X (said)
    right = m[c + 1:min(se, c + 1 + CONTEXT)]
    dm = _DASH_RIGHT.match(right)
    if dm:
        sp = np_right(m, c + 1 + dm.end(), se)
        if sp is not None:
            after = doc.verbs.matcher.match_at(m, skip_space(m, sp[1]))
            return res.set(span=sp, verb=(" ".join(after[2].split()).lower() if after else None),
                           attribution="dash", adjacent=True)
    if gov is not None:
        return _from_governor(doc, res, gov, with_subject, o)
    # a speaker and verb later in the sentence ("Spelling out what such "…" would
    # entail, the chairman stated …")
    sub_right = [d for d in right_c if d.how in ("subject", "according-to") and d.np is not None
                 and not _RELATIVE_END.search(m[c + 1:d.np[0] if d.how == "subject" else d.start])]
    if sub_right:
        d = sub_right[0]
        return res.set(verb=d.verb, span=d.np, attribution="X-verb-later-in-sentence")
    if right_c and right_c[0].how == "bare" and right_c[0].np is not None:
        # an inverted attribution closing the sentence after a comment of the outlet's:
        # ""…," since many cases were close, said Lee Epstein, a professor."
        d = right_c[0]
        if ((m[c - 1] == "," or m[c + 1:c + 2] == ","
             or len(_WORDS.findall(doc.text, o + 1, c)) > doc.scare_max_words) and FILL not in m[c + 1:d.start]
                and m[d.start - 2:d.start] == ", " and _INVERTED_TAIL.match(m, d.np[1], se)):
            return res.set(verb=d.verb, span=d.np, attribution="quote-said-X")
    # transcript style: X: "…"
    if _COLON_END.search(left):
        head = left.rstrip()[:-1].rstrip()
        sp = np_left(m, ss, o - len(left) + len(head))
        if sp is not None and m[ss:sp[0]].strip() == "":
            res.set(span=sp, attribution="X-colon")
        elif FILL not in m[ss:o - len(left) + len(head)]:
            # "The mayor put it best when she posted: "…"", "Lind named a film as
            # her favourite: "…"": the person the sentence is about
            clause_subject(doc, res, o, "X-clause-colon")
    return res


def _closing_attribution(doc: Document, cands, c: int) -> bool:
    """A subject and reporting verb right after the quotation at ``c`` that end the
    sentence: ``"…," the Post reported.``"""
    m = doc.masked
    for cd in cands:
        if cd.start > c:
            if cd.how != "subject" or cd.np is None or _ADJACENT.fullmatch(m, c + 1, cd.np[0]) is None:
                return False
            comma = m[c - 1] == "," or m[c + 1:c + 2] == ","
            return comma and _ENDS_WITH_ATTRIBUTION.fullmatch(m, cd.end, doc.sents.ends[doc.sents.of(cd.start)]) is not None
    return False


def _bare_governs(doc: Document, b: Candidate, o: int) -> bool:
    """A verb without a subject of its own governs the quotation: not markup
    (``<tweet id="…">``), not a noun (``a blog, called "…"``, ``made similar comments
    on "…"``); a base form or an -s form only right before the quotation (``went on to
    say, "…"``)."""
    m = doc.masked
    if m[b.start - 1:b.start] == "<" or m[b.start - 2:b.start] == ", " and b.verb in _NAMING:
        return False
    if (b.verb.endswith("s") and b.verb != "says") or doc.verbs.lemma.get(b.verb) == b.verb:
        return _NO_WORD.fullmatch(m, b.end, o) is not None
    return True


def _from_governor(doc: Document, res: Attribution, gov: Candidate, with_subject, o: int) -> Attribution:
    m = doc.masked
    sents = doc.sents
    res.verb = gov.verb
    if gov.how in ("subject", "according-to") and gov.np is not None:
        direct = _NO_WORD.fullmatch(m, gov.end, o) is not None or m[gov.end:o].rstrip().endswith(":")
        if not direct and gov.how == "subject":
            outer = outer_report(doc, gov, with_subject)
            if outer is not None:
                # "Lee said she recalled thinking "…"", "critics say he had proposed to
                # "…"": the verb in the complement of an earlier reporting verb is part
                # of what that verb reports (nested attribution: the outer one counts)
                return res.set(span=outer.np, verb=outer.verb, attribution="X-verb-in-sentence")
        return res.set(span=gov.np, attribution="X-said-quote" if direct else "X-verb-in-sentence")
    if gov.how == "bare":
        gsi = sents.of(gov.start)
        if gov.np is not None and (m[sents.starts[gsi]:gov.start].strip(" \"“‘'") == "" or (
                m[gov.np[0]].isupper() and m[gov.np[0]:gov.np[1]].lower() not in PRONOUNS
                and _INVERTED_END.fullmatch(m, gov.np[1], o))):
            # inverted: "Said Ann Lee, a neighbour, "…"", "But, said Lee, "…""
            return res.set(span=gov.np, attribution="said-X-quote")
        lefts = [d for d in with_subject if d.end <= gov.start]
        if lefts:  # "X called on her to resign and said, "…"": the earlier verb's subject
            return res.set(span=_latest(lefts).np, attribution="and-said-quote")
        # "Mexican President X compared …, and urged people not to "…"": the main clause's subject
        return res.set(span=main_subject(doc, gsi, gov.start), attribution="bare-verb-quote")
    # a participle ("Insisting that "…," Milley added", "…, describing it as "…"")
    # takes the subject of the nearest finite reporting verb: on its left first,
    # else the main clause that follows
    gsi = sents.of(gov.start)
    qa = _QUOTED_AS.search(m, max(sents.starts[gsi], gov.start - 200), gov.start)
    if qa is not None:
        # "X quoted the ambassador, Dmitry Zhirnov, as saying …": the object speaks
        sp = np_right(m, qa.start(1), qa.end(1))
        if sp is not None:
            return res.set(span=sp, attribution="quoted-as-saying")
    lefts = [d for d in with_subject if d.end <= gov.start]
    rights = [d for d in with_subject if d.start > gov.end]
    if lefts:
        return res.set(span=_latest(lefts).np, attribution="participle-left-subject")
    if rights:
        return res.set(span=min(rights, key=lambda d: d.start).np, attribution="participle-main-subject")
    res.attribution = "participle-no-subject"
    ss, se = sents.starts[gsi], sents.ends[gsi]
    if m[ss:gov.start].strip(" \"“‘'") == "":
        # a sentence-initial participial clause shares the main clause's subject:
        # "Insisting that "…," the minister left" -> the minister
        comma = m.find(",", max(gov.end, o), se)
        if comma != -1:
            k = comma + 1
            while k < len(m) and m[k] in " \t\"”’'":
                k += 1
            sp = np_right(m, k, se)
            if sp is not None and _LOWER_NEXT.match(m[sp[1]:sp[1] + 3]):
                res.set(span=sp, attribution="participle-main-subject")
    else:
        # "…, citing "…"", "A judge blocked the plan, calling it "…"", "The union
        # issued a statement saying "…"": a participle shares the main clause's subject
        sp = main_subject(doc, gsi, gov.start)
        if sp is not None:
            res.set(span=sp, attribution="participle-main-subject")
    return res


def _paragraph_speaker(doc: Document, results: list[Attribution], i: int, o: int):
    """The attribution of the nearest earlier attributed quotation of the paragraph
    of ``o`` (as a continuation), else None."""
    sents = doc.sents
    j = i - 1
    while j >= 0 and results[j].span is None and results[j].verb is None and not results[j].distancing:
        j -= 1
    if j < 0:
        return None
    pr = results[j]
    if pr.span is None or pr.distancing or sents.block_of(o) != sents.block_of(doc.spans[j][1]):
        return None
    return dict(span=pr.span, verb=pr.verb, attribution="continuation")


def cross_sentence(doc: Document, results: list[Attribution]) -> list[Attribution]:
    """Second pass for quotations standing alone in their sentence: a colon in the
    previous sentence, a continued quotation, ``He added.`` in the next sentence, or
    the person the previous sentence is about."""
    m = doc.masked
    sents = doc.sents
    for i, ((o, c, _), res) in enumerate(zip(doc.spans, results)):
        if res.span is not None or res.distancing or res.verb is not None:
            continue
        si, si2 = res.si, res.si2
        ss, se = sents.starts[si], sents.ends[si2]
        if i > 0:
            pr = results[i - 1]
            po, pc = doc.spans[i - 1][0], doc.spans[i - 1][1]
            if (pr.span is not None and not pr.distancing and pr.adjacent and pr.si2 == si
                    and pc < pr.span[0] < o and _SPLIT_LEFT.search(m, pc, o)):
                # the second half of a quotation split by its attribution:
                # "…," said X, a spokesman, "…"
                res.set(span=pr.span, verb=pr.verb, attribution="continuation")
                continue
        left = m[max(ss, o - CONTEXT):o]
        alone = ((left.strip(" \t\n\"“‘'") == "" or _PREV_END.search(left) is not None)
                 and _ALONE_RIGHT.fullmatch(m[c + 1:min(se, c + 1 + CONTEXT)]))
        if not alone:
            # a longer quotation in a sentence of the paragraph without any reporting
            # verb goes on in the voice of the paragraph's quoted speaker ("…," said
            # X. Now, "…" / He has directed "…"): the news convention of one speaker
            # per paragraph; short phrases stay scare quotes
            if i > 0 and not doc.candidates(si) and not doc.candidates(si2) and (
                    len(_WORDS.findall(doc.text, o + 1, c)) > doc.scare_max_words):
                cont = _paragraph_speaker(doc, results, i, o)
                if cont is not None:
                    res.set(**cont)
            if res.span is None and len(_WORDS.findall(doc.text, o + 1, c)) > doc.scare_max_words:
                # no reporting verb: the subject of the sentence's main clause, and its
                # verb ("Lee thanked the team for "…""), a person or a named body
                clause_subject(doc, res, o)
            continue
        # (a) previous sentence ends with a colon and has a speaker
        prev_si = si - 1
        if prev_si >= 0:
            ps, pe = sents.starts[prev_si], sents.ends[prev_si]
            if m[ps:pe].rstrip().endswith(":"):
                cds = [d for d in doc.candidates(prev_si) if d.np is not None and (
                    d.how in ("subject", "according-to") or (d.how == "bare" and m[ps:d.start].strip(" \"“‘'") == ""))]
                if cds:
                    d = cds[-1]
                    res.set(span=d.np, verb=d.verb, attribution="previous-sentence-colon")
                    continue
                if FILL not in m[ps:pe] and clause_subject(doc, res, pe - 1, "previous-sentence-colon"):
                    continue  # "The mayor released the following statement: ¶ "…""
        # (b) continuation of the previous sentence's attributed quotation; when
        # the quotation opens a new paragraph, (c) comes first
        cont = None
        j = i - 1
        while j > 0 and results[j].span is None and results[j].verb is None and not results[j].distancing:
            j -= 1  # past unattributed quotations ("…," said X, host of "Tank." "…")
        if j >= 0:
            pr = results[j]
            pc = doc.spans[j][1]
            gap = sents.block_of(o) - sents.block_of(pc)
            if pr.span is not None and not pr.distancing and (pr.si2 in (si - 1, si) or gap == 0):
                # the sentence before, or anywhere earlier in the same paragraph: news
                # style gives an unattributed quotation to the paragraph's speaker
                if gap <= 1:
                    cont = dict(span=pr.span, verb=pr.verb, attribution="continuation")
                    if gap == 0:
                        res.set(**cont)
                        continue
        # (c) the next sentence begins with "X said" / "He added"; (d) below
        nxt = si2 + 1
        if nxt < len(sents.starts) and sents.block_of(sents.starts[nxt]) == sents.block_of(c):
            ns = sents.starts[nxt]
            for d in doc.candidates(nxt):
                if d.how == "subject" and d.np is not None and _NEXT_SUBJECT.fullmatch(m[ns:d.np[0]]):
                    res.set(span=d.np, verb=d.verb, attribution="next-sentence")
                break
        if res.span is None and cont is None and nxt < len(sents.starts):
            # a signature line after the quotation's paragraph: ""…" ¶ — Ann Lee, a voter."
            b = sents.block_of(c)
            ns = sents.starts[nxt]
            if sents.block_of(ns) == b + 1 and m[c + 1:ns].strip(" \t\n.,\"”’'") == "":
                x = _SIGNATURE.match(m, ns)
                if x is not None:
                    sp = np_right(m, x.end(), sents.ends[nxt])
                    if sp is not None and m[sp[0]].isupper():
                        res.set(span=sp, attribution="signature")
                        continue
        if res.span is None and cont is not None:
            res.set(**cont)
        if res.span is None and prev_si >= 0 and sents.block_of(sents.starts[prev_si]) == sents.block_of(o):
            # the previous sentence ends with its attribution: "The plan may wait, Lee
            # said on Tuesday. "…"": the quotation goes on in the same voice
            ps, pe = sents.starts[prev_si], sents.ends[prev_si]
            cds = doc.candidates(prev_si)
            if cds:
                d = cds[-1]
                if (d.how == "subject" and d.np is not None and d.np[0] > ps
                        and _ENDS_WITH_ATTRIBUTION.fullmatch(m, d.end, pe)):
                    res.set(span=d.np, verb=d.verb, attribution="previous-sentence-said")
                elif FILL not in m[ps:pe]:
                    # reported speech, then the speaker's own words: "Lee said the plan
                    # was dead. "We tried everything.""
                    d = cds[0]
                    if (d.how == "subject" and d.np is not None and d.np[1] <= d.start
                            and m[ps:d.np[0]].strip(" \"“‘'") == "" and m[d.np[0]:d.np[1]].lower() not in ("it", "they")):
                        res.set(span=d.np, verb=d.verb, attribution="previous-sentence-report")
        # (d) an action beat: the previous sentence, in the same paragraph and
        # without quotation, is about a person ("Ms Haidari paused. "…"")
        if res.span is None and prev_si >= 0 and sents.block_of(sents.starts[prev_si]) == sents.block_of(o):
            ps, pe = sents.starts[prev_si], sents.ends[prev_si]
            if FILL not in m[ps:pe]:
                sub = sentence_subject(doc, pe)
                if sub is not None and sub[0] >= ps:
                    res.set(span=sub, attribution="previous-sentence-subject")
    return results
