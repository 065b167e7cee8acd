"""batch.run: chunked per-document analyses written as Parquet, equal to the in-memory
path, resumable, never half-written; JSON Lines and CSV sources read in chunks; corpus
statistics from a run's folder equal to the in-memory ones (issue #18)."""
from __future__ import annotations

import doctest
import json

import numpy as np
import pandas as pd
import pytest

from discourse import batch, corpus, framing, keyness, sentiment, terms, text, topics
from discourse.batch import _run

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
    log = batch.run(news, [s for s in batch.STEPS if s != "topics"], tmp_path, chunk_size=5, progress=False)
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
    real, calls = _run.step, []

    def flaky(name, ann, lexicon, model):
        calls.append(name)
        if len(calls) == 5:  # the third chunk's first step
            raise KeyboardInterrupt
        return real(name, ann, lexicon, model)

    monkeypatch.setattr(_run, "step", flaky)
    with pytest.raises(KeyboardInterrupt):
        batch.run(news, ["quotes", "sentiment"], tmp_path, chunk_size=5, progress=False)
    assert sorted(p.name for p in (tmp_path / "quotes").glob("*")) + sorted(
        p.name for p in (tmp_path / "sentiment").glob("*")) == [
        "part-00000-00000.parquet", "part-00000-00001.parquet", "part-00000-00000.parquet",
        "part-00000-00001.parquet"]
    assert not [p for p in tmp_path.rglob(".*") if p.is_file()]  # no temporary files left
    monkeypatch.setattr(_run, "step", real)
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
    ({"steps": ["quotes", "topic"]}, ValueError, r"steps: \['topic'\]; choose from"),
    ({"steps": []}, ValueError, "none given"),
    ({"chunk_size": 0}, ValueError, "chunk_size must be a whole number >= 1"),
])
def test_bad_options_are_named(news, tmp_path, kwargs, error, match):
    args = {"steps": ["quotes"], "chunk_size": 5, **kwargs}
    with pytest.raises(error, match=match):
        batch.run(news, args.pop("steps"), tmp_path, progress=False, **args)


def test_sources_that_are_not_a_corpus_say_what_to_do(tmp_path):
    (tmp_path / "a.docx").write_text("hello")
    with pytest.raises(ValueError, match="load it and save it first"):
        batch.run(tmp_path / "a.docx", "quotes", tmp_path / "out", progress=False)
    with pytest.raises(FileNotFoundError, match="no such file"):
        batch.run(tmp_path / "missing", "quotes", tmp_path / "out", progress=False)
    pd.DataFrame({"x": [1]}).to_parquet(tmp_path / "x.parquet")
    with pytest.raises(ValueError, match="x.parquet: no text column found"):
        batch.run(tmp_path / "x.parquet", "quotes", tmp_path / "out2", progress=False)
    (tmp_path / "mixed").mkdir()
    (tmp_path / "mixed" / "a.jsonl").write_text('{"text": "Rain."}\n')
    (tmp_path / "mixed" / "b.json").write_text('[{"text": "Sun."}]')
    (tmp_path / "mixed" / "README.md").write_text("About these files.")
    with pytest.raises(ValueError, match=r"1 file\(s\) a streamed run cannot read in chunks \(b.json\)"):
        batch.run(tmp_path / "mixed", "quotes", tmp_path / "out4", progress=False)
    with pytest.raises(ValueError, match="'topics' needs model="):
        batch.run(tmp_path / "x.parquet", "topics", tmp_path / "out3", progress=False)


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
    assert cli.main(["run", str(path), "--steps", "topic", "--out", str(out), "--quiet"]) == 2
    assert "discourse run: error: steps: ['topic']; choose from" in capsys.readouterr().err


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


# ---------------------------------------------------------------- JSON Lines and CSV sources
def _records():
    """Invented articles, with field names the table reader maps (headline, body, date),
    an extra column, an exact copy published earlier than its first appearance, a line
    that is not JSON and a record without text."""
    out = []
    for i in range(26):
        body = (f'The council met in ward {i}, residents said. "We need {i} new buses," said Lena Ortiz.\n\n'
                f'Critics called the so-called "plan" a failure. Prices rose sharply and families suffered.')
        out.append({"headline": f"Ward {i} meets", "body": body, "date": f"2024-0{1 + i % 3}-1{i % 9}",
                    "outlet": ["Alpha", "Beta", "Gamma"][i % 3], "section": ["city", "state"][i % 2]})
    out[20] = {**out[4], "headline": "Ward 4 again", "date": "2023-12-01", "outlet": "Beta"}  # earlier copy
    out[13]["body"] = out[13]["body"].replace("Critics", "Cri\u0301tics")  # decomposed: NFC makes it one letter
    return out


