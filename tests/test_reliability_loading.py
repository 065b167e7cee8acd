"""Hostile files and folders (issue #19): no hang, no crash, no record lost silently.

Each case of the issue has a test; the class tests (every entry of a folder is a
loaded file or a report row; no socket is opened) close the class, not the instance.
"""
from __future__ import annotations

import errno
import json
import os
import socket
import sys
from pathlib import Path

import pandas as pd
import pytest

from discourse import cli, corpus
from discourse.readers import ReaderError

BODY = "Officials said the plan would proceed after the vote on Tuesday. " * 3

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")


def _report(df) -> list[tuple[str, str]]:
    rep = df.attrs["load_report"]
    return [(Path(s).name, r) for s, r in zip(rep["source"], rep["reason"])]


def _article(path: Path, title: str = "A title") -> Path:
    path.write_text(f"# {title}\n\n{BODY}\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------ hangs
def test_recursive_glob_over_self_referencing_links(tmp_path):
    _article(tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    _article(tmp_path / "sub" / "b.txt", "B title")
    os.symlink(tmp_path, tmp_path / "sub" / "up")  # sub/up -> its parent: a loop
    os.symlink(tmp_path / "sub", tmp_path / "again")  # a second path to sub
    df = corpus.load(str(tmp_path / "**" / "*.txt"))
    assert sorted(Path(s).name for s in df["source"]) == ["a.txt", "b.txt"]
    assert sorted(_report(df)) == [
        ("again", "skipped: link to a folder already read (a link loop or a second path to the same folder)"),
        ("up", "skipped: link to a folder already read (a link loop or a second path to the same folder)")]
    assert len(corpus.load(tmp_path)) == 2  # the folder walk: the same


@needs_fifo
def test_named_pipe_named_as_a_file_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever: no writer
    with pytest.raises(ReaderError, match=r"pipe.txt: not a regular file \(named pipe\)"):
        corpus.load(tmp_path / "pipe.txt")
    from discourse import readers

    with pytest.raises(ReaderError, match=r"not a regular file \(named pipe\)"):
        readers.read(tmp_path / "pipe.txt")


# ------------------------------------------------------------------ crashes
def test_saved_corpus_with_missing_columns_is_reported(tmp_path):
    import pyarrow.parquet as pq

    src = _article(tmp_path / "a.txt")
    corpus.save(corpus.load(src), tmp_path / "c.parquet")
    table = pq.read_table(tmp_path / "c.parquet")
    pq.write_table(table.drop(["doc_id"]).replace_schema_metadata(table.schema.metadata), tmp_path / "c.parquet")
    df = corpus.load(tmp_path / "c.parquet")
    assert len(df) == 0
    assert "lacks the column(s) ['doc_id']" in df.attrs["load_report"]["reason"].iloc[0]
    with pytest.raises(ReaderError, match="damaged corpus file"):
        corpus.load(tmp_path / "c.parquet", errors="raise")


def test_cli_saved_corpus_with_missing_columns_exits_cleanly(tmp_path, capsys):
    import pyarrow.parquet as pq

    corpus.save(corpus.load(_article(tmp_path / "a.txt")), tmp_path / "c.parquet")
    table = pq.read_table(tmp_path / "c.parquet")
    pq.write_table(table.drop(["text"]).replace_schema_metadata(table.schema.metadata), tmp_path / "c.parquet")
    assert cli.main(["load", str(tmp_path / "c.parquet"), "--quiet"]) == 0
    assert "lacks the column(s) ['text']" in capsys.readouterr().out


def test_symbolic_link_loops_are_reported(tmp_path):
    _article(tmp_path / "a.txt")
    os.symlink(tmp_path / "l2.txt", tmp_path / "l1.txt")
    os.symlink(tmp_path / "l1.txt", tmp_path / "l2.txt")
    os.symlink(tmp_path / "self", tmp_path / "self")
    df = corpus.load(tmp_path)
    assert len(df) == 1
    loop = "skipped: symbolic link loop (the link points back to itself)"
    assert _report(df) == [("l1.txt", loop), ("l2.txt", loop), ("self", loop)]


def test_names_that_are_not_utf8(tmp_path):
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    try:
        with open(name, "wb") as fh:
            fh.write(f"# Caf\u00e9 title\n\n{BODY}\n".encode())
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    (tmp_path / b"bad\xff".decode("utf-8", "surrogateescape")).mkdir()
    (tmp_path / b"bad\xff".decode("utf-8", "surrogateescape") / "x.unknown").write_text("x")
    df = corpus.load(tmp_path)
    assert df["source"].tolist() == [str(tmp_path / "caf\\xe9.txt")]  # shown, not lost
    assert df["title"].tolist() == ["Caf\u00e9 title"]
    assert _report(df) == [("x.unknown", "skipped: unsupported format '.unknown'")]
    assert "bad\\xff" in df.attrs["load_report"]["source"].iloc[0]
    corpus.save(df, tmp_path / "c.parquet")  # Parquet stores it
    pd.testing.assert_frame_equal(corpus.load(tmp_path / "c.parquet"), df)
    assert len(corpus.load(os.fsdecode(name))) == 1  # named explicitly, as bytes decoded by Python
    assert len(corpus.load(name)) == 1  # or as the bytes themselves


def test_lone_surrogates_become_replacement_characters(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"title": "t\ud800", "text": BODY + "\udc80 end"}]))
    df = corpus.load(tmp_path / "a.json")
    assert df["text"].iloc[0].endswith("\ufffd end") and df["title"].iloc[0] == "t\ufffd"
    corpus.save(df, tmp_path / "c.parquet")
    checked = corpus.validate(pd.DataFrame({"text": ["bad \ud800 text"], "title": ["x\udfff"]}, dtype=object))
    assert checked["text"].tolist() == ["bad \ufffd text"] and checked["title"].tolist() == ["x\ufffd"]
    corpus.save(checked, tmp_path / "d.parquet")


