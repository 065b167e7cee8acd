"""Article files: one article per ``.txt`` / ``.md`` file.

Understands the layout of saved news pages such as the seed: an optional title
heading (``# Title`` or a first short line), a byline (``By Jane Doe`` or a bare
name), a date line, the body, and a publisher footer. Also understands YAML-style
front matter (``---`` / ``key: value`` / ``---``).

What it does to the body:

* unescapes Markdown backslash escapes (``\\$143`` → ``$143``), drops emphasis
  markers (``*Moscow Times*`` → ``Moscow Times``) and keeps only the text of links;
* joins hard-wrapped lines inside a paragraph;
* **repairs paragraphs split mid-sentence** by page layout: a body paragraph that
  ends without terminal punctuation continues in the next one, whatever that one's
  first letter; a short Title-Case line (a subheading) is kept as its own paragraph;
* moves the publisher footer (contact lines, link-only lines, copyright notices)
  out of the text into ``extra["footer"]`` and derives the outlet from it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from discourse.readers._base import Record, ReadResult, ReaderError, read_text

__all__ = ["read", "parse", "OUTLET_DOMAINS"]

#: domain -> outlet name, used to name the outlet from a footer link or URL
OUTLET_DOMAINS = {
    "wsws.org": "World Socialist Web Site",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "theguardian.com": "The Guardian",
    "bbc.co.uk": "BBC News",
    "bbc.com": "BBC News",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "aljazeera.com": "Al Jazeera",
    "foxnews.com": "Fox News",
    "cnn.com": "CNN",
    "npr.org": "NPR",
    "jacobin.com": "Jacobin",
    "breitbart.com": "Breitbart",
    "rt.com": "RT",
    "theintercept.com": "The Intercept",
    "dw.com": "Deutsche Welle",
    "france24.com": "France 24",
    "economist.com": "The Economist",
    "ft.com": "Financial Times",
    "latimes.com": "Los Angeles Times",
    "usatoday.com": "USA Today",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "politico.com": "Politico",
    "bloomberg.com": "Bloomberg",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "dailymail.co.uk": "Daily Mail",
}

_TERMINAL = re.compile(r"""[.!?…:;]["'”’»)\]]*\s*$""")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|<>~\"'])")
# Every pattern here runs in linear time on any text (tests/test_reliability_regex.py):
# a link text holds no bracket, an emphasis no marker of its own kind, and a domain
# starts only where no domain character precedes it.
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
_MD_EMPH = re.compile(r"\*\*(?=\S)((?:[^*\n]|\*(?!\*))+?)(?<=\S)\*\*|__(?=\S)((?:[^_\n]|_(?!_))+?)(?<=\S)__"
                      r"|\*(?=\S)([^*\n]+?)(?<=\S)\*|_(?=\S)([^_\n]+?)(?<=\S)_")
_URL = re.compile(r"https?://\S+|\bwww\.\S+|(?<![\w.-])(?>[\w-]+(?:\.[\w-]+)*)(?:(?<=\.org)|(?<=\.com)|(?<=\.net)|(?<=\.co\.uk)|(?<=\.info)|(?<=\.news))"
                  r"(?:/\S*)?", re.I)
_FOOTER = re.compile(
    r"^(to contact|contact us|copyright|©|\(c\)|all rights reserved|subscribe|sign up|follow us|"
    r"share this|read more|related:|click here|this article (?:was|first|originally)|"
    r"originally published|published by|reprinted|visit:?|advertisement)",
    re.I,
)
_FUNCTION_END = re.compile(
    r"\b(the|a|an|of|in|on|at|to|for|from|by|with|and|or|but|that|which|who|as|its|their|"
    r"his|her|is|are|was|were|be|been|has|have|had|than|such|this|these|those|into|over|"
    r"under|between|about|against|after|before|during|while|not|no|it|they|he|she|we)\W*$",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|von|par|por)\s+(.+)$", re.I)
_NAME = re.compile(r"^(?:[A-Z][\w.'’-]*\.?|van|von|de|der|da|del|la|le|bin|al|ibn)(?:\s+(?:[A-Z][\w.'’-]*\.?|van|von|de|der|da|del|la|le|bin|al|ibn)){1,5}$")
_DATEISH = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _strip_md(s: str) -> str:
    s = _MD_LINK.sub(r"\1", s)
    s = _MD_EMPH.sub(lambda m: next(g for g in m.groups() if g is not None), s)
    s = _MD_ESCAPE.sub(r"\1", s)
    return s


