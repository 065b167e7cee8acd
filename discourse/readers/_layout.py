"""Layout helpers shared by the non-article readers (tabular, html, docx, rtf,
Nexis Uni, Factiva): whitespace, paragraphs, dates and leading front matter.

Private: the public surface is each reader's ``read``.
"""
from __future__ import annotations

import datetime as _dt
import re
import warnings

from discourse.readers._base import ReaderWarning

__all__ = ["clean_ws", "join_paragraphs", "parse_date", "is_date_line", "front_matter", "MONTHS"]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
#: month names of the other languages Nexis and Factiva exports are dated in
#: (German, Dutch, French, Spanish, Portuguese, Italian); none clashes with an English name
_FOREIGN_MONTHS = {
    # German (Factiva "23 Juli 2021", LexisNexis "11. Januar 2010 Montag")
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12, "mai": 5, "okt": 10, "dez": 12, "mär": 3, "mrz": 3,
    # Dutch (Nexis Uni "4 oktober 2017 woensdag")
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8, "mrt": 3,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "dezembro": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
}
_ALL_MONTHS = {**_FOREIGN_MONTHS, **MONTHS}
_WEEKDAY = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
            r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
            r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
            r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
            r"|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
            r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)")
_MONTH_RE = r"(?<![^\W\d_])(?P<month>[^\W\d_]{3,10})\.?"
_DATE_PATTERNS = [
    # July 23, 2021 Friday / Jul. 23, 2021 / Friday, July 23, 2021
    re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b"),
    # 23 July 2021 / 23. Juli 2021 / 23 de julio de 2021 / 1er juillet 2021
    re.compile(r"\b(?P<day>\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?" + _MONTH_RE
               + r",?\s+(?:de\s+)?(?P<year>\d{4})\b"),
    # 2021-07-23 (ISO, with optional time)
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    # 2021年7月23日 / 2021년 7월 23일 (Chinese, Japanese, Korean exports)
    re.compile(r"(?P<year>\d{4})\s*[年년]\s*(?P<mnum>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"),
]
# a line that is nothing but a date (plus weekday, time, zone, edition words)
_DATE_LINE_REST = re.compile(
    r"^[\s,;\-–|]*(?:" + _WEEKDAY + r"|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|"
    r"[A-Z]{2,5}|GMT[+\-]?\d*|UTC[+\-]?\d*|updated|published|[,;\-–|\s])*$",
    re.I,
)
_WS = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\ufeff\x0b\x0c]+")


def clean_ws(text: str | None) -> str:
    """Collapse runs of spaces, tabs, no-break spaces and form feeds; strip."""
    if text is None:
        return ""
    return _WS.sub(" ", str(text)).strip()


def join_paragraphs(lines: list[str] | str, *, one_per_line: bool | None = None) -> str:
    """Turn lines into body text with paragraphs separated by one blank line.

    ``one_per_line=True`` makes every non-empty line a paragraph (Word and RTF
    paragraphs). ``False`` treats blank lines as paragraph breaks and joins the
    hard-wrapped lines inside a paragraph with a space. ``None`` (default) decides:
    blank lines present -> ``False``, otherwise -> ``True``.
    """
    if isinstance(lines, str):
        lines = lines.split("\n")
    lines = [clean_ws(line) for line in lines]
    if one_per_line is None:
        inner = _trim(lines)
        one_per_line = "" not in inner
    if one_per_line:
        paras = [line for line in lines if line]
    else:
        paras, cur = [], []
        for line in lines:
            if line:
                cur.append(line)
            elif cur:
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
    return "\n\n".join(paras)


def _trim(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]


def _match_date(text: str):
    for pat in _DATE_PATTERNS:
        for m in pat.finditer(text):
            g = m.groupdict()
            try:
                if g.get("mnum"):
                    month = int(g["mnum"])
                else:
                    month = _ALL_MONTHS.get(g["month"].lower().rstrip("."))
                    if month is None:
                        continue
                date = _dt.date(int(g["year"]), month, int(g["day"]))
            except (ValueError, TypeError):
                continue
            return date, m
    return None, None


