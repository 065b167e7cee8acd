"""Reliability sweep of the loading layer (issue 2, items 5 and 10).

Every supported format is fed bad inputs: empty, whitespace, seeded random bytes,
truncations, other file types under its extension, other encodings, line endings,
Unicode edge cases, ragged and odd tables, odd JSON values and dates. The contract:
``corpus.load(path)`` returns rows with the right text or lists the file / record in
``df.attrs["load_report"]`` with a reason; ``errors="raise"`` raises ``ReaderError``
naming the file (and record); no other exception type; nothing dropped silently.

Randomness is seeded (``random.Random(k)``), so every run sees the same inputs.
"""
from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pandas as pd
import pytest

from discourse import corpus
from discourse.cli import main
from discourse.readers import ReaderError, decode

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_6f0d46aa1e83e359.txt"
FIX = ROOT / "tests" / "fixtures" / "readers"

# ------------------------------------------------------------------ valid samples
ROWS = [
    {"title": "Floods hit the valley", "author": "Jane Doe", "date": "2021-07-23",
     "text": "Heavy rain flooded the valley on Friday.\n\nResidents fled to higher ground."},
    {"title": "Bridge reopens", "author": "John Roe", "date": "July 24, 2021",
     "text": "The old bridge reopened after repairs, officials said."},
    {"title": "Rally in the capital", "author": "Ana Lima", "date": "2021-07-25",
     "text": "Thousands marched through the capital on Saturday."},
]
HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Floods hit the valley</title>
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2021-07-23"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Floods hit the valley</h1>
<p>Heavy rain flooded the valley on Friday, forcing hundreds of residents to leave their homes.</p>
<p>Emergency services said the water level was still rising on Saturday morning.</p>
</article><footer>Copyright 2021</footer></body></html>"""
ARTICLE = ["Floods hit the valley", "By Jane Doe", "July 23, 2021",
           "Heavy rain flooded the valley on Friday.", "Residents fled to higher ground."]
NEXIS = ["Floods hit the valley", "The Daily Example", "July 23, 2021 Friday", "Length: 20 words",
         "Byline: Jane Doe", "Body", "Heavy rain flooded the valley on Friday.",
         "Residents fled to higher ground.", "Load-Date: July 24, 2021", "End of Document",
         "Bridge reopens", "The Daily Example", "July 24, 2021 Saturday", "Length: 9 words",
         "Body", "The old bridge reopened after repairs, officials said.",
         "Load-Date: July 25, 2021", "End of Document"]


def _rtf(lines: list[str]) -> bytes:
    def esc(s):
        return "".join("\\" + ch if ch in "\\{}" else (f"\\u{ord(ch)}?" if ord(ch) > 127 else ch) for ch in s)
    body = "".join(esc(line) + "\\par\n" for line in lines)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\n" + body + "}").encode("ascii")


def _docx(lines: list[str], path: Path, *, heading: bool) -> None:
    d = docx.Document()
    if heading:
        d.add_heading(lines[0], level=1)
    for line in lines[1:] if heading else lines:
        d.add_paragraph(line)
    d.save(str(path))


def build(folder: Path) -> dict[str, tuple[Path, int]]:
    """Valid files of every kind -> (path, number of articles in it)."""
    folder.mkdir(parents=True, exist_ok=True)
    df = pd.DataFrame(ROWS)
    out: dict[str, tuple[Path, int]] = {}

    def put(kind, name, data, n):
        p = folder / name
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        out[kind] = (p, n)

    put("txt", "seed.txt", SEED.read_bytes(), 1)
    put("md", "a.md", "# Floods hit the valley\n\nBy Jane Doe\n\nJuly 23, 2021\n\n"
        "Heavy rain flooded the valley on Friday.\n\nResidents fled to higher ground.\n", 1)
    put("csv", "a.csv", df.to_csv(index=False), 3)
    put("tsv", "a.tsv", df.to_csv(index=False, sep="\t"), 3)
    put("json", "a.json", json.dumps(ROWS, indent=1), 3)
    put("jsonl", "a.jsonl", "".join(json.dumps(r) + "\n" for r in ROWS), 3)
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    put("parquet", "a.parquet", buf.getvalue(), 3)
    put("html", "a.html", HTML, 1)
    _docx(ARTICLE, folder / "a.docx", heading=True)
    out["docx"] = (folder / "a.docx", 1)
    put("rtf", "a.rtf", _rtf(ARTICLE), 1)
    put("nexis_txt", "nexis.txt", "\n".join(NEXIS) + "\n", 2)
    put("nexis_rtf", "nexis.rtf", _rtf(NEXIS), 2)
    _docx(NEXIS, folder / "nexis.docx", heading=False)
    out["nexis_docx"] = (folder / "nexis.docx", 2)
    fx = (FIX / "factiva_fields.txt").read_text(encoding="utf-8")
    n_factiva = fx.count("\nHD\t") + fx.startswith("HD\t")
    put("factiva_txt", "factiva.txt", fx, n_factiva)
    put("factiva_rtf", "factiva.rtf", _rtf(fx.split("\n")), n_factiva)
    put("factiva_html", "factiva.html", (FIX / "factiva_fields.html").read_bytes(), None)
    return out


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return build(tmp_path_factory.mktemp("valid"))


@pytest.fixture(scope="module")
def reference(samples):
    return {kind: corpus.load(path) for kind, (path, _) in samples.items()}


# ------------------------------------------------------------------ the contract
def _record_entries(report: pd.DataFrame) -> pd.DataFrame:
    """Report rows for single records (not whole files, not warnings or skips)."""
    notes = report["reason"].str.startswith(("warning:", "skipped:", "note:"))
    return report[~notes & (report["record"] != "")]


def check(path: Path, n_records: int | None = None) -> pd.DataFrame:
    """Load ``path`` both ways and assert the nothing-lost contract; return the table."""
    df = corpus.load(path)  # must not raise for any content
    report = df.attrs["load_report"]
    assert list(report.columns) == ["source", "record", "reason"]
    assert not report["reason"].str.contains("internal reader error").any(), report["reason"].tolist()
    assert (report["reason"].str.len() > 10).all()
    file_level = report[(report["record"] == "") & ~report["reason"].str.startswith(("warning:", "note:"))]
    for reason in file_level["reason"]:
        assert path.name in reason  # the message names the file ...
    if len(df) == 0:
        assert len(report[~report["reason"].str.startswith(("warning:", "note:"))]) >= 1, f"{path.name}: silently dropped"
    if n_records is not None and len(file_level) == 0:
        assert len(df) + len(_record_entries(report)) == n_records
    assert df["text"].notna().all() and (df["text"].str.strip() != "").all()
    assert not df["text"].str.contains("[\x00-\x08\x0e-\x1f\ufeff]", regex=True).any()
    try:
        strict = corpus.load(path, errors="raise")
    except ReaderError as exc:
        assert isinstance(exc, ValueError)
        assert path.name in str(exc)
        if len(file_level) == 0:  # only record problems: the message names the record
            assert "record" in str(exc)
    else:
        assert len(file_level) == 0 and len(_record_entries(report)) == 0
        assert strict["text"].tolist() == df["text"].tolist()
    return df


# ------------------------------------------------------------------ valid files
def test_valid_samples_load_completely(samples):
    for kind, (path, n) in samples.items():
        df = check(path, n)
        assert len(df) > 0 and not df.attrs["load_report"]["record"].eq("").any(), kind
    seed = corpus.load(samples["txt"][0])
    assert seed.loc[0, "title"] == "US launches airstrikes against Taliban as Afghan forces crumble"


# ------------------------------------------------------------------ junk, truncation, wrong types
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 3
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstream\n" + \
    bytes(random.Random(7).randrange(256) for _ in range(600)) + b"\nendstream\n%%EOF\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)  # an old binary .doc


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hello world")
    return buf.getvalue()


def _bad_variants(data: bytes, k: int) -> dict[str, bytes]:
    rng = random.Random(k)
    cases = {
        "empty": b"", "whitespace": b" \n\t\r\n  \n", "random": bytes(rng.randrange(256) for _ in range(400)),
        "random_text": bytes(rng.randrange(32, 127) for _ in range(400)),
        "png": PNG, "pdf": PDF, "zip": _zip(), "ole": OLE,
        "nul": data[: len(data) // 2] + b"\x00" + data[len(data) // 2:],
    }
    for off in sorted({1, 2, 7, 64, len(data) // 3, len(data) // 2, len(data) - 5}):
        if 0 < off < len(data):
            cases[f"trunc{off}"] = data[:off]
    for i in range(4):
        flipped = bytearray(data)
        for _ in range(3):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        cases[f"flip{i}"] = bytes(flipped)
    return cases


@pytest.mark.parametrize("kind", ["txt", "md", "csv", "tsv", "json", "jsonl", "parquet", "html", "docx",
                                  "rtf", "nexis_txt", "nexis_rtf", "nexis_docx", "factiva_txt", "factiva_rtf",
                                  "factiva_html"])
def test_bad_bytes_are_rows_or_report_entries(samples, tmp_path, kind):
    path, _ = samples[kind]
    for name, data in _bad_variants(path.read_bytes(), k=len(kind)).items():
        bad = tmp_path / f"{kind}_{name}{path.suffix}"
        bad.write_bytes(data)
        check(bad)


def test_empty_and_junk_give_clear_reasons(tmp_path):
    cases = {
        "empty.txt": (b"", "empty"), "empty.csv": (b"", "empty"), "empty.json": (b"   \n", "empty"),
        "empty.docx": (b"", "empty"), "empty.rtf": (b"", "empty"), "empty.html": (b"", "empty"),
        "empty.parquet": (b"", "empty"),
        "image.txt": (PNG, "binary"), "image.csv": (PNG, "binary"), "doc.docx": (OLE, "save it as .docx"),
        "pdf.docx": (PDF, "not a ZIP"), "zip.docx": (_zip(), "damaged or incomplete .docx"),
        "pdf.rtf": (PDF, "not an RTF"), "png.parquet": (PNG, "not a readable Parquet"),
        "cut.json": (b'[{"text": "Heavy rain fl', "invalid or truncated JSON"),
        "plain.html": (b"Just some words in a file.", "no HTML markup"),
    }
    for name, (data, reason) in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        df = check(p)
        assert len(df) == 0, name
        assert reason in df.attrs["load_report"]["reason"].iloc[0], (name, df.attrs["load_report"])
        with pytest.raises(ReaderError, match=reason):
            corpus.load(p, errors="raise")


# ------------------------------------------------------------------ encodings and line endings
@pytest.mark.parametrize("kind", ["txt", "md", "csv", "tsv", "json", "jsonl", "html", "nexis_txt", "factiva_txt",
                                  "factiva_html"])
def test_other_encodings_give_the_same_text(samples, reference, tmp_path, kind):
    path, _ = samples[kind]
    text = path.read_text(encoding="utf-8")
    ref = reference[kind]
    variants = {enc: text.encode(enc) for enc in ("utf-16-le", "utf-16-be", "utf-16", "utf-32", "utf-8-sig",
                                                  "cp1252", "mac_roman")}
    variants["crlf"] = text.replace("\n", "\r\n").encode()
    variants["cr"] = text.replace("\n", "\r").encode()
    for name, data in variants.items():
        p = tmp_path / f"{kind}_{name}{path.suffix}"
        p.write_bytes(data)
        df = check(p)
        assert df["text"].tolist() == ref["text"].tolist(), (kind, name)
        assert df["title"].fillna("").tolist() == ref["title"].fillna("").tolist(), (kind, name)
        assert df.attrs["load_report"].equals(ref.attrs["load_report"].assign(
            source=ref.attrs["load_report"]["source"].str.replace(str(path), str(p), regex=False))), (kind, name)


RUSSIAN = ("Москва. Президент России заявил в пятницу, что переговоры продолжатся на следующей неделе. "
           "Мы готовы к диалогу, сказал он журналистам.")
FRENCH = ("Le président a déclaré vendredi que les négociations reprendront à Paris la semaine prochaine. "
          "« Nous sommes prêts », a-t-il dit à l'Élysée.")
ENGLISH = "The war in Afghanistan\u2014the longest in US history\u2014\u201cended,\u201d and it didn\u2019t end well."


@pytest.mark.parametrize("text,encodings", [
    (RUSSIAN, ["koi8-r", "cp1251", "utf-16-le", "utf-16-be", "utf-8"]),
    (FRENCH, ["cp1252", "latin-1", "mac_roman", "utf-16-le", "utf-16-be"]),
    (ENGLISH, ["cp1252", "mac_roman", "utf-16-le", "utf-16-be"]),
])
def test_decode_detects_single_byte_and_bomless_utf16(text, encodings):
    for enc in encodings:
        assert decode(text.encode(enc)) == text, enc


JAPANESE = "東京で金曜日に大雨が降り、多くの住民が避難した。当局によると、水位は土曜日の朝もまだ上昇していた。"
KOREAN = "서울에서 금요일에 폭우가 내려 많은 주민들이 대피했다. 당국에 따르면 수위는 토요일 아침에도 계속 상승하고 있었다."


def test_legacy_multibyte_encodings_are_not_taken_for_broken_utf8(tmp_path):
    # Shift-JIS and EUC-JP contain valid UTF-8 byte pairs by chance
    for text, enc in [(JAPANESE, "shift_jis"), (JAPANESE, "euc-jp"), (JAPANESE, "gb18030"), (KOREAN, "euc-kr")]:
        assert decode(text.encode(enc)) == text, enc
    page = (f"<html><head><meta charset='shift_jis'><title>東京で大雨</title></head><body><article>"
            f"<p>{JAPANESE}</p><p>気象庁はさらに雨が降ると予想している。</p></article></body></html>")
    p = tmp_path / "tokyo.html"
    p.write_bytes(page.encode("shift_jis"))
    df = check(p, 1)  # and text without spaces is not mistaken for an empty page
    assert (df.loc[0, "title"], df.loc[0, "text"]) == ("東京で大雨", JAPANESE + "\n\n気象庁はさらに雨が降ると予想している。")
    assert len(df.attrs["load_report"]) == 0


def test_single_byte_encodings_through_load(tmp_path):
    for enc, text in [("koi8-r", RUSSIAN), ("cp1251", RUSSIAN), ("latin-1", FRENCH), ("mac_roman", FRENCH)]:
        p = tmp_path / f"{enc}.csv"
        p.write_bytes(f'title,text\nT,"{text}"\n'.encode(enc))
        assert check(p, 1)["text"].tolist() == [text], enc


def test_mixed_encoding_file_is_read_and_flagged(tmp_path):
    # UTF-8 with a pasted cp1252 passage and one stray byte: read, and the report says so
    data = ("Der Bürgermeister sagte am Freitag, die Brücke sei sicher. ".encode("utf-8")
            + "Zürich meldete am Samstag Überschwemmungen.".encode("cp1252") + b" Ende\xff.")
    p = tmp_path / "mixed.txt"
    p.write_bytes(data)
    df = check(p, 1)
    assert df.loc[0, "text"] == ("Der Bürgermeister sagte am Freitag, die Brücke sei sicher. "
                                 "Zürich meldete am Samstag Überschwemmungen. Endeÿ.")
    report = df.attrs["load_report"]
    assert report["reason"].tolist() == [f"warning: {p}: not valid UTF-8 in 3 place(s); those bytes were "
                                         "read as cp1252 (check them, or pass encoding=)"]
    assert corpus.load(p, errors="raise")["text"].tolist() == df["text"].tolist()  # a note, not an error
    # UTF-16 with a BOM, cut after an odd number of bytes: the text stays, the report says so
    odd = tmp_path / "odd.txt"
    odd.write_bytes("# Title\n\nKabul fällt.\n".encode("utf-16")[:-1])
    df = check(odd, 1)
    assert df.loc[0, "text"] == "Kabul fällt."
    assert "ends in the middle of a utf-16 character" in df.attrs["load_report"]["reason"].iloc[0]
    # a file cut in the middle of a multi-byte character keeps its text
    cut = tmp_path / "cut.txt"
    cut.write_bytes("Kabul fällt. Die Lage ist unübersichtlich".encode("utf-8")[:-1] + "ü".encode("utf-8")[:1])
    assert check(cut, 1).loc[0, "text"].startswith("Kabul fällt. Die Lage ist unübersichtlic")


def test_nul_bytes_in_text_files(tmp_path):
    body = "# Floods hit the valley\n\nHeavy rain flooded the valley on Friday.\n"
    padded = tmp_path / "padded.txt"  # a crashed write leaves NUL padding
    padded.write_bytes(body.encode("utf-8") + b"\x00" * 4096)
    stray = tmp_path / "stray.csv"
    stray.write_bytes(b"title,text\nA,Heavy rain\x00 flooded the valley on Friday.\n" + b"B,More rain.\n" * 200)
    for p, n in [(padded, 4096), (stray, 1)]:
        df = check(p)
        assert df.loc[0, "text"] == "Heavy rain flooded the valley on Friday."
        assert df.attrs["load_report"]["reason"].tolist() == [f"warning: {p}: {n} NUL byte(s) removed"]
    junk = tmp_path / "junk.txt"  # many NULs: binary, reported
    junk.write_bytes(b"text\x00\x00\x01" * 100)
    assert "binary file (NUL bytes)" in check(junk).attrs["load_report"]["reason"].iloc[0]


def test_rtf_code_pages(tmp_path):
    russian = "Москва заявила о переговорах."
    hexed = "".join(f"\\'{b:02x}" for b in russian.encode("cp1251"))
    cases = {
        "cp1251.rtf": ("{\\rtf1\\ansi\\ansicpg1251\\deff0 Title line\\par " + hexed + "\\par}", {}, russian),
        # an unknown code page: cp1252, not striprtf's UTF-8 fallback
        "badcpg.rtf": ("{\\rtf1\\ansi\\ansicpg99999 Title line\\par Body \\'e9t\\'e9 here.\\par}", {},
                       "Body été here."),
        # the user's encoding= wins over the file's \ansicpg
        "override.rtf": ("{\\rtf1\\ansi\\ansicpg1252 Title line\\par " + hexed + "\\par}",
                         {"encoding": "cp1251"}, russian),
        "pict.rtf": ("{\\rtf1\\ansi Title line\\par {\\pict\\pngblip 89504e470d0a1a0a}Body after the picture."
                     "\\par}", {}, "Body after the picture."),
    }
    for name, (content, options, text) in cases.items():
        p = tmp_path / name
        p.write_text(content, encoding="ascii")
        df = corpus.load(p, **options)
        assert (df.loc[0, "title"], df.loc[0, "text"]) == ("Title line", text), name
        assert len(df.attrs["load_report"]) == 0


# ------------------------------------------------------------------ Unicode edge cases
EDGE = ("Cafe\u0301 in Tel Aviv: \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \U0001F600 "
        "zero\u200bwidth and\ufeffjoined, a\u0000nul and a\u0007bell.")
EDGE_CLEAN = ("Caf\u00e9 in Tel Aviv: \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \U0001F600 "
              "zero\u200bwidth andjoined, anul and abell.")


def test_unicode_edge_cases(tmp_path):
    j = tmp_path / "edge.json"
    j.write_text(json.dumps([{"text": EDGE, "title": "T\u0000itle"}]), encoding="utf-8")
    df = check(j, 1)
    # NFC, no NUL or control characters, no stray BOM; RTL, emoji and combining text kept.
    # Tabular text goes through whitespace folding, where a zero-width space becomes a space.
    assert df.loc[0, "text"] == EDGE_CLEAN.replace("\u200b", " ")
    assert df.loc[0, "title"] == "Title"
    t = tmp_path / "edge.txt"
    t.write_bytes(("# Floods hit the valley\n\n" + EDGE + "\n").encode("utf-8").replace(b"\x00", b""))
    assert check(t, 1).loc[0, "text"] == EDGE_CLEAN  # zero-width space kept in article files
    s = tmp_path / "surrogate.json"
    s.write_text('[{"text": "broken \\ud800 escape, still an article"}]', encoding="utf-8")
    assert check(s, 1).loc[0, "text"] == "broken \ufffd escape, still an article"
    # U+2028/U+2029 are line and paragraph breaks
    u = tmp_path / "seps.csv"
    u.write_text('text\n"first line\u2029\u2029second paragraph"\n', encoding="utf-8")
    assert check(u, 1).loc[0, "text"] == "first line\n\nsecond paragraph"


# ------------------------------------------------------------------ tables
def test_csv_odd_headers_ragged_rows_and_quotes(tmp_path):
    dup = tmp_path / "dup.csv"
    dup.write_text("text,text,,title\nalpha one,beta two,x,T\n", encoding="utf-8")
    df = check(dup, 1)
    assert (df.loc[0, "text"], df.loc[0, "title"], df.loc[0, "text.1"], df.loc[0, "Unnamed: 2"]) == (
        "alpha one", "T", "beta two", "x")

    ragged = tmp_path / "ragged.csv"
    ragged.write_text("title,text\nA,alpha one\nB,beta two,extra\nC\nD,delta four,,\n", encoding="utf-8")
    df = check(ragged, 4)
    assert df["source"].str.rsplit("#", n=1).str[1].tolist() == ["1", "4"]
    assert df["text"].tolist() == ["alpha one", "delta four"]
    assert df.attrs["load_report"][["record", "reason"]].values.tolist() == [
        ["2", "row has 3 fields but the header has 2; check quoting or the separator (sep=)"],
        ["3", "empty text in column 'text'"]]
    with pytest.raises(ReaderError, match=r"ragged\.csv, record 2: row has 3 fields"):
        corpus.load(ragged, errors="raise")

    shifted = tmp_path / "shifted.csv"  # every row one field too many: nothing may shift silently
    shifted.write_text("title,text\n1,A,alpha one\n2,B,beta two\n", encoding="utf-8")
    df = check(shifted, 2)
    assert len(df) == 0 and df.attrs["load_report"]["record"].tolist() == ["1", "2"]
    trailing = tmp_path / "trailing.csv"  # a separator at the end of every line is harmless
    trailing.write_text("title,text\nA,alpha one,\nB,beta two,\n", encoding="utf-8")
    assert check(trailing, 2)["text"].tolist() == ["alpha one", "beta two"]

    quoted = tmp_path / "quoted.csv"
    quoted.write_text('title,text\nA,"line one\nline two\n\npara two"\nB,"he said ""hi"""\n', encoding="utf-8")
    assert check(quoted, 2)["text"].tolist() == ["line one line two\n\npara two", 'he said "hi"']

    open_quote = tmp_path / "open_quote.csv"
    open_quote.write_text('title,text\nA,"line one\nB,beta\n', encoding="utf-8")
    df = check(open_quote)
    assert len(df) == 0 and "malformed delimited file" in df.attrs["load_report"]["reason"].iloc[0]

    long_cell = tmp_path / "long.csv"  # a cell longer than the csv module's default limit, ragged file
    long_cell.write_text("title,text\nA," + "word " * 40000 + "\nB,x,y\n", encoding="utf-8")
    df = check(long_cell, 2)
    assert len(df) == 1 and len(df.loc[0, "text"]) == 5 * 40000 - 1


