"""Every notebook runs headless on the bundled corpora, is paired and stays thin."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]


def _code(nb_path: Path) -> list[str]:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_there_are_notebooks():
    assert "01-seed-close-reading" in IDS


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=IDS)
def test_notebook_is_paired_and_thin(nb_path):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    paired = nb_path.with_suffix(".py")
    assert paired.exists(), f"{nb_path.name} has no paired jupytext {paired.name}"
    assert "py:percent" in nb["metadata"].get("jupytext", {}).get("formats", ""), "not paired in percent format"
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "needs exactly one cell tagged 'parameters' (papermill)"
    for source in _code(nb_path):
        tree = ast.parse("\n".join(ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))))
        defs = [n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
        assert not defs, f"define {defs} in the package, not in the notebook"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=IDS)
def test_paired_py_matches_notebook(nb_path):
    import jupytext

    py = jupytext.read(nb_path.with_suffix(".py"))
    code_py = ["".join(c["source"]).strip() for c in py["cells"] if c["cell_type"] == "code"]
    assert code_py == [s.strip() for s in _code(nb_path)], "run `jupytext --sync` on the notebook"


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory):
    """A kernel spec for *this* interpreter (the venv), found before any user kernel."""
    import os
    import sys

    base = tmp_path_factory.mktemp("jupyter")
    spec = base / "kernels" / "discourse-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "discourse (test)", "language": "python"}))
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join([str(base)] + ([old] if old else []))
    yield "discourse-test"
    if old is None:
        os.environ.pop("JUPYTER_PATH", None)
    else:
        os.environ["JUPYTER_PATH"] = old


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=IDS)
def test_notebook_executes(nb_path, tmp_path, kernel_name):
    import papermill

    out = tmp_path / nb_path.name
    papermill.execute_notebook(
        str(nb_path), str(out), cwd=str(nb_path.parent), kernel_name=kernel_name,
        progress_bar=False, log_output=False, request_save_on_cell_execute=False,
        execution_timeout=600,
    )
    nb = json.loads(out.read_text(encoding="utf-8"))
    errors = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors
