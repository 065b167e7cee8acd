"""What every reader shares: the record type, the error type, and decoding.

A reader is a module in :mod:`discourse.readers` with a function
``read(path, **options) -> ReadResult``. It turns one file into zero or more
:class:`Record` objects and lists every record it could not turn into one in
``ReadResult.problems`` as ``(record, reason)`` pairs. It raises
:class:`ReaderError` when the file as a whole cannot be read (empty, binary junk,
truncated JSON ...). Nothing is dropped silently.
"""
from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Record", "ReadResult", "ReaderError", "decode", "normalize_text", "read_text"]


class ReaderError(ValueError):
    """A file cannot be read at all. The message names the file and says what to do."""


@dataclass
class Record:
    """One article as a reader found it. ``record`` locates it inside the file."""

    text: str
    record: str = ""
    title: str | None = None
    author: str | None = None
    published: Any = None  # str, datetime or None; corpus.load parses it
    outlet: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadResult:
    records: list[Record] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(data: bytes, *, path: Path | str = "<bytes>", encoding: str | None = None) -> str:
    """Decode bytes to text: BOM, then UTF-8, then detection (cp1252, latin-1 ...).

    Raises :class:`ReaderError` for binary junk (NUL bytes outside UTF-16/32) or
    when no encoding fits.
    """
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReaderError(
                f"{path}: cannot decode as {encoding!r} ({exc}); pass the right encoding="
            ) from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc)
    if b"\x00" in data:
        # UTF-16 without BOM is rare in the wild; try it when NULs alternate
        if len(data) >= 4 and data[1::2].count(0) > 0.4 * len(data) / 2:
            try:
                return data.decode("utf-16-le")
            except UnicodeDecodeError:
                pass
        raise ReaderError(
            f"{path}: looks like a binary file (NUL bytes), not text; "
            "check the file or remove it from the input"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and (best is None or _is_latin(str(best))):
        # news text in a single-byte Latin encoding: Windows-1252 is what such files
        # actually use (a superset of latin-1's printable range); detectors often
        # confuse it with cp1250 / mac_roman on short files
        return western
    if best is None:
        raise ReaderError(
            f"{path}: unknown text encoding; convert the file to UTF-8 or pass encoding="
        )
    return str(best)


def _is_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if ord(ch) < 0x250)
    return latin / len(letters) > 0.95


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line endings, no NUL, no trailing spaces on lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = unicodedata.normalize("NFC", text)
    return text


def read_text(path: Path, *, encoding: str | None = None) -> str:
    """Read a text file with encoding detection and normalization."""
    data = Path(path).read_bytes()
    if not data.strip():
        raise ReaderError(f"{path}: file is empty; remove it or add its text")
    return normalize_text(decode(data, path=path, encoding=encoding))