def test_json_nulls_nested_numbers(tmp_path):
    p = tmp_path / "odd.json"
    p.write_text(json.dumps([
        {"text": None, "title": "no text"},
        {"title": "no text key either"},
        {"text": {"body": "nested"}, "title": "object"},
        {"text": ["para one", "para two"], "title": "list of paragraphs"},
        {"text": 12345, "title": 1.5, "author": ["A. One", "B. Two"], "meta": {"x": 1}},
        {"text": True},
        {"text": "fine", "meta": "plain"},
    ]), encoding="utf-8")
    df = check(p, 7)
    assert df["text"].tolist() == ["para one\n\npara two", "12345", "fine"]
    assert df["title"].tolist()[:2] == ["list of paragraphs", "1.5"]
    assert df.loc[1, "author"] == "A. One; B. Two"
    assert df["meta"].tolist()[1:] == ['{"x": 1}', "plain"]  # mixed kinds stored as text
    report = df.attrs["load_report"]
    assert report["record"].tolist() == ["0", "1", "2", "5", "6"]
    assert "is a JSON object, not a string" in report["reason"].iloc[2]
    assert report["reason"].iloc[4] == "warning: empty title"  # (the others have one)
    with pytest.raises(ReaderError, match=r"odd\.json, record 0: empty text"):
        corpus.load(p, errors="raise")
    # and the table with mixed metadata still saves and round-trips
    out = corpus.save(df, tmp_path / "odd.parquet")
    back = corpus.load(out)
    pd.testing.assert_frame_equal(back, df)

    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    assert "nested too deeply" in check(deep).attrs["load_report"]["reason"].iloc[0]
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"text": "ok one"}\n[1, 2]\n{"text": null}\n' + "[" * 5000 + "\n" + '{"body": "alias"}\n',
                     encoding="utf-8")
    df = check(lines, 5)
    assert df["text"].tolist() == ["ok one"]  # 'body' is an extra column here: 'text' exists
    assert df.attrs["load_report"]["record"].tolist() == ["", "2", "3", "4", "5"]
    assert df.attrs["load_report"]["reason"].tolist()[0] == "note: columns text='text' (also 'body')"
    assert df.attrs["load_report"]["reason"].tolist()[2:] == [
        "empty text in column 'text'", "line 4 is nested too deeply to be an article",
        "empty text in column 'text'"]