def parse_date(text: str | None) -> str | None:
    """First date in ``text`` as ISO ``YYYY-MM-DD`` (None when there is none).

    Understands ``July 23, 2021 Friday``, ``Friday, July 23, 2021``, ``Jul. 23,
    2021``, ``23 July 2021``, ``23 Jul 2021`` and ``2021-07-23``; numeric
    ``07/08/2021`` forms are left alone on purpose (day/month order is ambiguous).
    """
    if not text:
        return None
    date, _ = _match_date(str(text))
    return date.isoformat() if date else None


def is_date_line(text: str, *, max_len: int = 80) -> bool:
    """True when ``text`` is a short line holding a date and nothing else of substance."""
    text = clean_ws(text)
    if not text or len(text) > max_len:
        return False
    date, m = _match_date(text)
    if date is None:
        return False
    rest = text[: m.start()] + " " + text[m.end():]
    return bool(_DATE_LINE_REST.match(rest))


_BYLINE = re.compile(r"^(?:by|von|par|por|door|di)\s+(?P<name>[^\d].{1,150})$", re.I)
_TERMINAL = re.compile(r"[.!?…]['\"”’»)]*$")


def front_matter(paras: list[str], *, title: str | None = None, max_scan: int = 4):
    """Split leading title / byline / date paragraphs off a one-article document.

    Returns ``(title, author, published, body_paragraphs)``. ``title`` given (from a
    Title/Heading style or document properties) is removed from the body when it is
    also the first paragraph. Otherwise the first paragraph becomes the title when it
    is short (at most 200 characters) and does not end like a sentence. Within the
    next ``max_scan`` paragraphs a ``By ...`` line becomes the author and a date line
    the published date; scanning stops at the first ordinary paragraph.
    """
    paras = [p for p in (clean_ws(p) for p in paras) if p]
    author = published = None
    if title:
        if paras and clean_ws(paras[0]) == clean_ws(title):
            paras = paras[1:]
    elif paras and len(paras) > 1 and len(paras[0]) <= 200 and not _TERMINAL.search(paras[0]):
        title, paras = paras[0], paras[1:]
    i = 0
    while i < min(max_scan, len(paras)):
        p = paras[i]
        m = _BYLINE.match(p)
        if author is None and m and len(p) <= 160 and not _TERMINAL.search(p.rstrip(".")):
            author = m.group("name").strip().rstrip(",;")
        elif published is None and is_date_line(p):
            published = parse_date(p)
        else:
            break
        i += 1
    return title, author, published, paras[i:]


_ENDS_SENTENCE = re.compile(r"[.!?…\"”’»)]\s*$")


def split_unclosed(chunk: list[str], doc_id: str | None, *, words: re.Pattern) -> list[tuple[list[str], str | None]]:
    """(Factiva) Split a chunk holding several articles (a ``Document <id>`` line is missing, so
    two articles ran together) before each later headline: the nonblank lines, up to
    three (headline, section, byline), above an ``N words`` line followed by a date."""
    nonblank = [i for i, line in enumerate(chunk) if line.strip()]
    heads = [n for n, i in enumerate(nonblank) if words.match(chunk[i])
             and any(is_date_line(clean_ws(chunk[j])) for j in nonblank[n + 1:n + 3])]
    if len(heads) < 2:
        return [(chunk, doc_id)]
    cuts = []
    for n in heads[1:]:
        start = nonblank[n]
        for j in range(n - 1, max(n - 4, -1), -1):
            i = nonblank[j]
            if _ENDS_SENTENCE.search(chunk[i]):
                break  # the last line of the previous article's body
            start = i
            if i == 0 or not chunk[i - 1].strip():
                break  # a blank line above the headline block
        cuts.append(start)
    pieces = [chunk[a:b] for a, b in zip([0] + cuts, cuts + [len(chunk)])]
    warnings.warn(ReaderWarning(
        f"{len(pieces)} articles without a 'Document <id>' line between them were split at their "
        "headlines; check them", record=""), stacklevel=2)
    return [(piece, None) for piece in pieces[:-1]] + [(pieces[-1], doc_id)]
