"""Factiva HTML pages, for :mod:`discourse.readers.factiva`: recognising them and their text lines.

Two kinds of page: the HTML export (each article a ``div.article`` with an
``enArticle``/``frArticle`` class, field codes in ``<td><b>HD</b></td>`` cells or
the article format with ``div#hd``) and the results page saved from a browser
(hundreds of KB of scripts and style sheets first, each article a ``div.article``
holding a second ``div.article deArticle``; read once, from the outermost div).
"""
from __future__ import annotations

import re
from pathlib import Path

from discourse.readers._base import ReaderError

__all__ = ["html_lines", "html_marked", "HTML_SNIFF_BYTES"]

#: markup only Factiva pages have: article paragraphs, the headline div, field-code cells
_HTML_MARKS = re.compile(
    r"""class\s*=\s*["'][^"']*\b[a-z]{0,2}articleParagraph\b"""
    r"""|class\s*=\s*["'][^"']*\b[a-z]{2}Article\b"""
    r"""|<b>\s*(?:HD|LP|TD|AN)\s*</b>(?:&nbsp;|\s)*</td>""",
    re.I)
#: how much of a page to search for that markup (browser-saved pages start with
#: hundreds of KB of scripts and style sheets)
HTML_SNIFF_BYTES = 4_000_000


def html_marked(path: Path) -> bool:
    """True when the first :data:`HTML_SNIFF_BYTES` of ``path`` hold Factiva markup and name."""
    with open(path, "rb") as fh:
        data = fh.read(HTML_SNIFF_BYTES)
    text = data.decode("utf-8", "replace")
    return bool(_HTML_MARKS.search(text)) and (
        "factiva" in text.lower() or "dow jones" in text.lower() or bool(re.search(
            r"(?:>|\n)\s*(?:Document|Dokument|Documento)\s+[A-Za-z0-9]{12,40}\s*<", text)))


_BLOCK_TAGS = {"p", "div", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "li",
               "ul", "ol", "section", "article", "header", "footer", "blockquote", "hr",
               "tbody", "thead", "body", "title"}


def html_lines(html: str) -> list[str]:
    """Text lines of a Factiva HTML page: each outermost ``div.article``, a table cell led by a tab."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception as exc:  # lxml ParserError, ValueError ...
        raise ReaderError(f"HTML could not be parsed ({exc})") from None
    for bad in root.xpath("//script|//style|//noscript|//head"):
        bad.drop_tree()
    arts = root.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " article ")]')
    # pages saved from a browser nest a div.article.deArticle in a div.article: the
    # outermost one is the article (walking both would read each article twice)
    found = set(arts)
    arts = [a for a in arts if not any(anc in found for anc in a.iterancestors())]
    out: list[str] = []

    def walk(el):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _BLOCK_TAGS:
            out.append("\n")
        if tag in ("td", "th"):
            out.append("\t")
        if el.text and tag:
            out.append(el.text.replace("\n", " ").replace("\r", " "))
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail.replace("\n", " ").replace("\r", " "))
        if tag in _BLOCK_TAGS:
            out.append("\n")

    for art in arts:
        # a section/column line shown above the headline (div#hd) goes below it, where
        # the article-format parser expects section and byline
        for hd in art.xpath('.//*[@id="hd"]')[:1]:
            before = [el for el in hd.itersiblings(preceding=True)
                      if isinstance(el.tag, str) and el.tag.lower() == "div" and not el.get("class")
                      and el.text_content().strip()]
            for el in before:  # nearest first: inserting each right after hd keeps the order
                tail = el.tail
                el.tail = None
                hd.addnext(el)
                if tail and tail.strip():
                    el.tail = tail
    for el in (arts or [root]):
        walk(el)
        out.append("\n")
    return [line.strip(" \u00a0") for line in "".join(out).split("\n")]
