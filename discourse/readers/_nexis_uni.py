"""The Nexis Uni layout (headline, outlet, date, fields, ``Body``, ..., ``End of Document``).

Used by :mod:`discourse.readers.nexis` (see its docstring for the layout). ``record``
is the document's position in the export, from 1. A document whose ``End of
Document`` line is missing is split from the previous one at its own headline,
outlet and date (the line above its date, found from its ``Body`` line), with a
:class:`ReaderWarning`; text after the trailing fields that is not understood is
kept in ``extra["unparsed"]`` with a warning.
"""
from __future__ import annotations

import warnings

from discourse.readers._base import Record, ReadResult, ReaderError, ReaderWarning
from discourse.readers._layout import clean_ws, is_date_line, join_paragraphs
from discourse.readers.nexis import (_BLOCK_HEAD, _BODY, _COPYRIGHT, _COVER, _END, _INLINE_LABEL, _TAIL,
                                     _label, _record, _set)

__all__ = ["parse_uni"]


def parse_uni(lines: list[str], one_per_line: bool | None, path) -> ReadResult:
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
    # a document whose 'End of Document' line is missing runs into the next one:
    # split them again where the next headline, outlet and date begin
    split: list[list[str]] = []
    unended: set[int] = set()  # positions (from 1) of documents found without the line
    for chunk in chunks:
        parts = _split_merged(chunk)
        unended.update(len(split) + n + 1 for n in range(1, len(parts)))
        split.extend(parts)
    chunks = split
    records, problems = [], []
    for k, chunk in enumerate(chunks, start=1):
        rec = str(k)
        cut = truncated and k == len(chunks)
        if k in unended:
            warnings.warn(ReaderWarning(
                f"document {k}: no 'End of Document' line between it and document {k - 1}; the two were "
                "told apart by this one's headline, outlet and date (check both)", record=rec), stacklevel=2)
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


def _split_merged(chunk: list[str]) -> list[list[str]]:
    """Cut a chunk holding several documents (one 'Body' line each) before each later headline.

    The next document starts with its headline and outlet on the lines just above its
    date line (the last date line before its 'Body'), after the previous document's
    last field ('Load-Date: ...') or notice.
    """
    bodies = [i for i, line in enumerate(chunk) if _BODY.match(line)]
    if len(bodies) < 2:
        return [chunk]
    cuts = []
    for prev, b in zip(bodies, bodies[1:]):
        dates = [i for i in range(prev + 1, b) if is_date_line(chunk[i], max_len=100) and not _label(chunk[i])[0]]
        if not dates:
            continue
        d = dates[-1]
        # the header fields between date and Body must be fields, else this is body text
        # walk up over the outlet and the headline (one or two lines); stop at a field,
        # a notice, the page-break gap (2+ blank lines) or a paragraph too long for a
        # headline once outlet and headline are taken
        start, seen, blanks = d, 0, 0
        for i in range(d - 1, prev, -1):
            line = chunk[i]
            if not line.strip():
                blanks += 1
                continue
            if _label(line)[0] or _END.match(line) or _COPYRIGHT.search(line) or _BLOCK_HEAD.match(line) \
                    or seen == 3 or (seen >= 2 and (blanks >= 2 or len(line) > 300)):
                break
            start, seen, blanks = i, seen + 1, 0
        if seen:
            cuts.append(start)
    if not cuts:
        return [chunk]
    edges = [0, *cuts, len(chunk)]
    return [chunk[a:b] for a, b in zip(edges, edges[1:])]


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
