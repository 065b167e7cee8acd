"""Reported speech: ``X said that …``, ``X said the plan would …``, ``…, X said``,
``according to X, …`` — kind ``indirect``, with speaker, verb and the content span.

Only the outlet's own words are searched (quoted words are masked), so a content that
holds a quotation is left to the quotation (``partial``/``direct``). Rules, in the
``attribution`` column:

- ``X-said-that``: a reporting verb with its subject, then ``that`` (after at most a
  short object: ``told reporters that``) → the rest of the sentence;
- ``X-said-clause``: a speech verb with its subject, directly followed by a clause (a
  pronoun, a determiner, a name or a number opens it) → the rest of the sentence;
- ``clause-X-said``: ``CLAUSE, X said [on Tuesday].`` / ``CLAUSE, said X.`` → the
  sentence up to the comma;
- ``X-verb-object``: another reporting verb with its subject and an object (``X
  called for a ban on …``, ``X urged Congress to act``) → the rest of the clause;
- ``X-said-parenthetical``: ``CLAUSE, X said, CLAUSE.`` → the clause after the comma;
- ``X-and-said``: ``X denied it and said CLAUSE`` → the rest of the sentence, the
  speaker being the subject that opens the sentence;
- ``X-said-colon``: ``X said on Twitter: TEXT`` without quote marks → the rest of the
  paragraph; ``X-said-colon-paragraph``: the colon ends the paragraph → the next
  paragraph (a post or statement set off on its own);
- ``according-to-X``: ``According to X, CLAUSE.`` → the clause after the comma;
  ``CLAUSE, according to X.`` → the sentence up to the comma.
"""
from __future__ import annotations

import re

from discourse.quotes._document import Document
from discourse.quotes._marks import FILL
from discourse.quotes._phrases import np_right
from discourse.quotes._records import Attribution, Candidate
from discourse.quotes._speakers import DATELINE

__all__ = ["find_indirect", "CLAUSE_VERBS"]

#: lemmas that take a bare content clause ("she said the plan would fail")
CLAUSE_VERBS = frozenset(
    """say tell claim argue insist warn add note predict suggest acknowledge announce explain
    write report contend maintain estimate assert allege concede admit charge complain
    declare emphasize stress reiterate repeat recall testify vow promise pledge confirm
    deny believe think hope fear worry agree caution counter point state observe
    reply respond answer acknowledge conclude disclose reveal indicate signal""".split()
)
#: lemmas whose object comes before ``that`` ("told reporters that", "warned lawmakers that")
_OBJECT_VERBS = frozenset("tell warn assure inform remind advise caution notify convince persuade".split())
_THAT = re.compile(r"\s*(?:,\s*)?that\s+", re.IGNORECASE)
_OBJECT_THAT = re.compile(r"\s+[^,;:.!?" + FILL + r"]{1,60}?\s+that\s+")
_CLAUSE_START = re.compile(
    r"\s+(?:(?:he|she|they|it|we|i|you|there|the|a|an|his|her|their|its|our|this|these|those|"
    r"some|many|most|no|none|nobody|all|every|each|one|two|several)\b|[A-Z][\w'’\-]*\s+(?!of\b)[a-z]|[0-9])"
)
_TAIL = re.compile(
    r"\s*(?:(?:on|in|at|during|after|before|late|early|last|this|to|for|from|via|by|with|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|[\w'’\-]+)\s*){0,8}[.!?…]?\s*$",
    re.IGNORECASE,
)
_COMMA_BEFORE = re.compile(r",\s*$")
# a short tail after the verb, then a colon: "said on Twitter:", "wrote in a statement:"
_TO_COLON = re.compile(r"(?:\s+(?:on|in|at|to|via|late|early|this|last|a|an|the|his|her|their|its|"
                       r"[A-Z][\w'’\-]*|[a-z]+day|morning|evening|night|statement|post|tweet|interview)){0,6}"
                       r"\s*:\s*")
