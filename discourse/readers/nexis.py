"""Nexis Uni and LexisNexis exports: many articles per ``.docx``, ``.rtf``, ``.txt`` or ``.html``.

(LexisNexis HTML pages are cut into documents by :mod:`discourse.readers.nexis_html`
and each document is parsed here.)

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

from discourse.readers._base import Record, ReadResult, ReaderError, decode, normalize_text, read_text
from discourse.readers._layout import clean_ws, parse_date

__all__ = ["read", "sniff", "parse_lines"]

SNIFF_BYTES = 20_000

_END = re.compile(r"^\s*(?:End of Document|Dokumentende|Ende des Dokuments|Fin du document|Einde document"
                  r"|Fin del documento|Fim do documento)\s*$", re.I)
#: 'End of Document' glued to the end of the previous line (RTF/PDF conversions)
_END_GLUED = re.compile(r"^(?P<before>.*\S)\s*End of Document\s*$")
#: a header field run into the previous one in the same paragraph
#: ("Byline: Ann Example Highlight: Growers say ...")
_INLINE_LABEL = re.compile(r"(?<=\S)\s+(?=(?:Highlight|Byline|Length|Section|Dateline):\s)")
_CLASSIC_DOC = re.compile(
    # (one line: [^\S\n] is a space that is not a line break, so that a run of empty
    # lines is not scanned again from each of its line starts)
    r"^[^\S\n]*(?:FOCUS[^\S\n]*-[^\S\n]*)?(?P<n>\d+)[^\S\n]+(?:of|von|de|sur)[^\S\n]+\d+[^\S\n]+"
    r"(?:DOCUMENTS?|DOKUMENTE?N?)[^\S\n]*$"
    r"|^[^\S\n]*(?:Dokument|Document)[^\S\n]+(?P<n2>\d+)[^\S\n]+(?:von|de|sur|of)[^\S\n]+\d+[^\S\n]*$",
    re.I | re.M,
)
_BODY = re.compile(r"^\s*(?:Body|Text|Cuerpo|Corps|Texte|Corpo)\s*$")
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
    "anchors": "anchors", "guests": "guests", "show": "show", "distribution": "distribution",
    # French LexisNexis (tm.plugin.lexisnexis, LexisNexisTools keywords)
    "rubrique": "section", "auteur": "author", "signature": "author", "encart": "highlight",
    "sujet": "subject", "societe": "company", "société": "company", "symbole-boursier": "ticker",
    "secteur-activite": "industry", "secteur-activité": "industry", "localisation-geo": "geographic",
    "localisation-géo": "geographic", "date-chargement": "load_date", "type-publication": "publication_type",
    "organisation": "organization", "personne": "person", "ville": "city", "etat": "state",
    "pays": "country", "graphique": "graphic", "serie": "series", "série": "series",
    "type-document": "document_type", "lieu": "dateline",
    # Spanish and German
    "longitud": "length", "sección": "section", "seccion": "section", "idioma": "language",
    "fecha-carga": "load_date", "tipo-publicación": "publication_type",
    "tipo-publicacion": "publication_type", "materia": "subject", "tema": "subject",
    "publikationstyp": "publication_type", "dokumenttyp": "document_type", "thema": "subject",
    "fecha de carga": "load_date", "tipo de publicación": "publication_type", "autor/a": "author",
    "date de chargement": "load_date", "type de publication": "publication_type",
}
_LABEL = re.compile(
    r"^\s*(?P<label>" + "|".join(sorted((re.escape(k) for k in _LABELS), key=len, reverse=True))
    + r")\s*:\s*(?P<value>.*)$",
    re.I,
)
_KNOWN_KEYS = set(_LABELS.values())
#: fields that sit after the body
_TAIL = {"load_date", "language", "publication_type", "document_type", "subject", "geographic",
         "organization", "person", "industry", "company", "ticker", "city", "state", "country",
         "journal_code", "correction_date", "graphic", "notes", "link", "update", "distribution",
         "correction"}
_BLOCK_HEAD = re.compile(r"^\s*(Classification|Graphic|Notes|Correction)\s*$", re.I)
_COVER = re.compile(
    r"^\s*(?:User Name:|Date and Time:|Job Number:|Documents?\s*\(\d+\)|Client/Matter:|"
    r"Search Terms?:|Search Type:|Narrowed by|Content Type|Print Request:|Time of Request:|"
    r"Download Request:|Send To:|Terms:|Source:|Combined Source:|Project ID:|Sources?:|Timeline:)"
    r"|Narrowed by|\|\s*(?:Sources?|Timeline|Language|Publication Type):",
    re.I,
)
_COPYRIGHT = re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*\d{4})|all rights reserved", re.I)
_WORDS = re.compile(r"(?<!\d)(?<!\d[,.\u202f\u2009 ])(\d{1,3}(?:[,.\u202f\u2009 ]\d{3})+|\d+)\s*(?:words|wörter|mots|woorden|palabras|parole|palavras)",
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
            r"^[^\S\n]*(LENGTH|LOAD-DATE|BYLINE|LANGUAGE|LÄNGE|SPRACHE|AUTOR|RUBRIK|LONGUEUR|LANGUE):", text, re.M):
        return True
    if any(_END.match(line) for line in text.split("\n")):
        return True
    labels = {m.group(1).lower() for m in re.finditer(
        r"^[^\S\n]*(Length|Byline|Section|Load-Date|Publication-Type|Dateline):\s*\S", text, re.M)}
    if len(labels) >= 2 and re.search(r"^[^\S\n]*Body[^\S\n]*$", text, re.M):
        return True
    return bool(re.search(r"^[^\S\n]*Job Number:", text, re.M) and re.search(r"^[^\S\n]*Documents\s*\(\d+\)", text, re.M))


def sniff(path: str | Path) -> bool:
    """True when ``path`` (``.txt``/``.rtf``/``.docx``) is a Nexis Uni / LexisNexis export.

    Reads only the first ~20 KB of text.
    """
    path = Path(path)
    if path.suffix.lower() in (".html", ".htm"):
        from discourse.readers import nexis_html

        return nexis_html.sniff(path)
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
    if path.suffix.lower() in (".html", ".htm"):
        from discourse.readers import nexis_html

        return nexis_html.read(path, encoding=encoding)
    lines, per_line = _lines(path, encoding)
    if not any(line.strip() for line in lines):
        raise ReaderError(f"{path}: the export has no text; download it again")
    return parse_lines(lines, one_per_line=per_line, path=path)


def parse_lines(lines: list[str], *, one_per_line: bool | None = None, path: Path | str = "<text>",
                numbering: bool = True) -> ReadResult:
    """Parse the lines of an export (see the module docstring for the layouts).

    ``numbering=False`` skips the check that the 'N of M DOCUMENTS' numbers run
    without gaps up to M (for a caller parsing one document of many at a time)."""
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
        from discourse.readers._nexis_classic import parse_classic

        return parse_classic(lines, path, one_per_line=bool(one_per_line), numbering=numbering)
    if any(_END.match(line) for line in lines) or any(_BODY.match(line) for line in lines):
        from discourse.readers._nexis_uni import parse_uni

        return parse_uni(lines, one_per_line, path)
    raise ReaderError(
        f"{path}: no Nexis documents found (no 'End of Document', 'Body' or 'N of M DOCUMENTS' "
        "lines); is this a Nexis export? Read it with format='article' otherwise"
    )


#: a label of the classic layout this reader does not list: capitals joined by a
#: hyphen (``DATE-CHARGEMENT:``, ``TIPO-FUENTE:``); headlines rarely look like that
_CAPS_LABEL = re.compile(r"^\s*(?P<label>[A-ZÀ-ÞÄÖÜ]{2,}(?:-[A-ZÀ-ÞÄÖÜ]{2,})+)\s*:\s*(?P<value>.*)$")


def _label(line: str):
    m = _LABEL.match(line)
    if m:
        return _LABELS[m.group("label").lower()], clean_ws(m.group("value"))
    m = _CAPS_LABEL.match(line)
    if m:
        return m.group("label").lower().replace("-", "_"), clean_ws(m.group("value"))
    return None, None


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
