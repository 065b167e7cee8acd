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
