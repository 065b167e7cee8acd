"""The discourse command: load, help, and user errors (exit 2, one line)."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from discourse import cli, corpus


def test_help_lists_subcommands(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for name in ["load", "quotes", "terms", "sentiment", "topics", "frames", "figures"]:
        assert name in out


def test_load_writes_parquet_and_prints_summary(seed_path, tmp_path, capsys):
    out = tmp_path / "c.parquet"
    assert cli.main(["load", str(seed_path), "--out", str(out), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "articles: 1" in printed and "World Socialist Web Site" in printed and "2021-07-23" in printed
    pd.testing.assert_frame_equal(corpus.load(out), corpus.load(seed_path))


def test_load_writes_csv_and_reports_failures(seed_path, tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "in" / "empty.txt").write_text("")
    out = tmp_path / "c.csv"
    assert cli.main(["load", str(tmp_path / "in"), "--out", str(out), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "not loaded: 1" in printed and "empty.txt: " in printed and "file is empty" in printed
    assert pd.read_csv(out)["title"].tolist() == ["US launches airstrikes against Taliban as Afghan forces crumble"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["load", "/no/such/file.txt"], "no such file"),
        (["load", "{seed}", "--out", "{tmp}/x.xlsx"], "use a .csv, .tsv or .parquet"),
        (["load", "{tmp}/f.xyz"], "unknown format '.xyz'"),
    ],
)
def test_user_errors_exit_2_with_one_line(args, message, seed_path, tmp_path):
    (tmp_path / "f.xyz").write_text("x")
    args = [a.format(seed=seed_path, tmp=tmp_path) for a in args]
    proc = subprocess.run([sys.executable, "-m", "discourse.cli", *args], capture_output=True, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["sentiment", "seeds", "--level", "word", "--out", "x.csv"], "invalid choice: 'word'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["quotes"], "the following arguments are required"),
    ],
)
def test_argument_errors_are_one_line(args, message):
    proc = subprocess.run([sys.executable, "-m", "discourse.cli", *args], capture_output=True, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("discourse")


@pytest.mark.parametrize("command", ["load", "quotes", "terms", "sentiment", "frames"])
def test_bad_out_name_fails_before_loading(command, tmp_path, monkeypatch, capsys):
    def no_load(*a, **k):  # the corpus must not be read when --out cannot be written
        raise AssertionError("corpus loaded before --out was checked")

    monkeypatch.setattr(corpus, "load", no_load)
    assert cli.main([command, str(tmp_path), "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "use a .csv, .tsv or .parquet" in capsys.readouterr().err


# ------------------------------------------------------------------ issue #15: --columns
def _tokenised_json(path):
    import json

    path.write_text(json.dumps([
        {"title": "Bridge opens", "source": "Daily Example",
         "content": "The bridge opened in June . “ It is a photo tool , ” the mayor said . Traffic was light .",
         "content_original": "The bridge opened in June. “It is a photo tool,” the mayor said. Traffic was light."},
    ], ensure_ascii=False), encoding="utf-8")
    return path


def test_columns_option_is_inverted_for_load():
    assert cli._columns("text=content_original,outlet=source") == {"content_original": "text", "source": "outlet"}
    assert cli._columns(" text = body ") == {"body": "text"}


@pytest.mark.parametrize("command", ["load", "quotes", "terms", "sentiment", "topics", "frames"])
def test_every_loading_command_takes_columns(command):
    extra = [] if command == "load" else ["--out", "x.csv"]
    args = cli._parser().parse_args([command, "in.json", *extra, "--columns", "text=content_original"])
    assert args.columns == {"content_original": "text"}


@pytest.mark.parametrize("value, message", [
    ("body=content", "unknown field 'body'; use one of text, title, author, published, outlet, url"),
    ("text", "'text' is not FIELD=COLUMN"),
    ("text=a,text=b", "field 'text' given twice"),
    ("text=a,title=a", "column 'a' given for both 'text' and 'title'"),
])
def test_bad_columns_are_one_line_errors(value, message, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "discourse.cli", "load", str(tmp_path), "--columns", value],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("discourse load: error: argument --columns")


def test_load_names_the_column_choice_and_how_to_change_it(tmp_path, capsys):
    p = _tokenised_json(tmp_path / "news.json")
    assert cli.main(["load", str(p), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "columns: text='content' (also 'content_original'); title='title'; outlet='source'" in out
    assert out.rstrip().endswith("to read 'content_original' as the text, add --columns text=content_original")
    assert cli.main(["load", str(p), "--quiet", "--columns", "text=content_original,outlet=source"]) == 0
    out = capsys.readouterr().out
    assert "columns: text='content_original' (also 'content'); outlet='source'; title='title'" in out
    assert "tokenised" not in out
    assert cli.main(["load", str(p), "--quiet", "--columns", "text=nope"]) == 2
    assert "column 'nope' is in none of the files loaded" in capsys.readouterr().err


def test_analysis_commands_tell_the_column_choice_on_stderr(tmp_path, capsys):
    p = _tokenised_json(tmp_path / "news.json")
    assert cli.main(["quotes", str(p), "--out", str(tmp_path / "q.csv"), "--quiet"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "discourse quotes: columns text='content' (also 'content_original'); title='title'; outlet='source'"
    assert err[-1] == "discourse quotes: to read 'content_original' as the text, add --columns text=content_original"
    assert cli.main(["quotes", str(p), "--out", str(tmp_path / "q.csv"), "--quiet",
                     "--columns", "text=content_original"]) == 0
    quotes = pd.read_csv(tmp_path / "q.csv")["quote"].tolist()
    assert len(quotes) == 1 and quotes[0].startswith("It is a photo tool")


# ------------------------------------------------------------------ issue #14: frames --min-rate
@pytest.mark.parametrize("value, expected", [
    ("calibrated", "calibrated"),
    ("none", None),
    ("None", None),
    ("5", 5.0),
    ("conflict=0, economic=12", {"conflict": 0.0, "economic": 12.0}),
])
def test_min_rate_values_are_those_of_framing_score(value, expected):
    from discourse.cli._analyses import _min_rate

    assert _min_rate(value) == expected


@pytest.mark.parametrize("value, message", [
    ("often", "'often' is not a rate"),
    ("=3", "'=3' is not FRAME=RATE"),
    ("conflict=1,conflict=2", "frame 'conflict' given twice"),
    ("-1", "rate -1 must be a finite number >= 0"),
    ("economic=inf", "rate inf must be a finite number >= 0"),
])
def test_bad_min_rate_is_a_clear_error(value, message):
    import argparse

    from discourse.cli._analyses import _min_rate

    with pytest.raises(argparse.ArgumentTypeError, match=message):
        _min_rate(value)


def _frames_args(path, out, min_rate):
    return cli._parser().parse_args(["frames", str(path), "--out", str(out), "--quiet", "--min-rate", min_rate])


def test_frames_min_rate_on_the_command_line(seed_path, tmp_path, capsys):
    assert cli._parser().parse_args(["frames", "x", "--out", "o.csv", "--min-rate", "none"]).min_rate is None
    assert cli._parser().parse_args(["frames", "x", "--out", "o.csv"]).min_rate == "calibrated"
    assert cli.main(["frames", str(seed_path), "--out", str(tmp_path / "f.csv"), "--quiet", "--min-rate", "5"]) == 0
    with pytest.raises(SystemExit) as stop:
        cli.main(["frames", str(seed_path), "--out", str(tmp_path / "f.csv"), "--min-rate", "often"])
    assert stop.value.code == 2 and "--min-rate" in capsys.readouterr().err


@pytest.mark.parametrize("min_rate, option", [
    ("none", None),
    ("calibrated", "calibrated"),
    ("1000", 1000.0),
    ("conflict=1000", {"conflict": 1000.0}),
])
def test_frames_command_passes_min_rate_to_framing_score(min_rate, option, seed_path, tmp_path):
    from discourse import framing
    from discourse.cli._analyses import _cmd_frames

    out = tmp_path / "frames.csv"
    assert _cmd_frames(_frames_args(seed_path, out, min_rate)) == 0
    written = pd.read_csv(out)
    expected = framing.score(corpus.load(seed_path), min_rate=option)
    assert written["present"].tolist() == expected["present"].tolist()
    by_frame = written.groupby("frame")["present"].any()
    if option is None:  # any indicator: every frame with an indicator is present
        assert by_frame.tolist() == (written.groupby("frame")["n"].max() > 0).tolist()
    elif option == 1000.0:  # a rate no article reaches
        assert not by_frame.any()
    elif isinstance(option, dict):  # only conflict is held to the impossible rate
        assert not by_frame["conflict"] and by_frame.drop("conflict").tolist() == (
            written.groupby("frame")["n"].max() > 0).drop("conflict").tolist()


def test_frames_min_rate_names_an_unknown_frame(seed_path, tmp_path):
    from discourse.cli._analyses import _cmd_frames

    with pytest.raises(cli.UsageError, match="--min-rate: no frame 'economc' in the lexicon"):
        _cmd_frames(_frames_args(seed_path, tmp_path / "f.csv", "economc=12"))
