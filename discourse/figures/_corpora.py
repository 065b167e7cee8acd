"""The corpora of a figure build: the study they come from, each corpus loaded once,
and the sha256 of every input file it read (recorded in the manifest)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd

from discourse.figures._manifest import _abs, _rel, _sha256_file
from discourse.figures._registry import FigureSpec

__all__ = []


def glob_magic(text: str) -> bool:
    import glob

    return glob.has_magic(text)


def _study(root: str | Path | None):
    """The study figures are built for: the one at ``root`` (a folder inside it), else
    the one holding the working directory, else the package's own (the checkout's
    ``discourse.toml``)."""
    from discourse.study import load

    return load(root)


class _Corpora:
    """Load each corpus path once per build; know which files each one read."""

    def __init__(self, study, corpus: Any = None):
        self.study = study
        self.root = study.root
        self.override = corpus
        self._cache: dict[str, tuple[pd.DataFrame, dict[str, str]]] = {}
        self._annotated: dict[int, Any] = {}

    def _name(self, spec: FigureSpec) -> str | None:
        name = spec.corpus
        if name is None or name not in self.study.corpora:
            # a study's figure without corpus=, or a package figure included by a study
            # without a corpus of that name: the study's default corpus
            return self.study.default_corpus
        return name

    def path_for(self, spec: FigureSpec, recorded: str | None = None) -> Any:
        """Where figure ``spec`` reads its corpus: ``--corpus`` (``corpus=``) for the
        study's default corpus, else ``recorded`` (a path a check rebuilds from: the one an
        earlier build was given with ``--corpus``), else the study's ``[corpora.NAME] path``."""
        name = self._name(spec)
        if name is None:
            from discourse.study import StudyError

            raise StudyError(f"discourse.toml: figure {spec.name!r} needs a corpus: declare one in [corpora.NAME]")
        if self.replaced(spec, recorded):  # what --corpus replaces
            return self.override if self.override is not None else _abs(recorded, self.root)
        return self.study.corpus_path(name)

    def replaced(self, spec: FigureSpec, recorded: str | None = None) -> bool:
        """True when figure ``spec`` reads another corpus than its ``discourse.toml`` one
        (``--corpus``, or the ``recorded`` path of a ``--corpus`` build)."""
        return (self._name(spec) == self.study.default_corpus
                and (self.override is not None or recorded is not None))

    def corpus_name(self, spec: FigureSpec) -> str | None:
        """The ``[corpora.NAME]`` figure ``spec`` is drawn from."""
        return self._name(spec)

    def content(self, src: Any, inputs: dict[str, str]) -> str:
        """One sha256 of the corpus's content: its files' sha256 with their names relative
        to the corpus (not to the study), so the same files elsewhere hash the same. The
        study's lexicons are left out (they are inputs of their own)."""
        import hashlib

        lexicons = {_rel(p, self.root) for p in self.study.lexicons().values()}
        base = None
        if not isinstance(src, pd.DataFrame):
            path = Path(src)
            if glob_magic(str(src)):
                parts = []
                for part in path.parts:
                    if glob_magic(part):
                        break
                    parts.append(part)
                base = Path(*parts) if parts else Path(".")
            else:
                base = path if path.is_dir() else path.parent
            base = Path(os.path.abspath(base))
        lines = []
        for rel, sha in sorted(inputs.items()):
            if rel in lexicons:
                continue
            name = rel
            if base is not None:
                try:
                    name = Path(os.path.abspath(_abs(rel, self.root))).relative_to(base).as_posix()
                except ValueError:
                    pass
            lines.append(f"{name}\t{sha}")
        return hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()

    def columns_for(self, spec: FigureSpec) -> dict[str, str] | None:
        name = self._name(spec)
        return self.study.columns(name) if name is not None else None

    def label(self, src: Any) -> str:
        if isinstance(src, pd.DataFrame):
            return "<DataFrame>"
        return _rel(Path(src), self.root)

    def get(self, src: Any, columns: dict[str, str] | None = None) -> tuple[pd.DataFrame, dict[str, str]]:
        """The corpus table and ``{input path: sha256}`` of the files it came from."""
        if isinstance(src, pd.DataFrame):
            return src, self._inputs(src, None)
        key = os.path.abspath(src)
        if key not in self._cache:
            import glob

            from discourse import corpus as corpus_mod

            path = Path(src)
            if not path.exists() and not (glob.has_magic(str(src)) and glob.glob(str(src))):
                raise FileNotFoundError(f"corpus not found: {path}")
            df = corpus_mod.load(str(path), progress=False, columns=columns)
            self._cache[key] = (df, self._inputs(df, path))
        return self._cache[key]

    def annotations(self, df: pd.DataFrame):
        """:func:`discourse.text.annotate` of ``df``, once per build."""
        if id(df) not in self._annotated:
            from discourse import text

            self._annotated[id(df)] = (df, text.annotate(df))
        return self._annotated[id(df)][1]

    def _inputs(self, df: pd.DataFrame, path: Path | None) -> dict[str, str]:
        files: set[Path] = set()
        if "source" in df.columns:
            for src in df["source"].dropna().astype(str):
                f = Path(src)
                if not f.is_file() and "#" in src:
                    f = Path(src.rsplit("#", 1)[0])
                if not f.is_absolute():
                    # corpus.load records paths as given; resolve against cwd, then root
                    f = f if f.exists() else self.root / f
                if f.is_file():
                    files.add(f)
        if path is not None and path.is_dir():
            # metadata files the loader applies (corpus.toml) are inputs too
            files.update(p for p in path.rglob("corpus.toml") if p.is_file())
        # the study's lexicons are inputs of every figure
        files.update(self.study.lexicons().values())
        return {_rel(f, self.root): _sha256_file(f) for f in sorted(files, key=lambda p: _rel(p, self.root))}
