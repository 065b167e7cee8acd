"""Nexis Uni and LexisNexis exports: many articles per ``.docx``, ``.rtf`` or ``.txt``.

Two layouts are understood, recognised by content (:func:`sniff`), not by name:

**Nexis Uni** (``.docx``/``.rtf``/``.pdf``-era exports). An optional cover page
(``Date and Time:``, ``Job Number:``, ``Documents (N)``, the list of titles,
``Search Terms:``, ``Narrowed by`` ...), then per document::

    Headline
    Outlet
    July 23, 2021 Friday            <- date, any of the usual forms
    Late Edition - Final            <- optional edition line(s)
    Copyright 2021 The New York Times Company   <- optional
    Section: A; Pg. 8               <- labelled fields, in any order, any subset
    Length: 1023 words
    Byline: Jane Doe
    Dateline: KABUL
    Highlight: ...
    Body
    paragraphs ...
    Graphic / Notes / Classification blocks (optional)
    Load-Date: July 24, 2021        <- labelled tail fields (Language, Subject ...)
    End of Document

**LexisNexis Academic** (classic ``.txt``): documents open with ``N of M
DOCUMENTS``, then outlet, date, edition, headline, ``BYLINE:``/``SECTION:``/
``LENGTH:`` blocks, the hard-wrapped body, ``LOAD-DATE:``/``LANGUAGE:`` blocks and
a copyright notice.

The same classic layout saved as Word/RTF (one paragraph per line, a ``BODY``
line, ``End of Document`` after each document) is read too, as are German and
French keywords (``Dokument 1 von 10``, ``LÄNGE:``, ``RUBRIK:``, ``AUTOR:``,
``SPRACHE:``, ``LONGUEUR:``) and dates in German, Dutch, French, Spanish,
Portuguese or Italian (``11. Januar 2010 Montag``, ``4 oktober 2017 woensdag``).

Format drift is expected: missing fields, fields in another order, page-break
characters, non-breaking spaces after labels, missing ``Body`` heading (the body
then starts after the last labelled header field), header fields run together in
one paragraph (``Byline: Ann Example Highlight: ...``), ``End of Document``
glued to the line before it, ``Dokumentende`` / ``Fin du document``. A document whose text cannot
be found is reported in ``problems`` with its document number, never dropped.
Field values go to ``Record`` (title, outlet, published, author) and ``extra``
(``section``, ``length``, ``dateline``, ``edition``, ``copyright``,
``load_date``, ``language``, ``publication_type``, ``subject``, ...).
"""
from __future__ import annotations

import html as _html
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

from discourse.readers._base import Record, ReadResult, ReaderError, ReaderWarning, decode, normalize_text, read_text
from discourse.readers._layout import clean_ws, is_date_line, join_paragraphs, parse_date

__all__ = ["read", "sniff", "parse_lines"]

SNIFF_BYTES = 20_000