def test_dates_in_many_formats(tmp_path):
    good = {"2021-07-23": "2021-07-23 00:00", "23 July 2021": "2021-07-23 00:00",
            "July 23, 2021": "2021-07-23 00:00", "2021-07-23T10:00:00Z": "2021-07-23 10:00",
            "2021-07-23T10:00:00+02:00": "2021-07-23 08:00", "Fri, 23 Jul 2021 10:00:00 GMT": "2021-07-23 10:00",
            "20210723": "2021-07-23 00:00", "1627034400": "2021-07-23 10:00",
            "July 23, 2021 Friday 10:00 AM EST": "2021-07-23 15:00", "July 23,2021": "2021-07-23 00:00"}
    # invalid, and valid but outside what datetime64[ns] holds (1677-2262)
    bad = ["yesterday", "2021-02-30", "0000-00-00", "2021-13-45", "99999-01-01", "1021-07-24", "3021-07-24",
           "0001-07-23"]
    numbers = [1627034400, 1627034400000, 1627034400.5]
    items = ([{"text": f"article {i}", "published": d} for i, d in enumerate(good)]
             + [{"text": f"bad {i}", "published": d} for i, d in enumerate(bad)]
             + [{"text": f"number {i}", "published": d} for i, d in enumerate(numbers)]
             + [{"text": "no date", "published": None}, {"text": "blank date", "published": ""}])
    p = tmp_path / "dates.json"
    p.write_text(json.dumps(items), encoding="utf-8")
    df = check(p, len(items))
    assert df["published"].dtype == "datetime64[ns]"
    n = len(good)
    assert df["published"].iloc[:n].dt.strftime("%Y-%m-%d %H:%M").tolist() == list(good.values())
    assert df["published"].iloc[n:n + len(bad)].isna().all()
    assert df["published"].iloc[n + len(bad):n + len(bad) + 3].tolist() == [
        pd.Timestamp("2021-07-23 10:00"), pd.Timestamp("2021-07-23 10:00"), pd.Timestamp("2021-07-23 10:00:00.5")]
    assert df["published"].iloc[-2:].isna().all()
    report = df.attrs["load_report"]
    range_ = "outside the years 1677-2262 that can be stored; published left empty (NaT); check the date"
    assert report["reason"].tolist() == [
        f"warning: date {d!r} not understood; published left empty (NaT)" for d in bad[:5]] + [
        f"warning: date '1021-07-24' is before 1800 and {range_}",
        f"warning: date '3021-07-24' is in the future and {range_}",
        f"warning: date '0001-07-23' is before 1800 and {range_}"]
    assert report["record"].tolist() == [str(n + i) for i in range(len(bad))]
    corpus.load(p, errors="raise")  # unreadable dates are notes, not errors


