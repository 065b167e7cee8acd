"""Streaming runs: the per-document analyses of a corpus too large for memory, chunk by
chunk, each result table written as Parquet as it is made.

:func:`run` reads a corpus in chunks (a DataFrame, a saved Parquet corpus file or a
partitioned folder written by :func:`discourse.corpus.save`), annotates each chunk once
(:func:`discourse.text.annotate`), runs the chosen steps on it and writes one Parquet
file per step and chunk::

    out/quotes/part-00000-00003.parquet      (source file 0, chunk 3)
    out/terms/part-00000-00003.parquet

Every file is written beside its final name and renamed into place, so an interrupted
run never leaves a half-written file, and a run started again with the same source,
steps and ``chunk_size`` skips the chunks whose files exist. Read the results with
``pandas.read_parquet(out / "quotes")`` or :func:`discourse.corpus.query`.

The steps are per-document analyses, so the concatenated chunks equal the in-memory
analysis of the whole corpus (tested), in this process or on a Dask cluster
(``scheduler=``). Not built yet (issue #18): CSV/JSON Lines sources read in chunks
(save them as Parquet first) and corpus-level statistics from the streamed counts.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterator, Sequence

import pandas as pd

__all__ = ["run", "STEPS"]

#: the steps :func:`run` can take, and what each writes (one row per ...)
STEPS = {
    "sentences": "sentence (text.annotate: doc_id, para_id, sent_id, start, end)",
    "quotes": "quotation (quotes.find on the shared annotations)",
    "terms": "lexicon match with voice (terms.find; lexicon= or the bundled loaded-language lexicon)",
    "sentiment": "document (sentiment.score(level='document'))",
    "frames": "document and generic frame (framing.score)",
    "counts": "document and word (text.dtm(...).to_frame(): doc_id, term, n)",
}


def _chunks(source, chunk_size: int) -> Iterator[tuple[str, pd.DataFrame]]:
    """(key, corpus table) per chunk, in a fixed order that does not depend on the machine."""
    if isinstance(source, pd.DataFrame):
        for i, start in enumerate(range(0, len(source), chunk_size)):
            yield f"00000-{i:05d}", source.iloc[start:start + chunk_size]
        return
    import pyarrow.parquet as pq

    from discourse.corpus._query import _typed, parquet_files

    path = Path(source)
    if path.is_dir():
        files = parquet_files(path)
    elif path.is_file() and path.suffix.lower() in {".parquet", ".pq"}:
        files = [path]
    elif path.exists():
        raise ValueError(f"source {path}: run reads a DataFrame or Parquet (a saved corpus file or folder); "
                         f"load it and save it first: discourse.corpus.save(discourse.corpus.load(...), 'corpus/', "
                         f"partition_by='outlet')")
    else:
        raise FileNotFoundError(f"source {path}: no such file or folder")
    if not files:
        raise FileNotFoundError(f"source {path}: no Parquet files in this folder")
    for f, file in enumerate(files):
        reader = pq.ParquetFile(file)
        for b, batch in enumerate(reader.iter_batches(batch_size=chunk_size)):
            table = _typed(batch.to_pandas())
            if not {"doc_id", "text"} <= set(table.columns):
                raise ValueError(f"source {file}: not a corpus table (needs doc_id and text; has "
                                 f"{list(table.columns)[:12]})")
            yield f"{f:05d}-{b:05d}", table


def _step(name: str, ann, lexicon) -> pd.DataFrame:
    from discourse import framing, sentiment, terms, text

    if name == "sentences":
        return ann.sentences
    if name == "quotes":
        return ann.quotes
    if name == "terms":
        return terms.find(ann, lexicon)
    if name == "sentiment":
        return sentiment.score(ann, level="document")
    if name == "frames":
        return framing.score(ann)
    return text.dtm(ann).to_frame()


def _run_chunk(key: str, chunk: pd.DataFrame, todo: list[str], paths: dict, lexicon, n_jobs: int) -> list[dict]:
    """Annotate one chunk, run its steps, write their files: the unit of work, in this
    process or on a Dask worker."""
    from discourse.text import annotate
    from discourse.text._annotate import _CACHE, _key

    ann = annotate(chunk, n_jobs=n_jobs, progress=False)
    log = []
    try:
        for s in todo:
            table = _step(s, ann, lexicon)
            _write(table, Path(paths[s]))
            log.append({"chunk": key, "step": s, "rows": len(table), "docs": len(chunk), "status": "written",
                        "path": str(paths[s])})
    finally:
        _CACHE.pop(_key(chunk, False), None)  # not needed again: memory stays bounded by the chunk
    return log


def _client(scheduler):
    """(client, close it after) from a dask.distributed Client or a scheduler address."""
    if scheduler is None:
        return None, False
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - the dask extra is in the dev install
        raise ImportError("scheduler= needs dask.distributed: pip install 'discourse[dask]'") from None
    if isinstance(scheduler, Client):
        return scheduler, False
    if isinstance(scheduler, str):
        return Client(scheduler), True
    raise TypeError(f"scheduler: a dask.distributed Client or a scheduler address such as "
                    f"'tcp://10.0.0.5:8786', not {type(scheduler).__name__}")


def _write(table: pd.DataFrame, path: Path) -> None:
    """Write beside the final name, then rename: the file is whole or absent."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    table = table.copy()
    table.attrs = {}
    try:
        table.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def run(source, steps: str | Sequence[str], out: str | Path, *, chunk_size: int = 1000, n_jobs: int = 1,
        scheduler=None, lexicon=None, progress: bool | None = None) -> pd.DataFrame:
    """Run per-document analyses over a corpus chunk by chunk, writing Parquet as it goes.

    Parameters
    ----------
    source : DataFrame, str or Path
        A corpus table, a saved corpus (``.parquet``) or a folder of them (a
        partitioned corpus from :func:`discourse.corpus.save`).
    steps : str or list of str
        Any of :data:`STEPS`: ``"sentences"``, ``"quotes"``, ``"terms"``,
        ``"sentiment"``, ``"frames"``, ``"counts"``.
    out : str or Path
        The output folder: one sub-folder per step, one file per chunk.
    chunk_size : int, default 1000
        Articles per chunk (memory grows with it, not with the corpus).
    n_jobs : int, default 1
        Processes for the annotation of each chunk (:func:`discourse.text.annotate`);
        results are identical to ``n_jobs=1``.
    scheduler : dask.distributed.Client or str, optional
        Run the chunks on a Dask cluster: a ``Client`` (``Client(LocalCluster())`` on
        one machine, ``Client("tcp://10.0.0.5:8786")`` for an existing cluster) or the
        scheduler's address. Workers write the files themselves, so ``out`` must be a
        folder every worker can reach (a shared or network file system). The files are
        identical to an in-process run.
    lexicon : lexicon, optional
        The lexicon of the ``terms`` step (default: the bundled loaded-language lexicon).
    progress : bool or None
        A progress bar over chunks (``None``: when there are several).

    Returns
    -------
    DataFrame
        One row per chunk and step: ``chunk``, ``step``, ``rows``, ``docs``,
        ``status`` (``"written"`` or ``"skipped"`` when a former run wrote it), ``path``.

    Examples
    --------
    >>> import tempfile
    >>> df = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": "X",
    ...                    "text": ['"We won," she said.', "Rain.", "The regime fell."]})
    >>> log = run(df, ["quotes", "sentiment"], tempfile.mkdtemp(), chunk_size=2, progress=False)
    >>> log[["chunk", "step", "rows", "status"]].values.tolist()
    [['00000-00000', 'quotes', 1, 'written'], ['00000-00000', 'sentiment', 2, 'written'], ['00000-00001', 'quotes', 0, 'written'], ['00000-00001', 'sentiment', 1, 'written']]
    """
    from discourse._progress import progress as _progress

    wanted = [steps] if isinstance(steps, str) else list(steps)
    bad = [s for s in wanted if s not in STEPS]
    if not wanted or bad:
        raise ValueError(f"steps: {bad or 'none given'}; choose from {list(STEPS)}")
    wanted = list(dict.fromkeys(wanted))
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a whole number >= 1, not {chunk_size!r}")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"out {out}: is a file; give a folder for the results")
    lex = None
    if "terms" in wanted:
        from discourse.terms._find import as_lexicon

        lex = as_lexicon(lexicon)
    settings = {"chunk_size": chunk_size, "lexicon": None if lex is None else _fingerprint(lex)}
    _check_settings(out, settings)
    for s in wanted:
        (out / s).mkdir(parents=True, exist_ok=True)
    client, close = _client(scheduler)
    log: list[dict] = []
    chunks = _chunks(source, chunk_size)
    total = -(-len(source) // chunk_size) if isinstance(source, pd.DataFrame) else None
    pending: list = []
    try:
        limit = 2 * max(1, len(client.scheduler_info().get("workers", {}))) if client is not None else 0
        for key, chunk in _progress(chunks, total=total, desc="chunks", enabled=progress):
            paths = {s: str(out.absolute() / s / f"part-{key}.parquet") for s in wanted}
            todo = [s for s in wanted if not Path(paths[s]).exists()]
            log.extend({"chunk": key, "step": s, "rows": pd.NA, "docs": len(chunk), "status": "skipped",
                        "path": paths[s]} for s in wanted if s not in todo)
            if not todo:
                continue
            if client is None:
                log.extend(_run_chunk(key, chunk, todo, paths, lex, n_jobs))
                continue
            pending.append(client.submit(_run_chunk, key, chunk, todo, paths, lex, n_jobs, pure=False))
            while len(pending) >= limit:  # a bounded number of chunks in flight
                from distributed import wait

                done = wait(pending, return_when="FIRST_COMPLETED").done
                log.extend(row for f in done for row in f.result())
                pending = [f for f in pending if f not in done]
        for f in pending:
            log.extend(f.result())
        pending = []
    finally:
        for f in pending:
            f.cancel()
        if close:
            client.close()
    order = {s: i for i, s in enumerate(wanted)}
    log.sort(key=lambda r: (r["chunk"], order[r["step"]]))
    result = pd.DataFrame(log, columns=["chunk", "step", "rows", "docs", "status", "path"])
    result["rows"] = result["rows"].astype("Int64")
    return result


def _fingerprint(table: pd.DataFrame) -> str:
    """A hash of the lexicon's rows, so a resumed run cannot mix two lexicons."""
    import hashlib

    return hashlib.sha1(table.to_csv(index=False).encode("utf-8")).hexdigest()[:16]


def _check_settings(out: Path, settings: dict) -> None:
    """A run resumed in the same folder must cut the same chunks (and match terms with
    the same lexicon)."""
    marker = out / "_run.json"
    before = json.loads(marker.read_text(encoding="utf-8")) if marker.exists() else {}
    clash = {k: (before[k], v) for k, v in settings.items()
             if v is not None and before.get(k) is not None and before[k] != v}
    if clash:
        said = ", ".join(f"{k} {a} before, {b} now" for k, (a, b) in clash.items())
        raise ValueError(f"out {out}: holds a run with other settings ({said}); resume with the same "
                         f"chunk_size and lexicon, or choose a new folder")
    merged = {**before, **{k: v for k, v in settings.items() if v is not None}}
    if merged != before:
        out.mkdir(parents=True, exist_ok=True)
        tmp = marker.with_name(f".{marker.name}.tmp-{os.getpid()}")
        tmp.write_text(json.dumps(merged, sort_keys=True), encoding="utf-8")
        os.replace(tmp, marker)