_END = re.compile(r"^\s*(?:End of Document|Dokumentende|Ende des Dokuments|Fin du document|Einde document)\s*$", re.I)
#: 'End of Document' glued to the end of the previous line (RTF/PDF conversions)
_END_GLUED = re.compile(r"^(?P<before>.*\S)\s*End of Document\s*$")
#: a header field run into the previous one in the same paragraph
#: ("Byline: Ann Example Highlight: Growers say ...")
_INLINE_LABEL = re.compile(r"(?<=\S)\s+(?=(?:Highlight|Byline|Length|Section|Dateline):\s)")
_CLASSIC_DOC = re.compile(
    r"^\s*(?:FOCUS\s*-\s*)?(?P<n>\d+)\s+(?:of|von|de|sur)\s+\d+\s+(?:DOCUMENTS?|DOKUMENTE?N?)\s*$"
    r"|^\s*(?:Dokument|Document)\s+(?P<n2>\d+)\s+(?:von|de|sur|of)\s+\d+\s*$",
    re.I | re.M,
)
_BODY = re.compile(r"^\s*(?:Body|Text)\s*$")
#: labels of Nexis fields -> extra key (None: handled specially)
_LABELS = {
    "section": "section", "length": "length", "byline": "author", "author": "author",
    "dateline": "dateline", "highlight": "highlight", "edition": "edition",
    "series": "series", "column": "column", "load-date": "load_date",
    "language": "language", "publication-type": "publication_type",
    "document-type": "document_type", "subject": "subject", "geographic": "geographic",
    "organization": "organization", "person": "person", "industry": "industry",
    "company": "company", "ticker": "ticker", "city": "city", "state": "state",
    "country": "country", "journal-code": "journal_code", "journal code": "journal_code",
    "correction-date": "correction_date", "correction": "correction", "graphic": "graphic",
    "notes": "notes", "url": "link", "type": "type", "update": "update",
    "section-title": "section", "body": None, "copyright": "copyright",
    "länge": "length", "longueur": "length", "rubrik": "section", "autor": "author",
    "sprache": "language", "langue": "language", "ladedatum": "load_date", "grafik": "graphic",
    "anchors": "anchors", "guests": "guests", "show": "show",
}
_LABEL = re.compile(
    r"^\s*(?P<label>" + "|".join(sorted((re.escape(k) for k in _LABELS), key=len, reverse=True))
    + r")\s*:\s*(?P<value>.*)$",
    re.I,
)
#: fields that sit after the body
_TAIL = {"load_date", "language", "publication_type", "document_type", "subject", "geographic",
         "organization", "person", "industry", "company", "ticker", "city", "state", "country",
         "journal_code", "correction_date", "graphic", "notes", "link", "update"}
_BLOCK_HEAD = re.compile(r"^\s*(Classification|Graphic|Notes|Correction)\s*$", re.I)
_COVER = re.compile(
    r"^\s*(?:User Name:|Date and Time:|Job Number:|Documents?\s*\(\d+\)|Client/Matter:|"
    r"Search Terms?:|Search Type:|Narrowed by|Content Type|Print Request:|Time of Request:|"
    r"Download Request:|Send To:|Terms:|Source:|Combined Source:|Project ID:|Sources?:|Timeline:)"
    r"|Narrowed by|\|\s*(?:Sources?|Timeline|Language|Publication Type):",
    re.I,
)
_COPYRIGHT = re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*\d{4})|all rights reserved", re.I)
_WORDS = re.compile(r"(\d{1,3}(?:[,.\u202f\u2009 ]\d{3})+|\d+)\s*(?:words|wörter|mots|woorden|palabras|parole|palavras)",
                    re.I)


# -- sniffing -------------------------------------------------------------------

def _head_text(path: Path, nbytes: int = SNIFF_BYTES) -> str:
    """Roughly the first ``nbytes`` characters of text of a .txt/.rtf/.docx file."""
    ext = path.suffix.lower()
    if ext == ".docx":
        try:
            with zipfile.ZipFile(path) as zf:
                with zf.open("word/document.xml") as fh:
                    xml = fh.read(nbytes * 15).decode("utf-8", "replace")
        except (zipfile.BadZipFile, KeyError, OSError):
            return ""
        xml = re.sub(r"</w:p>|<w:br[^>]*/>|<w:cr/>", "\n", xml)
        xml = re.sub(r"<w:tab/>", "\t", xml)
        return _html.unescape(re.sub(r"<[^>]+>", "", xml))[:nbytes]
    if ext == ".rtf":
        from discourse.readers.rtf import to_text

        try:
            return to_text(path, limit=nbytes * 3)[:nbytes]
        except (ReaderError, OSError):
            return ""
    try:
        with open(path, "rb") as fh:
            data = fh.read(nbytes)
        return normalize_text(decode(data, path=path))
    except (ReaderError, OSError, UnicodeDecodeError):
        return ""