def test_nexis_document_without_end_marker_is_split_and_reported(tmp_path):
    lines = list(NEXIS)
    lines.remove("End of Document")  # the first one: two documents run together
    p = tmp_path / "nexis.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    df = check(p)
    assert df["text"].tolist() == ["Heavy rain flooded the valley on Friday. Residents fled to higher ground.",
                                   "The old bridge reopened after repairs, officials said."]
    assert df["title"].tolist() == ["Floods hit the valley", "Bridge reopens"]
    assert "unparsed" not in df.columns
    assert (df.loc[0, "length"], df.loc[0, "load_date"]) == (20, "2021-07-24")  # not the next document's
    report = df.attrs["load_report"]
    assert report["record"].tolist() == ["2"]
    assert report["reason"].iloc[0].startswith(
        "warning: document 2: no 'End of Document' line between it and document 1")


# ------------------------------------------------------------------ size
def test_long_lines_and_many_paragraphs_stay_fast(tmp_path):
    cases = {
        "one_line.txt": "Title line\n\n" + "word " * 200_000 + ".\n",
        "paragraphs.txt": "Title\n\n" + "\n\n".join(["a paragraph split by the layout"] * 20_000) + ".\n",
        "long.md": "# T\n\n" + "x" * 1_000_000 + "\n",
        "long.jsonl": json.dumps({"text": "y " * 300_000}) + "\n",
    }
    for name, text in cases.items():
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        df = corpus.load(p)
        assert time.perf_counter() - start < 5, name
        assert len(df) == 1
    assert df.loc[0, "text"] == ("y " * 300_000).strip()


