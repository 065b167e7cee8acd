"""The figure pipeline: registry, byte-identical builds, manifest, --check."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from discourse import cli, figures  # noqa: E402
from discourse.figures import _build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FAST = ["seed-structure", "articles-over-time"]  # the quick figures of this module


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _demo_copy(tmp_path: Path) -> Path:
    """One outlet of the demo corpus, copied so that it can be edited."""
    dst = tmp_path / "demo"
    shutil.copytree(ROOT / "corpora" / "demo" / "northgate-herald", dst / "northgate-herald")
    return dst


@pytest.fixture(scope="module")
def all_built(tmp_path_factory):
    out = tmp_path_factory.mktemp("all")
    table = figures.build(out=out, formats=("pdf",))
    return out, table


# ------------------------------------------------------------------ registry
def test_list_figures_has_structure_figures():
    table = figures.list_figures()
    assert list(table.columns) == ["name", "corpus", "description", "params", "module"]
    assert set(FAST) <= set(table["name"])
    row = table.set_index("name").loc["seed-structure"]
    assert row["corpus"] == "seed" and row["module"] == "discourse.figures.structure"
    assert table["name"].is_monotonic_increasing


def test_every_registered_figure_builds(all_built):
    out, table = all_built
    names = sorted(figures.REGISTRY)
    assert sorted(table["figure"].unique()) == names
    manifest = json.loads((out / "manifest.json").read_text())
    assert sorted(manifest["figures"]) == names
    for name in names:
        pdf = out / f"{name}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF")
        assert manifest["figures"][name]["files"] == {f"{name}.pdf": _sha(pdf)}
        assert manifest["figures"][name]["inputs"], f"{name} recorded no input files"


def test_manifest_inputs_are_repo_relative_with_hashes(all_built):
    out, _ = all_built
    manifest = json.loads((out / "manifest.json").read_text())
    seed = manifest["figures"]["seed-structure"]
    assert seed["corpus_path"] == "seeds"
    assert seed["inputs"] == {"seeds/000_6f0d46aa1e83e359.txt": _sha(ROOT / "seeds" / "000_6f0d46aa1e83e359.txt")}
    demo = manifest["figures"]["articles-over-time"]
    assert demo["corpus_path"] == "corpora/demo"
    n_articles = len(list((ROOT / "corpora" / "demo").rglob("*.txt")))
    assert len(demo["inputs"]) == n_articles + 4  # the articles and the 4 corpus.toml files
    assert "corpora/demo/civic-ledger/corpus.toml" in demo["inputs"]
    assert all(not Path(p).is_absolute() for p in demo["inputs"])
    assert demo["params"] == {"width": "double"}
    assert manifest["discourse"] == demo["built_with"]["discourse"]
    assert "git_commit" in manifest and "git_dirty" in manifest


# -------------------------------------------------------------- determinism
def test_two_processes_give_identical_bytes(tmp_path):
    outs, procs = [], []
    for run in ("a", "b"):  # two processes at once: other hash seeds, thread counts and working folders
        out = tmp_path / run
        threads = "2" if run == "a" else "1"
        env = dict(os.environ, PYTHONHASHSEED="1" if run == "a" else "2", OMP_NUM_THREADS=threads,
                   OPENBLAS_NUM_THREADS=threads, MKL_NUM_THREADS=threads)
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "discourse.cli", "figures", "--study", str(ROOT), "--only", *FAST,
             "topics-top-terms", "--out", str(out)],  # (a topic model: numerical work in BLAS)
            cwd=ROOT if run == "a" else tmp_path,  # the manifest must not depend on the cwd
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        outs.append(out)
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    files = sorted(p.name for p in outs[0].iterdir())
    assert files == sorted(p.name for p in outs[1].iterdir())
    assert {Path(f).suffix for f in files} == {".pdf", ".png", ".svg", ".json"}
    for name in files:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_saved_files_carry_no_timestamps(tmp_path):
    figures.build(["seed-structure"], out=tmp_path)
    pdf = (tmp_path / "seed-structure.pdf").read_bytes()
    assert b"CreationDate" not in pdf and b"ModDate" not in pdf
    svg = (tmp_path / "seed-structure.svg").read_text()
    assert "<dc:date>" not in svg
    png = (tmp_path / "seed-structure.png").read_bytes()
    assert b"Software" not in png and b"tIME" not in png


def test_only_merges_into_existing_manifest(tmp_path):
    figures.build(["seed-structure"], out=tmp_path, formats="svg")
    table = figures.build(["articles-over-time"], out=tmp_path, formats="svg")
    assert table["figure"].tolist() == ["articles-over-time"]
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert sorted(manifest["figures"]) == ["articles-over-time", "seed-structure"]


# -------------------------------------------------------------------- check
def test_check_passes_then_fails_when_input_changes(tmp_path, capsys):
    demo = _demo_copy(tmp_path)
    out = tmp_path / "figs"
    assert cli.main(["figures", "--only", "articles-over-time", "--corpus", str(demo), "--out", str(out),
                     "--formats", "png,svg"]) == 0
    capsys.readouterr()
    assert cli.main(["figures", "--check", "--only", "articles-over-time", "--out", str(out)]) == 0
    assert "the figure is current (2 files match" in capsys.readouterr().out
    article = sorted((demo / "northgate-herald").glob("*.txt"))[3]
    article.write_text(article.read_text() + "\nOne more paragraph.\n")
    assert cli.main(["figures", "--check", "--only", "articles-over-time", "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "stale: articles-over-time" in captured.out
    assert article.name in captured.out
    assert "articles-over-time" in captured.err


def test_check_fails_when_figure_file_altered(tmp_path, capsys):
    demo = _demo_copy(tmp_path)
    out = tmp_path / "figs"
    assert cli.main(["figures", "--only", "articles-over-time", "--corpus", str(demo), "--out", str(out)]) == 0
    png = out / "articles-over-time.png"
    png.write_bytes(png.read_bytes() + b"\0")
    capsys.readouterr()
    assert cli.main(["figures", "--check", "--corpus", str(demo), "--only", "articles-over-time",
                     "--out", str(out)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [ln.split(":")[0] for ln in lines] == ["altered"]
    assert "articles-over-time articles-over-time.png" in lines[0]
    (out / "articles-over-time.svg").unlink()
    report = figures.check("articles-over-time", out=out)
    assert sorted(report.loc[report["status"] != "ok", "status"]) == ["altered", "missing"]
    assert report.loc[report["status"] == "ok", "file"].tolist() == ["articles-over-time.pdf"]


def test_check_reports_differing_bytes_and_stale_seed(tmp_path):
    root = tmp_path / "repo"  # a copy of the package's study: its discourse.toml and seed
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copy(ROOT / "discourse.toml", root / "discourse.toml")
    out = tmp_path / "figs"
    figures.build(["seed-structure"], out=out, formats="svg", root=root)
    manifest = json.loads((out / "manifest.json").read_text())
    assert list(manifest["figures"]["seed-structure"]["inputs"]) == ["seeds/000_6f0d46aa1e83e359.txt"]
    assert figures.check(["seed-structure"], out=out, root=root)["status"].tolist() == ["ok"]
    seed = root / "seeds" / "000_6f0d46aa1e83e359.txt"
    text = seed.read_text()
    # drop the first body paragraph: a different input and different figure bytes
    first = text.index("US warplanes")
    seed.write_text(text[:first] + text[text.index("\n\n", first) + 2:])
    report = figures.check(["seed-structure"], out=out, root=root)
    assert report["status"].tolist() == ["stale", "differs"]
    assert "changed: seeds/000_6f0d46aa1e83e359.txt" in report["detail"].iloc[0]


def test_check_without_manifest_reports_missing(tmp_path):
    report = figures.check(["seed-structure"], out=tmp_path)
    assert report[["figure", "status"]].values.tolist() == [["seed-structure", "missing"]]
    assert "no manifest" in report["detail"].iloc[0]


def test_check_reports_unregistered(tmp_path):
    figures.build(["seed-structure"], out=tmp_path, formats="svg")
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    manifest["figures"]["retired-figure"] = dict(manifest["figures"]["seed-structure"])
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    report = figures.check(["seed-structure", "retired-figure"], out=tmp_path)
    assert report[["figure", "status"]].values.tolist() == [["seed-structure", "ok"],
                                                           ["retired-figure", "unregistered"]]


# --------------------------------------------------------------- user errors
def test_cli_unknown_figure_and_format(tmp_path, capsys):
    assert cli.main(["figures", "--only", "no-such-figure", "--out", str(tmp_path)]) == 2
    assert "unknown figure(s): no-such-figure" in capsys.readouterr().err
    assert cli.main(["figures", "--only", "seed-structure", "--formats", "pdf,jpg",
                     "--out", str(tmp_path)]) == 2
    assert "unknown format(s) ['jpg']" in capsys.readouterr().err
    assert cli.main(["figures", "--only", "articles-over-time", "--corpus", str(tmp_path / "nope"),
                     "--out", str(tmp_path)]) == 2
    assert "corpus not found" in capsys.readouterr().err


def test_failing_figure_is_reported_and_others_still_build(tmp_path, monkeypatch, capsys):
    from discourse.figures._registry import FigureSpec

    monkeypatch.setitem(figures.REGISTRY, "bad-figure",
                        FigureSpec("bad-figure", lambda corpus: None, "seed", "returns None"))
    with pytest.raises(figures.FigureError, match="bad-figure: TypeError: .*not a matplotlib Figure") as info:
        figures.build(["bad-figure", "seed-structure"], out=tmp_path, formats="svg")
    assert list(info.value.failures) == ["bad-figure"]
    assert (tmp_path / "seed-structure.svg").exists()
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert sorted(manifest["figures"]) == ["seed-structure"]
    # the command says which figure failed and exits 1
    assert cli.main(["figures", "--only", "bad-figure", "--formats", "svg", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "bad-figure failed" in err and "Traceback" in err
    # --check reports a figure that cannot be rebuilt as an error
    manifest["figures"]["bad-figure"] = manifest["figures"]["seed-structure"]
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    report = figures.check(["bad-figure"], out=tmp_path)
    assert report["status"].tolist() == ["error"]
    assert report["detail"].iloc[0].startswith("cannot rebuild: TypeError")


def test_build_accepts_a_corpus_dataframe(tmp_path, seed_corpus):
    many = pd.concat([seed_corpus.assign(outlet=o) for o in ["A", "B"]], ignore_index=True)
    table = figures.build(["articles-over-time"], corpus=many, out=tmp_path, formats=["svg"])
    assert table[["figure", "format", "corpus"]].values.tolist() == [["articles-over-time", "svg", "<DataFrame>"]]
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert list(manifest["figures"]["articles-over-time"]["inputs"]) == ["seeds/000_6f0d46aa1e83e359.txt"]


def test_figure_modules_are_discovered_and_their_errors_raised(monkeypatch):
    import discourse.figures as pkg

    # every public module of discourse/figures is a figure module: no hand-kept list
    on_disk = sorted(p.stem for p in Path(pkg.__file__).parent.glob("*.py") if not p.stem.startswith("_"))
    assert pkg._modules() == on_disk and "validation" in on_disk
    calls = []

    def fake_import(name):
        calls.append(name)
        if name.endswith(".quotes"):
            raise ModuleNotFoundError("No module named 'gensim'", name="gensim")

    monkeypatch.setattr(pkg, "_loaded", set())
    monkeypatch.setattr(pkg.importlib, "import_module", fake_import)
    with pytest.raises(ModuleNotFoundError, match="gensim"):  # a broken figure module is never skipped
        pkg._load_modules()
    assert pkg._loaded == {m for m in on_disk if m < "quotes"}  # discovered modules load in name order


def test_load_modules_stops_when_names_are_registered(monkeypatch):
    import discourse.figures as pkg

    import discourse.figures.structure  # noqa: F401  (registers seed-structure)

    calls = []
    monkeypatch.setattr(pkg, "_loaded", set())
    monkeypatch.setattr(pkg.importlib, "import_module", calls.append)
    pkg._load_modules(["seed-structure"])  # already registered: nothing to import
    assert calls == []
    pkg._load_modules(["not-a-figure"])  # unknown: every module is tried
    assert calls == [f"discourse.figures.{m}" for m in pkg._modules()]


def test_render_returns_figure_in_paper_style():
    from matplotlib.figure import Figure

    fig = figures.render("seed-structure")
    assert isinstance(fig, Figure)
    assert [round(float(v), 2) for v in fig.get_size_inches()] == [3.5, 3.85]
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Paragraph length (words)"
    assert len(ax.patches) >= 17  # one bar per paragraph of the seed (17), plus quotes
    wide = figures.render("seed-structure", width="double")
    assert [round(float(v), 2) for v in wide.get_size_inches()] == [7.2, 7.92]
    assert figures.REGISTRY["seed-structure"].params == {"width": "single"}


def test_corpus_path_defaults():
    assert _build.corpus_path("seed", root="/r") == Path("/r/seeds")
    assert _build.corpus_path("demo", root="/r") == Path("/r/corpora/demo")
    with pytest.raises(ValueError, match="unknown corpus 'web'"):
        _build.corpus_path("web")


# --------------------------------------------------------- structure plots
def test_quote_spans_on_seed(seed_corpus):
    from discourse import plots, text

    paras = text.paragraphs(seed_corpus)
    body = seed_corpus["text"].iloc[0]
    start = body.index("Strategic momentum")
    end = body.index(",\" Milley said")
    quotes = pd.DataFrame({"doc_id": [seed_corpus["doc_id"].iloc[0]] * 2, "start": [start, 0],
                           "end": [end, 2], "kind": ["direct", "scare"]})
    spans = plots.quote_spans(paras, quotes)
    # "Strategic momentum appears to be sort of with the Taliban" opens paragraph 4
    assert spans.values.tolist()[0][1:] == [0, "scare", 0, 1]
    assert spans.values.tolist()[1][1:] == [4, "direct", 0, 10]


def test_article_map_needs_doc_id_for_many_articles(seed_corpus):
    from discourse import plots, text

    two = pd.concat([seed_corpus, seed_corpus.assign(doc_id="other")], ignore_index=True)
    with pytest.raises(ValueError, match="paragraphs hold 2 articles; pass doc_id="):
        plots.article_map(text.paragraphs(two))
    ax = plots.article_map(text.paragraphs(two), doc_id="other")
    assert len(ax.patches) == 17
    assert [round(p.get_width()) for p in ax.patches][:3] == [33, 71, 23]


def test_articles_over_time_counts_per_month():
    from discourse import plots

    df = pd.DataFrame({"outlet": ["A", "A", "B", "A"],
                       "published": pd.to_datetime(["2024-01-03", "2024-03-01", "2024-01-09", None])})
    ax = plots.articles_over_time(df)
    assert [ln.get_label() for ln in ax.lines] == ["A", "B"]
    assert ax.lines[0].get_ydata().tolist() == [1, 0, 1]
    assert ax.lines[1].get_ydata().tolist() == [1, 0, 0]
    with pytest.raises(ValueError, match="corpus has no 'desk' column"):
        plots.articles_over_time(df, by="desk")


def test_lengths_plots_every_article(seed_corpus):
    from discourse import plots

    df = pd.concat([seed_corpus.assign(outlet="B"),
                    pd.DataFrame({"outlet": ["A", "A"], "text": ["one two three", "four\n\nfive"]})],
                   ignore_index=True)
    ax = plots.lengths(df, unit="paragraphs")
    xs = sorted(sorted(c.get_offsets()[:, 0].tolist()) for c in ax.collections)  # any group order
    assert xs == [[1.0, 2.0], [17.0]]  # the seed has 17 paragraphs
    ax = plots.lengths(df)
    assert [2.0, 3.0] in [sorted(c.get_offsets()[:, 0].tolist()) for c in ax.collections]
    with pytest.raises(ValueError, match="unit must be 'words' or 'paragraphs', got 'chars'"):
        plots.lengths(df, unit="chars")


def test_check_is_stale_when_bundled_lexicons_change(tmp_path, capsys, monkeypatch):
    from discourse.figures import _build

    out = tmp_path / "figs"
    assert cli.main(["figures", "--only", "seed-structure", "--out", str(out), "--formats", "png"]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    recorded = manifest["figures"]["seed-structure"]["package_inputs"]
    assert "discourse/lexicons/loaded_language.csv" in recorded
    assert "discourse/lexicons/reporting_verbs.csv" in recorded
    capsys.readouterr()
    edited = _build._package_inputs()
    key = "discourse/lexicons/loaded_language.csv"
    monkeypatch.setattr(_build, "_package_inputs", lambda: {**edited, key: "0" * 64})
    assert cli.main(["figures", "--check", "--only", "seed-structure", "--out", str(out)]) == 1
    printed = capsys.readouterr().out
    assert "stale: seed-structure" in printed and "loaded_language.csv" in printed


def test_a_failing_figure_leaves_no_figure_open():
    import matplotlib.pyplot as plt

    from discourse.figures import _build
    from discourse.figures._registry import FigureSpec

    def broken(corpus):
        plt.subplots()
        raise RuntimeError("drawing failed")

    before = set(plt.get_fignums())
    with pytest.raises(RuntimeError, match="drawing failed"):
        _build._draw(FigureSpec("broken", broken), pd.DataFrame({"doc_id": ["a"], "text": ["x"]}))
    assert set(plt.get_fignums()) == before
