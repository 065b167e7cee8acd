"""The classic LexisNexis layout (``N of M DOCUMENTS``), for :mod:`discourse.readers.nexis`.

Text, Word/RTF and HTML exports of LexisNexis Academic share it: per document,
``N of M DOCUMENTS``, outlet, date (+ edition), headline, labelled header fields,
the body, labelled tail fields and a copyright notice. ``record`` is ``N``.

Two kinds of damage are handled without losing anything:

* a document whose ``N of M DOCUMENTS`` line is missing runs into the previous
  one. It is recognised by a second set of header fields (``LENGTH:``) after the
  previous document's tail fields, split off at its outlet line, numbered ``N+1``
  when that number is free, and a :class:`ReaderWarning` names both;
* text after the tail fields that is neither a field nor a notice is kept in
  ``extra["unparsed"]`` with a warning.
"""
from __future__ import annotations

import re
import warnings

from discourse.readers._base import Record, ReadResult, ReaderError, ReaderWarning
from discourse.readers._layout import _WEEKDAY, _match_date, clean_ws, is_date_line, join_paragraphs
from discourse.readers.nexis import (_CLASSIC_DOC, _COPYRIGHT, _END, _KNOWN_KEYS, _TAIL, _blocks,
                                     _label, _record, _set)

__all__ = ["parse_classic"]

_CLASSIC_BODY = re.compile(r"^\s*(?:body|text)\s*$", re.I)
#: header fields that every document of this layout has at least one of
_HEADER_KEYS = {"length", "section", "author"}


class _Skip(Exception):
    pass


def parse_classic(lines: list[str], path, *, one_per_line: bool = False, numbering: bool = True) -> ReadResult:
    """Parse the lines of a classic LexisNexis export (see the module docstring)."""
    starts = [(i, m) for i, line in enumerate(lines) if (m := _CLASSIC_DOC.match(line))]
    numbers = {m.group("n") or m.group("n2") for _, m in starts}
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
        parts = _split_merged(blocks)
        for n, part in enumerate(parts):
            number = rec
            if n:
                guess = str(int(rec) + n) if rec.isdigit() else ""
                number = guess if guess and guess not in numbers else f"{rec}.{n + 1}"
                numbers.add(number)
                warnings.warn(ReaderWarning(
                    f"document {number}: no 'N of M DOCUMENTS' line; found inside document {rec} by its "
                    "own header fields and read as a document of its own (check both)", record=number),
                    stacklevel=2)
            try:
                records.append(_document(part, number, one_per_line=one_per_line))
            except _Skip as exc:
                problems.append((number, str(exc)))
    if not records and not problems:
        raise ReaderError(f"{path}: no documents found in the LexisNexis export")
    if numbering:
        _check_numbering([r.record for r in records] + [n for n, _ in problems], starts, lines)
    return ReadResult(records, problems)


_TOTAL = re.compile(r"(?:of|von|de|sur)[^\S\n]+(\d+)", re.I)


def _check_numbering(numbers: list[str], starts, lines) -> None:
    """Warn when the documents found (read or reported) skip numbers or end before
    the M of 'N of M DOCUMENTS' (documents lost between the database and the file)."""
    found = sorted({int(n) for n in numbers if str(n).isdigit()})
    totals = {int(t.group(1)) for i, _ in starts if (t := _TOTAL.search(lines[i]))}
    if not found or len(totals) != 1:
        return
    missing = sorted(set(range(found[0], found[-1] + 1)) - set(found))
    if missing:
        shown = ", ".join(map(str, missing[:10])) + (" ..." if len(missing) > 10 else "")
        warnings.warn(ReaderWarning(f"the numbering skips document(s) {shown}; the export may have lost them"),
                      stacklevel=3)
    total = totals.pop()
    if found[-1] < total:
        warnings.warn(ReaderWarning(
            f"the export says it holds {total} documents and ends with document {found[-1]}; unless it is "
            "one of several download batches, it was cut short"), stacklevel=3)


def _fieldish(block: list[str]) -> bool:
    return bool(_label(block[0])[0] or _COPYRIGHT.search(" ".join(block)))


def _split_merged(blocks: list[list[str]]) -> list[list[list[str]]]:
    """Split blocks where a second document (head + header fields) follows tail fields."""
    cuts = []
    seen_tail = False
    k = 0
    while k < len(blocks):
        key = _label(blocks[k][0])[0]
        if key and (key in _TAIL or key not in _KNOWN_KEYS):
            seen_tail = True
        elif seen_tail and not key and not _COPYRIGHT.search(" ".join(blocks[k])):
            # text after tail fields: a new document when a date line and header fields follow
            j = k
            head = []
            while j < len(blocks) and not _label(blocks[j][0])[0] and len(head) < 6:
                head.append(blocks[j])
                j += 1
            if j < len(blocks) and _label(blocks[j][0])[0] in _HEADER_KEYS \
                    and any(is_date_line(line, max_len=100) for b in head for line in b):
                cuts.append(k)
                seen_tail = False
                k = j
                continue
        k += 1
    if not cuts:
        return [blocks]
    edges = [0, *cuts, len(blocks)]
    return [blocks[a:b] for a, b in zip(edges, edges[1:])]