def _looks_like(text: str) -> bool:
    text = text.replace("\u00a0", " ")
    if _CLASSIC_DOC.search(text) and re.search(
            r"^\s*(LENGTH|LOAD-DATE|BYLINE|LANGUAGE|LÄNGE|SPRACHE|AUTOR|RUBRIK|LONGUEUR|LANGUE):", text, re.M):
        return True
    if any(_END.match(line) for line in text.split("\n")):
        return True
    labels = {m.group(1).lower() for m in re.finditer(
        r"^\s*(Length|Byline|Section|Load-Date|Publication-Type|Dateline):\s*\S", text, re.M)}
    if len(labels) >= 2 and re.search(r"^\s*Body\s*$", text, re.M):
        return True
    return bool(re.search(r"^\s*Job Number:", text, re.M) and re.search(r"^\s*Documents\s*\(\d+\)", text, re.M))


def sniff(path: str | Path) -> bool:
    """True when ``path`` (``.txt``/``.rtf``/``.docx``) is a Nexis Uni / LexisNexis export.

    Reads only the first ~20 KB of text.
    """
    path = Path(path)
    if path.suffix.lower() not in (".txt", ".rtf", ".docx"):
        return False
    try:
        with warnings.catch_warnings():  # decoding notes come from the real read, not the sniff
            warnings.simplefilter("ignore")
            return _looks_like(_head_text(path))
    except Exception:  # a sniffer never raises
        return False


# -- reading --------------------------------------------------------------------

def _lines(path: Path, encoding: str | None) -> tuple[list[str], bool]:
    """Lines of the export and whether each line is a paragraph (Word/RTF)."""
    ext = path.suffix.lower()
    if ext == ".docx":
        from discourse.readers.docx import paragraphs

        lines = []
        for _, text in paragraphs(path):
            lines.extend(text.split("\n"))
        return lines, True
    if ext == ".rtf":
        from discourse.readers.rtf import to_text

        return to_text(path, encoding=encoding).split("\n"), True
    return read_text(path, encoding=encoding).split("\n"), False


def read(path: Path, *, encoding: str | None = None, **_: Any) -> ReadResult:
    """Read a Nexis Uni or LexisNexis Academic export (``.docx``, ``.rtf``, ``.txt``).

    Returns one :class:`Record` per document (``record`` = document number in the
    export, from 1) and a ``problems`` entry for each document without text.

    Examples
    --------
    >>> from discourse.readers import read
    >>> res = read("Files(25).docx")  # doctest: +SKIP
    >>> res.records[0].outlet, res.records[0].published  # doctest: +SKIP
    ('The New York Times', '2021-07-23')
    """
    path = Path(path)
    lines, per_line = _lines(path, encoding)
    if not any(line.strip() for line in lines):
        raise ReaderError(f"{path}: the export has no text; download it again")
    return parse_lines(lines, one_per_line=per_line, path=path)


def parse_lines(lines: list[str], *, one_per_line: bool | None = None, path: Path | str = "<text>") -> ReadResult:
    """Parse the lines of an export (see the module docstring for the layouts)."""
    lines = [line.replace("\u00a0", " ").replace("\ufeff", "") for line in lines]
    # page breaks: a form feed splits a line
    split: list[str] = []
    for line in lines:
        split.extend(line.split("\x0c"))
    lines = [line.rstrip() for line in split]
    # 'End of Document' run into the line before it: split off when that line is a
    # field ('Load-Date: July 24, 2021End of Document') or the file has no marker lines
    alone = any(_END.match(line) for line in lines)
    glued: list[str] = []
    for line in lines:
        m = _END_GLUED.match(line)
        if m and (not alone or _label(m.group("before"))[0]):
            glued.extend([m.group("before"), "End of Document"])
        else:
            glued.append(line)
    lines = glued
    text = "\n".join(lines)
    if _CLASSIC_DOC.search(text):
        return _parse_classic(lines, path, one_per_line=bool(one_per_line))
    if any(_END.match(line) for line in lines) or any(_BODY.match(line) for line in lines):
        return _parse_uni(lines, one_per_line, path)
    raise ReaderError(
        f"{path}: no Nexis documents found (no 'End of Document', 'Body' or 'N of M DOCUMENTS' "
        "lines); is this a Nexis export? Read it with format='article' otherwise"
    )