# ------------------------------------------------------------------ silent loss
def test_json_columns_of_unequal_length_are_refused(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"title": ["a", "b", "c"], "text": [BODY, BODY + "x"]}))
    df = corpus.load(tmp_path / "a.json")
    assert len(df) == 0
    assert _report(df) == [("a.json", f"{tmp_path / 'a.json'}: JSON object of column lists with unequal lengths "
                                      "(title: 3, text: 2); the rows cannot be paired up without losing or "
                                      "merging records. Re-export the file")]
    (tmp_path / "b.json").write_text(json.dumps({"title": ["a", "b"], "text": [BODY, BODY + "x"]}))
    assert len(corpus.load(tmp_path / "b.json")) == 2


def test_factiva_article_without_its_document_line_is_split(tmp_path):
    from test_readers_exports import FACTIVA_ARTICLES

    lines = [ln for ln in FACTIVA_ARTICLES if ln != "Document WSWS000020210723eh7n0001x"]
    (tmp_path / "f.txt").write_text("\n".join(lines), encoding="utf-8")
    df = corpus.load(tmp_path / "f.txt")
    assert df["title"].tolist() == ["US launches airstrikes against Taliban", "Taliban claim border towns"]
    assert df["author"].tolist() == ["Bill Van Auken", "Jane Doe"]
    assert df["text"].iloc[0].endswith("Milley said.") and df["text"].iloc[1].startswith("The Taliban said")
    assert ("f.txt", "warning: 2 articles without a 'Document <id>' line between them were split at their "
                     "headlines; check them") in _report(df)


def test_hidden_entries_are_reported(tmp_path):
    _article(tmp_path / "a.txt")
    _article(tmp_path / ".draft.txt")
    (tmp_path / ".git").mkdir()
    _article(tmp_path / ".git" / "b.txt")
    df = corpus.load(tmp_path)
    assert len(df) == 1
    assert _report(df) == [(".draft.txt", "skipped: hidden file"), (".git", "skipped: hidden folder")]