# ------------------------------------------------------------------ folders
def test_folder_of_bad_files_accounts_for_every_file(samples, tmp_path):
    files = []
    for kind in ("txt", "csv", "json", "docx", "rtf", "html", "nexis_txt", "parquet"):
        path, _ = samples[kind]
        for name, data in list(_bad_variants(path.read_bytes(), k=3).items())[:8]:
            p = tmp_path / f"{kind}_{name}{path.suffix}"
            p.write_bytes(data)
            files.append(p)
    (tmp_path / "notes.xyz").write_text("not an article", encoding="utf-8")
    df = corpus.load(tmp_path)
    report = df.attrs["load_report"]
    seen = set(df["source"].str.split("#").str[0]) | set(report["source"])
    assert {str(p) for p in files} | {str(tmp_path / "notes.xyz")} <= seen
    assert not report["reason"].str.contains("internal reader error").any()


def test_damaged_saved_corpus_and_broken_links(samples, tmp_path):
    saved = corpus.save(corpus.load(samples["csv"][0]), tmp_path / "saved.parquet")
    data = saved.read_bytes()
    rng = random.Random(5)
    for i in range(12):  # damage the data pages, keep the footer (schema) readable
        damaged = bytearray(data)
        for _ in range(5):
            damaged[rng.randrange(len(data) - 300)] = rng.randrange(256)
        p = tmp_path / f"damaged{i}.parquet"
        p.write_bytes(bytes(damaged))
        check(p)
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(data[: len(data) // 2])
    assert "not a readable Parquet file" in check(cut).attrs["load_report"]["reason"].iloc[0]
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "gone.txt").symlink_to(tmp_path / "does-not-exist.txt")
    (folder / "ok.csv").write_bytes(samples["csv"][0].read_bytes())
    df = corpus.load(folder)
    assert len(df) == 3
    assert df.attrs["load_report"]["source"].tolist() == [str(folder / "gone.txt")]
    assert "No such file" in df.attrs["load_report"]["reason"].iloc[0]
    with pytest.raises(ReaderError, match="gone.txt"):
        corpus.load(folder, errors="raise")


# ------------------------------------------------------------------ command line
def test_cli_load_reports_and_user_errors(samples, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.docx").write_bytes(PDF)
    (folder / "ok.csv").write_bytes(samples["csv"][0].read_bytes())
    assert main(["load", str(folder), "--quiet", "--out", str(tmp_path / "out.parquet")]) == 0
    out = capsys.readouterr().out
    assert "articles: 3" in out and "not loaded: 2" in out
    assert f"{folder / 'empty.txt'}: {folder / 'empty.txt'}: file is empty" in out
    assert "not a Word .docx file" in out
    for argv, message in [
        (["load", str(tmp_path / "missing.txt")], "no such file or folder"),
        (["load", str(tmp_path / "*.nomatch")], "the pattern matches no file"),
    ]:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err and "Traceback" not in err
    odd = tmp_path / "table.xlsx"
    odd.write_bytes(b"PK")
    assert main(["load", str(odd)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("discourse load: error: ") and "unknown format '.xlsx'" in err and err.count("\n") == 1


def test_cli_subprocess_never_shows_a_traceback(tmp_path):
    for i, data in enumerate([b"", PNG, PDF, b'{"text": "cut', "\ufeffcaf\u00e9".encode("utf-16-le")]):
        for ext in (".txt", ".json", ".docx", ".csv"):
            (tmp_path / f"bad{i}{ext}").write_bytes(data)
    proc = subprocess.run([sys.executable, "-m", "discourse.cli", "load", str(tmp_path), "--quiet"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert "not loaded:" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "discourse.cli", "load", str(tmp_path / "nope")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
