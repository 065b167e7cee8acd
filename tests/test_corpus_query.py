"""corpus.save(partition_by=) and corpus.query: a partitioned Parquet corpus that load()
reads back, and DuckDB selections by outlet, date and text search (issue #18 item 2)."""
from __future__ import annotations

import doctest

import pandas as pd
import pytest

from discourse import corpus, text
from discourse.corpus import _query, _storage


@pytest.fixture
def df():
    return corpus.validate(pd.DataFrame({
        "text": ["The regime fell in Kabul.", "Rain fell on the capital.", "The army won the day.",
                 "The Regime's end came fast.", "A regimen of rest."],
        "outlet": ["Alpha", "Beta / Wire", "Alpha", None, "Beta / Wire"],
        "title": ["Fall", "Weather", "Army", "End", "Health"],
        "published": ["2024-01-01", None, "2023-05-05", "2022-02-02", "2024-03-01"]}))


def _sorted(t):
    return t.sort_values("doc_id").reset_index(drop=True)


def test_partitioned_save_writes_hive_folders_that_load_reads_back(df, tmp_path):
    out = corpus.save(df, tmp_path / "corpus", partition_by="outlet")
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*.parquet"))
    assert names == ["outlet=Alpha/part-0.parquet", "outlet=Beta%20%2F%20Wire/part-0.parquet",
                     "outlet=__HIVE_DEFAULT_PARTITION__/part-0.parquet"]
    back = corpus.load(out)
    assert len(back.attrs["load_report"]) == 0
    pd.testing.assert_frame_equal(_sorted(back)[df.columns], _sorted(df))
    assert list(back.columns) == list(df.columns)


def test_partitioned_save_replaces_only_a_saved_corpus_and_never_leaves_half(df, tmp_path, monkeypatch):
    out = corpus.save(df, tmp_path / "corpus", partition_by=["outlet"])
    corpus.save(df.iloc[:2], out, partition_by="outlet")  # a saved corpus folder is replaced
    assert len(corpus.load(out)) == 2
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "README.md").write_text("mine")
    with pytest.raises(FileExistsError, match="not a saved corpus folder"):
        corpus.save(df, tmp_path / "notes", partition_by="outlet")
    assert (tmp_path / "notes" / "README.md").read_text() == "mine"

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(_storage, "_write_file", boom)
    with pytest.raises(OSError, match="disk full"):
        corpus.save(df, out, partition_by="outlet")
    assert len(corpus.load(out)) == 2  # the old corpus is intact
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no half-written folder


@pytest.mark.parametrize("keys,error,match", [
    ("desk", KeyError, r"partition_by: column\(s\) \['desk'\] not in the corpus"),
    ("text", ValueError, "'text' cannot be a partition"),
    ([], ValueError, "name at least one column"),
])
def test_partition_errors_name_the_fix(df, tmp_path, keys, error, match):
    with pytest.raises(error, match=match):
        corpus.save(df, tmp_path / "c", partition_by=keys)


def test_query_filters_by_outlet_date_and_whole_word_search(df, tmp_path):
    folder = corpus.save(df, tmp_path / "corpus", partition_by="outlet")
    assert corpus.query(folder, {"search": "regime"})["text"].tolist() == [
        "The regime fell in Kabul.", "The Regime's end came fast."]  # not "regimen"
    assert corpus.query(folder, {"outlet": "Alpha", "search": ["army", "kabul"]})["title"].tolist() == ["Fall", "Army"]
    dated = corpus.query(folder, {"published": ("2023-01-01", None)})
    assert sorted(dated["title"]) == ["Army", "Fall", "Health"]
    assert corpus.query(folder, {"published": (None, "2023-01-01")})["title"].tolist() == ["End"]
    assert corpus.query(folder, {"outlet": None})["title"].tolist() == ["End"]
    assert sorted(corpus.query(folder, {"outlet": ["Alpha", "Beta / Wire"]})["title"]) == [
        "Army", "Fall", "Health", "Weather"]


def test_query_sql_whole_or_where_and_a_typed_corpus_table(df, tmp_path):
    folder = corpus.save(df, tmp_path / "corpus", partition_by="outlet")
    counts = corpus.query(folder, "SELECT outlet, count(*) AS n FROM corpus WHERE outlet IS NOT NULL "
                                  "GROUP BY outlet ORDER BY outlet")
    assert counts.values.tolist() == [["Alpha", 2], ["Beta / Wire", 2]]
    sel = corpus.query(folder, "outlet = 'Alpha' AND published >= '2024-01-01'")
    assert sel["title"].tolist() == ["Fall"]
    assert list(sel.columns[:9]) == corpus.COLUMNS
    assert sel["text"].dtype == pd.StringDtype() and str(sel["published"].dtype) == "datetime64[ns]"
    # the selection is a corpus table every analysis takes
    assert len(text.annotate(sel).sentences) == 1


def test_query_a_single_saved_file_gives_back_the_table(df, tmp_path):
    path = corpus.save(df, tmp_path / "corpus.parquet")
    pd.testing.assert_frame_equal(corpus.query(path), df.reset_index(drop=True))


@pytest.mark.parametrize("arg,error,match", [
    ("SELECT nope FROM corpus", ValueError, r"query on .*: Binder Error.*the table is named 'corpus'"),
    ("outlet = ", ValueError, "Parser Error"),
    (5, TypeError, "a SQL string, a dict of filters or None"),
    ({"published": ("2024-01-01",)}, ValueError, "a range of two values"),
    ({"outlet": []}, ValueError, "outlet lists no values"),
    ({"search": ""}, ValueError, "'search' takes a word or phrase"),
])
def test_query_errors_are_one_clear_line(df, tmp_path, arg, error, match):
    folder = corpus.save(df, tmp_path / "corpus", partition_by="outlet")
    with pytest.raises(error, match=match):
        corpus.query(folder, arg)


def test_query_refuses_what_is_not_parquet(tmp_path):
    (tmp_path / "a.csv").write_text("text\nhello\n")
    with pytest.raises(ValueError, match="query reads Parquet; save the corpus first"):
        corpus.query(tmp_path / "a.csv")
    with pytest.raises(FileNotFoundError, match="no Parquet files in this folder"):
        corpus.query(tmp_path)
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        corpus.query(tmp_path / "missing")


def test_docstring_examples_run():
    for module in (_query, _storage):
        assert doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0, module.__name__
