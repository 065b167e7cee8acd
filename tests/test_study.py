"""A study: discourse.toml, its figures built by `discourse figures` from anywhere inside it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import discourse  # noqa: E402
from discourse import cli, figures, study  # noqa: E402
from discourse.study import Study, StudyError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = pd.DataFrame({
    "body": ["The minister said the plan works.", "Critics said the plan fails.",
             "The plan was debated.", "Unions oppose the plan.", "The minister met unions."],
    "paper": ["A", "A", "B", "B", "B"],
    "date": ["2024-01-05", "2024-02-10", "2024-01-20", "2024-03-01", "2024-03-15"],
    "headline": ["One", "Two", "Three", "Four", "Five"],
})

TOML = """
[study]
title = "A small study"

[corpora.articles]
path = "data/articles.csv"
columns = {body = "text", paper = "outlet", date = "published", headline = "title"}

[lexicons]
words = "lexicons/words.csv"

[parameters]
label = "from parameters"
colour = "C1"
unused = 3

[figures]
formats = ["svg"]

[figures.bars]
label = "from the figure's table"
"""

FIGURES = '''
import matplotlib.pyplot as plt

import discourse

SEEN = {}


@discourse.figure("bars", corpus="articles", label="from the decorator", colour="C0")
def bars(corpus, *, label, colour, width="single"):
    """Articles per outlet."""
    SEEN["bars"] = dict(label=label, colour=colour, outlets=sorted(corpus["outlet"]))
    fig, ax = plt.subplots(figsize=(3, 2))
    counts = corpus.groupby("outlet").size()
    ax.bar(counts.index, counts.to_numpy(), color=colour)
    ax.set_title(label)
    return fig


@discourse.figure("words")
def words(annotations, *, study, lexicons, colour="C2"):
    """Words per article, from the shared annotations."""
    SEEN["words"] = dict(kind=type(annotations).__name__, study=study.title, lexicons=sorted(lexicons),
                         colour=colour)
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot(range(len(annotations.corpus)), color=colour)
    return fig
'''


def _study(tmp_path: Path, toml: str = TOML, figures_py: str = FIGURES) -> Path:
    root = tmp_path / "study"
    (root / "data").mkdir(parents=True)
    (root / "lexicons").mkdir()
    (root / "figures").mkdir()
    (root / "notes" / "deep").mkdir(parents=True)
    ARTICLES.to_csv(root / "data" / "articles.csv", index=False)
    (root / "lexicons" / "words.csv").write_text("pattern,category\nplan,policy\n")
    (root / "discourse.toml").write_text(textwrap.dedent(toml))
    (root / "figures" / "plots.py").write_text(figures_py)
    return root


def _seen(root: Path) -> dict:
    """What the figure functions of the study at ``root`` were called with."""
    import hashlib

    tag = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:10]
    return sys.modules[f"_discourse_study_{tag}_plots"].SEEN


# -------------------------------------------------------------- the config
def test_study_reads_discourse_toml_and_loads_each_corpus_once(tmp_path):
    root = _study(tmp_path)
    s = study.load(root / "notes" / "deep")  # from a folder inside the study
    assert s.root == root.resolve() and s.title == "A small study"
    assert s.params == {"label": "from parameters", "colour": "C1", "unused": 3}
    s.params["label"] = "changed"  # a copy
    assert s.params["label"] == "from parameters"
    assert s.corpora == ["articles"] and s.default_corpus == "articles"
    assert s.formats == ("svg",) and s.figures_dir == root.resolve() / "figures"
    df = s.corpus("articles")
    assert df["text"].tolist() == ARTICLES["body"].tolist()
    assert df["outlet"].tolist() == ["A", "A", "B", "B", "B"]
    assert s.corpus() is df  # cached, and the default corpus
    ann = s.annotations("articles")
    assert ann.corpus["doc_id"].tolist() == df["doc_id"].tolist() and s.annotations() is ann
    assert s.lexicons() == {"words": root.resolve() / "lexicons" / "words.csv"}


def test_find_study_walks_up_and_says_what_to_do(tmp_path):
    root = _study(tmp_path)
    assert study.find_study(root / "notes" / "deep") == root.resolve()
    with pytest.raises(StudyError, match=r"no discourse.toml in .*outside or any folder above it; .*discourse init"):
        (tmp_path / "outside").mkdir()
        study.find_study(tmp_path / "outside")


@pytest.mark.parametrize("toml, message", [
    ("[corpora.a]\ncolumns = {}\n", r"\[corpora.a\]: needs path ="),
    ("[corpora.a]\npath = 'x'\nformat = 'csv'\n", r"\[corpora.a\] format: unknown key; use path, columns"),
    ("[corpora.a]\npath = 'x'\ncolumns = {body = 3}\n", r"\[corpora.a\] columns: must map the file's columns"),
    ("[figure]\nformats = ['pdf']\n", r"\[figure\]: unknown section; use \[study\], \[corpora\]"),
    ("[figures]\nformats = ['jpg']\n", r"\[figures\] formats: must list pdf, png and/or svg, not \['jpg'\]"),
    ("[figures]\ncorpus = 'web'\n", r"\[figures\] corpus: 'web' is not a \[corpora.NAME\]"),
    ("[figures]\nformat = 'pdf'\n", r"\[figures\] format: unknown key; use formats, out, corpus, include"),
    ("[lexicons]\nframes = 3\n", r"\[lexicons\] frames: must be a path"),
    ("parameters = 3\n", r"parameters: must be a table"),
    ("[parameters\nk = 3\n", r"not valid TOML"),
])
def test_invalid_discourse_toml_names_the_key(tmp_path, toml, message):
    (tmp_path / "discourse.toml").write_text(toml)
    with pytest.raises(StudyError, match=message):
        Study(tmp_path)


# ------------------------------------------------------------- the figures
def test_parameters_come_from_decorator_then_parameters_then_the_figure_table(tmp_path):
    root = _study(tmp_path)
    specs = Study(root).figures()
    assert sorted(specs) == ["bars", "words"]
    # [parameters] reach only the functions with that keyword ("unused" reaches none)
    assert specs["bars"].params == {"label": "from the figure's table", "colour": "C1"}
    assert specs["words"].params == {"colour": "C1"}
    assert specs["words"].corpus is None and specs["bars"].description == "Articles per outlet."


def test_discourse_figures_inside_a_study_builds_and_checks(tmp_path, monkeypatch, capsys):
    root = _study(tmp_path)
    monkeypatch.chdir(root / "notes" / "deep")  # anywhere inside the study
    assert cli.main(["figures"]) == 0
    out = capsys.readouterr().out
    assert "built bars: svg (corpus: data/articles.csv)" in out and "built words: svg" in out
    assert sorted(p.name for p in (root / "figures").iterdir()) == [
        "bars.svg", "manifest.json", "plots.py", "words.svg"]
    seen = _seen(root)
    assert seen["bars"] == {"label": "from the figure's table", "colour": "C1", "outlets": ["A", "A", "B", "B", "B"]}
    assert seen["words"] == {"kind": "Annotations", "study": "A small study", "lexicons": ["words"],
                             "colour": "C1"}
    manifest = json.loads((root / "figures" / "manifest.json").read_text())
    entry = manifest["figures"]["bars"]
    assert sorted(entry["inputs"]) == ["data/articles.csv", "lexicons/words.csv"]
    assert entry["params"] == {"label": "from the figure's table", "colour": "C1"}
    assert entry["corpus_path"] == "data/articles.csv"
    assert cli.main(["figures", "--check"]) == 0
    assert "all 2 figures are current (2 files match" in capsys.readouterr().out
    assert cli.main(["figures", "--check", "--only", "bars"]) == 0
    # a parameter changed in discourse.toml: the figure is not current, and says why
    toml = (root / "discourse.toml").read_text().replace('colour = "C1"', 'colour = "C3"')
    (root / "discourse.toml").write_text(toml)
    assert cli.main(["figures", "--check", "--only", "bars"]) == 1
    printed = capsys.readouterr().out
    assert "stale: bars: parameters changed: colour='C3' (was colour='C1')" in printed
    assert "differs: bars bars.svg" in printed
    # a study lexicon edited: every figure is stale
    assert cli.main(["figures"]) == 0
    (root / "lexicons" / "words.csv").write_text("pattern,category\nplan,policy\nunion,labour\n")
    assert cli.main(["figures", "--check", "--only", "words"]) == 1
    assert "stale: words: inputs changed" in capsys.readouterr().out


def test_study_errors_exit_2_with_one_line(tmp_path, monkeypatch, capsys):
    root = _study(tmp_path)
    monkeypatch.chdir(root)
    (root / "data" / "articles.csv").unlink()
    assert cli.main(["figures", "--only", "bars"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "corpus 'articles' not found:" in err and "(discourse.toml [corpora.articles] path)" in err
    # a parameter the figure needs and nobody sets
    _study(tmp_path / "b", toml=TOML.replace('label = "from parameters"\n', "").replace(
        '[figures.bars]\nlabel = "from the figure\'s table"\n', ""),
        figures_py=FIGURES.replace('label="from the decorator", ', ""))
    monkeypatch.chdir(tmp_path / "b" / "study")
    assert cli.main(["figures"]) == 2
    assert capsys.readouterr().err == ("discourse figures: error: discourse.toml: figure 'bars': needs parameter "
                                       "'label': set it in [parameters] or [figures.bars]\n")
    # a figure table for a parameter the figure does not have
    _study(tmp_path / "c", toml=TOML + "size = 3\n")
    monkeypatch.chdir(tmp_path / "c" / "study")
    assert cli.main(["figures"]) == 2
    assert "[figures.bars] size: figure 'bars' has no parameter 'size'; it takes label, colour, width" \
        in capsys.readouterr().err
    # a figure table for a figure that does not exist
    _study(tmp_path / "d", toml=TOML + "[figures.bras]\nlabel = 'x'\n")
    monkeypatch.chdir(tmp_path / "d" / "study")
    assert cli.main(["figures"]) == 2
    assert "[figures.bras]: no figure of that name; figures: bars, words" in capsys.readouterr().err
    # outside any study
    (tmp_path / "nowhere").mkdir()
    monkeypatch.chdir(tmp_path / "nowhere")
    assert cli.main(["figures"]) == 2
    assert "no discourse.toml in" in capsys.readouterr().err


BROKEN = '''
import discourse


@discourse.figure("bad-value", corpus="articles", colour="teal")
def bad_value(corpus, *, colour):
    raise ValueError(f"no such colour: {colour!r}; use a matplotlib colour")


@discourse.figure("bad-column", corpus="articles")
def bad_column(corpus, *, column):
    return corpus[column]  # a column the corpus does not have: pandas raises KeyError


@discourse.figure("bad-code", corpus="articles")
def bad_code(corpus):
    return len(corpus) / 0  # a bug, whatever the input
'''


def _init_study(tmp_path: Path, monkeypatch, figures_py: str | None = None, extra_toml: str = "") -> Path:
    """A study made by `discourse init` (its example corpus), with more figures and toml."""
    path = tmp_path / "s"
    assert cli.main(["init", str(path)]) == 0
    if figures_py is not None:
        (path / "figures" / "broken.py").write_text(figures_py)
    if extra_toml:
        with open(path / "discourse.toml", "a") as fh:
            fh.write(extra_toml)
    monkeypatch.chdir(path)
    return path


def test_a_figure_failing_on_a_parameter_exits_2_naming_the_figure_and_the_parameter(tmp_path, monkeypatch,
                                                                                     capsys):
    path = _init_study(tmp_path, monkeypatch, BROKEN, "\n[figures.bad-column]\ncolumn = \"paper\"\n")
    capsys.readouterr()
    assert cli.main(["figures", "--formats", "svg", "--only", "article-lengths", "bad-value", "bad-column"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines() == [
        "discourse figures: error: figure 'bad-value': ValueError: no such colour: 'teal'; use a matplotlib "
        "colour; parameter colour='teal': set colour in [figures.bad-value] of discourse.toml (the figure's "
        "default is used), then run `discourse figures --only bad-value`",
        "discourse figures: error: figure 'bad-column': KeyError: paper; parameter column='paper': correct "
        "[figures.bad-column] column in discourse.toml, then run `discourse figures --only bad-column`",
    ]
    # the others were built and recorded
    assert (path / "figures" / "article-lengths.svg").exists()
    manifest = json.loads((path / "figures" / "manifest.json").read_text())
    assert sorted(manifest["figures"]) == ["article-lengths"]
    # from Python: the same lines, and which failures are the study's input
    with pytest.raises(figures.FigureError) as info:
        figures.build(["bad-value", "bad-code"], formats="svg")
    assert info.value.user_errors == ["bad-value"] and sorted(info.value.failures) == ["bad-code", "bad-value"]
    assert info.value.lines["bad-value"].startswith("figure 'bad-value': ValueError: no such colour")


def test_a_figure_failing_on_a_bug_exits_1_with_its_traceback(tmp_path, monkeypatch, capsys):
    path = _init_study(tmp_path, monkeypatch, BROKEN, "\n[figures.bad-column]\ncolumn = \"paper\"\n")
    capsys.readouterr()
    assert cli.main(["figures", "--formats", "svg", "--only", "bad-code", "article-lengths"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "ZeroDivisionError: division by zero" in err
    assert "discourse figures: figure 'bad-code' failed with parameters none: ZeroDivisionError: division by zero" \
        in err
    assert err.rstrip().endswith("discourse figures: 1 figure(s) hit a bug: bad-code (the traceback above says "
                                 "where; the other figures were built)")
    assert (path / "figures" / "article-lengths.svg").exists()
    # a bug and a mistake in the input together: exit 1, and the mistake still gets its line
    assert cli.main(["figures", "--formats", "svg", "--only", "bad-code", "bad-value"]) == 1
    err = capsys.readouterr().err
    assert "discourse figures: error: figure 'bad-value': ValueError: no such colour" in err
    assert "Traceback" in err


def test_a_missing_corpus_fails_each_figure_of_it_with_one_line(tmp_path, monkeypatch, capsys):
    path = _init_study(tmp_path, monkeypatch)
    toml = (path / "discourse.toml").read_text().replace('path = "data/example"', 'path = "data/nowhere"')
    (path / "discourse.toml").write_text(toml)
    capsys.readouterr()
    assert cli.main(["figures", "--formats", "svg", "--only", "article-lengths", "articles-over-time"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    for line, name in zip(lines, ["article-lengths", "articles-over-time"]):
        assert line.startswith(f"discourse figures: error: figure {name!r}: FileNotFoundError: corpus 'articles' "
                               "not found: ")
        assert line.endswith("(discourse.toml [corpora.articles] path); correct [corpora.articles] path or "
                             f"columns in discourse.toml, then run `discourse figures --only {name}`")


def test_user_error_or_bug():
    from discourse.figures._failures import _not_a_figure, user_error

    assert user_error(ValueError("k must be at least 2")) and user_error(KeyError("outlet"))
    assert user_error(FileNotFoundError("corpus not found")) and user_error(StudyError("discourse.toml: x"))
    assert user_error(TypeError("actors must be a dict of name -> aliases, not list"))
    assert not user_error(TypeError("f() takes 1 positional argument but 2 were given"))
    assert not user_error(TypeError("unsupported operand type(s) for +: 'int' and 'str'"))
    assert not user_error(_not_a_figure("figure 'x': function returned NoneType, not a matplotlib Figure"))
    assert not user_error(ZeroDivisionError("division by zero")) and not user_error(RuntimeError("x"))


# ----------------------------------------------------------- --check: the inputs
def test_check_says_which_input_changed_even_when_the_bytes_would_not(tmp_path, monkeypatch, capsys):
    path = _init_study(tmp_path, monkeypatch)
    only = ["--only", "article-lengths"]
    assert cli.main(["figures", "--formats", "svg", *only]) == 0
    entry = json.loads((path / "figures" / "manifest.json").read_text())["figures"]["article-lengths"]
    assert entry["corpus_path"] == "data/example" and entry["corpus_from"] == "discourse.toml"
    assert entry["corpus_columns"] is None and len(entry["corpus_sha256"]) == 64
    capsys.readouterr()
    assert cli.main(["figures", "--check", *only]) == 0
    assert capsys.readouterr().out == "the figure is current (1 files match figures/manifest.json)\n"
    # the same files under another path: the figure's bytes are the same, but it is stale
    shutil.copytree(path / "data" / "example", path / "data" / "copy")
    toml = (path / "discourse.toml").read_text()
    (path / "discourse.toml").write_text(toml.replace('path = "data/example"', 'path = "data/copy"'))
    assert cli.main(["figures", "--check", *only]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == ["stale: article-lengths: corpus path changed: data/example -> data/copy (discourse.toml "
                   "[corpora.articles] path); same content"]
    report = figures.check(["article-lengths"])
    assert report["status"].tolist() == ["stale", "ok"]  # the rebuilt bytes are the recorded ones
    # rebuilt: current again; then a corpus file edited: stale, naming the file
    assert cli.main(["figures", "--formats", "svg", *only]) == 0
    article = sorted((path / "data" / "copy").rglob("*.txt"))[0]
    article.write_text(article.read_text() + "\nOne more sentence in this invented article.\n")
    capsys.readouterr()
    assert cli.main(["figures", "--check", *only]) == 1
    out = capsys.readouterr().out
    assert f"stale: article-lengths: inputs changed: corpus data/copy content; changed: " \
           f"{article.relative_to(path).as_posix()}" in out
    # rebuilt from the edited copy, then moved back to the first folder: other content too
    assert cli.main(["figures", "--formats", "svg", *only]) == 0
    (path / "discourse.toml").write_text(toml)
    capsys.readouterr()
    assert cli.main(["figures", "--check", *only]) == 1
    assert ("stale: article-lengths: corpus path changed: data/copy -> data/example (discourse.toml "
            "[corpora.articles] path); content changed too") in capsys.readouterr().out


def test_check_sees_changed_columns_and_reads_a_version_1_manifest(tmp_path, monkeypatch, capsys):
    root = _study(tmp_path)
    monkeypatch.chdir(root)
    assert cli.main(["figures", "--only", "bars"]) == 0
    manifest_path = root / "figures" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    assert manifest["manifest_version"] == 2
    assert manifest["figures"]["bars"]["corpus_columns"] == {"body": "text", "paper": "outlet",
                                                             "date": "published", "headline": "title"}
    toml = (root / "discourse.toml").read_text()
    (root / "discourse.toml").write_text(toml.replace(', headline = "title"', ""))
    capsys.readouterr()
    assert cli.main(["figures", "--check", "--only", "bars"]) == 1
    assert ("stale: bars: corpus columns changed: {body = 'text', date = 'published', headline = 'title', "
            "paper = 'outlet'} -> {body = 'text', date = 'published', paper = 'outlet'} (discourse.toml "
            "[corpora.articles] columns)") in capsys.readouterr().out
    # a manifest written before these were recorded is checked without them
    (root / "discourse.toml").write_text(toml)
    for entry in manifest["figures"].values():
        for key in ("corpus_from", "corpus_columns", "corpus_sha256"):
            entry.pop(key)
    manifest["manifest_version"] = 1
    manifest_path.write_text(json.dumps(manifest))
    assert cli.main(["figures", "--check", "--only", "bars"]) == 0


def test_the_decorator_is_discourse_figure_and_checks_the_name():
    assert discourse.figure is figures.figure
    with pytest.raises(ValueError, match="figure name must be a non-empty file name"):
        discourse.figure("two words")


# ---------------------------------------------------------------- init
def test_init_creates_a_working_study(tmp_path, monkeypatch, capsys):
    path = tmp_path / "my-study"
    assert cli.main(["init", str(path)]) == 0
    assert "make figures" in capsys.readouterr().out
    for name in ("discourse.toml", "figures/articles.py", "notebooks/explore.py", "Makefile", "README.md",
                 "data/example/README.md"):
        assert (path / name).is_file(), name
    assert "figures:\n\t$(DISCOURSE) figures\n" in (path / "Makefile").read_text()
    assert "check:\n\t$(DISCOURSE) figures --check\n" in (path / "Makefile").read_text()
    assert "formats: ipynb,py:percent" in (path / "notebooks" / "explore.py").read_text()
    monkeypatch.chdir(path / "notebooks")
    assert cli.main(["figures", "--formats", "svg"]) == 0
    assert sorted(p.name for p in (path / "figures").glob("*.svg")) == [
        "article-lengths.svg", "articles-over-time.svg", "sentiment-toward-actors.svg"]
    capsys.readouterr()
    assert cli.main(["figures", "--check"]) == 0
    assert "all 3 figures are current" in capsys.readouterr().out
    # once a study, always that study
    assert cli.main(["init", str(path)]) == 2
    assert "is already a study" in capsys.readouterr().err


def test_init_points_to_an_existing_corpus(tmp_path):
    data = tmp_path / "data.csv"
    ARTICLES.to_csv(data, index=False)
    study.init(tmp_path / "s", corpus=data, title="Mine")
    s = Study(tmp_path / "s")
    assert s.title == "Mine" and s.config["corpora"]["articles"]["path"] == "../data.csv"
    assert not (tmp_path / "s" / "data").exists()
    with pytest.raises(FileNotFoundError, match="corpus not found"):
        study.init(tmp_path / "t", corpus=tmp_path / "nope.csv")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_figures_then_make_check_in_a_new_study_under_two_hash_seeds(tmp_path):
    """`make figures` and `make check` work in a new study, and two builds with
    different PYTHONHASHSEED give identical bytes (bootstrap figure included)."""
    discourse_cmd = f"{sys.executable} -m discourse.cli"
    built = []
    for seed in ("1", "2"):
        path = tmp_path / f"s{seed}"
        study.init(path)
        env = dict(os.environ, PYTHONHASHSEED=seed, DISCOURSE_PROGRESS="0")
        for target in ("figures", "check"):
            proc = subprocess.run(["make", target, f"DISCOURSE={discourse_cmd}"], cwd=path, env=env,
                                  capture_output=True, text=True, timeout=600)
            assert proc.returncode == 0, proc.stderr
        assert "all 3 figures are current (9 files match" in proc.stdout
        built.append(path / "figures")
    names = sorted(p.name for p in built[0].iterdir() if p.suffix in (".pdf", ".png", ".svg", ".json"))
    assert len(names) == 10
    for name in names:
        assert (built[0] / name).read_bytes() == (built[1] / name).read_bytes(), name


# ------------------------------------------------- the package's own study
def test_the_package_figures_are_the_repository_study():
    s = Study(ROOT)
    assert s.corpora == ["seed", "demo"] and s.default_corpus == "demo"
    specs = s.figures()
    assert set(specs) == set(figures.list_figures()["name"])
    from discourse.figures.sentiment import DEMO_ACTORS

    # the figures take their actors, referents and k from discourse.toml
    assert specs["sentiment-toward-actors"].params["actors"] == DEMO_ACTORS
    assert specs["label-shares-by-outlet"].params["referents"] == {"the government": {
        "government": ["government"], "regime": ["regime"], "puppet government": ["puppet government"],
        "cabinet": ["cabinet"]}}
    assert specs["actor-labels-by-outlet"].params["actor"] == "government"
    assert {specs[n].params["k"] for n in ("topics-top-terms", "topics-prevalence", "topics-k-search")} == {5}
    assert figures.corpus_path("seed") == ROOT / "seeds"


def test_a_study_can_include_package_figures_drawn_with_its_parameters(tmp_path):
    root = _study(tmp_path, toml=TOML.replace('[figures]\n', '[figures]\ninclude = ["seed-structure"]\n'))
    specs = Study(root).figures()
    assert sorted(specs) == ["bars", "seed-structure", "words"]
    assert specs["seed-structure"].params == {"width": "single"}
    table = figures.build(["seed-structure"], root=root, formats="svg")
    # the package figure declared corpus="seed"; this study has none, so its default corpus
    assert table["corpus"].tolist() == ["data/articles.csv"]


def test_load_outside_any_study_is_the_package_study(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = study.load()  # notebooks of the package run from any working directory
    assert s.root == ROOT.resolve()
    assert s.params_of("actor-labels-by-outlet")["actor"] == "government"
    with pytest.raises(KeyError, match="unknown figure: nope"):
        s.params_of("nope")
    with pytest.raises(StudyError, match="no discourse.toml in"):
        study.load(tmp_path)  # a folder named explicitly must be inside a study


def test_a_notebook_runs_from_another_working_directory(tmp_path):
    """Paths and parameters come from discourse.toml, not from the working directory."""
    import papermill

    nb = ROOT / "notebooks" / "01-seed-close-reading.ipynb"
    kernel = tmp_path / "jupyter" / "kernels" / "discourse-study-test"
    kernel.mkdir(parents=True)
    (kernel / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "discourse (test)", "language": "python"}))
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join([str(tmp_path / "jupyter")] + ([old] if old else []))
    try:
        papermill.execute_notebook(str(nb), str(tmp_path / "out.ipynb"), cwd=str(tmp_path),
                                   kernel_name="discourse-study-test", progress_bar=False, log_output=False,
                                   request_save_on_cell_execute=False, execution_timeout=600)
    finally:
        if old is None:
            os.environ.pop("JUPYTER_PATH", None)
        else:
            os.environ["JUPYTER_PATH"] = old
    out = json.loads((tmp_path / "out.ipynb").read_text())
    errors = [o for c in out["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert errors == []


def test_a_build_shows_progress_where_someone_can_see_it(tmp_path, monkeypatch, capsys):
    from discourse import _progress

    root = _study(tmp_path)
    monkeypatch.setattr(_progress, "_visible", lambda: True)  # as on a terminal
    figures.build(root=root)
    err = capsys.readouterr().err
    assert "figures" in err and "/2 [" in err  # a bar over the 2 figures (how far it got drawn is timing)
    figures.check(root=root)
    err = capsys.readouterr().err
    assert "checking figures" in err and "/2 [" in err
