"""Seeded fuzzing of the readers (issue #19, item 2, without hypothesis).

Each case builds files from the pieces real exports are made of -- headers, field
lines, separators, quotes, markup -- shuffled, cut and sprinkled with junk by a
seeded generator, so every run sees the same inputs. A load must never raise, hang
or lose a file: every file is a row or a report row, and every row has text.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from discourse import corpus

PIECES = [
    "# Harbour plan approved", "By Ann Lee", "March 3, 2024", "The council approved the plan.",
    "Residents said they \u201cwelcomed\u201d it.", "", "", "---", "title: x", "LENGTH: 120 words",
    "1 of 2 DOCUMENTS", "End of Document", "Document MILLGZ0020240303ek3300001", "120 words",
    "HD Harbour", "LP The council met.", "AN Document X", "Copyright 2024 Gazette.",
    "[link](http://a.example.com)", "**bold", "_x_", "<p>", "</div>", "&amp;", "\t", "\u00a0",
    "a.b.c.d.e.f", "[[[[", "\r", "\x00", "\ufeff", "Load-Date: March 4, 2024", "Body",
]
JUNK = ["[", "*", "_", "\"", "'", ",", ";", "\n", "{", "}", "\\", "<", ">", "a.", "1,", " "]


def _text(rng: random.Random) -> str:
    lines = [rng.choice(PIECES) for _ in range(rng.randint(0, 25))]
    for _ in range(rng.randint(0, 4)):
        at = rng.randint(0, len(lines))
        lines.insert(at, rng.choice(JUNK) * rng.randint(1, 300))
    text = "\n".join(lines)
    return text[: rng.randint(0, len(text))] if rng.random() < 0.3 else text


def _file(rng: random.Random, folder: Path, i: int) -> Path:
    kind = rng.choice(["txt", "md", "csv", "tsv", "json", "jsonl", "html"])
    path = folder / f"f{i:03d}.{kind}"
    text = _text(rng)
    if kind in ("csv", "tsv"):
        sep = "," if kind == "csv" else "\t"
        rows = [sep.join(rng.choice(['"' + text[:40] + '"', text[:20], "", "x"]) for _ in range(3))
                for _ in range(rng.randint(0, 5))]
        text = sep.join(["title", "text", "date"]) + "\n" + "\n".join(rows)
    elif kind == "json":
        items = [{"title": rng.choice([None, 1, "t", [1]]), "text": rng.choice([text, None, "", 3, {"a": 1}])}
                 for _ in range(rng.randint(0, 4))]
        text = json.dumps(rng.choice([items, {"articles": items}, {"text": [text], "title": ["a", "b"]}]))
        text = text[: rng.randint(0, len(text))] if rng.random() < 0.2 else text
    elif kind == "jsonl":
        text = "\n".join(json.dumps({"text": _text(rng)}) if rng.random() < 0.7 else _text(rng)[:30]
                         for _ in range(rng.randint(0, 5)))
    elif kind == "html":
        text = "<html><body>" + "".join(f"<p>{p}</p>" for p in text.split("\n")) + "</body></html>"
    path.write_bytes(text.encode("utf-8", "surrogatepass") if rng.random() < 0.9 else text.encode("latin-1", "replace"))
    return path


@pytest.mark.parametrize("seed", range(4))
def test_fuzzed_folders_load_and_account_for_every_file(tmp_path, seed):
    rng = random.Random(seed)
    files = {_file(rng, tmp_path, i).name for i in range(40)}
    df = corpus.load(tmp_path)
    rep = df.attrs["load_report"]
    loaded = {Path(s.split("#")[0]).name for s in df["source"]}
    reported = {Path(s).name for s in rep["source"]}
    assert loaded | reported == files
    assert df["text"].map(lambda t: bool(t.strip())).all()
    assert df["doc_id"].is_unique
    assert not rep["reason"].str.contains("internal reader error").any()  # (a reader bug)


@pytest.mark.parametrize("seed", range(3))
def test_fuzzed_texts_through_every_text_reader(tmp_path, seed):
    """The same junk as a Nexis, Factiva and article text: rows or report rows."""
    rng = random.Random(100 + seed)
    for i in range(30):
        (tmp_path / f"a{i:02d}.txt").write_text(_text(rng), encoding="utf-8", errors="surrogatepass")
    for fmt in ("article", "nexis", "factiva"):
        df = corpus.load(tmp_path, format=fmt)
        rep = df.attrs["load_report"]
        seen = {Path(s.split("#")[0]).name for s in list(df["source"]) + list(rep["source"])}
        assert seen == {f"a{i:02d}.txt" for i in range(30)}, fmt
        assert not rep["reason"].str.contains("internal reader error").any(), fmt


# ------------------------------------------------------------------ property-based (hypothesis)
# Tables with hostile headers and cells in every table format and encoding, and the
# binary formats (Parquet, DOCX, RTF) cut or damaged at any byte: a load returns rows
# and report rows, never an exception, and ``errors="raise"`` raises only ReaderError.

import csv  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402

import pandas as pd  # noqa: E402
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from discourse.readers import ReaderError  # noqa: E402

FUZZ = settings(max_examples=int(os.environ.get("DISCOURSE_FUZZ_EXAMPLES", 30)), deadline=None, derandomize=True,
                database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

NAMES = ["text", "body", "content", "Text", " text ", "TEXT", "title", "date", "published", "outlet", "source", "",
         "Unnamed: 0", "text.1", "doc_id", "\ufefftext", "Inhalt", "\u6b63\u6587", "text\r", '"text"', "a,b"]
CELL_TEXT = ["The council approved the plan.", "\u201cWe won,\u201d she said.", "", " ", "\n", "\r\n", "\t",
             "=HYPERLINK(\"x\")", "caf\u00e9 na\u00efve", "\u0130stanbul", "\U0001f600", "\u200b\u200f", "\u0301",
             "a\x00b", "\x1b[31m", "\ufeff", "\u00a0", "null", "NaN", "None", "[1, 2]", "{\"a\": 1}", "\"", "'",
             "\\", ";", ",", "\r", "2021-02-30", "07/08/2021", "13/07/2021", "yesterday", "1700000000", "99999999999999"]
cell = st.one_of(st.none(), st.integers(-10**13, 10**14), st.floats(allow_nan=True, allow_infinity=True),
                 st.sampled_from(CELL_TEXT), st.text(max_size=30),
                 st.lists(st.sampled_from(CELL_TEXT), max_size=3).map(" ".join))


@st.composite
def tables(draw):
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=5))
    rows = draw(st.lists(st.lists(cell, min_size=len(names), max_size=len(names)), max_size=5))
    return names, rows


def _plain(v):
    return "" if v is None else str(v)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "mixed":  # UTF-8 with a pasted Windows-1252 passage
        half = len(text) // 2
        return text[:half].encode("utf-8", "replace") + text[half:].encode("cp1252", "replace")
    return text.encode(encoding, "replace")


def _write_table(folder: Path, kind: str, names, rows, encoding: str, newline: str) -> Path:
    path = folder / f"t.{kind}"
    if kind in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if kind == "csv" else "\t", lineterminator=newline)
        w.writerow(names)
        w.writerows([[_plain(v) for v in r] for r in rows])
        path.write_bytes(_encode(buf.getvalue(), encoding))
    elif kind == "json":
        records = [dict(zip(names, r)) for r in rows]
        data = records if len(rows) % 2 == 0 else {n: [r[i] for r in rows] for i, n in enumerate(names)}
        path.write_bytes(_encode(json.dumps(data, allow_nan=True), encoding))
    elif kind == "jsonl":
        text = newline.join(json.dumps(dict(zip(names, r)), allow_nan=True) for r in rows)
        path.write_bytes(_encode(text, encoding))
    else:  # parquet: names made unique, cells as text
        unique = [f"{n}.{i}" if n in names[:i] else n for i, n in enumerate(names)]
        pd.DataFrame([[_plain(v) for v in r] for r in rows], columns=unique, dtype=object).to_parquet(path)
    return path


def _check_load(path: Path) -> pd.DataFrame:
    df = corpus.load(path)  # never raises
    rep = df.attrs["load_report"]
    assert not rep["reason"].str.contains("internal reader error").any(), rep["reason"].tolist()
    lost = rep[~rep["reason"].str.startswith(("warning:", "note:", "skipped:"))]
    if len(df) == 0:
        assert len(lost) >= 1, f"{path.name}: nothing loaded and nothing reported"
    for reason in lost.loc[lost["record"] == "", "reason"]:
        assert path.name in reason, reason
    assert all(isinstance(t, str) and t.strip() for t in df["text"])
    assert df["doc_id"].is_unique
    try:
        corpus.load(path, errors="raise")
    except ReaderError as exc:
        assert path.name in str(exc)
    return df


@FUZZ
@given(tables(), st.sampled_from(["csv", "tsv", "json", "jsonl", "parquet"]),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "mixed"]), st.sampled_from(["\n", "\r\n", "\r"]),
       st.one_of(st.none(), st.floats(0, 1)))
@example((["text", "text"], [["a b c", "d e f"], [None, "g"]]), "csv", "utf-8-sig", "\r\n", None)
@example((["title", "date"], [["t", "2024-01-01"]]), "csv", "utf-8", "\n", None)
@example((["text"], [["x y z"]] * 3), "parquet", "utf-8", "\n", 0.5)
def test_hostile_tables_are_rows_or_report_rows(tmp_path_factory, table, kind, encoding, newline, cut):
    folder = tmp_path_factory.mktemp("table")
    names, rows = table
    path = _write_table(folder, kind, names, rows, encoding, newline)
    if cut is not None:
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * cut)])
    df = _check_load(path)
    rep = df.attrs["load_report"]
    whole = rep[(rep["record"] == "") & ~rep["reason"].str.startswith(("warning:", "note:", "skipped:"))]
    if cut is None and whole.empty and kind != "json":  # every record is a row or a report row
        records = rep[(rep["record"] != "") & ~rep["reason"].str.startswith(("warning:", "note:", "skipped:"))]
        assert len(df) + records["record"].nunique() >= sum(1 for r in rows if any(_plain(v).strip() for v in r))


def _docx_bytes(paras: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paras:
        d.add_paragraph("".join(ch for ch in p if ch in "\t\n" or ord(ch) >= 32 and not 0xD800 <= ord(ch) <= 0xDFFF
                                and ch not in "\ufffe\uffff"))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _rtf_bytes(paras: list[str]) -> bytes:
    def esc(s):
        return "".join(c if 32 <= ord(c) < 128 and c not in "\\{}" else f"\\u{ord(c) - 65536 if ord(c) > 32767 else ord(c)}?"
                       for c in s if ord(c) < 0x10000)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0 " + "".join(f"{{\\pard {esc(p)}\\par}}" for p in paras) + "}").encode()


paragraphs = st.lists(st.one_of(st.sampled_from(CELL_TEXT + PIECES), st.text(max_size=40)), min_size=1, max_size=8)


@FUZZ
@given(paragraphs, st.sampled_from(["docx", "rtf", "parquet"]), st.one_of(st.none(), st.floats(0, 1)),
       st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=3))
@example(["Title", "Body text of the article."], "docx", 0.6, [])
@example(["Title", "Body text of the article."], "rtf", None, [(0.5, 0)])
def test_damaged_docx_rtf_and_parquet_are_rows_or_report_rows(tmp_path_factory, paras, kind, cut, flips):
    folder = tmp_path_factory.mktemp("binary")
    if kind == "docx":
        data = _docx_bytes(paras)
    elif kind == "rtf":
        data = _rtf_bytes(paras)
    else:
        buf = io.BytesIO()
        pd.DataFrame({"title": paras[:1] * len(paras), "text": paras}).to_parquet(buf)
        data = buf.getvalue()
    data = bytearray(data if cut is None else data[: int(len(data) * cut)])
    for at, byte in flips:
        if data:
            data[min(int(at * len(data)), len(data) - 1)] = byte
    path = folder / f"a.{kind}"
    path.write_bytes(bytes(data))
    _check_load(path)