_COMMA_AFTER = re.compile(r"\s*(?:(?:on|in|at|last|this)\s+[\w'’\-]+\s*){0,2},\s*(?=[a-zA-Z])")
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:also\s+)?$")
_END_PUNCT = ".!?…;:,"
_SAY = frozenset({"say", "tell", "claim", "argue", "insist", "warn", "add", "note", "predict", "suggest",
                  "acknowledge", "contend", "maintain", "believe", "think", "agree", "write", "report", "estimate"})
_NEXT_WORD = re.compile(r"\s+([a-z][\w'’\-]*)\s+[a-z]")
_NOT_CLAUSE = frozenset(
    """to so in on at of about with for from by after before during as yes no nothing little much
    not never also only just again later then earlier today yesterday recently previously repeatedly
    publicly privately separately last next this week month year more less something anything
    goodbye hello thanks sorry""".split())
_SUBJECT_RUN = re.compile(r"(?:[\w'’\-%$.]+ ){1,7}")
_OBJECT_START = re.compile(r"\s+(?:for\s+|on\s+|to\s+)?(?:the|a|an|his|her|their|its|our|[A-Z][\w'’\-]*)\b")
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:and|but|while|which|who|as|after|before|saying|adding)\b")


def find_indirect(doc: Document) -> list[tuple[int, int, Attribution]]:
    """``(content start, content end, attribution)`` of the reported speech of a document."""
    m = doc.masked
    sents = doc.sents
    out = []
    for si in range(len(sents.starts)):
        ss, se = sents.starts[si], sents.ends[si]
        if se - ss < 20:
            continue
        dl = DATELINE.match(m, ss, se)
        if dl:
            ss = dl.end()
        found = []
        for cd in doc.candidates(si):
            hit = _colon(doc, cd, se) or _content(doc, cd, ss, se)
            if hit is None:
                continue
            a, b, rule = hit[:3]
            span = hit[3] if len(hit) > 3 else cd.np
            a, b = _trim(m, a, b)
            if b - a < 12 or FILL in m[a:b] or len(m[a:b].split()) < 3:
                continue
            found.append((a, b, Attribution(span=span, verb=cd.verb, attribution=rule, si=si, si2=si)))
            if rule != "X-verb-object":
                break
        if found:
            # one report per sentence: the first speech verb that fits, else the first other
            best = [f for f in found if f[2].attribution != "X-verb-object"]
            out.append(best[0] if best else found[0])
    return out


def _colon(doc: Document, cd: Candidate, se: int):
    """``X said: TEXT`` without quote marks: the rest of the paragraph, or the next
    paragraph when the colon ends this one (a post or statement set off on its own)."""
    if cd.np is None or cd.how not in ("subject", "according-to"):
        return None
    m = doc.masked
    x = _TO_COLON.match(m, cd.np[1] if cd.how == "according-to" else cd.end, se + 2)
    if x is None:
        return None
    k = x.end()
    blocks = doc.sents.block_starts
    b = doc.sents.block_of(k)
    end = blocks[b + 1] if b + 1 < len(blocks) else len(m)
    # the colon ends its paragraph: the statement is the next paragraph
    rule = "X-said-colon-paragraph" if doc.sents.block_of(m.rindex(":", x.start(), k)) != b else "X-said-colon"
    if FILL in m[k:end] or any(ch in m[k:end] for ch in "\"“”"):
        return None  # a quotation: left to the quotation
    return k, end, rule


