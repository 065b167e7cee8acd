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


# ------------------------------------------------------- exclusions and weights
def _matches(rows):
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "pattern", "category"])


def test_apply_exclusions_drops_veto_and_contained_matches_only():
    m = _matches([
        ("a", 0, 31, "Department of Homeland Security", "exclude"),
        ("a", 14, 22, "homeland", "flag_waving"),      # inside the veto phrase: dropped
        ("a", 25, 40, "security threat", "fear_threat"),  # overlaps it, not inside: kept
        ("a", 50, 58, "homeland", "flag_waving"),      # elsewhere: kept
        ("b", 14, 22, "homeland", "flag_waving"),      # same offsets, other document: kept
    ])
    before = m.copy()
    out = lexicon.apply_exclusions(m)
    pd.testing.assert_frame_equal(m, before)  # input not mutated
    assert out[["doc_id", "start", "category"]].values.tolist() == [
        ["a", 25, "fear_threat"], ["a", 50, "flag_waving"], ["b", 14, "flag_waving"]]
    assert out.index.tolist() == [0, 1, 2]


def test_apply_exclusions_without_veto_rows_returns_equal_copy():
    m = _matches([("a", 0, 6, "regime", "delegitimizing")])
    out = lexicon.apply_exclusions(m)
    pd.testing.assert_frame_equal(out, m)
    assert out is not m


def test_apply_exclusions_errors():
    with pytest.raises(TypeError, match="matches must be a DataFrame"):
        lexicon.apply_exclusions([("a", 0, 6)])
    with pytest.raises(KeyError, match=r"needs column\(s\) \['category'\]"):
        lexicon.apply_exclusions(pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [1]}))


def test_exclusion_rows_read_from_a_user_file_and_veto_with_terms_find(tmp_path):
    from discourse import terms

    p = _write(tmp_path, (
        "pattern,category,weight,note,match\n"
        "homeland,flag_waving,0.4,appeal to the nation,glob\n"
        "criminal,dysphemism,0.3,,glob\n"
        "Department of Homeland Security,exclude,1,a ministry's name,fixed\n"
        "criminal court*,exclude,,a court,glob\n"
    ))
    lex = lexicon.read(p)
    assert lex.loc[lex["category"] == lexicon.EXCLUDE, "pattern"].tolist() == [
        "Department of Homeland Security", "criminal court*"]
    df = pd.DataFrame({"doc_id": ["x"], "text": [
        "The Department of Homeland Security said the criminal courts defend the homeland from criminal gangs."]})
    out = lexicon.apply_exclusions(terms.find(df, lex))
    assert out[["match", "category", "weight"]].values.tolist() == [
        ["homeland", "flag_waving", 0.4], ["criminal", "dysphemism", 0.3]]
    assert out["start"].tolist() == [72, 86]


def test_user_exclusions_extend_the_bundled_lexicon(tmp_path):
    from discourse import terms

    df = pd.DataFrame({"doc_id": ["x"], "text": ["He called it a puppet show at the Puppet Theatre of Leeds."]})
    bundled = lexicon.read()
    before = lexicon.apply_exclusions(terms.find(df, bundled))
    assert before["match"].tolist() == ["puppet", "Puppet"]
    mine = lexicon.read(_write(tmp_path, "pattern,category\nPuppet Theatre of Leeds,exclude\n"))
    after = lexicon.apply_exclusions(terms.find(df, pd.concat([bundled, mine], ignore_index=True)))
    assert after["match"].tolist() == ["puppet"]


def test_pattern_both_excluded_and_loaded_is_an_error(tmp_path):
    p = _write(tmp_path, "pattern,category\nhomeland,flag_waving\nhomeland,exclude\n")
    with pytest.raises(LexiconError, match=r"\['homeland'\] are both exclusions and loaded terms"):
        lexicon.read(p)


def test_bad_exclusion_rows_reported_with_file_and_line(tmp_path):
    p = _write(tmp_path, "pattern,category,weight\nhomeland,flag_waving,1\n,exclude,1\ncriminal court*,exclude,x\n")
    with pytest.raises(LexiconError) as err:
        lexicon.read(p)
    assert f"{p}:3: empty pattern" in str(err.value)
    assert f"{p}:4: weight 'x' is not a number (pattern 'criminal court*')" in str(err.value)


def test_weights_can_be_thresholded():
    from discourse import terms

    lex = lexicon.from_records([{"pattern": "regime", "category": "d", "weight": 0.1},
                                {"pattern": "butcher*", "category": "d", "weight": 0.6}])
    df = pd.DataFrame({"doc_id": ["x"], "text": ["The regime butchered its opponents, the regime said."]})
    m = terms.find(df, lex)
    assert m["weight"].tolist() == [0.1, 0.6, 0.1]
    assert m.loc[m["weight"] >= 0.5, "match"].tolist() == ["butchered"]


def test_bundled_exclusions_each_veto_a_bundled_loaded_pattern():
    from discourse import terms

    lex = lexicon.read()
    veto = lex.loc[lex["category"] == lexicon.EXCLUDE, "pattern"].tolist()
    assert len(veto) >= 50
    probes = [p.replace("*", "s").replace("?", "e") for p in veto]
    df = pd.DataFrame({"doc_id": [str(i) for i in range(len(probes))], "text": probes})
    m = terms.find(df, lex[lex["category"] != lexicon.EXCLUDE], overlap="all")
    inner = m[(m["end"] - m["start"]) < m["doc_id"].astype(int).map(lambda i: len(probes[i]))]
    missing = [veto[i] for i in range(len(veto)) if str(i) not in set(inner["doc_id"])]
    assert not missing, f"exclusions that contain no bundled loaded pattern: {missing}"


def test_bundled_weights_are_precision_estimates():
    lex = lexicon.read()
    w = lex.loc[lex["category"] != lexicon.EXCLUDE, "weight"]
    assert w.between(0, 1).all() and w.nunique() > 20


@pytest.mark.parametrize("text, kept", [
    ("The Department of Homeland Security issued a statement.", []),
    ("They vowed to defend the homeland.", ["homeland"]),
    ("The International Criminal Court opened a case.", []),
    ("He called the deal criminal.", ["criminal"]),
    ("Officials faced a looming deadline.", []),
    ("Storms caused a natural disaster in the region.", []),
    ("The sanctions regime was tightened.", []),
])
def test_bundled_exclusions_on_names_and_fixed_expressions(text, kept):
    from discourse import terms

    m = lexicon.apply_exclusions(terms.find(pd.DataFrame({"doc_id": ["x"], "text": [text]}), lexicon.read()))
    assert m["match"].str.lower().tolist() == kept
