"""File discovery: folders and glob patterns to regular files, with a report entry for
everything passed over.

The walk never follows a folder link into a folder it has already read (so links
that loop end), never opens anything but a regular file (a named pipe would block
the load), and lists hidden entries, non-regular files, link loops and unreadable
folders in the load report. Names are kept as the file system gives them (bytes
that are not UTF-8 survive as Python's surrogate escapes, so the file opens) and
shown with :func:`shown` (``caf\\xe9.txt``) wherever a name becomes text.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Iterator

_SURROGATE = re.compile("[\ud800-\udfff]")
_MAGIC = re.compile(r"[*?\[]")


def shown(path: Path | str) -> str:
    """The name as text: bytes that are not UTF-8 appear as ``\\xe9`` escapes."""
    text = os.fspath(path)
    if _SURROGATE.search(text) is None:
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def clean(text):
    """``text`` with lone surrogates (which no file format can store) as U+FFFD."""
    if isinstance(text, str) and not text.isascii() and _SURROGATE.search(text):
        return _SURROGATE.sub("\ufffd", text)
    return text


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    return "special file"


def not_regular(path: Path) -> str | None:
    """What ``path`` is when it exists and is not a regular file or folder, else None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # (missing or a broken link: reading it says why)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _kind(mode)


def _skip(report: list[dict], path, reason: str) -> None:
    report.append(dict(source=shown(path), record="", reason=reason))


def walk(folder: Path, report: list[dict], *, hidden: bool = True,
         descend=None) -> Iterator[Path]:
    """The regular files under ``folder``, in sorted (path) order.

    ``hidden`` reports hidden entries (names starting with a dot) as skipped; with
    ``False`` they are passed over silently (glob patterns do not match them).
    ``descend(relative_parts)``, when given, says whether to enter a sub-folder.
    """
    try:
        top = os.stat(folder)
    except OSError as exc:
        _skip(report, folder, f"unreadable folder: {exc.strerror or exc}")
        return
    seen = {(top.st_dev, top.st_ino): folder}  # folder id -> the path it is read under
    stack: list[tuple[Path, tuple[str, ...], bool]] = [(folder, (), True)]
    while stack:
        path, rel, is_dir = stack.pop()
        if not is_dir:
            yield path
            continue
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            why = "permission denied" if exc.errno in (errno.EACCES, errno.EPERM) else (exc.strerror or str(exc))
            _skip(report, path, f"unreadable folder: {why}; its files are not loaded")
            continue
        for entry in entries:  # a real folder is read under its own path, not a link's
            if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False):
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                seen.setdefault((st.st_dev, st.st_ino), path / entry.name)
        children = []
        for entry in entries:
            child = path / entry.name
            try:
                st = os.stat(child)
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    _skip(report, child, "skipped: symbolic link loop (the link points back to itself)")
                elif entry.name.startswith(".") and hidden:
                    _skip(report, child, "skipped: hidden file")
                elif not entry.name.startswith("."):
                    children.append((child, rel + (entry.name,), False))  # a broken link: reading says so
                continue
            if entry.name.startswith("."):
                if hidden:
                    what = "folder" if stat.S_ISDIR(st.st_mode) else "file"
                    _skip(report, child, f"skipped: hidden {what}")
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if seen.setdefault(key, child) != child:
                    _skip(report, child, "skipped: link to a folder already read (a link loop or a second "
                                         "path to the same folder)")
                    continue
                if descend is not None and not descend(rel + (entry.name,)):
                    continue
                children.append((child, rel + (entry.name,), True))
            elif stat.S_ISREG(st.st_mode):
                children.append((child, rel + (entry.name,), False))
            else:
                _skip(report, child, f"skipped: not a regular file ({_kind(st.st_mode)})")
        stack.extend(reversed(children))


def _translate(pattern: str) -> re.Pattern:
    """A glob pattern (``*``, ``?``, ``[...]``, ``**`` for any depth) as a regex over
    ``/``-separated paths; ``*`` and ``?`` match no leading dot, as in :mod:`glob`."""
    out = []
    parts = pattern.split("/")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append("(?:[^/.][^/]*/)*" if not last else "(?:[^/.][^/]*(?:/[^/.][^/]*)*)?")
            continue
        j, piece = 0, []
        while j < len(part):
            c = part[j]
            if c == "*":
                piece.append("[^/]*")
            elif c == "?":
                piece.append("[^/]")
            elif c == "[":
                k = part.find("]", j + 2 if part[j + 1:j + 2] in ("!", "]") else j + 1)
                if k < 0:
                    piece.append(re.escape(c))
                else:
                    body = part[j + 1:k]
                    neg = body.startswith("!")
                    body = body[1:] if neg else body
                    piece.append("[" + ("^" if neg else "") + body.replace("\\", "\\\\") + "]")
                    j = k
            else:
                piece.append(re.escape(c))
            j += 1
        text = "".join(piece)
        if not part.startswith("."):
            text = "(?!\\.)" + text
        out.append(text + ("" if last else "/"))
    return re.compile("".join(out), re.S)


def expand_glob(pattern: str, report: list[dict]) -> tuple[list[Path], list[Path]]:
    """The regular files and the folders that ``pattern`` names (a folder is then read
    whole, as a folder argument is); ``**`` matches any depth. The walk is the one of
    :func:`walk`: no link loops, no named pipes."""
    pattern = pattern.rstrip("/") or pattern  # (data/*/ names folders, as data/* does)
    parts = pattern.split(os.sep) if os.sep != "/" else pattern.split("/")
    n_fixed = next((i for i, p in enumerate(parts) if _MAGIC.search(p)), len(parts))
    base = Path("/".join(parts[:n_fixed]) or ("/" if pattern.startswith("/") else "."))
    if pattern.startswith("/") and n_fixed == 1:
        base = Path("/")
    rest = parts[n_fixed:]
    rx = _translate("/".join(rest))
    recursive = "**" in rest
    if not base.is_dir():
        return [], []
    files, folders = [], []
    depth = len(rest)

    def descend(rel: tuple[str, ...]) -> bool:
        joined = "/".join(rel)
        if rx.fullmatch(joined):
            if not recursive:
                folders.append(base.joinpath(*rel))
            return recursive
        return recursive or len(rel) < depth

    for f in walk(base, report, hidden=False, descend=descend):
        rel = f.relative_to(base).as_posix()
        if rx.fullmatch(rel):
            files.append(f)
    return files, folders