@lru_cache(maxsize=1024)  # a header line is tested up to three times in parse()
def _parse_date(line: str):
    """Return the line as a date (datetime) if the whole (short) line is a date."""
    if len(line) > 60 or not _DATEISH.search(line):
        return None
    from datetime import datetime

    from dateutil import parser as dparser

    cleaned = re.sub(r"^(published|updated|posted|date)\s*:?\s*", "", line.strip(), flags=re.I)
    try:
        dt, rest = dparser.parse(cleaned, fuzzy_with_tokens=True, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    leftover = " ".join(t.strip(" ,.-|") for t in rest).strip()
    # allow weekday names / "at" / timezone leftovers, nothing substantive
    if len(re.sub(r"\b(at|on|the|of|gmt|utc|[ap]\.?m\.?|edt|est|bst|cet)\b", "", leftover, flags=re.I).strip()) > 3:
        return None
    return dt


def _is_footer(par: str) -> bool:
    p = par.strip()
    if not p:
        return True
    if _FOOTER.match(p):
        return True
    if len(p) >= 300:
        return False
    stripped = _URL.sub("", _MD_LINK.sub("", p)).strip(" *_:|-–—\n")
    return bool(_URL.search(p) or _MD_LINK.search(p)) and len(stripped.split()) <= 12


def _outlet_from(text: str) -> str | None:
    for m in _URL.finditer(text):
        host = re.sub(r"^(https?://)?(www\.)?", "", m.group(0).lower()).split("/")[0]
        for domain, name in OUTLET_DOMAINS.items():
            if host == domain or host.endswith("." + domain):
                return name
    return None


def _front_matter(raw: str) -> tuple[dict, str]:
    if not raw.startswith("---\n"):
        return {}, raw
    end = raw.find("\n---", 4)
    if end < 0:
        return {}, raw
    meta = {}
    for line in raw[4:end].splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            meta[k.strip().lower()] = v.strip().strip("\"'")
    return meta, raw[end + 4 :].lstrip("-\n")


def _header_like(line: str, *, first: bool) -> bool:
    if line.startswith("#") or _parse_date(line):
        return True
    if len(line) >= 150:
        return False
    return not _ends_sentence(line) or (first and line.rstrip().endswith(("?", "!")))


def _ends_sentence(par: str) -> bool:
    return bool(_TERMINAL.search(par.rstrip()[-16:]))  # the tail only: linear on long texts


def _is_subheading(par: str) -> bool:
    if len(par) > 80:
        return False
    words = par.split()
    if not words or _FUNCTION_END.search(par):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps / len(words) >= 0.6


def repair_paragraphs(paragraphs: list[str]) -> tuple[list[str], int]:
    """Join paragraphs split mid-sentence. Returns the paragraphs and the number of joins."""
    out: list[list[str]] = []  # pieces of each output paragraph (joined once at the end)
    sizes: list[int] = []  # length of each joined paragraph so far
    joins = 0
    for par in paragraphs:
        if out and not _ends_sentence(out[-1][-1]) and not (
                sizes[-1] <= 80 and _is_subheading(" ".join(out[-1]))):
            prev = out[-1][-1]
            out[-1][-1] = prev.rstrip()
            out[-1].append(par.lstrip())
            sizes[-1] += len(out[-1][-2]) - len(prev) + 1 + len(out[-1][-1])
            joins += 1
        else:
            out.append([par])
            sizes.append(len(par))
    return [" ".join(pieces) for pieces in out], joins


def parse(raw: str, *, source: str = "<text>", repair: bool = True) -> Record:
    """Parse the text of one article file into a :class:`Record`."""
    meta, raw = _front_matter(raw)
    blocks = [b for b in re.split(r"\n[ \t]*\n", raw.strip("\n"))]
    blocks = [b for b in blocks if b.strip()]
    if not blocks:
        raise ReaderError(f"{source}: no text; remove the file or add its text")
    title = meta.get("title")
    author = meta.get("author") or meta.get("byline")
    published = meta.get("date") or meta.get("published")
    url = meta.get("url") or meta.get("link")
    outlet = meta.get("outlet") or meta.get("publication") or meta.get("source")

    # --- header: the leading short blocks (title heading, byline, date), accepted
    # only when they hold a heading, a byline or a date line
    header_lines: list[str] = []
    n_header = 0
    for block in blocks[:4]:
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        if not all(_header_like(ln, first=not header_lines) for ln in lines):
            break
        header_lines += lines
        n_header += 1
    if any(ln.startswith("#") or _BYLINE.match(ln) or _parse_date(ln) for ln in header_lines):
        blocks = blocks[n_header:]
    else:
        header_lines = []
    leftover: list[str] = []
    for ln in header_lines:
        clean = _strip_md(ln.lstrip("#").strip())
        if ln.startswith("#") and title is None:
            title = clean
        elif (m := _BYLINE.match(clean)) and author is None:
            author = m.group(1).strip()
        elif published is None and _parse_date(clean) is not None:
            published = clean
        elif title is None:
            title = clean
        elif author is None and _NAME.match(clean):
            author = clean
        else:
            leftover.append(ln)  # a header line we do not understand stays in the body
    blocks = leftover + blocks

    # --- footer
    footer: list[str] = []
    while blocks and _is_footer(blocks[-1]):
        footer.insert(0, blocks.pop())
    if not blocks:
        raise ReaderError(f"{source}: no body text after the header and footer; check the file")
    footer_text = "\n\n".join(footer)
    if outlet is None and footer_text:
        outlet = _outlet_from(footer_text)
    if outlet is None and url:
        outlet = _outlet_from(url)

    paragraphs = [_strip_md(" ".join(ln.strip() for ln in b.splitlines())).strip() for b in blocks]
    paragraphs = [p for p in paragraphs if p]
    joins = 0
    if repair:
        paragraphs, joins = repair_paragraphs(paragraphs)
    extra = {k: v for k, v in meta.items() if k not in {"title", "author", "byline", "date", "published", "url", "link", "outlet", "publication", "source"}}
    if footer_text:
        extra["footer"] = _strip_md(footer_text)
    extra["paragraphs_repaired"] = joins
    return Record(
        text="\n\n".join(paragraphs),
        title=title,
        author=author,
        published=published,
        outlet=outlet,
        url=url,
        extra=extra,
    )


def read(path: Path, *, encoding: str | None = None, repair: bool = True, **_: object) -> ReadResult:
    """Read one article file."""
    raw = read_text(path, encoding=encoding)
    return ReadResult(records=[parse(raw, source=str(path), repair=repair)])