@pytest.fixture()
def jsonl(tmp_path):
    path = tmp_path / "big.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in _records()]
    lines.insert(7, '{"headline": "cut off", "body": "The')  # line 8: broken
    lines.insert(11, json.dumps({"headline": "no text", "body": "", "date": "2024-01-01"}))  # line 12
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _loaded(path):
    """The in-memory path: corpus.load with exact duplicates only (a streamed run flags no near copies)."""
    return corpus.load(path, duplicates=None, progress=False)


def _docs_equal(docs, loaded):
    want = loaded.drop(columns="text")
    got = docs[[c for c in want.columns]]
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True), check_dtype=False)


def test_a_jsonl_file_is_read_in_chunks_and_equals_the_loaded_corpus(jsonl, tmp_path):
    log = batch.run(jsonl, ["quotes", "terms", "sentiment", "counts"], tmp_path / "out", chunk_size=4, progress=False)
    assert log["chunk"].nunique() == 7  # 28 lines: 26 articles, a broken line, an empty text
    loaded = _loaded(jsonl)
    docs = batch.documents(tmp_path / "out")
    _docs_equal(docs, loaded)  # ids, NFC, dates, the extra column, duplicate_of
    assert docs["duplicate_of"].notna().sum() == 1 and docs.loc[4, "duplicate_of"] == docs.loc[20, "doc_id"]
    assert (docs["words"] > 20).all()
    streamed = batch.sample(jsonl, 100)  # every document, with its text
    assert streamed["text"].tolist() == loaded["text"].tolist() and "Cr\u00edtics" in streamed["text"][13]
    whole = _whole(loaded)
    for step in ("quotes", "terms", "sentiment", "counts"):
        _same(batch.read(tmp_path / "out", step), whole[step], KEYS[step])
    report = batch.read(tmp_path / "out", "load_report")
    bad = report[~report["reason"].str.startswith(("note:", "warning:"))]
    assert bad[["source", "record"]].values.tolist() == [[str(jsonl), "8"], [str(jsonl), "12"]]
    assert "invalid JSON on line 8" in bad["reason"].iloc[0] and "empty text" in bad["reason"].iloc[1]


def test_a_csv_file_and_a_folder_of_them(jsonl, tmp_path):
    rows = [r for r in _records()]
    folder = tmp_path / "exports"
    folder.mkdir()
    pd.DataFrame(rows[:15]).to_csv(folder / "a.csv", index=False)
    (folder / "b.jsonl").write_text("\n".join(json.dumps(r) for r in rows[15:]) + "\n", encoding="utf-8")
    log = batch.run(folder, ["quotes", "sentiment"], tmp_path / "out", chunk_size=6, progress=False)
    assert sorted(log["chunk"].unique()) == ["00000-00000", "00000-00001", "00000-00002", "00001-00000",
                                             "00001-00001"]
    loaded = _loaded(folder)
    _docs_equal(batch.documents(tmp_path / "out"), loaded)
    whole = _whole(loaded)
    _same(batch.read(tmp_path / "out", "quotes"), whole["quotes"], KEYS["quotes"])
    _same(batch.read(tmp_path / "out", "sentiment"), whole["sentiment"], KEYS["sentiment"])
    assert batch.read(tmp_path / "out", "documents")["source"].iloc[0] == f"{folder / 'a.csv'}#1"


def test_the_cli_runs_a_jsonl_file(jsonl, tmp_path, capsys):
    from discourse import cli

    out = tmp_path / "cli"
    assert cli.main(["run", str(jsonl), "--steps", "sentiment", "--out", str(out), "--chunk-size", "10"]) == 0
    assert "3 chunks: 3 files written" in capsys.readouterr().out
    assert len(batch.read(out, "sentiment")) == 26


