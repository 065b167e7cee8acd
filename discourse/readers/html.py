"""Saved web pages (``.html``/``.htm``): main text and metadata via trafilatura.

trafilatura (Barbaresi 2021, ACL demo) removes navigation, ads, comments and
footers and reads title, author, date (htmldate) and site name from the page's
metadata (OpenGraph, JSON-LD, ``<meta>``) and markup. It runs offline on the
local string. Each extracted text line (paragraph, heading, list item) becomes
one paragraph; the headline and a ``By ...`` byline repeated at the top of the
body are removed from ``text``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from discourse.readers._base import Record, ReadResult, ReaderError, decode, normalize_text
from discourse.readers._layout import clean_ws, join_paragraphs

__all__ = ["read"]

_TAG = re.compile(r"<\s*(html|head|body|p|div|article|title|meta|h[1-6]|span|table|br)\b", re.I)
_BYLINE = re.compile(r"^(?:by|von|par|por)\s+", re.I)


def read(
    path: Path,
    *,
    encoding: str | None = None,
    url: str | None = None,
    favor_precision: bool = False,
    include_tables: bool = False,
    **_: Any,
) -> ReadResult:
    """Read one saved web page as one article.

    Parameters
    ----------
    path : Path
        The ``.html`` file.
    encoding : str, optional
        Text encoding; detected when omitted (BOM, UTF-8, then cp1252 ...).
    url : str, optional
        The page's address, when the file does not carry one (canonical link).
    favor_precision : bool
        Ask trafilatura to drop borderline text (fewer leftovers, may lose some body).
    include_tables : bool
        Keep text inside ``<table>`` elements.

    Returns
    -------
    ReadResult
        One record; :class:`ReaderError` when the page has no extractable text.

    Examples
    --------
    >>> from discourse.readers import read
    >>> read("page.html").records[0].title  # doctest: +SKIP
    'Floods hit the valley'
    """
    import trafilatura

    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise ReaderError(f"{path}: file is empty; remove it or save the page again")
    html = normalize_text(decode(data, path=path, encoding=encoding))
    if not _TAG.search(html[:200_000]):
        raise ReaderError(f"{path}: no HTML markup found; is this really a web page? "
                          "Rename plain text to .txt")
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            include_tables=include_tables, favor_precision=favor_precision,
            deduplicate=False,
        )
    except Exception as exc:  # trafilatura/lxml parser failures
        raise ReaderError(f"{path}: HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    lines = (meta.get("text") or "").split("\n")
    title = clean_ws(meta.get("title")) or None
    author = clean_ws(meta.get("author")) or None
    lines = [clean_ws(line) for line in lines]
    lines = [line for line in lines if line]
    # the headline and the byline are often repeated at the top of the extracted body
    if lines and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    if lines and _BYLINE.match(lines[0]) and len(lines[0]) < 120 and (
        author is None or author.split(";")[0].strip().casefold() in lines[0].casefold()
    ):
        if author is None:
            author = _BYLINE.sub("", lines[0]).strip()
        lines = lines[1:]
    text = join_paragraphs(lines, one_per_line=True)
    # 'Home', a lone link: navigation, not an article. Chinese and Japanese write
    # without spaces: count word characters too
    if len(text.split()) < 3 and len(re.sub(r"\W", "", text)) < 20:
        raise ReaderError(
            f"{path}: no article text found in the page (the extractor found only "
            "navigation or boilerplate); save the article page itself, or pass it as .txt"
        )
    extra: dict[str, Any] = {}
    if meta.get("description"):
        extra["description"] = clean_ws(meta["description"])
    for key in ("categories", "tags"):
        value = meta.get(key)
        if value:
            extra[key] = "; ".join(value) if isinstance(value, (list, tuple)) else str(value)
    return ReadResult([Record(
        text=text,
        record="",
        title=title,
        author=author,
        published=meta.get("date") or None,
        outlet=clean_ws(meta.get("sitename")) or clean_ws(meta.get("hostname")) or None,
        url=meta.get("url") or url,
        extra=extra,
    )], [])
