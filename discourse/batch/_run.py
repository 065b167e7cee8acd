"""batch.run: the chunks of a source, the unit of work, resumable atomic writes."""
from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Iterator, Sequence

import pandas as pd

#: the steps :func:`run` can take, and what each writes (one row per ...)
STEPS = {
    "sentences": "sentence (text.annotate: doc_id, para_id, sent_id, start, end)",
    "quotes": "quotation (quotes.find on the shared annotations)",
    "terms": "lexicon match with voice (terms.find; lexicon= or the bundled loaded-language lexicon)",
    "sentiment": "document (sentiment.score(level='document'))",
    "frames": "document and generic frame (framing.score)",
    "counts": "document and word (text.dtm(...).to_frame(): doc_id, term, n)",
    "topics": "document and topic (model.transform with the fitted model= : doc_id, topic, share)",
}
#: tables every run writes beside its steps
ALWAYS = ("documents", "load_report")
_WORD = re.compile(r"\w+")


def chunks(source, chunk_size: int, columns: dict | None = None) -> Iterator[tuple[str, pd.DataFrame]]:
    """(key, corpus table) per chunk, in a fixed order that depends only on the source
    and ``chunk_size`` (never on the machine or on what is in memory)."""
    if isinstance(source, pd.DataFrame):
        if not {"doc_id", "text"} <= set(source.columns):
            raise ValueError("source: a corpus table needs doc_id and text; pass it through "
                             "discourse.corpus.validate(df) first")
        for i, start in enumerate(range(0, len(source), chunk_size)):
            yield f"00000-{i:05d}", source.iloc[start:start + chunk_size]
        return
    from discourse.corpus._stream import chunks as stream, source_files

    path = Path(source)
    files = source_files(path)
    for key, table in stream(files, chunk_size, columns=columns, roots=path if path.is_dir() else path.parent):
        if not {"doc_id", "text"} <= set(table.columns):
            raise ValueError(f"source {files[int(key[:5])]}: not a corpus table (needs doc_id and text; has "
                             f"{list(table.columns)[:12]})")
        yield key, table


def fingerprint_source(source) -> list | None:
    """Names and sizes of the source's files, so a resumed run cannot read another source."""
    if isinstance(source, pd.DataFrame):
        return None
    from discourse.corpus._stream import source_files

    path = Path(source)
    return [[str(f.relative_to(path)) if path.is_dir() else f.name, f.stat().st_size] for f in source_files(path)]


def text_key(text: str) -> str:
    """The identity of a text for exact duplicates: its words after case folding (the
    rule of :func:`discourse.corpus.find_duplicates`), hashed."""
    return hashlib.sha1(" ".join(_WORD.findall(text.casefold())).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def documents_of(chunk: pd.DataFrame) -> pd.DataFrame:
    """The chunk's metadata without the text, with ``words`` (the denominator of every
    rate: :data:`discourse.words.WORD_PATTERN`) and ``text_key``."""
    from discourse.words import WORD_PATTERN

    texts = chunk["text"].astype(str).tolist()
    out = chunk.drop(columns="text").reset_index(drop=True)
    out["words"] = pd.array([len(WORD_PATTERN.findall(t)) for t in texts], dtype="int64")
    out["text_key"] = pd.array([text_key(t) for t in texts], dtype="string")
    return out


def _report_of(chunk: pd.DataFrame) -> pd.DataFrame:
    report = chunk.attrs.get("load_report")
    cols = ["source", "record", "reason"]
    if report is None:
        return pd.DataFrame({c: pd.Series([], dtype="string") for c in cols})
    return pd.DataFrame(report)[cols].astype("string").reset_index(drop=True)


def step(name: str, ann, lexicon, model) -> pd.DataFrame:
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
    if name == "topics":
        return model.transform(ann)
    return text.dtm(ann).to_frame()


def run_chunk(key: str, chunk: pd.DataFrame, todo: list[str], paths: dict, lexicon, model,
              n_jobs: int) -> list[dict]:
    """Annotate one chunk, run its steps, write their files: the unit of work, in this
    process or on a Dask worker."""
    from discourse.batch import _run
    from discourse.text import annotate
    from discourse.text._annotate import _CACHE, _key

    log = []
    for s in [s for s in todo if s in ALWAYS]:
        write(documents_of(chunk) if s == "documents" else _report_of(chunk), Path(paths[s]))
    steps = [s for s in todo if s not in ALWAYS]
    if not steps:
        return log
    ann = annotate(chunk, n_jobs=n_jobs, progress=False)
    try:
        for s in steps:
            table = _run.step(s, ann, lexicon, model)
            write(table, Path(paths[s]))
            log.append({"chunk": key, "step": s, "rows": len(table), "docs": len(chunk), "status": "written",
                        "path": str(paths[s])})
    finally:
        _CACHE.pop(_key(chunk, False), None)  # not needed again: memory stays bounded by the chunk
    return log


def client_of(scheduler):
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


def write(table: pd.DataFrame, path: Path) -> None:
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


def fingerprint(table: pd.DataFrame) -> str:
    """A hash of the lexicon's rows, so a resumed run cannot mix two lexicons."""
    return hashlib.sha1(table.to_csv(index=False).encode("utf-8")).hexdigest()[:16]


def model_fingerprint(model) -> str:
    """A hash of a fitted topic model's terms and topics."""
    import numpy as np

    h = hashlib.sha1(np.asarray(model.components_, dtype=np.float64).tobytes())
    h.update("\n".join(map(str, model.terms_)).encode("utf-8"))
    return h.hexdigest()[:16]


def check_settings(out: Path, settings: dict) -> None:
    """A run resumed in the same folder must cut the same chunks from the same source
    (and match terms with the same lexicon, topics with the same model)."""
    marker = out / "_run.json"
    before = json.loads(marker.read_text(encoding="utf-8")) if marker.exists() else {}
    clash = {k: (before[k], v) for k, v in settings.items()
             if v is not None and before.get(k) is not None and before[k] != v}
    if clash:
        said = ", ".join(f"{k} {_short(a)} before, {_short(b)} now" for k, (a, b) in clash.items())
        raise ValueError(f"out {out}: holds a run with other settings ({said}); resume with the same "
                         f"source, chunk_size, columns, lexicon and model, or choose a new folder")
    merged = {**before, **{k: v for k, v in settings.items() if v is not None}}
    if merged != before:
        out.mkdir(parents=True, exist_ok=True)
        tmp = marker.with_name(f".{marker.name}.tmp-{os.getpid()}")
        tmp.write_text(json.dumps(merged, sort_keys=True), encoding="utf-8")
        os.replace(tmp, marker)


def _short(value) -> str:
    text = json.dumps(value) if not isinstance(value, (int, str)) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_steps(steps: str | Sequence[str], chunk_size, model) -> list[str]:
    wanted = [steps] if isinstance(steps, str) else list(steps)
    bad = [s for s in wanted if s not in STEPS]
    if not wanted or bad:
        raise ValueError(f"steps: {bad or 'none given'}; choose from {list(STEPS)}")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a whole number >= 1, not {chunk_size!r}")
    if "topics" in wanted and not hasattr(model, "components_"):
        raise ValueError("steps: 'topics' needs model=, a topic model fitted on a sample: "
                         "model = discourse.topics.fit(discourse.batch.sample(source, 5000), 20)")
    return list(dict.fromkeys(wanted))
