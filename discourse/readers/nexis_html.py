"""LexisNexis HTML exports (``.html``/``.htm``): many documents per page.

LexisNexis Academic saved search results as one HTML page: each document sits
between the comments ``<!-- ... <DOC NUMBER=n> <DOCFULL> -->`` and ``<!-- ...
</DOCFULL> </DOC> -->``; inside, the classic layout of the text export, one
``<div>``/``<p>`` per block: ``N of M DOCUMENTS``, outlet, date (+ edition),
headline, labelled fields (``BYLINE:``, ``SECTION:``, ``LENGTH:`` or, in the
French interface, ``AUTEUR:``, ``RUBRIQUE:``, ``LONGUEUR:``, ``ENCART:``), the
body paragraphs, tail fields (``LOAD-DATE:``/``DATE-CHARGEMENT:``,
``LANGUAGE:``/``LANGUE:``, ``SUJET:`` ...) and a copyright notice.

The page is turned into the lines of that layout (a paragraph per block, ``<br>``
a line break inside it, table rows as ``cell | cell`` lines) and each document is
parsed like a LexisNexis text export (:func:`discourse.readers.nexis.parse_lines`):
``record`` is the document number of ``N of M DOCUMENTS``. A document that
LexisNexis could not render (``We are sorry but there is an error in this
document``) or that has no ``N of M DOCUMENTS`` line is listed in ``problems``
with its text, never dropped. A download cover block (``Download Request``,
``Terms``, ``Source``) before the first document is skipped.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from discourse.readers._base import ReadResult, ReaderError, read_text
from discourse.readers._layout import clean_ws

__all__ = ["read", "sniff", "html_lines"]

SNIFF_BYTES = 4_000_000
_DOC_OPEN = re.compile(r"<DOCFULL>\s*-->", re.I)
_DOC_CLOSE = re.compile(r"<!--[^<>]*</DOCFULL>", re.I)
# (a line start that follows blank space is skipped: the first one already scanned it)
_N_OF_M = re.compile(r"(?:^(?<!\s\n)|>)\s*(?:FOCUS\s*-\s*)?\d+\s+(?:of|de|sur|von)\s+\d+\s+(?:DOCUMENTS?|DOKUMENTE?N?)\s*<",
                     re.I | re.M)
_BLOCKS = {"p", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
           "blockquote", "center", "body", "section", "article"}
_SKIP = {"script", "style", "head", "title", "noscript", "img"}


def sniff(path: str | Path) -> bool:
    """True when ``path`` is a LexisNexis HTML export (first 4 MB).

    The page has ``<DOCFULL>`` comments, or an ``N of M DOCUMENTS`` block and a
    LexisNexis label (``LENGTH:``, ``LOAD-DATE:``, ``LONGUEUR:`` ...).
    """
    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        return False
    try:
        with open(path, "rb") as fh:
            text = fh.read(SNIFF_BYTES).decode("utf-8", "replace")
    except OSError:
        return False
    return bool(_DOC_OPEN.search(text)) or (bool(_N_OF_M.search(text)) and bool(
        re.search(r">\s*(?:LENGTH|LONGUEUR|LÄNGE|LOAD-DATE|BYLINE|SECTION|RUBRIQUE)\s*:", text)))


def html_lines(html: str) -> list[str]:
    """The text lines of an HTML fragment: a blank line between blocks, ``<br>`` a line break.

    Table rows become one line each, cells joined by `` | ``; scripts, styles and
    images are left out.

    Examples
    --------
    >>> html_lines("<div><p>Millbrook Gazette</p><p>March 9, 2024<br>Final Edition</p></div>")
    ['Millbrook Gazette', '', 'March 9, 2024', 'Final Edition']
    """
    import lxml.html

    try:
        root = lxml.html.fromstring(html) if html.strip() else None
    except Exception as exc:  # lxml ParserError, ValueError ...
        raise ReaderError(f"HTML could not be parsed ({exc})") from None
    if root is None:
        return []
    out: list[str] = []

    def walk(el, in_row: bool = False) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:  # comments and processing instructions: only their tail counts
            return
        # inside a table row the cells' paragraphs stay on the row's line
        block = tag in _BLOCKS and not in_row
        if block:
            out.append("\n\n")
        elif tag == "br":
            out.append(" " if in_row else "\n")
        elif tag in ("td", "th"):
            out.append(" | ")
        elif in_row and tag in _BLOCKS:
            out.append(" ")
        if el.text:
            out.append(el.text.replace("\n", " ").replace("\r", " "))
        for child in el:
            walk(child, in_row or tag == "tr")
            if child.tail:
                out.append(child.tail.replace("\n", " ").replace("\r", " "))
        if block:
            out.append("\n\n")

    walk(root)
    lines: list[str] = []
    for line in "".join(out).split("\n"):
        line = clean_ws(line).strip("| ").strip()
        if line or (lines and lines[-1]):  # one blank line between blocks
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _documents(html: str) -> list[str] | None:
    """The HTML of each ``DOCFULL`` section, or None when the page has no such comments."""
    opens = list(_DOC_OPEN.finditer(html))
    if not opens:
        return None
    docs = []
    for k, m in enumerate(opens):
        stop = opens[k + 1].start() if k + 1 < len(opens) else len(html)
        close = _DOC_CLOSE.search(html, m.end(), stop)
        docs.append(html[m.end(): close.start() if close else stop])
    return docs


def read(path: Path, *, encoding: str | None = None, **_: Any) -> ReadResult:
    """Read a LexisNexis HTML export: one record per document.

    Examples
    --------
    >>> from discourse.readers import read
    >>> res = read("lexisnexis.html")  # doctest: +SKIP
    >>> [r.record for r in res.records]  # doctest: +SKIP
    ['1', '2', '3']
    """
    from discourse.readers.nexis import parse_lines

    path = Path(path)
    html = read_text(path, encoding=encoding)
    docs = _documents(html)
    try:
        if docs is None:
            return parse_lines(html_lines(html), one_per_line=False, path=path)
        sections = [html_lines(doc) for doc in docs]
    except ReaderError as exc:
        raise ReaderError(f"{path}: {exc}") from None
    records, problems = [], []
    previous = 0
    for k, lines in enumerate(sections, start=1):
        if not any(_is_n_of_m(line) for line in lines):
            # LexisNexis could not render the document ('We are sorry but there is an
            # error in this document'), or the section is empty: numbered after the
            # previous document, or by its position when it comes first
            text = " ".join(line for line in lines if line)
            previous = previous + 1 if previous else 0
            rec = str(previous) if previous else f"#{k}"
            reason = (f"no document text, the export says only: {text[:200]!r}" if text
                      else "empty document section")
            problems.append((rec, f"section {k} of the page: {reason}"))
            continue
        res = parse_lines(lines, one_per_line=False, path=path, numbering=False)  # (one document)
        records.extend(res.records)
        problems.extend(res.problems)
        numbers = [int(r.record) for r in res.records if r.record.isdigit()]
        numbers += [int(p[0]) for p in res.problems if str(p[0]).isdigit()]
        previous = max(numbers) if numbers else previous
    if not records and not problems:
        raise ReaderError(f"{path}: no LexisNexis documents found in the page")
    return ReadResult(records, problems)


def _is_n_of_m(line: str) -> bool:
    from discourse.readers.nexis import _CLASSIC_DOC

    return bool(_CLASSIC_DOC.match(line))
