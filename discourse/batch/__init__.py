"""Streaming runs: the per-document analyses of a corpus too large for memory, chunk by
chunk, each result table written as Parquet as it is made; corpus-level statistics
from what was written.

:func:`run` reads a corpus in chunks (a DataFrame, a JSON Lines or CSV/TSV file, a
Parquet table or saved corpus, or a folder of them), loads each chunk as
:func:`discourse.corpus.load` would, annotates it once (:func:`discourse.text.annotate`),
runs the chosen steps on it and writes one Parquet file per step and chunk::

    out/quotes/part-00000-00003.parquet      (source file 0, chunk 3)
    out/documents/part-00000-00003.parquet   (always: metadata, words, text_key)
    out/load_report/part-00000-00003.parquet (always: records not loaded, warnings)

Every file is written beside its final name and renamed into place, so an interrupted
run never leaves a half-written file, and a run started again with the same source,
steps and ``chunk_size`` skips the chunks whose files exist.

From a run's folder: :func:`read` (one step's table), :func:`documents` (the corpus's
metadata, exact duplicates flagged), :func:`rates` (``terms.rates`` from the ``terms``
step), :func:`keyness` (``keyness.score`` from the ``counts`` step), and for topics a
model fitted on :func:`sample` and applied to every chunk by the ``topics`` step. See
``docs/scale.md``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pandas as pd

from discourse.batch._run import ALWAYS, STEPS
from discourse.batch._stats import documents, keyness, rates, read, sample

__all__ = ["run", "STEPS", "read", "documents", "rates", "keyness", "sample"]


def run(source, steps: str | Sequence[str], out: str | Path, *, chunk_size: int = 1000, n_jobs: int = 1,
        scheduler=None, lexicon=None, model=None, columns: dict[str, str] | None = None,
        progress: bool | None = None) -> pd.DataFrame:
    """Run per-document analyses over a corpus chunk by chunk, writing Parquet as it goes.

    Parameters
    ----------
    source : DataFrame, str or Path
        A corpus table; a JSON Lines (``.jsonl``/``.ndjson``) or CSV/TSV file read
        ``chunk_size`` records at a time; a Parquet table or saved corpus; or a folder
        of such files (a partitioned corpus from :func:`discourse.corpus.save`, or
        many exports), read in sorted order. Files are loaded as
        :func:`discourse.corpus.load` loads them (the same columns, ids, text
        normalisation and dates; ``docs/scale.md`` lists what needs the whole corpus).
    steps : str or list of str
        Any of :data:`STEPS`: ``"sentences"``, ``"quotes"``, ``"terms"``,
        ``"sentiment"``, ``"frames"``, ``"counts"``, ``"topics"``.
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
        scheduler's address. This process reads the source and sends the chunks;
        workers write the files themselves, so ``out`` must be a folder every worker
        can reach. The files are identical to an in-process run.
    lexicon : lexicon, optional
        The lexicon of the ``terms`` step (default: the bundled loaded-language lexicon).
    model : TopicModel, optional
        The fitted topic model the ``topics`` step applies to every chunk
        (``model.transform``): fit it on :func:`sample`.
    columns : dict, optional
        Which file column holds which field (as in :func:`discourse.corpus.load`).
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
    from discourse.batch import _run as R

    wanted = R.check_steps(steps, chunk_size, model)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"out {out}: is a file; give a folder for the results")
    if columns is not None and not (isinstance(columns, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in columns.items())):
        raise TypeError(f"columns must be a dict {{file column: field}}, not {columns!r}")
    lex = None
    if "terms" in wanted:
        from discourse.terms._find import as_lexicon

        lex = as_lexicon(lexicon)
    settings = {"chunk_size": chunk_size, "lexicon": None if lex is None else R.fingerprint(lex),
                "source": R.fingerprint_source(source), "columns": columns,
                "model": R.model_fingerprint(model) if "topics" in wanted else None}
    R.check_settings(out, settings)
    for s in (*ALWAYS, *wanted):
        (out / s).mkdir(parents=True, exist_ok=True)
    client, close = R.client_of(scheduler)
    mod = model if "topics" in wanted else None
    log: list[dict] = []
    total = -(-len(source) // chunk_size) if isinstance(source, pd.DataFrame) else None
    pending: list = []
    try:
        limit = 2 * max(1, len(client.scheduler_info().get("workers", {}))) if client is not None else 0
        if client is not None:  # sent to every worker once, not with every chunk
            lex_arg = client.scatter(lex, broadcast=True) if lex is not None else None
            mod_arg = client.scatter(mod, broadcast=True) if mod is not None else None
        for key, chunk in _progress(R.chunks(source, chunk_size, columns), total=total, desc="chunks",
                                    enabled=progress):
            paths = {s: str(out.absolute() / s / f"part-{key}.parquet") for s in (*ALWAYS, *wanted)}
            todo = [s for s in paths if not Path(paths[s]).exists()]
            log.extend({"chunk": key, "step": s, "rows": pd.NA, "docs": len(chunk), "status": "skipped",
                        "path": paths[s]} for s in wanted if s not in todo)
            if not todo:
                continue
            if client is None:
                log.extend(R.run_chunk(key, chunk, todo, paths, lex, mod, n_jobs))
                continue
            pending.append(client.submit(R.run_chunk, key, chunk, todo, paths, lex_arg, mod_arg, n_jobs, pure=False))
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
