"""CSV / TSV / JSON / JSON Lines / Parquet reader (discourse.readers.tabular)."""
import json

import pandas as pd
import pytest

from discourse.readers import ReaderError, read, read_text


def _csv(tmp_path, name="a.csv"):
    p = tmp_path / name
    p.write_text(
        "Headline,Body,Date,Byline,Source,Link,topic\n"
        'Floods hit valley,"Heavy rain fell.\nRivers rose.",2021-07-23,By Jane Doe,Example News,https://ex.com/1,weather\n'
        'Empty one,"   ",2021-07-24,,Example News,,weather\n'
        'Strike ends,"Workers returned, on Monday.",2021-07-25,John Roe,Other Paper,,labour\n',
        encoding="utf-8",
    )
    return p


def test_csv_aliases_extras_and_problems(tmp_path):
    res = read(_csv(tmp_path))
    assert [r.record for r in res.records] == ["1", "3"]
    r = res.records[0]
    assert r.title == "Floods hit valley"
    assert r.text == "Heavy rain fell.\n\nRivers rose."
    assert r.published == "2021-07-23"
    assert r.author == "Jane Doe"
    assert r.outlet == "Example News"
    assert r.url == "https://ex.com/1"
    assert r.extra == {"topic": "weather"}
    assert res.records[1].text == "Workers returned, on Monday."
    assert res.problems == [("2", "empty text in column 'Body'")]


def test_column_mapping_and_reserved_extra(tmp_path):
    p = tmp_path / "b.csv"
    p.write_text("story;hed;source;paper\nOne text.;T1;scraper-7;Daily\n", encoding="utf-8")
    res = read(p, columns={"story": "text", "hed": "title", "paper": "outlet"})
    r = res.records[0]
    assert (r.text, r.title, r.outlet) == ("One text.", "T1", "Daily")
    # an unmapped 'source' column must not clash with the corpus' source column
    assert r.extra == {"source_original": "scraper-7"}


def test_missing_text_column_lists_columns(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("headline,when\nA,2021\n", encoding="utf-8")
    with pytest.raises(ReaderError, match=r"no text column found; columns seen: headline, when"):
        read(p)
    with pytest.raises(ReaderError, match=r"column 'story' from columns= is not in the file"):
        read(p, columns={"story": "text"})


def test_tsv_and_header_only(tmp_path):
    p = tmp_path / "d.tsv"
    p.write_text("title\ttext\nA\tBody a.\n", encoding="utf-8")
    assert [(r.title, r.text) for r in read(p).records] == [("A", "Body a.")]
    h = tmp_path / "e.csv"
    h.write_text("title,text\n", encoding="utf-8")
    with pytest.raises(ReaderError, match="no rows found"):
        read(h)


def test_empty_and_binary_files(tmp_path):
    e = tmp_path / "empty.csv"
    e.write_bytes(b"")
    with pytest.raises(ReaderError, match="file is empty"):
        read(e)
    b = tmp_path / "junk.csv"
    b.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ReaderError, match="binary file"):
        read(b)


def test_json_array_object_and_truncated(tmp_path):
    arts = [{"headline": "A", "content": "Text A.", "published_at": "2021-07-23T10:00:00Z", "tags": ["x", "y"]},
            {"headline": "B", "content": ""}]
    p = tmp_path / "a.json"
    p.write_text(json.dumps(arts), encoding="utf-8")
    res = read(p)
    assert [(r.record, r.title, r.text, r.published) for r in res.records] == [
        ("0", "A", "Text A.", "2021-07-23T10:00:00Z")]
    assert res.records[0].extra == {"tags": ["x", "y"]}
    assert res.problems == [("1", "empty text in column 'content'")]
    q = tmp_path / "b.json"
    q.write_text(json.dumps({"status": "ok", "articles": arts[:1]}), encoding="utf-8")
    assert read(q).records[0].title == "A"
    t = tmp_path / "t.json"
    t.write_text(json.dumps(arts)[:-20], encoding="utf-8")
    with pytest.raises(ReaderError, match=r"invalid or truncated JSON"):
        read(t)
    n = tmp_path / "n.json"
    n.write_text('{"status": "ok", "count": 3}', encoding="utf-8")
    with pytest.raises(ReaderError, match="JSON holds no list of articles"):
        read(n)