def _label(line: str):
    m = _LABEL.match(line)
    if not m:
        return None, None
    return _LABELS[m.group("label").lower()], clean_ws(m.group("value"))


def _set(fields: dict, key: str, value: str) -> None:
    if not value:
        return
    if key in fields and fields[key]:
        if value not in fields[key]:
            fields[key] = f"{fields[key]}; {value}"
    else:
        fields[key] = value


def _record(rec: str, *, title, outlet, date_line, fields, body_text) -> Record:
    extra: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "author":
            continue
        if key == "length":
            m = _WORDS.search(value)
            value = int(re.sub(r"\D", "", m.group(1))) if m else value
        elif key in ("load_date", "correction_date"):
            value = parse_date(value) or value
        extra[key] = value
    # broadcast transcripts name their presenters instead of a byline
    author = fields.get("author") or fields.get("anchors")
    if author:
        author = re.sub(r"^(?:by|von|par|por)\s+", "", author, flags=re.I).strip() or None
    return Record(
        text=body_text, record=rec, title=title or None, author=author or None,
        published=parse_date(date_line) if date_line else None,
        outlet=outlet or None, url=fields.get("link"), extra=extra,
    )


def _parse_uni(lines: list[str], one_per_line: bool | None, path) -> ReadResult:
    chunks: list[list[str]] = [[]]
    for line in lines:
        if _END.match(line):
            chunks.append([])
        else:
            chunks[-1].append(line)
    trailing = chunks.pop()
    truncated = any(line.strip() for line in trailing)
    if truncated:
        chunks.append(trailing)  # a last document without 'End of Document'
    records, problems = [], []
    for k, chunk in enumerate(chunks, start=1):
        rec = str(k)
        cut = truncated and k == len(chunks)
        if not any(line.strip() for line in chunk):
            problems.append((rec, "empty document between 'End of Document' lines"))
            continue
        try:
            record = _parse_uni_doc(chunk, rec, first=(k == 1), one_per_line=one_per_line)
        except _Skip as exc:
            note = "; the export ends without 'End of Document' (truncated download?)" if cut else ""
            problems.append((rec, f"{exc}{note}"))
            continue
        if cut:
            # kept, but flagged: its text may be incomplete
            record.extra["truncated"] = True
        records.append(record)
    if not records and not problems:
        raise ReaderError(f"{path}: no documents found in the Nexis export")
    return ReadResult(records, problems)


class _Skip(Exception):
    pass


