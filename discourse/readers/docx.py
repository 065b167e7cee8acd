"""Word documents (``.docx``): one article per file, via python-docx.

The title is the first paragraph in a ``Title`` or ``Heading`` style among the
first few paragraphs; without one, a short first paragraph that does not end like
a sentence. A ``By ...`` paragraph and a date paragraph right after the title fill
``author`` and ``published``. Table rows become paragraphs with cells joined by
`` | ``. Multi-article Nexis Uni exports in ``.docx`` are claimed by
:mod:`discourse.readers.nexis` before this reader sees them.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from discourse.readers._base import Record, ReadResult, ReaderError, normalize_text
from discourse.readers._layout import clean_ws, front_matter, join_paragraphs

__all__ = ["read", "paragraphs"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(path: Path):
    import docx as _docx

    path = Path(path)
    with open(path, "rb") as fh:  # the head is enough: python-docx reads the file itself
        data = fh.read(4096)
    if not data.strip() and not path.read_bytes().strip():
        raise ReaderError(f"{path}: file is empty; remove it or save the document again")
    if not zipfile.is_zipfile(path):
        hint = " (an old binary .doc? open it in Word and save as .docx)" if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" else ""
        raise ReaderError(f"{path}: not a Word .docx file (not a ZIP container){hint}; "
                          "re-save it as .docx or remove it")
    try:
        return _docx.Document(str(path))
    except Exception as exc:  # KeyError, ValueError, PackageNotFoundError, BadZipFile ...
        raise ReaderError(f"{path}: damaged or incomplete .docx ({type(exc).__name__}: "
                          f"{str(exc)[:100]}); re-save it in Word") from None


def _para_text(p_el) -> str:
    parts = []
    for el in p_el.iter():
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if tag == "t":
            parts.append(el.text or "")
        elif tag == "tab":
            parts.append("\t")
        elif tag in ("br", "cr"):
            parts.append("\n")
    return normalize_text("".join(parts))


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """``(style name, text)`` for every paragraph and table row, in document order.

    Line and page breaks inside a paragraph are kept as ``\\n``.
    """
    doc = _open(path)
    styles = {}
    for st in doc.styles:
        try:
            styles[st.style_id] = st.name or ""
        except Exception:  # pragma: no cover - odd style parts
            continue
    out: list[tuple[str, str]] = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            style_el = child.find(f"{_W}pPr/{_W}pStyle")
            style = styles.get(style_el.get(f"{_W}val"), "") if style_el is not None else ""
            out.append((style, _para_text(child)))
        elif tag == "tbl":
            for row in child.iter(f"{_W}tr"):
                cells = [clean_ws(" ".join(_para_text(p) for p in tc.iter(f"{_W}p")))
                         for tc in row.iter(f"{_W}tc")]
                cells = [c for c in cells if c]
                if cells:
                    out.append(("Table", " | ".join(cells)))
    return out


def read(path: Path, **_: Any) -> ReadResult:
    """Read one ``.docx`` article.

    Examples
    --------
    >>> from discourse.readers import read
    >>> read("article.docx").records[0].title  # doctest: +SKIP
    """
    path = Path(path)
    paras = paragraphs(path)
    title = None
    blocks: list[str] = []
    for style, text in paras:
        # a soft line break is a space; an empty line (double break) a paragraph break
        for chunk in re.split(r"\n\s*\n", text):
            chunk = clean_ws(chunk.replace("\n", " "))
            if chunk:
                if title is None and len(blocks) < 3 and _is_title_style(style):
                    title = chunk
                    continue
                blocks.append(chunk)
    title, author, published, body = front_matter(blocks, title=title)
    text = join_paragraphs(body, one_per_line=True)
    if not text:
        raise ReaderError(f"{path}: the document has no body text; remove it or add its text")
    return ReadResult([Record(text=text, title=title, author=author, published=published)], [])


def _is_title_style(style: str) -> bool:
    s = (style or "").lower()
    return s == "title" or s.startswith("heading") or s.startswith("überschrift") or s == "titel"