def test_jsonl_bad_lines_are_reported(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"text": "One.", "title": "T1"}\n\n[1, 2]\n{"text": "Two.", "title": "T2"}\n{"text": "Thr',
                 encoding="utf-8")
    res = read(p)
    assert [(r.record, r.title) for r in res.records] == [("1", "T1"), ("4", "T2")]
    assert [rec for rec, _ in res.problems] == ["3", "5"]
    assert "not an object" in res.problems[0][1]
    assert "invalid JSON on line 5" in res.problems[1][1]


def test_parquet_roundtrip_and_junk(tmp_path):
    df = pd.DataFrame({"title": ["A", "B"], "text": ["Body A.", None],
                       "date": pd.to_datetime(["2021-07-23", "2021-07-24"]), "n": [1, 2]})
    p = tmp_path / "a.parquet"
    df.to_parquet(p)
    res = read(p)
    assert [(r.record, r.title, r.text) for r in res.records] == [("1", "A", "Body A.")]
    assert res.records[0].published == pd.Timestamp("2021-07-23")
    assert res.records[0].extra == {"n": 1}
    assert res.problems == [("2", "empty text in column 'text'")]
    j = tmp_path / "junk.parquet"
    j.write_bytes(b"PAR1 this is not really parquet")
    with pytest.raises(ReaderError, match="not a readable Parquet file"):
        read(j)


def test_cp1252_csv_is_decoded(tmp_path):
    p = tmp_path / "win.csv"
    p.write_bytes("title,text\nCaf\u00e9,\u201cQuoted\u201d caf\u00e9 text.\n".encode("cp1252"))
    r = read(p).records[0]
    assert (r.title, r.text) == ("Caf\u00e9", "\u201cQuoted\u201d caf\u00e9 text.")


def test_read_text_encodings(tmp_path):
    cp = tmp_path / "cp.txt"
    cp.write_bytes("He said \u201cna\u00efve caf\u00e9\u201d \u2014 it\u2019s r\u00e9sum\u00e9 time.\r\nNext line.".encode("cp1252"))
    assert read_text(cp) == "He said \u201cna\u00efve caf\u00e9\u201d \u2014 it\u2019s r\u00e9sum\u00e9 time.\nNext line."
    u16 = tmp_path / "u16.txt"
    u16.write_bytes("\ufeffT\u00eate-\u00e0-t\u00eate \u201cdone\u201d\r\n".encode("utf-16-le"))
    assert read_text(u16) == "T\u00eate-\u00e0-t\u00eate \u201cdone\u201d\n"
    nfd = tmp_path / "nfd.txt"
    nfd.write_bytes("Cafe\u0301".encode("utf-8"))
    assert read_text(nfd) == "Caf\u00e9"


def test_newsapi_style_json(tmp_path):
    doc = {"status": "ok", "totalResults": 1, "articles": [{
        "source": {"id": "cnn", "name": "CNN"}, "author": "Jane Doe", "title": "Strikes resume",
        "description": "Short summary.", "url": "https://cnn.com/a", "publishedAt": "2021-07-23T10:00:00Z",
        "content": "US jets struck again.\r\nOfficials confirmed it."}]}
    p = tmp_path / "newsapi.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    (r,) = read(p).records
    assert (r.outlet, r.author, r.title, r.url, r.published) == (
        "CNN", "Jane Doe", "Strikes resume", "https://cnn.com/a", "2021-07-23T10:00:00Z")
    assert r.text == "US jets struck again.\n\nOfficials confirmed it."
    assert r.extra == {"description": "Short summary."}


def test_malformed_csv_and_jsonl_junk(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text('title,text\nA,"unclosed quote\nB,fine\n', encoding="utf-8")
    with pytest.raises(ReaderError, match="malformed delimited file"):
        read(p)
    j = tmp_path / "junk.jsonl"
    j.write_text("not json\nstill not\n", encoding="utf-8")
    with pytest.raises(ReaderError, match="no line is valid JSON"):
        read(j)
