"""Which table column becomes which corpus field, and how the choice is reported.

Used by :mod:`discourse.readers.tabular`. The order (documented in
``docs/readers.md``): a ``columns=`` mapping first; then, per field, the aliases of
:data:`ALIASES` in their order, each alias before its variants (``content`` before
``content_original``, ``original_content``, ``content_raw`` ...). Every column that
could be the field is a *candidate*; the reader returns the candidates and the
choice in :attr:`ReadResult.columns` / :attr:`ReadResult.candidates` (the loader
reports them; :func:`describe` words them), and warns (a :class:`ReaderWarning`)
when the chosen text looks tokenised (``June .``, ``“ photo tool , ”``) while
another candidate does not.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from discourse.readers._base import ReaderError

__all__ = ["FIELDS", "ALIASES", "VARIANTS", "candidates", "resolve", "looks_tokenised", "describe", "choice_notes"]

#: corpus fields a column can be mapped to
FIELDS = ("text", "title", "author", "published", "outlet", "url")

#: automatic aliases per field, in order of preference (normalized names)
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "full_text", "fulltext", "article_text", "article",
             "body_text", "bodytext", "main_text", "maintext", "story", "story_text",
             "article_body", "articlebody", "text_body", "texte", "txt"),
    "title": ("title", "headline", "head", "heading", "hed", "article_title", "headline_text",
              ),
    "author": ("author", "authors", "byline", "by", "writer", "writers", "creator",
               "author_name", "authorname", "journalist"),
    "published": ("published", "date", "pub_date", "pubdate", "publication_date",
                  "published_at", "published_date", "publish_date", "date_published",
                  "datepublished", "datetime", "publishedat", "pub_datetime", "timestamp",
                  "created_at", "time", "day"),
    "outlet": ("outlet", "source", "publication", "publisher", "newspaper", "source_name",
               "media_name", "outlet_name", "publication_name",
               "media", "media_outlet", "medium", "paper", "site", "sitename", "site_name",
               "journal", "channel", "domain"),
    "url": ("url", "link", "href", "uri", "permalink", "web_url", "article_url",
            "canonical_url", "source_url"),
}

#: how a second copy of a column is usually named: ``{}`` is the alias
VARIANTS = ("{}_original", "original_{}", "{}_orig", "orig_{}", "{}_raw", "raw_{}", "{}_full",
            "{}_clean", "clean_{}", "{}_untokenized", "{}_untokenised")


def _norm(name: Any) -> str:
    return re.sub(r"[\s\-./]+", "_", str(name).strip().lower()).strip("_")


def candidates(seen: list[str]) -> dict[str, list[str]]:
    """For each field, the file columns that could hold it, best first."""
    normed = {col: _norm(col) for col in seen}
    out: dict[str, list[str]] = {}
    for field in FIELDS:
        found: list[str] = []
        for alias in ALIASES[field]:
            names = [alias] + [v.format(alias) for v in VARIANTS]
            for name in names:
                found.extend(c for c, n in normed.items() if n == name and c not in found)
        out[field] = found
    return out


def resolve(path: Path, seen: list[str], columns: dict[str, str] | None) -> tuple[dict[str, str], dict]:
    """Map file columns -> corpus fields (or new names for extras); also the candidates."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    if columns:
        for col, target in columns.items():
            if col not in seen:
                raise ReaderError(
                    f"{path}: column {col!r} from columns= is not in the file; "
                    f"columns seen: {', '.join(map(str, seen))}"
                )
            if target in FIELDS and target in taken:
                raise ReaderError(f"{path}: columns= maps two columns to {target!r}")
            mapping[col] = target
            taken.add(target)
    cands = candidates(seen)
    for field in FIELDS:
        if field in taken:
            continue
        # a variant ('content_original') is a candidate but never picked over nothing:
        # only exact aliases are chosen automatically, as before
        exact = {_norm(a) for a in ALIASES[field]}
        hit = next((c for c in cands[field] if c not in mapping and _norm(c) in exact), None)
        if hit is not None:
            mapping[hit] = field
            taken.add(field)
    if "text" not in taken:
        hint = f" (maybe one of {cands['text']})" if cands["text"] else ""
        raise ReaderError(
            f"{path}: no text column found{hint}; columns seen: {', '.join(map(str, seen))}; "
            "name the text column with columns={'<column>': 'text'}"
        )
    return mapping, cands


#: punctuation with a space on both sides: 'June .', 'tool , ' (a tokeniser's output)
_SPACED = re.compile(r"(?<=\w)\s+[,.;:!?)](?=\s|$)|[“(]\s+(?=\w)|(?<=\w)\s+['’]s\b|(?<=[\w.,])\s+”")
_ATTACHED = re.compile(r"\w[,.;:!?)](?=\s|$)|[“(]\w|\w['’]s\b|[\w.,]”")


def looks_tokenised(text: str, *, min_marks: int = 3) -> bool:
    """True when most punctuation in ``text`` stands apart from its words (``June .``).

    Needs at least ``min_marks`` such spaced marks, and more spaced than attached ones.

    Examples
    --------
    >>> looks_tokenised("He left in June . “ It was , he said , a photo tool . ”")
    True
    >>> looks_tokenised("He left in June. “It was, he said, a photo tool.”")
    False
    """
    if not isinstance(text, str):
        return False
    spaced = len(_SPACED.findall(text))
    return spaced >= min_marks and spaced > len(_ATTACHED.findall(text))


def describe(columns: dict[str, str], cands: dict[str, list[str]]) -> str:
    """One line naming each chosen column and the other candidates, for a load report.

    Examples
    --------
    >>> describe({"text": "content"}, {"text": ["content", "content_original"], "title": []})
    "text='content' (also 'content_original')"
    """
    parts = []
    for field, col in columns.items():
        others = [c for c in cands.get(field, []) if c != col]
        parts.append(f"{field}={col!r}" + (f" (also {', '.join(repr(c) for c in others)})" if others else ""))
    return "; ".join(parts)


def choice_notes(path: Path, mapping: dict[str, str], cands: dict[str, list[str]],
                 rows: list[tuple[str, dict]], columns: dict[str, str] | None) -> list[str]:
    """Warnings about the column choice: the chosen text looks tokenised, another does not.

    (Which columns were chosen among several candidates is returned in the
    ``ReadResult`` for the loader to report once, not warned per file.)
    """
    chosen = {field: col for col, field in mapping.items() if field in FIELDS}
    notes = []
    text_col = chosen.get("text")
    others = [c for c in cands.get("text", []) if c != text_col]
    if text_col is not None and others:
        sample = [row for _, row in rows[:200]]
        share = _tokenised_share(sample, text_col)
        clean = [c for c in others if _tokenised_share(sample, c) < 0.2]
        if share >= 0.5 and clean:
            notes.append(f"{path}: the text column {text_col!r} looks tokenised in {share:.0%} of the rows "
                         f"(spaces before punctuation, 'June .') while {clean[0]!r} does not; "
                         f"pass columns={{{clean[0]!r}: 'text'}} to read the original text")
    return notes


def _tokenised_share(rows: list[dict], col: str) -> float:
    texts = [row.get(col) for row in rows if isinstance(row.get(col), str) and row.get(col).strip()]
    if not texts:
        return 0.0
    return sum(looks_tokenised(t) for t in texts) / len(texts)
