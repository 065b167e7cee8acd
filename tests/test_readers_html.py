"""HTML reader (discourse.readers.html): trafilatura main text + metadata, offline."""
import pytest

from discourse.readers import ReaderError, read

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Floods hit the valley | Example News</title>
<meta property="og:title" content="Floods hit the valley">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta name="description" content="Rain floods hundreds of homes.">
<meta property="article:published_time" content="2021-07-23T10:00:00Z">
<link rel="canonical" href="https://example.com/news/floods">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Floods hit the valley</h1>
<p class="byline">By Jane Doe</p>
<p>Heavy rain caused the river to burst its banks on Thursday, flooding hundreds of homes in the valley and forcing thousands of residents to leave.</p>
<p>\u201cWe lost everything,\u201d said one resident, who asked not to be named. Emergency services said the water would recede slowly over the weekend.</p>
<p>Officials said the damage would cost more than $40 million to repair, and that the regional government would ask for federal aid next week.</p>
</article>
<footer>\u00a9 2021 Example News. All rights reserved. <a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def test_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    res = read(p)
    assert res.problems == []
    (r,) = res.records
    assert r.title == "Floods hit the valley"
    assert r.author == "Jane Doe"
    assert r.published == "2021-07-23"
    assert r.outlet == "Example News"
    assert r.url == "https://example.com/news/floods"
    assert r.extra == {"description": "Rain floods hundreds of homes."}
    paras = r.text.split("\n\n")
    assert len(paras) == 3
    assert paras[0].startswith("Heavy rain caused the river")
    assert paras[1].startswith("\u201cWe lost everything,\u201d")
    # no navigation, footer, headline or byline in the body
    for junk in ("Home", "Privacy", "All rights reserved", "By Jane Doe", "Floods hit the valley"):
        assert junk not in r.text


def test_html_cp1252_without_charset(tmp_path):
    p = tmp_path / "old.htm"
    p.write_bytes(PAGE.replace('<meta charset="utf-8">', "").encode("cp1252"))
    (r,) = read(p).records
    assert "\u201cWe lost everything,\u201d" in r.text


def test_html_bad_inputs(tmp_path):
    e = tmp_path / "empty.html"
    e.write_text("  \n", encoding="utf-8")
    with pytest.raises(ReaderError, match="file is empty"):
        read(e)
    t = tmp_path / "plain.html"
    t.write_text("Just some words without any markup at all.", encoding="utf-8")
    with pytest.raises(ReaderError, match="no HTML markup found"):
        read(t)
    n = tmp_path / "nav.html"
    n.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(ReaderError, match="no article text found"):
        read(n)
    s = tmp_path / "script.html"
    s.write_text("<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>")
    with pytest.raises(ReaderError, match="no article text found"):
        read(s)
    b = tmp_path / "junk.html"
    b.write_bytes(b"\x00\x01\x02<html>\x00\xff" * 50)
    with pytest.raises(ReaderError, match="binary file"):
        read(b)