def _document(blocks: list[list[str]], rec: str, *, one_per_line: bool) -> Record:
    fields: dict[str, str] = {}
    head: list[list[str]] = []
    body: list[str] = []
    unparsed: list[str] = []
    state = "head"
    # tail_ok[n]: only fields and notices follow block n (a field with an empty
    # value, 'CORRECTION:', takes the next block as its value)
    fieldish = [_fieldish(b) for b in blocks]
    for n in range(1, len(blocks)):
        if not fieldish[n] and fieldish[n - 1] and _label(blocks[n - 1][0])[0] \
                and not _label(blocks[n - 1][0])[1] and len(blocks[n - 1]) == 1:
            fieldish[n] = True
    tail_ok = [all(fieldish[n + 1:]) for n in range(len(blocks))]
    pending = None  # a tail label whose value is the next block ('CORRECTION:')
    for n, block in enumerate(blocks):
        if state in ("head", "labels") and len(block) == 1 and _CLASSIC_BODY.match(block[0]) and n:
            state = "body"  # a 'BODY' heading line
            continue
        key, value = _label(block[0])
        if key:
            is_tail = key in _TAIL or key not in _KNOWN_KEYS
            # LOAD-DATE always closes the body; other labels only when nothing but
            # fields follow (a body paragraph may start like 'UPDATE: ...')
            if state == "body" and (not is_tail or not (tail_ok[n] or key == "load_date")):
                # a labelled line inside the body (rare): keep it as text
                body.append(" ".join(block))
                continue
            value = clean_ws(" ".join([value, *block[1:]]))
            _set(fields, key, value)
            pending = key if not value and state in ("body", "tail") else None
            if state == "body" or is_tail:
                state = "tail"
            elif state == "head":
                state = "labels"
            continue
        text = " ".join(block)
        if pending and state == "tail":
            _set(fields, pending, clean_ws(text))
            pending = None
            continue
        if state == "head":
            head.append(block)
        elif state in ("labels", "body"):
            state = "body"
            body.append(text)
        elif _COPYRIGHT.search(text):
            _set(fields, "copyright", clean_ws(text))
        else:
            unparsed.append(clean_ws(text))
    title, outlet, date_line, edition = _head(head, one_per_line=one_per_line)
    if edition:
        _set(fields, "edition", clean_ws(" ".join(edition)).rstrip(";"))
    if state == "head" and not body:
        raise _Skip("no LENGTH:/BYLINE: fields found; cannot tell metadata from text"
                    + (f" (starts {' '.join(head[0])[:60]!r})" if head else ""))
    text = join_paragraphs([clean_ws(p) for p in body], one_per_line=True)
    if not text:
        raise _Skip("document has an empty body" + (f" ({title!r})" if title else ""))
    record = _record(rec, title=title, outlet=outlet, date_line=date_line, fields=fields, body_text=text)
    if unparsed:
        record.extra["unparsed"] = "\n".join(unparsed)
        warnings.warn(ReaderWarning(
            f"document {rec}: {len(unparsed)} block(s) after the trailing fields were not understood, "
            f"starting {unparsed[0][:60]!r}; kept in column 'unparsed'", record=rec), stacklevel=3)
    return record


def _head(head: list[list[str]], *, one_per_line: bool):
    """Headline, outlet, date line and edition lines from the blocks above the fields."""
    outlet = date_line = title = None
    edition: list[str] = []
    flat = [(bi, line) for bi, block in enumerate(head) for line in block]
    d = next((n for n, (_, line) in enumerate(flat) if is_date_line(line, max_len=100)), None)
    if d is not None:
        date_block = flat[d][0]
        date_line = flat[d][1]
        outlet = " ".join(line for bi, line in flat[:d]) or None
        edition = [line for bi, line in flat[d + 1:] if bi == date_block]
        rest = _after_date(date_line)
        if rest:  # 'March 9, 2024, Saturday, Final Edition'
            edition.insert(0, f"{rest};" if edition and not rest.endswith(";") else rest)
        title_lines = [line for bi, line in flat[d + 1:] if bi != date_block]
        if one_per_line and len(title_lines) > 1:
            # one paragraph per line: the headline is the last paragraph above the
            # fields, edition lines sit between it and the date
            edition, title_lines = edition + title_lines[:-1], title_lines[-1:]
        title = " ".join(title_lines) or None
    elif head:
        outlet = " ".join(head[0])
        title = " ".join(" ".join(b) for b in head[1:]) or None
    return title, outlet, date_line, edition


def _after_date(line: str) -> str:
    """What a date line holds besides the date, weekday and time (an edition name)."""
    _, m = _match_date(line)
    if m is None:
        return ""
    rest = re.sub(_WEEKDAY, " ", line[m.end():], flags=re.I)
    rest = re.sub(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]\.?M\.?)?(?:\s+[A-Z]{2,4}\b)?", " ", rest, flags=re.I)
    rest = clean_ws(rest).strip(",;-–| ")
    return rest if re.search(r"[^\W\d_]{2}", rest) else ""