def _parse_uni_doc(chunk: list[str], rec: str, *, first: bool, one_per_line) -> Record:
    body_at = next((i for i, line in enumerate(chunk) if _BODY.match(line)), None)
    if body_at is None:
        # drift: no 'Body' heading; the body starts after the last header label
        label_at = [i for i, line in enumerate(chunk[:60]) if _label(line)[0] not in (None, *_TAIL)
                    and _label(line)[0] is not None]
        if not label_at:
            raise _Skip("no 'Body' line and no header fields (Length:, Byline: ...); "
                        "cannot tell metadata from text")
        body_at = label_at[-1]
        meta, rest = chunk[: body_at + 1], chunk[body_at + 1:]
    else:
        meta, rest = chunk[:body_at], chunk[body_at + 1:]
    split_meta: list[str] = []
    for line in meta:
        split_meta.extend(_INLINE_LABEL.split(line) if _label(line)[0] else [line])
    meta = split_meta
    # cover page (first document only): drop everything up to the last cover line
    start = 0
    if first:
        first_label = next((i for i, line in enumerate(meta) if _label(line)[0]), len(meta))
        cover = [i for i, line in enumerate(meta[:first_label]) if _COVER.search(line)]
        if cover:
            start = cover[-1] + 1
    fields: dict[str, str] = {}
    head: list[str] = []
    i = start
    pending = None
    while i < len(meta):
        line = meta[i]
        key, value = _label(line)
        if key:
            if value:
                _set(fields, key, value)
                pending = None
            else:
                pending = key
        elif pending and clean_ws(line):
            _set(fields, pending, clean_ws(line))
            pending = None
        elif clean_ws(line) and not fields:
            head.append(clean_ws(line))
        elif clean_ws(line):
            # unlabelled text among fields (e.g. a highlight paragraph)
            _set(fields, "highlight", clean_ws(line))
        i += 1
    if first and start and len(head) > 3:
        # leftovers of the cover page's numbered title list before the first headline
        d = next((n for n, line in enumerate(head) if is_date_line(line, max_len=100)), None)
        if d is not None and d >= 3:
            head = head[d - 2:]
    title, outlet, date_line, edition, copyright = _split_head(head)
    if edition:
        _set(fields, "edition", edition)
    if copyright:
        _set(fields, "copyright", copyright)
    # body up to the first block heading or tail field
    end = len(rest)
    for j, line in enumerate(rest):
        key, _ = _label(line)
        if _BLOCK_HEAD.match(line) or key == "load_date":
            end = j
            break
        # a body paragraph may start like a field ("Update: ..."); a field line ends
        # the body only when nothing but fields and notices follow it
        if key in _TAIL and all(not x.strip() or _label(x)[0] or _BLOCK_HEAD.match(x)
                                or _COPYRIGHT.search(x) for x in rest[j + 1:]):
            end = j
            break
    body_lines, tail = rest[:end], rest[end:]
    block = None
    pending = None
    unparsed: list[str] = []
    for line in tail:
        if unparsed:  # once text is not understood, the rest is not this document's fields
            if clean_ws(line):
                unparsed.append(clean_ws(line))
            continue
        h = _BLOCK_HEAD.match(line)
        if h:
            block = h.group(1).lower()
            pending = None
            continue
        key, value = _label(line)
        if key:
            if value:
                _set(fields, key, value)
                pending = None
            else:
                pending = key
        elif clean_ws(line):
            if pending:
                _set(fields, pending, clean_ws(line))
                pending = None
            elif block in ("graphic", "notes", "correction"):
                _set(fields, block, clean_ws(line))
            elif _COPYRIGHT.search(line):
                _set(fields, "copyright", clean_ws(line))
            else:
                unparsed.append(clean_ws(line))
    body = join_paragraphs(body_lines, one_per_line=one_per_line)
    if not body:
        raise _Skip("document has an empty body" + (f" ({title!r})" if title else ""))
    record = _record(rec, title=title, outlet=outlet, date_line=date_line, fields=fields, body_text=body)
    if unparsed:
        # text after the trailing fields: most often a next document whose 'End of
        # Document' line is missing. Kept (column 'unparsed') and reported, never dropped.
        record.extra["unparsed"] = "\n".join(unparsed)
        warnings.warn(ReaderWarning(
            f"document {rec}: {len(unparsed)} line(s) after the trailing fields were not understood "
            f"(a missing 'End of Document'?), starting {unparsed[0][:60]!r}; kept in column 'unparsed'",
            record=rec), stacklevel=2)
    return record


def _split_head(head: list[str]):
    """Headline, outlet, date line, edition, copyright from the unlabelled top lines."""
    copyright = "; ".join(line for line in head if _COPYRIGHT.search(line)) or None
    head = [line for line in head if not _COPYRIGHT.search(line)]
    d = next((i for i, line in enumerate(head) if is_date_line(line, max_len=100)), None)
    if d is None:
        title = head[0] if head else None
        outlet = head[1] if len(head) > 1 else None
        return title, outlet, None, "; ".join(head[2:]) or None, copyright
    before, after = head[:d], head[d + 1:]
    if len(before) >= 2:
        title, outlet = " ".join(before[:-1]), before[-1]
    elif len(before) == 1:
        title, outlet = before[0], None
    else:
        title = outlet = None
    return title, outlet, head[d], "; ".join(after) or None, copyright