def test_a_streamed_run_never_holds_more_than_a_chunk(jsonl, tmp_path, monkeypatch):
    from discourse.corpus import _stream

    held, real_rows, real_annotate = [], _stream._rows, text.annotate

    def rows(file, chunk_size):
        for part in real_rows(file, chunk_size):
            held.append(len(part[0]) + len(part[1]))  # raw records read at once
            yield part

    annotated = []

    def spy(chunk, **kw):
        annotated.append(len(chunk))
        return real_annotate(chunk, **kw)

    monkeypatch.setattr(_stream, "_rows", rows)
    monkeypatch.setattr("discourse.text.annotate", spy)
    batch.run(jsonl, ["counts"], tmp_path, chunk_size=4, progress=False)
    assert held == [4, 4, 4, 4, 4, 4, 4] and max(annotated) <= 4 and sum(annotated) == 26


def test_an_interrupted_jsonl_run_resumes(jsonl, tmp_path, monkeypatch):
    real, calls = _run.step, []

    def flaky(name, ann, lexicon, model):
        calls.append(name)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(name, ann, lexicon, model)

    monkeypatch.setattr(_run, "step", flaky)
    with pytest.raises(KeyboardInterrupt):
        batch.run(jsonl, ["counts"], tmp_path, chunk_size=4, progress=False)
    assert sorted(p.name for p in (tmp_path / "counts").iterdir()) == ["part-00000-00000.parquet",
                                                                      "part-00000-00001.parquet"]
    monkeypatch.setattr(_run, "step", real)
    log = batch.run(jsonl, ["counts"], tmp_path, chunk_size=4, progress=False)
    assert log["status"].tolist() == ["skipped"] * 2 + ["written"] * 5
    _same(batch.read(tmp_path, "counts"), _whole(_loaded(jsonl))["counts"], KEYS["counts"])
    with jsonl.open("a") as fh:  # another source (the file grew): refused
        fh.write(json.dumps({"body": "A new article.", "headline": "x"}) + "\n")
    with pytest.raises(ValueError, match="other settings .source"):
        batch.run(jsonl, ["counts"], tmp_path, chunk_size=4, progress=False)


# ---------------------------------------------------------------- statistics from a run's folder
@pytest.fixture(scope="module")
def ran(news, tmp_path_factory):
    out = tmp_path_factory.mktemp("ran")
    batch.run(news, ["terms", "counts"], out, chunk_size=5, progress=False)
    text.clear_cache()
    return out, text.annotate(news)


@pytest.mark.parametrize("options", [{}, {"by": None}, {"period": "M"}, {"by": ["outlet", "category"]},
                                     {"by": ["outlet", "voice"], "voice": ["authorial", "quoted"]},
                                     {"by": ["doc_id", "category"]}, {"by": "outlet", "per": 100, "n_boot": 50}])
def test_rates_from_a_run_equal_terms_rates(ran, options):
    out, ann = ran
    want = terms.rates(terms.find(ann), ann, **options)
    got = batch.rates(out, **options)
    assert len(got) > 2 or options.get("by", "x") is None
    pd.testing.assert_frame_equal(got, want)


def test_rates_count_only_the_documents_given(ran, news):
    out, ann = ran
    docs = batch.documents(out)
    some = docs[docs["outlet"] != "Beta"]
    got = batch.rates(out, documents=some, n_boot=30)
    sub = text.annotate(news[news["outlet"] != "Beta"].reset_index(drop=True))
    pd.testing.assert_frame_equal(got, terms.rates(terms.find(sub), sub, n_boot=30))


@pytest.mark.parametrize("options", [{}, {"target": "Alpha", "reference": "Beta"}, {"reference": "each"},
                                     {"method": "g2", "min_df": 3}, {"period": "Y", "method": "chi2"},
                                     {"by": None,
                                      "reference": pd.DataFrame({"term": ["regime", "the"], "n": [5, 900]})},
                                     {"stop_words": ["the", "regime", "of"]}, {"stop_words": None},
                                     {"stop_words": "english", "method": "g2"}])
def test_keyness_from_the_counts_equals_keyness_score(ran, options):
    out, ann = ran
    want = keyness.score(ann, **options)
    got = batch.keyness(out, **options)
    assert len(got) > 20
    pd.testing.assert_frame_equal(got, want)