def _content(doc: Document, cd: Candidate, ss: int, se: int):
    m = doc.masked
    lemma = doc.verbs.lemma.get(cd.verb, cd.verb)
    if cd.how == "according-to":
        if cd.np is None:
            return None
        if m[ss:cd.start].strip() == "":
            comma = m.find(",", cd.np[1], se)
            if comma != -1 and m[cd.np[1]:comma].strip() == "":
                return comma + 1, se, "according-to-X"
            return None
        if _COMMA_BEFORE.search(m, ss, cd.start) and _TAIL.fullmatch(m, cd.np[1], se):
            return ss, m.rindex(",", ss, cd.start), "according-to-X"
        return None
    if cd.how == "bare" and cd.np is not None and _COORDINATED.search(m, ss, cd.start):
        # "… and said CLAUSE": the subject of the coordinated clause opens the sentence
        sub = np_right(m, ss, cd.start)
        if sub is None or not m[sub[1]:sub[1] + 2].strip()[:1].islower():
            return None
        hit = _after_verb(doc, cd, lemma, se)
        return None if hit is None else (hit[0], hit[1], "X-and-said", sub)
    if cd.how == "bare" and lemma in _SAY and _SUBJECT_RUN.fullmatch(m, ss, cd.start):
        # "Forty percent said the plan would fail": a subject the noun-phrase
        # rules do not take (numbers, quantities)
        hit = _after_verb(doc, cd, lemma, se)
        sub = (ss, ss + len(m[ss:cd.start].rstrip()))
        return None if hit is None else (hit[0], hit[1], hit[2], sub)
    if cd.np is None or cd.how not in ("subject", "bare"):
        return None
    if cd.how == "bare":
        # "CLAUSE, said X."
        if cd.np is not None and _COMMA_BEFORE.search(m, ss, cd.start) and _TAIL.fullmatch(m, cd.np[1], se):
            return ss, m.rindex(",", ss, cd.start), "clause-X-said"
        return None
    # "CLAUSE, X said, CLAUSE.": a parenthetical attribution
    if (cd.np[0] > ss and _COMMA_BEFORE.search(m, ss, cd.np[0]) and _COMMA_AFTER.match(m, cd.end, se)
            and lemma in CLAUSE_VERBS):
        return _COMMA_AFTER.match(m, cd.end, se).end(), se, "X-said-parenthetical"
    # "CLAUSE, X said [on Tuesday]."
    if cd.np[0] > ss and _COMMA_BEFORE.search(m, ss, cd.np[0]) and _TAIL.fullmatch(m, cd.end, se):
        if lemma in CLAUSE_VERBS:
            return ss, m.rindex(",", ss, cd.np[0]), "clause-X-said"
        return None
    return _after_verb(doc, cd, lemma, se)


def _after_verb(doc: Document, cd: Candidate, lemma: str, se: int):
    m = doc.masked
    x = _THAT.match(m, cd.end, se)
    if x is None and (lemma in _OBJECT_VERBS or lemma in _SAY):
        x = _OBJECT_THAT.match(m, cd.end, se)  # "told reporters that", "said on Monday that"
    if x is not None:
        return x.end(), se, "X-said-that"
    if lemma in CLAUSE_VERBS and not cd.verb.endswith("ing"):
        x = _CLAUSE_START.match(m, cd.end, se)
        if x is not None:
            return x.start() + len(x.group()) - len(x.group().lstrip()), se, "X-said-clause"
        x = _NEXT_WORD.match(m, cd.end, se)
        if x is not None and x.group(1).lower() not in _NOT_CLAUSE and lemma in _SAY:
            # "Mr. Hecht said smugglers dig tunnels": a bare noun opens the clause
            return x.start(1), se, "X-said-clause"
    if cd.how == "subject" and _OBJECT_START.match(m, cd.end, se):
        # "X called for a ban on …", "X urged Congress to act": what the speaker
        # asked for, denounced or proposed, to the end of the clause
        end = _CLAUSE_END.search(m, cd.end, se)
        return cd.end, end.start() if end else se, "X-verb-object"
    return None


def _trim(m: str, a: int, b: int) -> tuple[int, int]:
    while a < b and m[a].isspace():
        a += 1
    while b > a and (m[b - 1].isspace() or m[b - 1] in _END_PUNCT):
        b -= 1
    return a, b
