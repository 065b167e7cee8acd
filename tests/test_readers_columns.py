"""Column choice in table readers: candidates per field, the choice returned, tokenised text warned."""
import json
import warnings

import pytest

from discourse.readers import ReaderWarning, read
from discourse.readers._columns import candidates, describe, looks_tokenised

ROWS = [
    {"id": "a1", "content": "The ferry left in June . “ It was , he said , a photo tool . ”",
     "content_original": "The ferry left in June. “It was, he said, a photo tool.”",
     "source": "Millbrook Gazette", "publisher": "Millbrook Media"},
    {"id": "a2", "content": "Rain fell on Monday . The market closed early , traders said .",
     "content_original": "Rain fell on Monday. The market closed early, traders said.",
     "source": "Millbrook Gazette", "publisher": "Millbrook Media"},
]


def _write(tmp_path, rows):
    p = tmp_path / "articles.json"
    p.write_text(json.dumps(rows), encoding="utf-8")
    return p


def test_choice_and_candidates_are_returned(tmp_path):
    p = _write(tmp_path, ROWS)
    with pytest.warns(ReaderWarning, match=r"text column 'content' looks tokenised in 100% of the rows .*"
                                           r"while 'content_original' does not; pass columns="
                                           r"\{'content_original': 'text'\}"):
        res = read(p)
    assert res.columns == {"text": "content", "outlet": "source"}
    assert res.candidates["text"] == ["content", "content_original"]
    assert res.candidates["outlet"] == ["source", "publisher"]
    assert res.candidates["title"] == []
    assert res.records[0].text == ROWS[0]["content"]
    assert describe(res.columns, res.candidates) == (
        "text='content' (also 'content_original'); outlet='source' (also 'publisher')")


def test_explicit_column_silences_the_warning(tmp_path):
    p = _write(tmp_path, ROWS)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReaderWarning)
        res = read(p, columns={"content_original": "text"})
    assert res.columns == {"text": "content_original", "outlet": "source"}
    assert res.records[1].text == "Rain fell on Monday. The market closed early, traders said."
    assert res.records[1].extra["content"] == ROWS[1]["content"]  # the other copy is kept


def test_no_warning_when_both_candidates_read_normally(tmp_path):
    rows = [{"body": "Rain fell on Monday.", "text_raw": "Rain fell on Monday, traders said."}]
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReaderWarning)
        res = read(_write(tmp_path, rows))
    assert res.columns == {"text": "body"}
    assert res.candidates["text"] == ["text_raw", "body"]  # 'text' aliases come before 'body' ones


def test_looks_tokenised():
    assert looks_tokenised("He left in June . “ It was , he said , a photo tool . ”")
    assert not looks_tokenised("He left in June. “It was, he said, a photo tool.”")
    assert not looks_tokenised("Two marks , only .")  # fewer than three spaced marks
    assert not looks_tokenised(None)
    assert candidates(["Content", "CONTENT-ORIGINAL", "headline"])["text"] == ["Content", "CONTENT-ORIGINAL"]
