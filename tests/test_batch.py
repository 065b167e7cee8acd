"""batch.run: chunked per-document analyses written as Parquet, equal to the in-memory
path, resumable, never half-written (issue #18 item 1, first part)."""
from __future__ import annotations

import doctest

import pandas as pd
import pytest

from discourse import batch, corpus, framing, sentiment, terms, text

KEYS = {"sentences": ["doc_id", "sent_id"], "quotes": ["doc_id", "start", "end"], "terms": ["doc_id", "start", "end"],
        "sentiment": ["doc_id"], "frames": ["doc_id", "frame"], "counts": ["doc_id", "term"]}


@pytest.fixture(scope="module")
def news():
    rows = []
    for i in range(23):
        outlet = ["Alpha", "Beta", "Gamma"][i % 3]
        rows.append({"doc_id": f"d{i:02d}", "outlet": outlet, "published": f"2024-0{1 + i % 3}-1{i % 9}",
                     "text": f'The regime fell in district {i}, officials said. "We will rebuild," said Amina Noor.\n\n'
                             f'Critics called the so-called "reform" a disaster. The army lost {i} trucks. '
                             f'Prices rose sharply and families suffered.'})
    return corpus.validate(pd.DataFrame(rows))


def _whole(df):
    text.clear_cache()
    ann = text.annotate(df)
    return {"sentences": ann.sentences, "quotes": ann.quotes, "terms": terms.find(ann),
            "sentiment": sentiment.score(ann, level="document"), "frames": framing.score(ann),
            "counts": text.dtm(ann).to_frame()}


def _same(got: pd.DataFrame, want: pd.DataFrame, keys):
    a = got.sort_values(keys, kind="stable").reset_index(drop=True)
    b = want.sort_values(keys, kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b[a.columns], check_dtype=False)


def test_chunked_results_equal_the_in_memory_analysis(news, tmp_path):
    log = batch.run(news, list(batch.STEPS), tmp_path, chunk_size=5, progress=False)
    assert log["chunk"].nunique() == 5 and (log["status"] == "written").all()
    whole = _whole(news)
    assert len(whole["quotes"]) > 20 and len(whole["terms"]) > 0
    for step, want in whole.items():
        _same(pd.read_parquet(tmp_path / step), want, KEYS[step])


def test_a_partitioned_parquet_corpus_is_a_source(news, tmp_path):
    folder = corpus.save(news, tmp_path / "corpus", partition_by="outlet")
    batch.run(folder, ["quotes", "counts"], tmp_path / "out", chunk_size=4, progress=False)
    files = sorted(p.name for p in (tmp_path / "out" / "quotes").glob("*.parquet"))
    assert files[:3] == ["part-00000-00000.parquet", "part-00000-00001.parquet", "part-00001-00000.parquet"]
    whole = _whole(news)
    _same(pd.read_parquet(tmp_path / "out" / "quotes"), whole["quotes"], KEYS["quotes"])
    _same(pd.read_parquet(tmp_path / "out" / "counts"), whole["counts"], KEYS["counts"])


def test_an_interrupted_run_resumes_without_redoing_chunks_or_leaving_half_files(news, tmp_path, monkeypatch):
    real, calls = batch._step, []

    def flaky(name, ann, lexicon):
        calls.append(name)
        if len(calls) == 5:  # the third chunk's first step
            raise KeyboardInterrupt
        return real(name, ann, lexicon)

    monkeypatch.setattr(batch, "_step", flaky)
    with pytest.raises(KeyboardInterrupt):
        batch.run(news, ["quotes", "sentiment"], tmp_path, chunk_size=5, progress=False)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".parquet") == [
        "part-00000-00000.parquet", "part-00000-00000.parquet", "part-00000-00001.parquet",
        "part-00000-00001.parquet"]
    assert not [p for p in tmp_path.rglob(".*") if p.is_file()]  # no temporary files left
    monkeypatch.setattr(batch, "_step", real)
    log = batch.run(news, ["quotes", "sentiment"], tmp_path, chunk_size=5, progress=False)
    assert log.groupby("status").size().to_dict() == {"skipped": 4, "written": 6}
    _same(pd.read_parquet(tmp_path / "quotes"), _whole(news)["quotes"], KEYS["quotes"])


def test_memory_is_bounded_by_the_chunk_not_the_corpus(news, tmp_path, monkeypatch):
    from discourse.text import _annotate

    seen = []
    real = _annotate.annotate
    text.annotate(news.head(2))  # a user's cached annotations survive the run
    before = len(_annotate._CACHE)

    def spy(chunk, **kw):
        seen.append((len(chunk), len(_annotate._CACHE)))
        return real(chunk, **kw)

    monkeypatch.setattr("discourse.text.annotate", spy)
    batch.run(news, ["sentiment"], tmp_path, chunk_size=6, progress=False)
    assert [n for n, _ in seen] == [6, 6, 6, 5]
    assert all(cached == before for _, cached in seen)  # each chunk leaves the cache as it found it
    assert len(_annotate._CACHE) == before


