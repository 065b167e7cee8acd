"""Factiva XML exports (``.xml``): one record per ``<article>``.

The layout is Factiva's PPS response (``PPSResponse`` > ``ppsArticleResponse`` >
``ppsarticleResultSet count="N"`` > ``ppsarticle`` > ``article``), in the namespace
``http://global.factiva.com/pps/2.0`` or none. Elements are matched by local name,
so the namespace does not matter. Per article:

==========================  ====================================================
element                     goes to
==========================  ====================================================
``headline``                ``title``
``leadParagraph``,          ``text`` (lead first). Each ``<paragraph>`` is a
``tailParagraphs``          paragraph; plain text (old archives) is split at
                            blank or indented lines, hard-wrapped lines joined
``publicationDate``         ``published`` (``dateTime`` or ``date``; the clock
                            time goes to ``extra["time"]``)
``sourceName``              ``outlet``
``byline`` / ``author``     ``author``
``accessionNo``             ``extra["factiva_id"]``
others                      ``extra``: ``language`` (``baseLanguage``),
                            ``copyright``, ``publisher``, ``source_code``,
                            ``word_count``, ``page``, ``section``, ``notes``,
                            ``region``, ``subject``, ``company``, ``industry``
                            (the ``<name>`` of each, ``; ``-joined),
                            ``descriptors`` (``descField``)
==========================  ====================================================

``record`` is the article's position in the file (from 1). An article without
text is listed in ``problems``; a ``count`` attribute that disagrees with the
number of articles found gives a :class:`~discourse.readers.ReaderWarning`; an
XML file that is not a Factiva export raises :class:`~discourse.readers.ReaderError`.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from discourse.readers._base import Record, ReadResult, ReaderError, ReaderWarning, normalize_text
from discourse.readers._layout import clean_ws

__all__ = ["read", "sniff"]

#: the local names that make an ``<article>`` a Factiva article
_ARTICLE_CHILDREN = {"accessionNo", "headline", "leadParagraph", "tailParagraphs"}
_TEXT_FIELDS = {"copyright": "copyright", "publisherName": "publisher", "sourceCode": "source_code",
                "baseLanguage": "language", "sectionName": "section", "notes": "notes",
                "columnName": "column", "edition": "edition"}
_NAMED = {"region": "region", "newsSubject": "subject", "company": "company", "industry": "industry"}


def _local(el) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _children(el, name: str) -> list:
    return [c for c in el if _local(c) == name]


def _text(el) -> str:
    return clean_ws(" ".join(t for t in el.itertext()))


def _paragraphs(el) -> list[str]:
    """Paragraphs of a ``leadParagraph`` / ``tailParagraphs`` element."""
    paras = [el2 for el2 in el.iter() if _local(el2) == "paragraph"]
    if paras:
        return [t for t in (_text(p) for p in paras) if t]
    out: list[str] = []
    cur: list[str] = []
    for line in "".join(el.itertext()).split("\n"):
        if not line.strip() or (line[:1].isspace() and cur):
            if cur:
                out.append(" ".join(cur))
            cur = []
        if line.strip():
            cur.append(clean_ws(line))
    if cur:
        out.append(" ".join(cur))
    return out


def _parse(path: Path):
    from lxml import etree

    data = path.read_bytes()
    if not data.strip():
        raise ReaderError(f"{path}: file is empty; download the export again")
    safe = dict(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(data, etree.XMLParser(**safe)), None
    except etree.XMLSyntaxError as exc:
        root = etree.fromstring(data, etree.XMLParser(recover=True, **safe))
        if root is None:
            raise ReaderError(f"{path}: not well-formed XML ({exc}); download the export again") from None
        return root, str(exc)


def _articles(root) -> list:
    return [el for el in root.iter() if _local(el) == "article"
            and any(_local(c) in _ARTICLE_CHILDREN for c in el)]


def sniff(path: str | Path) -> bool:
    """True when ``path`` is an ``.xml`` file with Factiva articles (first 200 KB)."""
    path = Path(path)
    if path.suffix.lower() != ".xml":
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(200_000).decode("utf-8", "replace")
    except OSError:
        return False
    return bool(re.search(r"<(?:\w+:)?(?:ppsarticle|accessionNo)\b", head)) or (
        "<article" in head and "<headline" in head)


def read(path: Path, **_: Any) -> ReadResult:
    """Read a Factiva XML export: one record per article.

    Examples
    --------
    >>> from discourse.readers import read
    >>> res = read("factiva.xml")  # doctest: +SKIP
    >>> res.records[0].extra["factiva_id"]  # doctest: +SKIP
    'TEST0000020120109e51700030'
    """
    path = Path(path)
    root, damage = _parse(path)
    arts = _articles(root)
    if not arts:
        raise ReaderError(
            f"{path}: no Factiva articles found (no <article> with <headline> or <accessionNo>); "
            "only Factiva XML exports are read from .xml; convert other XML to CSV or JSON"
        )
    if damage:
        warnings.warn(ReaderWarning(f"{path}: XML is not well-formed ({damage}); {len(arts)} article(s) "
                                    "recovered, the last one may be incomplete"), stacklevel=2)
    for el in root.iter():
        if _local(el) == "ppsarticleResultSet" and (el.get("count") or "").isdigit():
            if int(el.get("count")) != len(arts):
                warnings.warn(ReaderWarning(
                    f"{path}: the export says it holds {el.get('count')} articles, {len(arts)} were found"),
                    stacklevel=2)
    records, problems = [], []
    for k, art in enumerate(arts, start=1):
        rec = str(k)
        record = _record(art, rec)
        if not record.text:
            what = f"article {record.extra.get('factiva_id') or rec}"
            problems.append((rec, f"{what} has no text (no leadParagraph / tailParagraphs)"
                             + (f" ({record.title!r})" if record.title else "")))
            continue
        records.append(record)
    return ReadResult(records, problems)


def _record(art, rec: str) -> Record:
    fields: dict[str, list] = {}
    for child in art:
        fields.setdefault(_local(child), []).append(child)
    first = lambda name: _text(fields[name][0]) if name in fields else ""  # noqa: E731
    paras: list[str] = []
    for name in ("leadParagraph", "tailParagraphs"):
        for el in fields.get(name, []):
            paras.extend(_paragraphs(el))
    text = normalize_text("\n\n".join(paras))
    extra: dict[str, Any] = {}
    if first("accessionNo"):
        extra["factiva_id"] = first("accessionNo")
    published = None
    for pd_el in fields.get("publicationDate", []):
        stamp = next((_text(c) for c in pd_el if _local(c) in ("dateTime", "date") and _text(c)), "")
        m = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)\s*(Z|[+\-]\d{2}:?\d{2})?)?", stamp)
        if m:
            published = m.group(1)
            if m.group(2):
                extra["time"] = m.group(2) + (m.group(3) or "")
    for name, key in _TEXT_FIELDS.items():
        if first(name):
            extra[key] = first(name)
    if first("wordCount").isdigit():
        extra["word_count"] = int(first("wordCount"))
    pages = [_text(p) for el in fields.get("pages", []) for p in el if _local(p) == "page" and _text(p)]
    if pages:
        extra["page"] = "; ".join(pages)
    for name, key in _NAMED.items():
        names = [_text(n) for el in fields.get(name, []) for n in el if _local(n) == "name" and _text(n)]
        if names:
            extra[key] = "; ".join(names)
    desc = [_text(el) for el in fields.get("descField", []) if _text(el)]
    if desc:
        extra["descriptors"] = "; ".join(desc)
    author = first("byline") or first("author")
    author = re.sub(r"^(?:by|von|par|por)\s+", "", author, flags=re.I).strip() or None
    return Record(text=text, record=rec, title=first("headline") or None, author=author,
                  published=published, outlet=first("sourceName") or None, extra=extra)