@needs_fifo
def test_named_pipe_in_a_folder_is_reported(tmp_path):
    _article(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "b.txt")
    df = corpus.load(tmp_path)
    assert len(df) == 1
    assert _report(df) == [("b.txt", "skipped: not a regular file (named pipe)")]


def test_unreadable_folder_is_reported(tmp_path, monkeypatch):
    _article(tmp_path / "a.txt")
    (tmp_path / "locked").mkdir()
    _article(tmp_path / "locked" / "b.txt")
    real = os.scandir

    def scandir(path):  # (tests run as root here, so chmod would not stop the walk)
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    df = corpus.load(tmp_path)
    assert len(df) == 1
    assert _report(df) == [("locked", "unreadable folder: permission denied; its files are not loaded")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_by_permissions(tmp_path):
    (tmp_path / "locked").mkdir()
    _article(tmp_path / "locked" / "b.txt")
    (tmp_path / "locked").chmod(0)
    try:
        df = corpus.load(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert _report(df) == [("locked", "unreadable folder: permission denied; its files are not loaded")]


# ------------------------------------------------------------------ refused
def test_existing_file_with_glob_characters_in_its_name(tmp_path):
    _article(tmp_path / "br[1].txt")
    _article(tmp_path / "b1.txt", "Other")  # what the pattern br[1].txt would match: not this
    df = corpus.load(str(tmp_path / "br[1].txt"))
    assert [Path(s).name for s in df["source"]] == ["br[1].txt"]
    assert sorted(Path(s).name for s in corpus.load(str(tmp_path / "b[1].txt"))["source"]) == ["b1.txt"]
    with pytest.raises(FileNotFoundError, match="matches no file"):
        corpus.load(str(tmp_path / "zz[0-9].txt"))


def test_glob_patterns_match_as_before(tmp_path):
    for rel in ["a.txt", "b.md", "sub/c.txt", "sub/deep/d.txt", ".hidden/e.txt", "sub/.f.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        _article(tmp_path / rel, rel)
    names = lambda pattern: sorted(Path(s).name for s in corpus.load(str(tmp_path / pattern))["source"])  # noqa: E731
    assert names("*.txt") == ["a.txt"]
    assert names("**/*.txt") == ["a.txt", "c.txt", "d.txt"]
    assert names("s?b/*.txt") == ["c.txt"]
    assert names("[ab].*") == ["a.txt", "b.md"]
    assert names("[!a]*") == ["b.md", "c.txt", "d.txt"]  # a folder the pattern names is read whole
    assert names("sub/**") == ["c.txt", "d.txt"]


# ------------------------------------------------------------------ accounting
@needs_fifo
def test_every_entry_of_a_folder_is_a_row_or_a_report_row(tmp_path):
    """The class test: whatever the folder holds, each entry is accounted for."""
    _article(tmp_path / "a.txt")
    _article(tmp_path / ".hidden.txt")
    (tmp_path / "x.exe").write_bytes(b"MZ")
    (tmp_path / "empty.txt").write_text("")
    os.mkfifo(tmp_path / "p.txt")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "broken.txt")
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    (tmp_path / "j.json").write_text(json.dumps([{"title": "1", "text": BODY}, {"title": "2", "text": ""},
                                                 {"title": "3", "text": BODY}]))
    df = corpus.load(tmp_path)
    rep = df.attrs["load_report"]
    accounted = {Path(s.split("#")[0]).name for s in list(df["source"]) + list(rep["source"])}
    assert accounted == set(os.listdir(tmp_path))
    # records: the JSON file's three are two rows and one report row
    assert sorted(df["source"].map(lambda s: Path(s).name)) == ["a.txt", "j.json#0", "j.json#2"]
    assert ("j.json", "empty text in column 'text'") in _report(df)
    summary = corpus.summary(df)
    assert "accounting: 6 found = 3 loaded (2 of them flagged as duplicates) + 3 not loaded (records or whole " \
           "files); 4 entries skipped" in summary.splitlines()


def test_cli_load_prints_the_accounting(tmp_path, capsys):
    _article(tmp_path / "a.txt")
    _article(tmp_path / "b.txt")  # the same text under another name: a flagged duplicate
    (tmp_path / "c.txt").write_text("")
    assert cli.main(["load", str(tmp_path), "--quiet"]) == 0
    assert ("accounting: 3 found = 2 loaded (1 of them flagged as duplicates) + 1 not loaded (records or whole "
            "files); 0 entries skipped") in capsys.readouterr().out.splitlines()


# ------------------------------------------------------------------ offline and safe
@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"a network connection was opened: {args[1:] or kwargs}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_loading_and_analysing_open_no_connection(no_network):
    from discourse import demo, framing, sentiment, terms, text

    fixtures = Path(__file__).parent / "fixtures"
    loaded = corpus.load(fixtures / "readers")
    assert len(loaded) > 5
    assert len(corpus.load(fixtures / "exports")) > 5
    df = demo.generate(20)
    ann = text.annotate(df)
    assert len(terms.find(ann)) and len(sentiment.score(ann)) and len(framing.score(ann))


def test_xml_entities_are_never_expanded_or_fetched(tmp_path, no_network):
    laughs = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    (tmp_path / "bomb.xml").write_text(
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{laughs}'
        '<!ENTITY ext SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://example.invalid/x">]>'
        "<ppsarticle><article><accessionNo>AB00000020210101ea1a00001</accessionNo>"
        "<headline>H</headline><publicationDate>2021-01-01</publicationDate>"
        "<paragraph>Body &l9; &ext; &web; words.</paragraph></article></ppsarticle>", encoding="utf-8")
    df = corpus.load(tmp_path / "bomb.xml")
    text = " ".join(df["text"].tolist() + df.attrs["load_report"]["reason"].tolist())
    assert "lollol" not in text and "root:" not in text


def test_cli_csv_outputs_escape_formulas(tmp_path, capsys):
    (tmp_path / "a.json").write_text(json.dumps([
        {"title": "=HYPERLINK(\"http://x.invalid\")", "author": "@evil", "text": "+1 then " + BODY},
        {"title": "-2", "author": "Ann", "text": "Plain " + BODY}]))
    out = tmp_path / "c.csv"
    assert cli.main(["load", str(tmp_path / "a.json"), "--out", str(out), "--quiet"]) == 0
    back = pd.read_csv(out)
    assert back["title"].tolist() == ["'=HYPERLINK(\"http://x.invalid\")", "'-2"]
    assert back["author"].tolist() == ["'@evil", "Ann"] and back["text"].iloc[0].startswith("'+1 then")
    numbers = tmp_path / "n.csv"
    cli._to_csv(pd.DataFrame({"score": [-1.5, 2.0], "term": ["-x", "y"]}), numbers)
    assert numbers.read_text().splitlines() == ["score,term", "-1.5,'-x", "2.0,y"]


# ------------------------------------------------------------------ the malformed-input corpus
MALFORMED = Path(__file__).parent / "fixtures" / "malformed"


def test_malformed_corpus_accounts_for_every_file_and_record():
    """Over 60 files with the faults of real exports and scrapes (made by make_fixtures.py):
    each gives the rows, lost-file-or-record report rows and skip rows in .expected.json."""
    expected = json.loads((MALFORMED / ".expected.json").read_text(encoding="utf-8"))
    assert len(expected) >= 60 and set(expected) == set(os.listdir(MALFORMED))
    df = corpus.load(MALFORMED, duplicates=False)
    rep = df.attrs["load_report"]
    got = {name: [0, 0, 0] for name in expected}
    for source in df["source"]:
        got[Path(source.split("#")[0]).name][0] += 1
    for source, reason in zip(rep["source"], rep["reason"]):
        if not reason.startswith(("note:", "warning:")):
            got[Path(source).name][2 if reason.startswith("skipped:") else 1] += 1
    assert got == expected
    # a few by hand: what each fault must give
    assert expected["json_unequal_columns.json"] == [0, 1, 0]  # refused, not merged
    assert expected["factiva_missing_document_line.txt"] == [2, 0, 0]  # split, not merged
    assert expected["jsonl_broken_line.jsonl"] == [2, 1, 0]
    assert expected["csv_ragged_rows.csv"] == [1, 2, 0]
    assert expected["txt_markdown_junk.txt"] == [1, 0, 0]


# ------------------------------------------------------------------ determinism
_DIGEST = """
import hashlib, sys, warnings
warnings.simplefilter("ignore")
from discourse import corpus
paths = sys.argv[1:]
df = corpus.load(paths)
rep = df.attrs["load_report"]
print(hashlib.sha1((df.to_csv(index=False) + rep.to_csv(index=False)).encode()).hexdigest())
"""


def test_loading_is_the_same_under_any_hash_seed_and_thread_count():
    import subprocess

    fixtures = Path(__file__).parent / "fixtures"
    args = [str(fixtures / "readers"), str(MALFORMED)]
    digests = set()
    for seed, threads in [("0", "1"), ("12345", "2")]:
        env = dict(os.environ, PYTHONHASHSEED=seed, OMP_NUM_THREADS=threads, DISCOURSE_PROGRESS="0")
        done = subprocess.run([sys.executable, "-c", _DIGEST, *args], env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        digests.add(done.stdout.strip())
    assert len(digests) == 1


def test_folder_order_does_not_depend_on_creation_order(tmp_path):
    for order, folder in [(["b", "a", "c"], tmp_path / "one"), (["c", "a", "b"], tmp_path / "two")]:
        folder.mkdir()
        for name in order:
            _article(folder / f"{name}.txt", f"Title {name}")
    one, two = corpus.load(tmp_path / "one"), corpus.load(tmp_path / "two")
    assert one["title"].tolist() == two["title"].tolist() == ["Title a", "Title b", "Title c"]
    assert one["doc_id"].tolist() == two["doc_id"].tolist()  # (ids come from file names, not folders)


def test_no_user_file_is_unpickled():
    """Static check: no module of the package can unpickle a file (pickle, joblib,
    pandas.read_pickle, numpy allow_pickle)."""
    package = Path(corpus.__file__).parents[1]
    found = []
    for module in package.rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        for needle in ("pickle.load", "read_pickle", "joblib.load", "allow_pickle=True", "import pickle",
                       "import dill", "cloudpickle"):
            if needle in source:
                found.append(f"{module.relative_to(package)}: {needle}")
    assert found == []


def test_trailing_slash_pattern_names_folders(tmp_path):
    (tmp_path / "sub").mkdir()
    _article(tmp_path / "sub" / "a.txt")
    assert len(corpus.load(str(tmp_path / "*") + "/")) == 1


def test_nexis_numbering_gaps_and_a_short_export_are_warned(tmp_path):
    def doc(n, total, title):
        return [f"{n} of {total} DOCUMENTS", "", "Millbrook Gazette", "", "March 3, 2024 Sunday", "", title, "",
                "LENGTH: 12 words", "", f"{title} was approved by the council on Tuesday.", "",
                "LOAD-DATE: March 4, 2024", ""]
    (tmp_path / "n.txt").write_text("\n".join(doc(1, 5, "Harbour") + doc(3, 5, "Ferry")), encoding="utf-8")
    df = corpus.load(tmp_path / "n.txt")
    assert df["title"].tolist() == ["Harbour", "Ferry"]
    assert [r for _, r in _report(df)] == [
        "warning: the numbering skips document(s) 2; the export may have lost them",
        "warning: the export says it holds 5 documents and ends with document 3; unless it is one of several "
        "download batches, it was cut short"]
    assert "article count differs: 1" in corpus.summary(df)