def test_a_resumed_run_must_cut_the_same_chunks(news, tmp_path):
    batch.run(news, ["sentiment"], tmp_path, chunk_size=5, progress=False)
    with pytest.raises(ValueError, match="holds a run with other settings .chunk_size 5 before, 7 now"):
        batch.run(news, ["sentiment"], tmp_path, chunk_size=7, progress=False)
    batch.run(news, ["terms"], tmp_path, chunk_size=5, lexicon={"x": ["regime"]}, progress=False)
    batch.run(news, ["sentiment"], tmp_path, chunk_size=5, progress=False)  # steps without terms: any lexicon
    with pytest.raises(ValueError, match="holds a run with other settings .lexicon"):
        batch.run(news, ["terms"], tmp_path, chunk_size=5, lexicon={"x": ["army"]}, progress=False)


@pytest.mark.parametrize("kwargs,error,match", [
    ({"steps": ["quotes", "topics"]}, ValueError, r"steps: \['topics'\]; choose from"),
    ({"steps": []}, ValueError, "none given"),
    ({"chunk_size": 0}, ValueError, "chunk_size must be a whole number >= 1"),
])
def test_bad_options_are_named(news, tmp_path, kwargs, error, match):
    args = {"steps": ["quotes"], "chunk_size": 5, **kwargs}
    with pytest.raises(error, match=match):
        batch.run(news, args.pop("steps"), tmp_path, progress=False, **args)


def test_sources_that_are_not_a_corpus_say_what_to_do(tmp_path):
    (tmp_path / "a.csv").write_text("text\nhello\n")
    with pytest.raises(ValueError, match="load it and save it first"):
        batch.run(tmp_path / "a.csv", "quotes", tmp_path / "out", progress=False)
    with pytest.raises(FileNotFoundError, match="no such file"):
        batch.run(tmp_path / "missing", "quotes", tmp_path / "out", progress=False)
    pd.DataFrame({"x": [1]}).to_parquet(tmp_path / "x.parquet")
    with pytest.raises(ValueError, match="not a corpus table"):
        batch.run(tmp_path / "x.parquet", "quotes", tmp_path / "out2", progress=False)


def test_docstring_example_runs():
    assert doctest.testmod(batch, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def test_discourse_run_on_the_command_line(news, tmp_path, capsys):
    from discourse import cli

    path = corpus.save(news, tmp_path / "corpus.parquet")
    out = tmp_path / "out"
    assert cli.main(["run", str(path), "--steps", "quotes,sentiment", "--out", str(out), "--chunk-size", "10"]) == 0
    said = capsys.readouterr().out
    assert "3 chunks: 6 files written, 0 already there" in said
    assert len(pd.read_parquet(out / "sentiment")) == len(news)
    assert cli.main(["run", str(path), "--steps", "quotes", "--out", str(out), "--chunk-size", "10"]) == 0
    assert "0 files written, 3 already there" in capsys.readouterr().out
    assert cli.main(["run", str(path), "--steps", "topics", "--out", str(out), "--quiet"]) == 2
    assert "discourse run: error: steps: ['topics']; choose from" in capsys.readouterr().err


def test_a_dask_cluster_writes_the_same_files(news, tmp_path):
    distributed = pytest.importorskip("distributed")
    batch.run(news, ["quotes", "terms", "counts"], tmp_path / "here", chunk_size=5, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster, distributed.Client(cluster) as client:
        log = batch.run(news, ["quotes", "terms", "counts"], tmp_path / "dask", chunk_size=5, scheduler=client,
                        progress=False)
        assert log["chunk"].tolist() == sorted(log["chunk"]) and (log["status"] == "written").all()
        again = batch.run(news, ["quotes"], tmp_path / "dask", chunk_size=5, scheduler=cluster.scheduler_address,
                          progress=False)
        assert (again["status"] == "skipped").all()
    for step in ("quotes", "terms", "counts"):
        here = sorted((tmp_path / "here" / step).glob("*.parquet"))
        there = sorted((tmp_path / "dask" / step).glob("*.parquet"))
        assert [p.name for p in here] == [p.name for p in there]
        for a, b in zip(here, there):
            pd.testing.assert_frame_equal(pd.read_parquet(a), pd.read_parquet(b))


def test_scheduler_must_be_a_client_or_an_address(news, tmp_path):
    with pytest.raises(TypeError, match="a dask.distributed Client or a scheduler address"):
        batch.run(news, "quotes", tmp_path, scheduler=2, progress=False)