def test_keyness_folds_the_chunk_sums_as_it_reads(ran, monkeypatch):
    from discourse.batch import _stats

    out, ann = ran
    monkeypatch.setattr(_stats, "_FOLD", 2)  # 5 chunks: folded twice on the way
    pd.testing.assert_frame_equal(batch.keyness(out, min_df=2), keyness.score(ann, min_df=2))


def test_keyness_within_periods_by_a_column_added_to_the_documents(ran, news):
    out, _ = ran
    half = news.assign(half=np.where(news.index % 2 == 0, "even", "odd"))
    want = keyness.score(text.annotate(half), by="half", period="M", target="even")
    docs = batch.documents(out)
    got = batch.keyness(out, documents=docs.assign(half=np.where(docs.index % 2 == 0, "even", "odd")), by="half",
                        period="M", target="even")
    assert got["period"].nunique() == 3
    pd.testing.assert_frame_equal(got, want)


def test_topics_fitted_on_a_sample_and_applied_to_every_chunk(news, tmp_path):
    s = batch.sample(news, 12, random_state=1)
    assert len(s) == 12 and s["doc_id"].tolist() == sorted(s["doc_id"])
    assert s.equals(batch.sample(news, 12, random_state=1))
    assert not s.equals(batch.sample(news, 12, random_state=2))
    for method in ("lda", "nmf"):
        with pytest.warns(UserWarning) if method == "lda" else _nothing():
            model = topics.fit(s, 2, method=method, min_df=1, max_df=1.0)
        batch.run(news, ["topics"], tmp_path / method, chunk_size=5, model=model, progress=False)
        got = batch.read(tmp_path / method, "topics")
        want = model.transform(news)
        got, want = (t.sort_values(["doc_id", "topic"]).reset_index(drop=True) for t in (got, want))
        assert got[["doc_id", "topic"]].equals(want[["doc_id", "topic"]])
        # LDA's transform is per document; NMF's stops on a tolerance over the whole batch
        np.testing.assert_allclose(got["share"], want["share"], atol=1e-12 if method == "lda" else 1e-3)
    with pytest.raises(ValueError, match="other settings .model"):
        batch.run(news, ["topics"], tmp_path / "nmf", chunk_size=5, model=topics.fit(news, 3, min_df=1, max_df=1.0),
                  progress=False)


def _nothing():
    import contextlib

    return contextlib.nullcontext()


def test_a_sample_of_a_jsonl_file_has_the_ids_of_the_run(jsonl, tmp_path):
    s = batch.sample(jsonl, 5)
    loaded = _loaded(jsonl).set_index("doc_id")
    assert len(s) == 5 and set(s["doc_id"]) <= set(loaded.index)
    assert s["text"].tolist() == loaded.loc[s["doc_id"], "text"].tolist()


def test_a_dask_cluster_reads_a_jsonl_file_like_this_process(jsonl, tmp_path):
    distributed = pytest.importorskip("distributed")
    model = topics.fit(batch.sample(jsonl, 20), 2, min_df=1, max_df=1.0)
    batch.run(jsonl, ["counts", "topics"], tmp_path / "here", chunk_size=5, model=model, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster, distributed.Client(cluster) as client:
        batch.run(jsonl, ["counts", "topics"], tmp_path / "dask", chunk_size=5, scheduler=client, model=model,
                  progress=False)
    for step in ("counts", "topics", "documents"):
        pd.testing.assert_frame_equal(batch.read(tmp_path / "here", step), batch.read(tmp_path / "dask", step))


def test_files_that_cannot_be_read_on_name_the_file_and_the_record(tmp_path):
    from discourse.readers import ReaderError

    bad = tmp_path / "latin.jsonl"
    bad.write_bytes(b'{"body": "Rain fell."}\n{"body": "Caf\xe9 owners protested."}\n')
    with pytest.raises(ReaderError, match=r"latin.jsonl, line 2: not UTF-8"):
        batch.run(bad, "sentiment", tmp_path / "a", progress=False)
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("body,title\nRain fell.,One\n" + "Sun rose.,Two\n" * 5 + "Snow,Three,extra\n", encoding="utf-8")
    with pytest.raises(ReaderError, match=r"ragged.csv, after record [0-9]+: cannot read the rest"):
        batch.run(ragged, "sentiment", tmp_path / "b", chunk_size=2, progress=False)
    with pytest.raises(ReaderError, match=r"ragged.csv, after record [0-9]+"):
        batch.sample(ragged, 3)
