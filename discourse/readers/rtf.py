"""Rich Text Format (``.rtf``): one article per file, via striprtf.

Every RTF paragraph (``\\par``) is a paragraph of the article; title, byline and
date are taken from the leading paragraphs as for ``.docx``. The code page comes
from the file's ``\\ansicpg`` (cp1252 when absent). Multi-article Nexis Uni and
Factiva exports in ``.rtf`` are claimed by their own readers first.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from discourse.readers._base import Record, ReadResult, ReaderError, ReaderWarning, normalize_text
from discourse.readers._layout import front_matter, join_paragraphs

__all__ = ["read", "to_text"]

_CPG = re.compile(rb"\\ansicpg(\d+)")


def to_text(path: Path, *, limit: int | None = None, encoding: str | None = None) -> str:
    """Plain text of an RTF file (``limit``: only the first bytes, for sniffing)."""
    from striprtf.striprtf import rtf_to_text

    path = Path(path)
    with open(path, "rb") as fh:
        data = fh.read(limit) if limit else fh.read()
    if not data.strip():
        raise ReaderError(f"{path}: file is empty; remove it or save the document again")
    if not data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
        raise ReaderError(f"{path}: not an RTF file (it does not start with '{{\\rtf'); "
                          "check the file or give it its real extension")
    if encoding is None:
        m = _CPG.search(data[:4096])
        encoding = f"cp{int(m.group(1))}" if m else "cp1252"
        if m and int(m.group(1)) == 65001:
            encoding = "utf-8"
        try:
            "".encode(encoding)
        except LookupError:
            encoding = "cp1252"
    if not limit and data.count(b"{") - data.count(b"\\{") > data.count(b"}") - data.count(b"\\}") + 2:
        truncated = True
    else:
        truncated = False
    raw = data.decode("latin-1")  # RTF is 7-bit; \'xx escapes are decoded by striprtf
    # striprtf takes the code page from \ansicpg over its encoding argument (and falls
    # back to UTF-8 for an unknown one): put ours (or the user's) there instead. An
    # empty group keeps the RTF tokens apart when the encoding has no code page number.
    m = re.fullmatch(r"cp(\d+)", encoding.replace("-", "").lower())
    number = m.group(1) if m else "65001" if encoding.replace("-", "").lower() in ("utf8", "utf_8") else None
    raw = re.sub(r"\\ansicpg\d+", lambda _: f"\\ansicpg{number}" if number else "{}", raw)
    try:
        text = rtf_to_text(raw, encoding=encoding, errors="replace")
    except Exception as exc:  # striprtf is regex based; be safe
        raise ReaderError(f"{path}: RTF could not be parsed ({type(exc).__name__}: {exc})") from None
    text = normalize_text(text)
    if not limit and "\ufffd" in text:
        warnings.warn(ReaderWarning(f"{path}: {text.count(chr(0xFFFD))} character(s) could not be decoded "
                                    f"with code page {encoding!r} and were replaced by U+FFFD; pass encoding="),
                      stacklevel=2)
    if truncated and not text.strip():
        raise ReaderError(f"{path}: truncated RTF (unbalanced braces) with no readable text")
    return text


def read(path: Path, *, encoding: str | None = None, **_: Any) -> ReadResult:
    """Read one ``.rtf`` article.

    Examples
    --------
    >>> from discourse.readers import read
    >>> read("article.rtf").records[0].text[:40]  # doctest: +SKIP
    """
    path = Path(path)
    text = to_text(path, encoding=encoding)
    paras = [p for p in text.split("\n")]
    title, author, published, body = front_matter(paras)
    body_text = join_paragraphs(body, one_per_line=True)
    if not body_text:
        raise ReaderError(f"{path}: the RTF document has no body text; remove it or add its text")
    return ReadResult([Record(text=body_text, title=title, author=author, published=published)], [])
