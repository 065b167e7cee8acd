"""Where figure inputs live, file hashes, git state, and the manifest file.

The manifest (``manifest.json`` next to the figures) records, per figure, the
files with their sha256, the parameters, the corpus (its path, where the path came
from, its ``columns`` mapping and one sha256 of its content) and the sha256 of every
input file read (paths relative to the repository root, so the manifest does not
depend on where the repository lives), plus the package version and git commit. The
commit is informational: :func:`check` compares figure bytes and the inputs, never
the commit, so it passes on a fresh clone.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pandas as pd

MANIFEST = "manifest.json"
#: 2: each figure also records ``corpus_from`` (discourse.toml or --corpus), ``corpus_columns``
#: and ``corpus_sha256``; a version 1 manifest is checked without them
MANIFEST_VERSION = 2


# --------------------------------------------------------------------- paths
def repo_root() -> Path:
    """The repository root: the folder holding ``pyproject.toml`` and ``seeds/`` above
    the package, else the current directory."""
    here = Path(__file__).resolve().parents[2]
    if (here / "pyproject.toml").exists() or (here / "seeds").is_dir():
        return here
    return Path.cwd()


def corpus_path(which: str, *, root: str | Path | None = None) -> Path:
    """Path of corpus ``which`` of the study at ``root`` (default: the package's own,
    :func:`repo_root`): its ``discourse.toml`` ``[corpora.WHICH] path``. Without a
    ``discourse.toml`` there, ``"seed"`` -> ``seeds/`` and ``"demo"`` -> ``corpora/demo/``."""
    base = Path(root) if root is not None else repo_root()
    if (base / "discourse.toml").is_file():
        from discourse.study import Study

        corpora = Study(base).config.get("corpora", {})
        if which in corpora:
            return base / corpora[which]["path"]
    elif which in ("seed", "demo"):
        return base / ("seeds" if which == "seed" else "corpora/demo")
    raise ValueError(f"unknown corpus {which!r}; figures declare a corpus of the study's discourse.toml "
                     "([corpora.NAME])")


def _rel(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form, absolute when outside ``root``."""
    path = Path(os.path.abspath(path))
    try:
        return path.relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        return path.as_posix()


def _abs(rel: str, root: Path) -> Path:
    p = Path(rel)
    return p if p.is_absolute() else root / p


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _git_commit(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True,
                             text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    sha = out.stdout.strip()
    return sha if out.returncode == 0 and len(sha) == 40 else None


def _git_dirty(root: Path) -> bool | None:
    """True when tracked code differs from the recorded commit: ``discourse/`` in the
    package's checkout, every tracked file in a researcher's study."""
    where = "discourse" if (root / "discourse" / "__init__.py").is_file() else "."
    try:
        out = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no", "--", where],
                             capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return bool(out.stdout.strip()) if out.returncode == 0 else None


# ------------------------------------------------------------------ manifest
def _read_manifest(folder: Path) -> dict[str, Any] | None:
    path = folder / MANIFEST
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8", newline="\n")


def _manifest_table(manifest: dict[str, Any], folder: Path, names: list[str]) -> pd.DataFrame:
    rows = []
    for name in names:
        entry = manifest["figures"][name]
        for fname, sha in sorted(entry["files"].items()):
            rows.append({"figure": name, "format": fname.rsplit(".", 1)[-1],
                         "path": (folder / fname).as_posix(), "sha256": sha,
                         "corpus": entry["corpus_path"], "n_inputs": len(entry["inputs"])})
    return pd.DataFrame(rows, columns=["figure", "format", "path", "sha256", "corpus", "n_inputs"])