def _blocks(lines: list[str]) -> list[list[str]]:
    out, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


_CLASSIC_BODY = re.compile(r"^\s*(?:body|text)\s*$", re.I)


def _parse_classic(lines: list[str], path, *, one_per_line: bool = False) -> ReadResult:
    starts = [(i, m) for i, line in enumerate(lines) if (m := _CLASSIC_DOC.match(line))]
    records, problems = [], []
    for j, (i, m) in enumerate(starts):
        rec = m.group("n") or m.group("n2")
        chunk = lines[i + 1: starts[j + 1][0] if j + 1 < len(starts) else len(lines)]
        # Word/RTF copies of this layout (with 'End of Document' lines) have no blank
        # lines between paragraphs: every paragraph is a block of its own
        chunk = [line for line in chunk if not _END.match(line)]
        blocks = [[line.strip()] for line in chunk if line.strip()] if one_per_line else _blocks(chunk)
        if not blocks:
            problems.append((rec, "empty document"))
            continue
        fields: dict[str, str] = {}
        head: list[list[str]] = []
        body: list[str] = []
        state = "head"
        tail_ok = [all(_label(b[0])[0] or _COPYRIGHT.search(" ".join(b)) for b in blocks[n + 1:])
                   for n in range(len(blocks))]
        for n, block in enumerate(blocks):
            if state in ("head", "labels") and len(block) == 1 and _CLASSIC_BODY.match(block[0]) and n:
                state = "body"  # a 'BODY' heading line
                continue
            key, value = _label(block[0])
            if key:
                if state == "body" and (key not in _TAIL or not tail_ok[n]):
                    # a labelled line inside the body (rare): keep it as text
                    body.append(" ".join(block))
                    continue
                value = clean_ws(" ".join([value, *block[1:]]))
                _set(fields, key, value)
                if state == "body" or key in _TAIL:
                    state = "tail"
                elif state == "head":
                    state = "labels"
                continue
            text = " ".join(block)
            if state == "head":
                head.append(block)
            elif state in ("labels", "body"):
                state = "body"
                body.append(text)
            elif _COPYRIGHT.search(text):
                _set(fields, "copyright", clean_ws(text))
        # head blocks: outlet, date (+ edition lines), headline
        outlet = date_line = title = None
        edition = []
        flat = [(bi, line) for bi, block in enumerate(head) for line in block]
        d = next((n for n, (_, line) in enumerate(flat) if is_date_line(line, max_len=100)), None)
        if d is not None:
            date_block = flat[d][0]
            outlet = " ".join(line for bi, line in flat[:d]) or None
            edition = [line for bi, line in flat[d + 1:] if bi == date_block]
            title_lines = [line for bi, line in flat[d + 1:] if bi != date_block]
            if one_per_line and len(title_lines) > 1:
                # one paragraph per line: the headline is the last paragraph above the
                # fields, edition lines sit between it and the date
                edition, title_lines = edition + title_lines[:-1], title_lines[-1:]
            title = " ".join(title_lines) or None
        elif head:
            outlet = " ".join(head[0])
            title = " ".join(" ".join(b) for b in head[1:]) or None
        if edition:
            _set(fields, "edition", clean_ws(" ".join(edition)).rstrip(";"))
        if state == "head" and not body:
            # no labels at all: cannot tell headline from text
            problems.append((rec, "no LENGTH:/BYLINE: fields found; cannot tell metadata from text"))
            continue
        text = join_paragraphs([clean_ws(p) for p in body], one_per_line=True)
        if not text:
            problems.append((rec, "document has an empty body" + (f" ({title!r})" if title else "")))
            continue
        records.append(_record(rec, title=title, outlet=outlet, date_line=date_line if d is None else flat[d][1],
                               fields=fields, body_text=text))
    if not records and not problems:
        raise ReaderError(f"{path}: no documents found in the LexisNexis export")
    return ReadResult(records, problems)
