"""Factiva (Dow Jones) exports: many articles per ``.rtf``, ``.txt`` or ``.html``.

Two layouts are understood, recognised by content (:func:`sniff`):

**Field codes** ("Full Article/Report plus Indexing")::

    HD   Headline
    SE   Section
    BY   By Jane Doe
    WC   1,234 words
    PD   23 July 2021
    SN   The New York Times
    SC   NYTF
    LA   English
    CY   Copyright 2021 The New York Times Company. All Rights Reserved.
    LP   Lead paragraphs ...
    TD   Remaining paragraphs ...
    NS   gvio : Military Action | ...
    AN   Document NYTF000020210723eh7n0004h

Codes may be followed by a tab, spaces or a table cell (HTML exports put each
field in a table row, RTF ones come out of striprtf as ``HD|Headline|`` rows).
An article opens with ``HD`` or with the ``SE``/``CLM`` lines Factiva puts above
it, and ends with ``AN``; ``LP`` + ``TD`` form its text (Web News items have an
``LP`` only).

**Article format** (the default display): headline, optional section and byline,
``N words``, date, optional time, source name, optional source code, edition and
page, language, copyright, the body, and a closing ``Document <id>`` line. A
trailing "Search Summary" block is not an article and is skipped. In HTML each
article is a ``div.article`` (``enArticle``, ``deArticle`` ...) with the headline
in ``div#hd``; a section line shown above the headline is read as the section.
Word counts and dates may be in other languages (``1.156 Wörter``, ``1 023
mots``, ``23 Juli 2021``), and the running footer of printed exports (``Page 2 of
7 © 2021 Factiva, Inc. All rights reserved.``) is dropped.

Pages saved from a browser (Factiva's results page with its scripts, style
sheets and navigation) are read like exports: each outermost ``div.article`` is
one article, the closing line may be in the interface language (``Dokument
<id>``, ``Documento <id>``), and a field code this reader does not list (``NGC``,
``GC`` ...) in a table's code cell is kept under its lower-case name in ``extra``.
Factiva XML exports are read by :mod:`discourse.readers.factiva_xml`.

``record`` is the article's position in the export (from 1); the Factiva
accession number goes to ``extra["factiva_id"]``. Other fields: ``word_count``,
``section``, ``source_code``, ``edition``, ``page``, ``language``, ``copyright``
and, in the indexed layout, ``subject``, ``region``, ``company``, ``industry``.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from discourse.readers._base import Record, ReadResult, ReaderError, decode, normalize_text, read_text
from discourse.readers._factiva_html import html_lines, html_marked
from discourse.readers._layout import clean_ws, is_date_line, join_paragraphs, parse_date, split_unclosed

__all__ = ["read", "sniff", "parse_lines"]

SNIFF_BYTES = 20_000

_CODES = ("HD", "CLM", "SE", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY",
          "LP", "TD", "CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "ART", "VOL")
#: codes that are also English words: only a tab, a cell bar or 2+ spaces may follow
_WORDY = {"IN", "BY", "ED", "RE", "CO", "SE", "LA", "PG", "CT", "AN", "ART", "PUB", "VOL"}
#: a field line; ``*HD*``: the bold code cell of the HTML page saved as text by a browser
_FIELD = re.compile(r"^\s*(?P<star>\*?)(?P<code>" + "|".join(sorted(_CODES, key=len, reverse=True))
                    + r")(?P=star)(?P<sep>\t|\s*\|\s*|\s{2,}| |$)(?P<value>.*)$")


#: any other code in a table's code cell (``\tNGC\tvalue``): Factiva adds codes over time
_CELL_FIELD = re.compile(r"^\t\s*(?P<star>)(?P<code>[A-Z]{2,4})(?P<sep>\s*\t)(?P<value>.*)$")


def _field(line: str):
    """The field-code match of ``line``, or None (a wordy code needs a clear separator)."""
    m = _FIELD.match(line)
    if m and (m.group("star") or m.group("sep") != " " or m.group("code") not in _WORDY):
        return m
    return _CELL_FIELD.match(line)
#: the closing accession-number line, in the export's interface language
_DOCID = re.compile(r"^\s*(?:Document|Dokument|Documento|Documenten|Документ)\s+(?P<id>[A-Za-z0-9]{12,40})\s*$")
#: a number with thousands separators: 1,023 / 1.023 / 1 023 (French, thin or no-break space)
_NUMBER = r"\d{1,3}(?:[,.\u202f\u2009 ]\d{3})+|\d+"
_WORDS = re.compile(r"^\s*(?P<n>" + _NUMBER + r")\s+(?:words|Wörter|mots|palabras|parole|woorden|palavras|ord)\s*$",
                    re.I)
_TIME = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*(?:[A-Z]{2,5}|GMT[+\-]?\d*)?\s*$", re.I)
_CODE_LINE = re.compile(r"^[A-Z0-9]{2,10}$")
_COPYRIGHT = re.compile(r"^\s*(?:copyright\b|©|\(c\)|\(C\))|all rights reserved", re.I)
_LANGUAGES = {
    "english", "german", "french", "spanish", "italian", "portuguese", "dutch", "russian",
    "chinese", "chinese-simplified", "chinese-traditional", "japanese", "arabic", "swedish",
    "danish", "norwegian", "finnish", "polish", "turkish", "korean", "indonesian", "malay",
    "hebrew", "czech", "hungarian", "greek", "catalan", "romanian", "ukrainian", "vietnamese",
    "thai", "bulgarian", "slovak", "deutsch", "français", "español", "italiano", "nederlands",
    "englisch", "anglais", "inglés", "ingles", "allemand", "alemán", "português", "svenska",
}
_SECTION_WORDS = {"news", "world", "business", "sport", "sports", "opinion", "politics",
                  "editorial", "features", "comment", "metro", "national", "international",
                  "foreign", "nation", "analysis", "letters", "finance", "markets", "columns"}
_FOOTER = re.compile(r"^\s*(?:Page|Seite|Página|Pagina)\s+\d+\s+(?:of|von|de|di|sur)\s+\d+\s*"
                     r"(?:©|\(c\)|Copyright)?\s*\d{4}\s+Factiva,?\s+Inc\..*$", re.I)
_NAME = re.compile(r"^(?:[A-Z][\w'’.\-]+\s+){1,3}[A-Z][\w'’.\-]+$")


# -- text from the three file types ---------------------------------------------

def _head_text(path: Path) -> str:
    ext = path.suffix.lower()
    if ext == ".rtf":
        from discourse.readers.rtf import to_text

        return to_text(path, limit=SNIFF_BYTES * 3)
    with open(path, "rb") as fh:
        data = fh.read(SNIFF_BYTES * (3 if ext in (".html", ".htm") else 1))
    text = normalize_text(decode(data, path=path))
    if ext in (".html", ".htm"):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = re.sub(r"(?i)<\s*(td|th)\b[^>]*>", "\t", text)
        text = re.sub(r"(?i)<\s*/?\s*(p|div|br|tr|h\d|li|table)\b[^>]*>", "\n", text)
        text = re.sub(r"<[^>]+>", "", text)
        import html as _html

        text = _html.unescape(text)
        text = "\n".join(line.strip() for line in text.split("\n"))
    return text


def _looks_like(text: str) -> bool:
    text = text.replace("\u00a0", " ")
    lines = text.split("\n")
    codes = set()
    for line in lines:
        m = _field(line)
        if m and m.group("code") in ("HD", "WC", "PD", "SN", "SC", "LP", "TD", "AN"):
            codes.add(m.group("code"))
    if len(codes) >= 3 and "HD" in codes:
        return True
    if any(_DOCID.match(line) for line in lines):
        return True
    nonblank = [line for line in lines if line.strip()]
    for i, line in enumerate(nonblank):
        if _WORDS.match(line) and any(is_date_line(x) for x in nonblank[i + 1:i + 3]):
            return True
    return False


def sniff(path: str | Path) -> bool:
    """True when ``path`` (``.txt``/``.rtf``/``.html``) is a Factiva export.

    Text and RTF: the first ~20 KB. HTML: Factiva's markup (``articleParagraph``,
    ``enArticle``/``deArticle`` divs, ``<b>HD</b>`` code cells) with the Factiva name
    or a ``Document <id>`` line anywhere in the first 4 MB, or the text layout.
    """
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in (".txt", ".rtf", ".html", ".htm"):
        return False
    try:
        with warnings.catch_warnings():  # decoding notes come from the real read, not the sniff
            warnings.simplefilter("ignore")
            if ext in (".html", ".htm") and html_marked(path):
                return True
            return _looks_like(_head_text(path))
    except Exception:  # a sniffer never raises
        return False


def _lines(path: Path, encoding: str | None) -> tuple[list[str], bool | None]:
    ext = path.suffix.lower()
    if ext == ".rtf":
        from discourse.readers.rtf import to_text

        return to_text(path, encoding=encoding).split("\n"), True
    text = read_text(path, encoding=encoding)
    if ext in (".html", ".htm"):
        try:
            return html_lines(text), True
        except ReaderError as exc:
            raise ReaderError(f"{path}: {exc}") from None
    return text.split("\n"), None


def read(path: Path, *, encoding: str | None = None, **_: Any) -> ReadResult:
    """Read a Factiva export (``.rtf``, ``.txt``, ``.html``; ``.xml`` is passed to
    :mod:`discourse.readers.factiva_xml`): one record per article.

    Examples
    --------
    >>> from discourse.readers import read
    >>> res = read("Factiva-20210726-1030.rtf")  # doctest: +SKIP
    >>> res.records[0].extra["factiva_id"]  # doctest: +SKIP
    'NYTF000020210723eh7n0004h'
    """
    path = Path(path)
    if path.suffix.lower() == ".xml":
        from discourse.readers import factiva_xml

        return factiva_xml.read(path)
    lines, per_line = _lines(path, encoding)
    if not any(line.strip() for line in lines):
        raise ReaderError(f"{path}: the export has no text; download it again")
    return parse_lines(lines, one_per_line=per_line, path=path)


def parse_lines(lines: list[str], *, one_per_line: bool | None = None, path: Path | str = "<text>") -> ReadResult:
    """Parse the lines of a Factiva export (see the module docstring)."""
    lines = [normalize_text(line).replace("\u00a0", " ").replace("\x0c", "").rstrip() for line in lines]
    # running page footers of printed exports ('Page 2 of 7 © 2021 Factiva, Inc. All rights reserved.')
    lines = ["" if _FOOTER.match(line) else line for line in lines]
    fielded = sum(1 for line in lines if (m := _field(line)) and m.group("code") == "HD"
                  and (m.group("value").strip() or m.group("star")))
    if fielded and any((m := _field(line)) and m.group("code") in ("TD", "LP") for line in lines):
        return _parse_fields(lines, one_per_line, path)
    if any(_DOCID.match(line) for line in lines) or any(_WORDS.match(line) for line in lines):
        return _parse_article_format(lines, one_per_line, path)
    raise ReaderError(
        f"{path}: no Factiva articles found (no HD/TD field codes, no 'N words' or "
        "'Document <id>' lines); is this a Factiva export?"
    )


def _author(value: str | None) -> str | None:
    value = clean_ws(value)
    value = re.sub(r"^(?:by|von|par|por)\s+", "", value, flags=re.I).strip()
    return value or None


def _word_count(value: str | None):
    m = re.search(_NUMBER, value or "")
    return int(re.sub(r"\D", "", m.group(0))) if m else None


_FIELD_EXTRA = {"SE": "section", "CLM": "column", "SC": "source_code", "ED": "edition",
                "PG": "page", "LA": "language", "CY": "copyright", "ET": "time",
                "NS": "subject", "RE": "region", "CO": "company", "IN": "industry",
                "CR": "credit", "PUB": "publisher", "IPD": "descriptors"}


def _parse_fields(lines: list[str], one_per_line, path) -> ReadResult:
    docs: list[dict[str, list[str]]] = []
    cur: dict[str, list[str]] | None = None
    code = None
    for line in lines:
        m = _field(line)
        if m:
            code = m.group("code")
            # an article opens with HD, or with the SE/CLM lines Factiva puts above HD
            # (below it they belong to the same article); without an AN in between, a
            # repeated code or one after the text opens the next article
            opens = code in ("HD", "SE", "CLM") and cur is not None and (
                "AN" in cur or code in cur or "LP" in cur or "TD" in cur)
            if cur is None or opens:
                cur = {}
                docs.append(cur)
            cur.setdefault(code, [])
            value = m.group("value").strip(" |\t")
            if value or code in ("LP", "TD"):
                cur[code].append(value)
            if code == "AN" and value:
                code = None
            continue
        if cur is not None and code is not None:
            cur[code].append(line.strip(" |\t"))
            if code == "AN" and line.strip(" |\t"):
                code = None  # 'Document <id>' on the line below the code
    records, problems = [], []
    for k, doc in enumerate(docs, start=1):
        rec = str(k)
        get = lambda c: clean_ws(" ".join(x for x in doc.get(c, []) if x.strip()))  # noqa: E731
        title = get("HD") or None
        body_lines = doc.get("LP", []) + [""] + doc.get("TD", [])
        text = join_paragraphs(body_lines, one_per_line=one_per_line)
        if not text:
            problems.append((rec, "article has no LP/TD text" + (f" ({title!r})" if title else "")))
            continue
        extra: dict[str, Any] = {}
        an = get("AN")
        if an:
            extra["factiva_id"] = re.sub(r"^(?:Document|Dokument|Documento|Documenten)\s+", "", an)
        if doc.get("WC"):
            extra["word_count"] = _word_count(get("WC"))
        for c, key in _FIELD_EXTRA.items():
            if doc.get(c) and get(c):
                extra[key] = get(c)
        for c in doc:  # codes this reader does not know keep their lower-case code as name
            if c not in _FIELD_EXTRA and c not in ("HD", "BY", "PD", "SN", "LP", "TD", "AN", "WC") and get(c):
                extra.setdefault(c.lower(), get(c))
        records.append(Record(text=text, record=rec, title=title, author=_author(get("BY")),
                              published=parse_date(get("PD")), outlet=get("SN") or None,
                              extra=extra))
    if not records and not problems:
        raise ReaderError(f"{path}: no Factiva articles found")
    return ReadResult(records, problems)


def _parse_article_format(lines: list[str], one_per_line, path) -> ReadResult:
    chunks: list[tuple[list[str], str | None]] = []
    cur: list[str] = []
    for line in lines:
        m = _DOCID.match(line)
        if m:
            chunks.append((cur, m.group("id")))
            cur = []
        else:
            cur.append(line)
    if any(line.strip() for line in cur):
        chunks.append((cur, None))
    chunks = [piece for chunk in chunks for piece in split_unclosed(*chunk, words=_WORDS)]
    records, problems = [], []
    k = 0
    for chunk, doc_id in chunks:
        nonblank = [clean_ws(x) for x in chunk if clean_ws(x)]
        if doc_id is None and nonblank and re.match(r"^search summary\b", nonblank[0], re.I):
            continue  # Factiva's search summary after the last article: not an article
        k += 1
        rec = str(k)
        try:
            records.append(_article(chunk, rec, doc_id, one_per_line))
        except _Skip as exc:
            problems.append((rec, str(exc)))
    if not records and not problems:
        raise ReaderError(f"{path}: no Factiva articles found")
    return ReadResult(records, problems)


class _Skip(Exception):
    pass


def _article(chunk: list[str], rec: str, doc_id: str | None, one_per_line) -> Record:
    idx = [i for i, line in enumerate(chunk) if line.strip()]
    w = next((i for i in idx if _WORDS.match(chunk[i])), None)
    if w is None:
        what = f"document {doc_id}" if doc_id else "text after the last 'Document <id>' line"
        raise _Skip(f"{what}: no 'N words' line; cannot tell metadata from text"
                    + ("" if doc_id else " (truncated export?)"))
    pre = [clean_ws(chunk[i]) for i in idx if i < w]
    # a trailing search summary or page header before the first article is not a headline
    title = pre[0] if pre else None
    author = section = None
    rest = pre[1:]
    if rest and re.match(r"^(?:by|von|par|por)\s", rest[-1], re.I):
        author = _author(rest.pop())
    elif len(rest) >= 2:
        author = _author(rest.pop())
    elif len(rest) == 1 and _NAME.match(rest[0]) and not (set(rest[0].lower().split()) & _SECTION_WORDS):
        author = _author(rest.pop())
    if rest:
        section = "; ".join(rest)
    post = [i for i in idx if i > w]
    extra: dict[str, Any] = {}
    if doc_id:
        extra["factiva_id"] = doc_id
    extra["word_count"] = _word_count(chunk[w])
    pos = 0
    published = outlet = None
    meta_lines = [clean_ws(chunk[i]) for i in post[:12]]
    if pos < len(meta_lines) and is_date_line(meta_lines[pos]):
        published = parse_date(meta_lines[pos])
        pos += 1
    if pos < len(meta_lines) and _TIME.match(meta_lines[pos]):
        extra["time"] = meta_lines[pos]
        pos += 1
    if pos < len(meta_lines) and not _COPYRIGHT.search(meta_lines[pos]) \
            and meta_lines[pos].lower() not in _LANGUAGES:
        outlet = meta_lines[pos]
        pos += 1
    if pos < len(meta_lines) and _CODE_LINE.match(meta_lines[pos]):
        extra["source_code"] = meta_lines[pos]
        pos += 1
    # optional edition / page lines up to the language line
    lang_at = next((j for j in range(pos, min(pos + 4, len(meta_lines)))
                    if meta_lines[j].lower() in _LANGUAGES), None)
    if lang_at is not None:
        for line in meta_lines[pos:lang_at]:
            if re.fullmatch(r"[A-Z]?\d+[A-Z]?", line):
                extra["page"] = line
            else:
                extra["edition"] = line if "edition" not in extra else f"{extra['edition']}; {line}"
        extra["language"] = meta_lines[lang_at]
        pos = lang_at + 1
    cps = []
    while pos < len(meta_lines) and _COPYRIGHT.search(meta_lines[pos]):
        cps.append(meta_lines[pos])
        pos += 1
    if cps:
        extra["copyright"] = " ".join(cps)
    if section:
        extra["section"] = section
    body_start = post[pos] if pos < len(post) else len(chunk)
    text = join_paragraphs(chunk[body_start:], one_per_line=one_per_line)
    if not text:
        raise _Skip(f"document {doc_id or rec} has an empty body" + (f" ({title!r})" if title else ""))
    return Record(text=text, record=rec, title=title, author=author, published=published,
                  outlet=outlet, extra=extra)
