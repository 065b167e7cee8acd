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
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Record", "ReadResult", "ReaderError", "ReaderWarning", "decode", "normalize_text", "read_text"]


class ReaderError(ValueError):
    """A file cannot be read at all. The message names the file and says what to do."""


class ReaderWarning(UserWarning):
    """A file was read but something was repaired on the way (e.g. invalid UTF-8 bytes).

    :func:`discourse.corpus.load` turns these into ``warning:`` rows of the load report
    (``record`` names the record when the warning is about one).
    """

    def __init__(self, message: str = "", *, record: str = ""):
        super().__init__(message)
        self.record = record


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
    """What a reader found in one file.

    ``records``: the articles; ``problems``: ``(record, reason)`` for each record
    that could not be read. Table readers also fill ``columns`` (field -> the file
    column chosen for it) and ``candidates`` (field -> every column that could hold
    it, in the documented order), so the loader can report its choice.
    """

    records: list[Record] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    candidates: dict[str, list[str]] = field(default_factory=dict)


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(data: bytes, *, path: Path | str = "<bytes>", encoding: str | None = None) -> str:
    """Decode bytes to text: BOM, then UTF-8, then detection (cp1252, latin-1 ...).

    UTF-16 without a BOM is recognised by where its NUL bytes fall. A UTF-8 file
    with a few invalid bytes (a stray byte, a pasted cp1252 passage) is decoded as
    UTF-8 with those bytes read as cp1252, and a :class:`ReaderWarning` names the
    file. Raises :class:`ReaderError` for binary junk (NUL bytes outside UTF-16/32)
    or when no encoding fits.
    """
    text = _decode(data, path=path, encoding=encoding)
    if encoding is None and _looks_binary(text):
        raise ReaderError(
            f"{path}: looks like a binary file (control characters), not text; "
            "check the file or remove it from the input"
        )
    return text


#: control characters that do not occur in text (tab, newlines, vertical tab and form feed do)
_BINARY = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    sample = text[:100_000]
    if not sample:
        return False
    bad = len(_BINARY.findall(sample))
    return bad > max(2, 0.01 * len(sample))


def _decode(data: bytes, *, path, encoding) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReaderError(
                f"{path}: cannot decode as {encoding!r} ({exc}); pass the right encoding="
            ) from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            unit = {"utf-32": 4, "utf-16": 2}.get(enc, 1)
            if len(data) % unit:  # a file cut in the middle of a character
                warnings.warn(f"{path}: ends in the middle of a {enc} character (truncated file?); "
                              "the incomplete character was dropped", ReaderWarning, stacklevel=3)
                data = data[: len(data) - len(data) % unit]
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise ReaderError(
                    f"{path}: starts with a {enc} byte-order mark but is not valid {enc} "
                    f"({exc.reason} at byte {exc.start}); re-save the file as UTF-8"
                ) from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        n_nul = data.count(b"\x00")
        if b"\x00" not in data.rstrip(b"\x00") or n_nul <= 0.005 * len(data):
            # NUL padding after a crashed write, or a few stray NULs in a text file
            text = _decode(data.replace(b"\x00", b""), path=path, encoding=None)
            if not _looks_binary(text):
                warnings.warn(f"{path}: {n_nul} NUL byte(s) removed", ReaderWarning, stacklevel=3)
                return text
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
    mixed = _mostly_utf8(data)
    if mixed is not None and (best is None or _oddities(mixed[0]) <= _oddities(str(best))):
        # (a legacy multi-byte encoding such as Shift-JIS can contain valid UTF-8
        # sequences by chance; then the detector's reading is the cleaner one)
        text, n_bad = mixed
        warnings.warn(f"{path}: not valid UTF-8 in {n_bad} place(s); those bytes were read as "
                      "cp1252 (check them, or pass encoding=)", ReaderWarning, stacklevel=3)
        return text
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if best is None or _is_latin(str(best)):
        # news text in a single-byte Latin encoding: Windows-1252 is what such files
        # actually use (a superset of latin-1's printable range); detectors often
        # confuse it with cp1250 / mac_roman on short files. Another reading wins only
        # when it looks clearly better: fewer capitals glued to lower case ("donÕt",
        # "warÑthe"), symbols inside words, control characters.
        candidates = [c for c in (western, data.decode("mac_roman"), None if best is None else str(best))
                      if c is not None]
        return min(candidates, key=_oddities)  # ties: the earlier (cp1252 first)
    if best is None:
        raise ReaderError(
            f"{path}: unknown text encoding; convert the file to UTF-8 or pass encoding="
        )
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: NULs on one side of the byte pairs (ASCII, spaces)."""
    if len(data) < 4:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 0 and odd >= 10 * even:
        enc = "utf-16-le"
    elif even > 0 and even >= 10 * odd:
        enc = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) - len(data) % 2].decode(enc)
    except UnicodeDecodeError:
        return None
    bad = sum(1 for ch in text if not (ch.isprintable() or ch in "\t\n\r\x0c"))
    return text if bad <= 0.01 * len(text) else None


_ESCAPED = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few invalid bytes: (text with those bytes read as cp1252, number of
    bad spots), or None when the file does not look like UTF-8 at all."""
    raw = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED.findall(raw))
    multibyte = sum(1 for ch in raw if ord(ch) > 127) - sum(len(m) for m in _ESCAPED.findall(raw))
    # valid multi-byte sequences almost never occur by chance in single-byte text
    # (they need an accented capital followed by a symbol); a few of them make the
    # file UTF-8, and the invalid bytes around them are read as cp1252 anyway
    if multibyte < 1 or 10 * multibyte < bad:
        return None
    text = _ESCAPED.sub(lambda m: bytes(ord(c) - 0xDC00 for c in m.group()).decode("cp1252", "replace"), raw)
    return text, bad


def _oddities(text: str) -> int:
    """How many non-ASCII characters look like mis-decoding (capitals after a lower-case
    letter, lone capitals between non-letters, control and private-use characters)."""
    n = 0
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Co", "Cn") or ch == "\ufffd":
            n += 1
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if cat == "Lu" and (prev.islower() or (not prev.isalpha() and not nxt.isalpha())):
            n += 1
        elif cat in ("Sm", "So", "Sc", "Sk", "No") and prev.isalpha() and nxt.isalpha():
            n += 1
    return n


def _is_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if ord(ch) < 0x250)
    return latin / len(letters) > 0.95


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line endings, no NUL or other control characters, no stray BOM.

    Tabs, form feeds and vertical tabs stay (readers use them as separators);
    lone surrogates (from broken JSON escapes) become U+FFFD.
    """
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return text


def read_text(path: Path, *, encoding: str | None = None) -> str:
    """Read a text file with encoding detection and normalization."""
    data = Path(path).read_bytes()
    if not data.strip():
        raise ReaderError(f"{path}: file is empty; remove it or add its text")
    return normalize_text(decode(data, path=path, encoding=encoding))
