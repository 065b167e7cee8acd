"""Tests for discourse.lexicon: the file format, validation, and the bundled lexicon."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from discourse import lexicon
from discourse.lexicon import LexiconError


def _write(tmp_path, text, name="lex.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# ------------------------------------------------------------------ bundled lexicon
def test_bundled_lexicon_size_and_shape():
    lex = lexicon.read()
    assert list(lex.columns) == ["pattern", "category", "weight", "note", "match"]
    assert len(lex) >= 300
    assert lex["category"].nunique() >= 6
    assert set(lex["match"]) <= set(lexicon.MATCH_MODES)
    # one row per pattern, each with a note
    assert not lex.duplicated(["pattern", "match"]).any()
    assert (lex["note"].str.len() > 0).all()


@pytest.mark.parametrize("pattern, category", [
    ("puppet government", "delegitimizing"),
    ("puppet of", "delegitimizing"),
    ("regime", "delegitimizing"),
    ("junta", "delegitimizing"),
    ("stooge*", "delegitimizing"),
    ("client state*", "delegitimizing"),
    ("imperialis*", "ideological"),
    ("militaris*", "ideological"),
    ("neocolonial*", "ideological"),
    ("collateral damage", "euphemism"),
    ("over-the-horizon capabilit*", "euphemism"),
    ("enhanced interrogation*", "euphemism"),
    ("kinetic action*", "euphemism"),
    ("surgical strike*", "euphemism"),
    ("slaughter*", "dysphemism"),
    ("massacre*", "dysphemism"),
    ("debacle*", "dysphemism"),
    ("criminal", "dysphemism"),
    ("rout", "dysphemism"),
    ("catastroph*", "dysphemism"),
    ("existential threat*", "fear_threat"),
    ("menace*", "fear_threat"),
])
def test_bundled_lexicon_has_literature_entries(pattern, category):
    lex = lexicon.read()
    row = lex[lex["pattern"] == pattern]
    assert len(row) == 1, pattern
    assert row["category"].item() == category


def test_bundled_sources_note_covers_every_category(root):
    note = (root / "discourse" / "lexicons" / "SOURCES-loaded-language.md").read_text(encoding="utf-8")
    for cat in lexicon.read()["category"].unique():
        assert f"`{cat}`" in note, cat


# ------------------------------------------------------------------------ reading
def test_read_csv_defaults_comments_and_order(tmp_path):
    p = _write(tmp_path, "# my lexicon\npattern,category\nregime,label\n# a comment\n\nJunta ,label\n")
    lex = lexicon.read(p)
    assert lex["pattern"].tolist() == ["regime", "Junta"]
    assert lex["match"].tolist() == ["glob", "glob"]
    assert lex["weight"].tolist() == [1.0, 1.0]
    assert lex["note"].tolist() == ["", ""]


def test_read_match_option_sets_missing_modes_only(tmp_path):
    p = _write(tmp_path, "pattern,category,match\nregimes?,label,regex\njunta*,label,\n")
    lex = lexicon.read(p, match="fixed")
    assert lex["match"].tolist() == ["regex", "fixed"]


def test_read_all_columns_and_quoted_fields(tmp_path):
    p = _write(tmp_path, 'pattern,category,weight,note,match\n"puppet, government",label,2.5,"a note, with comma",fixed\n')
    lex = lexicon.read(p)
    assert lex.iloc[0].to_dict() == {"pattern": "puppet, government", "category": "label", "weight": 2.5,
                                     "note": "a note, with comma", "match": "fixed"}


def test_read_tsv(tmp_path):
    p = _write(tmp_path, "pattern\tcategory\nregime\tlabel\n", name="lex.tsv")
    assert lexicon.read(p)["pattern"].tolist() == ["regime"]


def test_bad_rows_reported_with_file_and_line(tmp_path):
    p = _write(tmp_path, (
        "pattern,category,weight,match\n"   # line 1
        "regime,label,1,glob\n"            # line 2: fine
        ",label,1,glob\n"                  # line 3: empty pattern
        "junta,label,1,fuzzy\n"            # line 4: unknown mode
        "regime(,label,1,regex\n"          # line 5: invalid regex
        "stooge,label,heavy,glob\n"        # line 6: weight not a number
        "**,label,1,glob\n"                # line 7: glob with no literal text
    ))
    with pytest.raises(LexiconError) as err:
        lexicon.read(p)
    msg = str(err.value)
    assert msg.startswith("5 bad lexicon rows")
    assert f"{p}:3: empty pattern" in msg
    assert f"{p}:4: unknown match mode 'fuzzy'" in msg
    assert f"{p}:5: invalid regular expression 'regime('" in msg
    assert f"{p}:6: weight 'heavy' is not a number" in msg
    assert f"{p}:7: glob pattern '**' has no literal text" in msg
    assert ":2:" not in msg


def test_lexicon_error_is_value_error(tmp_path):
    p = _write(tmp_path, "pattern,category\nregime,\n")
    with pytest.raises(ValueError, match=re.escape(f"{p}:2: empty category for pattern 'regime'")):
        lexicon.read(p)


def test_header_problems(tmp_path):
    with pytest.raises(LexiconError, match=r"lex.csv:1: header must name pattern and category"):
        lexicon.read(_write(tmp_path, "term,category\nregime,label\n"))
    with pytest.raises(LexiconError, match=r"unknown column\(s\) \['colour'\]"):
        lexicon.read(_write(tmp_path, "pattern,category,colour\nregime,label,red\n"))
    with pytest.raises(LexiconError, match="empty lexicon file"):
        lexicon.read(_write(tmp_path, "# nothing\n"))


def test_too_many_fields_reported(tmp_path):
    p = _write(tmp_path, "pattern,category\npuppet, government,label\n")
    with pytest.raises(LexiconError, match=re.escape(f"{p}:2: 3 fields but the header has 2")):
        lexicon.read(p)


def test_missing_file():
    with pytest.raises(FileNotFoundError, match="lexicon file not found"):
        lexicon.read("no/such/lexicon.csv")


def test_unknown_match_option():
    with pytest.raises(LexiconError, match="match must be one of fixed|glob|regex"):
        lexicon.from_dict({"a": ["x"]}, match="exact")


def test_exact_duplicates_dropped_categories_kept(tmp_path):
    p = _write(tmp_path, "pattern,category\nregime,first\nregime,second\nregime,first\n")
    assert lexicon.read(p)["category"].tolist() == ["first", "second"]


def test_read_yaml_both_shapes(tmp_path):
    pytest.importorskip("yaml")
    p = _write(tmp_path, "label: [regime, junta]\nfear:\n  - menace\n", name="lex.yaml")
    lex = lexicon.read(p)
    assert lex[["pattern", "category"]].values.tolist() == [["regime", "label"], ["junta", "label"], ["menace", "fear"]]
    p2 = _write(tmp_path, "- {pattern: 'regimes?', category: label, match: regex}\n", name="lex2.yml")
    assert lexicon.read(p2)["match"].tolist() == ["regex"]


# ------------------------------------------------------------------ built in code
def test_from_dict_and_records():
    lex = lexicon.from_dict({"label": ["regime", "junta"], "fear": "menace"}, match="fixed")
    assert lex[["pattern", "category", "match"]].values.tolist() == [
        ["regime", "label", "fixed"], ["junta", "label", "fixed"], ["menace", "fear", "fixed"]]
    rec = lexicon.from_records([{"pattern": "a b", "category": "c", "weight": "2", "note": "n"}])
    assert rec.iloc[0].to_dict() == {"pattern": "a b", "category": "c", "weight": 2.0, "note": "n", "match": "glob"}


def test_validate_adds_defaults_and_does_not_mutate():
    df = pd.DataFrame({"pattern": ["regime"], "category": ["label"]})
    before = df.copy()
    out = lexicon.validate(df)
    pd.testing.assert_frame_equal(df, before)
    assert out.columns.tolist() == ["pattern", "category", "weight", "note", "match"]
    with pytest.raises(LexiconError, match="missing column"):
        lexicon.validate(pd.DataFrame({"pattern": ["x"]}))
    with pytest.raises(LexiconError, match=r"<DataFrame>:row 0: empty pattern"):
        lexicon.validate(pd.DataFrame({"pattern": [""], "category": ["c"]}))


def test_validate_reads_nullable_missing_values_as_missing():
    # pd.NA (nullable Float64 / string columns) is a missing value, like NaN
    df = pd.DataFrame({"pattern": ["war", "peace"], "category": ["c", "c"],
                       "weight": pd.array([2.0, None], dtype="Float64"),
                       "note": pd.array(["x", None], dtype="string")})
    out = lexicon.validate(df)
    assert out["weight"].tolist() == [2.0, 1.0] and out["note"].tolist() == ["x", ""]
    with pytest.raises(LexiconError, match=r"row 1: empty pattern"):  # not the pattern "<NA>"
        lexicon.validate(pd.DataFrame({"pattern": pd.array(["war", None], dtype="string"), "category": ["c", "c"]}))


def test_yaml_errors_name_the_item_within_its_category(tmp_path):
    pytest.importorskip("yaml")
    p = _write(tmp_path, "label: [regime, junta]\nfear:\n  - menace\n  - {pattern: x, weight: heavy}\n", name="lex.yaml")
    with pytest.raises(LexiconError, match=r"fear\[1\]: weight 'heavy'"):
        lexicon.read(p)
