"""Samples, coding sheets (.xlsx and .csv round trips, bad sheets, formula escaping),
candidate patterns and topic-intrusion tasks of discourse.validate."""
from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest

from discourse import validate

openpyxl = pytest.importorskip("openpyxl")

UNITS = pd.DataFrame({
    "doc_id": ["d1", "d1", "d2", "d2", "d3", "d3", "d3"],
    "left": ["the", "a", "=SUM(A1:A2)", "he said", "+cmd|' /C calc'!A0", "@now", "-2 dead"],
    "match": ["regime", "regime", "slaughter", "regime", "debacle", "debacle", "slaughter"],
    "right": ["fell", "rose", "of", "was", "again", "ended", "today"],
    "pattern": ["regime", "regime", "slaughter*", "regime", "debacle*", "debacle*", "slaughter*"],
    "category": ["delegitimizing"] * 2 + ["dysphemism", "delegitimizing"] + ["evaluative"] * 2 + ["dysphemism"],
})


# ----------------------------------------------------------------------- sample
def test_sample_stratified_counts_weights_and_ids():
    s = validate.sample(UNITS, n=2, by="pattern", random_state=3)
    assert list(s.columns[:2]) == ["unit", "sampling_weight"]
    assert s["unit"].tolist() == ["u0001", "u0002", "u0003", "u0004", "u0005", "u0006"]
    assert s.groupby("pattern").size().to_dict() == {"debacle*": 2, "regime": 2, "slaughter*": 2}
    w = s.groupby("pattern")["sampling_weight"].first().to_dict()
    assert w == {"debacle*": 1.0, "regime": 1.5, "slaughter*": 1.0}
    # every drawn row is a row of the input, unchanged
    merged = s.merge(UNITS, on=list(UNITS.columns), how="left", indicator=True)
    assert (merged["_merge"] == "both").all()
    pd.testing.assert_frame_equal(s, validate.sample(UNITS, n=2, by="pattern", random_state=3))
    assert not s.equals(validate.sample(UNITS, n=2, by="pattern", random_state=4))


def test_sample_shares_and_unstratified():
    s = validate.sample(UNITS, n=0.5, by="pattern")
    # round(0.5 * 3) = 2 regime, round(0.5 * 2) = 1 each of the others
    assert s.groupby("pattern").size().to_dict() == {"debacle*": 1, "regime": 2, "slaughter*": 1}
    assert len(validate.sample(UNITS, n=3)) == 3
    assert len(validate.sample(UNITS, n=100)) == 7  # all of a smaller table


def test_sample_errors():
    with pytest.raises(ValueError, match="must be in \\(0, 1\\]"):
        validate.sample(UNITS, n=1.5)
    with pytest.raises(KeyError, match="by: column"):
        validate.sample(UNITS, n=2, by="outlet")
    with pytest.raises(ValueError, match="is it a sample already"):
        validate.sample(validate.sample(UNITS, n=2), n=1)
    with pytest.raises(ValueError, match="units is empty"):
        validate.sample(UNITS.iloc[:0], n=1)


def test_context_and_consensus():
    corpus = pd.DataFrame({"doc_id": ["d1"], "text": ["One two three four five six seven."]})
    spans = pd.DataFrame({"doc_id": ["d1"], "start": [14], "end": [18]})
    out = validate.context(spans, corpus, window=1)
    assert out[["left", "span", "right"]].iloc[0].tolist() == ["three", "four", "five"]
    wide = validate.context(spans, corpus, window=2)  # words, as every window= counts them
    assert wide[["left", "right"]].iloc[0].tolist() == ["two three", "five six"]
    end = validate.context(spans.assign(start=24, end=27), corpus, window=3)
    assert end[["left", "span", "right"]].iloc[0].tolist() == ["three four five", "six", "seven."]
    with pytest.raises(ValueError, match="outside document d1"):
        validate.context(spans.assign(end=99), corpus)
    codes = pd.DataFrame({"unit": ["u1"] * 3 + ["u2"] * 2 + ["u3"], "coder": list("abcabc"),
                          "code": ["yes", "yes", "no", "yes", "no", None]})
    cons = validate.consensus(codes)
    assert cons["unit"].tolist() == ["u1", "u2"]
    assert cons["code"].tolist()[0] == "yes" and pd.isna(cons["code"].iloc[1])
    assert cons["agreement"].tolist() == [pytest.approx(2 / 3), 0.5]


# ------------------------------------------------------------------------ sheets
@pytest.fixture
def drawn():
    return validate.sample(UNITS, n=10, random_state=0)


def _fill_xlsx(path, out, codes_by_unit):
    wb = openpyxl.load_workbook(path)
    ws = wb["coding"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        unit = row[0].value
        for name, value in codes_by_unit.get(unit, {}).items():
            row[header.index(name)].value = value
    wb.save(out)


def test_xlsx_sheet_is_blinded_shuffled_locked_with_dropdowns(drawn, tmp_path):
    path = tmp_path / "sheet.xlsx"
    sheet = validate.coding_sheet(drawn, path, codes={"yes": "loaded", "no": "not loaded"}, coders=["ann", "ben"],
                                  instructions="Code it.")
    assert list(sheet.columns) == ["unit", "left", "match", "right", "coder_ann", "coder_ben"]
    assert sorted(sheet["unit"]) == sorted(drawn["unit"]) and sheet["unit"].tolist() != drawn["unit"].tolist()
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["coding", "instructions", "codebook", "_meta"]
    assert wb["_meta"].sheet_state == "hidden"
    ws = wb["coding"]
    assert [c.value for c in ws[1]] == list(sheet.columns)
    flat = [c.value for row in ws.iter_rows() for c in row]
    assert "regime" in flat and "delegitimizing" not in flat and "regime*" not in flat  # blinded
    assert ws.protection.sheet
    assert ws["B2"].protection.locked and not ws["E2"].protection.locked and not ws["F8"].protection.locked
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == "codebook!$A$2:$A$3"
    assert str(dv.sqref) == "E2:E8 F2:F8"
    assert [r for r in wb["codebook"].iter_rows(values_only=True)] == [("code", "description"), ("yes", "loaded"),
                                                                        ("no", "not loaded")]
    assert wb["instructions"]["A2"].value == "Code it."


def test_formula_like_text_is_escaped_in_xlsx_and_csv(drawn, tmp_path):
    validate.coding_sheet(drawn, tmp_path / "s.xlsx", codes=["yes", "no"])
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx")["coding"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    for text in ("=SUM(A1:A2)", "+cmd|' /C calc'!A0", "@now", "-2 dead"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert not cells["the"].quotePrefix
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)

    validate.coding_sheet(drawn, tmp_path / "s.csv", codes=["yes", "no"])
    assert (tmp_path / "s.csv").read_bytes().startswith(b"\xef\xbb\xbfunit,")
    raw = (tmp_path / "s.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(raw.splitlines()))
    values = {v for r in rows for v in r}
    assert {"'=SUM(A1:A2)", "'+cmd|' /C calc'!A0", "'@now", "'-2 dead", "the"} <= values
    assert not any(v.startswith(("=", "+", "-", "@")) for v in values)


def test_text_longer_than_a_cell_is_cut_with_a_marker(tmp_path):
    units = pd.DataFrame({"unit": ["u1"], "text": ["word " * 8000]})  # 40,000 characters
    validate.coding_sheet(units, tmp_path / "long.xlsx", codes=["yes"])
    value = openpyxl.load_workbook(tmp_path / "long.xlsx")["coding"]["B2"].value
    assert len(value) <= 32_767 and value.endswith(f" … [cut: {40_000 - 32_707} more characters]")


def test_xlsx_round_trip(drawn, tmp_path):
    validate.coding_sheet(drawn, tmp_path / "s.xlsx", codes=["yes", "no"], coders=2)
    fill = {u: {"coder_1": "yes", "coder_2": "yes" if i % 2 else "no"} for i, u in enumerate(sorted(drawn["unit"]))}
    _fill_xlsx(tmp_path / "s.xlsx", tmp_path / "coded.xlsx", fill)
    codes = validate.read_coding(tmp_path / "coded.xlsx")
    assert list(codes.columns) == ["unit", "coder", "code", "file", "row"]
    assert set(codes["file"]) == {"coded.xlsx"}
    assert len(codes) == 14 and codes.attrs["problems"].empty
    got = {(r.unit, r.coder): r.code for r in codes.itertuples()}
    assert got == {(u, c): v for u, d in fill.items() for c, v in d.items()}
    assert str(codes["code"].dtype) == "string"
    # the codes feed the agreement functions directly
    assert validate.percent_agreement(codes)["estimate"].iloc[0] == pytest.approx(3 / 7)


def test_csv_round_trip_with_numeric_codes(drawn, tmp_path):
    sheet = validate.coding_sheet(drawn, tmp_path / "s.csv", codes=[-1, 0, 1], coders=["ann"])
    rows = list(csv.reader((tmp_path / "s.csv").open(encoding="utf-8-sig")))
    header = rows[0]
    for i, r in enumerate(rows[1:]):
        r[header.index("coder_ann")] = str([-1, 0, 1][i % 3])
    with (tmp_path / "coded.csv").open("w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows(rows)
    codes = validate.read_coding(tmp_path / "coded.csv", codes=[-1, 0, 1], sample=drawn)
    assert codes["code"].tolist() == [-1.0, 0.0, 1.0, -1.0, 0.0, 1.0, -1.0]
    assert codes["unit"].tolist() == sheet["unit"].tolist()
    assert codes["row"].tolist() == list(range(2, 9))


def test_bad_sheets_are_reported_by_row(drawn, tmp_path):
    validate.coding_sheet(drawn, tmp_path / "s.xlsx", codes=["yes", "no"], coders=2, random_state=1)
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    ws = wb["coding"]
    ws.protection.sheet = False
    units = [ws.cell(r, 1).value for r in range(2, 9)]
    for r in range(2, 9):
        ws.cell(r, 5).value, ws.cell(r, 6).value = "yes", "no"
    ws.cell(3, 5).value = "maybe"          # outside the codebook
    ws.cell(4, 6).value = None             # missing code
    ws.cell(5, 1).value = units[1]         # duplicates the unit of row 3 (and loses its own)
    ws.cell(6, 1).value = "u9999"          # unknown unit (and loses its own)
    ws.cell(7, 1).value = None             # missing unit id
    wb.save(tmp_path / "bad.xlsx")
    codes = validate.read_coding(tmp_path / "bad.xlsx", errors="report")
    problems = codes.attrs["problems"]
    assert set(problems["file"]) == {"bad.xlsx"}
    found = [(None if pd.isna(r.row) else int(r.row), None if pd.isna(r.unit) else r.unit,
              None if pd.isna(r.coder) else r.coder, r.problem)
             for r in problems.itertuples()]
    assert found == [
        (3, units[1], "coder_1", "code 'maybe' is not in the codebook (yes, no)"),
        (4, units[2], "coder_2", "missing code"),
        (5, units[1], None, "duplicated unit (this copy is left out)"),
        (6, "u9999", None, "unknown unit (not in the sample; left out)"),
        (7, None, None, "missing unit id"),
        (None, units[3], None, "unit of the sample is missing from the sheet"),
        (None, units[4], None, "unit of the sample is missing from the sheet"),
        (None, units[5], None, "unit of the sample is missing from the sheet"),
    ]
    # invalid codes are missing in the table; left-out rows are absent
    assert pd.isna(codes.set_index(["unit", "coder"]).loc[(units[1], "coder_1"), "code"])
    assert set(codes["row"]) == {2, 3, 4, 8}
    with pytest.raises(ValueError, match=r"8 problem\(s\).*\nrow 3 \(unit u\d+\), coder_1: code 'maybe'"):
        validate.read_coding(tmp_path / "bad.xlsx")


def test_bad_csv_sheet_checked_against_given_codebook_and_sample(drawn, tmp_path):
    validate.coding_sheet(drawn, tmp_path / "s.csv", codes=["yes", "no"], coders=1)
    rows = list(csv.reader((tmp_path / "s.csv").open(encoding="utf-8-sig")))
    for r in rows[1:]:
        r[-1] = "yes"
    rows[2][-1] = "Yes"
    rows.append(rows[1])
    with (tmp_path / "bad.csv").open("w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows(rows)
    with pytest.raises(ValueError, match="row 3 .*code 'Yes' is not in the codebook.*\n.*row 9 .*duplicated unit"):
        validate.read_coding(tmp_path / "bad.csv", codes=["yes", "no"], sample=drawn)
    # without a codebook a csv sheet is not checked for codes
    codes = validate.read_coding(tmp_path / "bad.csv", errors="report")
    assert list(codes.attrs["problems"]["problem"]) == ["duplicated unit (this copy is left out)"]


def test_one_sheet_per_coder_read_together(drawn, tmp_path):
    for name in ("ann", "ben"):
        validate.coding_sheet(drawn, tmp_path / f"{name}.xlsx", codes=["yes", "no"], coders=[name],
                              random_state=len(name) + (name == "ben"))
    units = sorted(drawn["unit"])
    _fill_xlsx(tmp_path / "ann.xlsx", tmp_path / "ann.xlsx", {u: {"coder_ann": "yes"} for u in units})
    _fill_xlsx(tmp_path / "ben.xlsx", tmp_path / "ben.xlsx", {u: {"coder_ben": "no"} for u in units[1:]})
    codes = validate.read_coding([tmp_path / "ann.xlsx", tmp_path / "ben.xlsx"], errors="report")
    assert len(codes) == 14 and codes.groupby("coder")["code"].count().to_dict() == {"coder_ann": 7, "coder_ben": 6}
    (p,) = codes.attrs["problems"].itertuples()
    assert (p.file, p.unit, p.coder, p.problem) == ("ben.xlsx", units[0], "coder_ben", "missing code")
    with pytest.raises(ValueError, match=r"ben.xlsx row \d+ \(unit u0001\), coder_ben: missing code"):
        validate.read_coding([tmp_path / "ann.xlsx", tmp_path / "ben.xlsx"])


def test_the_same_two_coder_sheet_returned_by_each_coder(drawn, tmp_path):
    validate.coding_sheet(drawn, tmp_path / "s.xlsx", codes=["yes", "no"], coders=["ann", "ben"])
    units = sorted(drawn["unit"])
    _fill_xlsx(tmp_path / "s.xlsx", tmp_path / "a.xlsx", {u: {"coder_ann": "yes"} for u in units})
    fill_b = {u: {"coder_ben": "no", "coder_ann": "no" if u == units[2] else None} for u in units}
    _fill_xlsx(tmp_path / "s.xlsx", tmp_path / "b.xlsx", fill_b)
    codes = validate.read_coding([tmp_path / "a.xlsx", tmp_path / "b.xlsx"], errors="report")
    (p,) = codes.attrs["problems"].itertuples()  # the other coder's empty column is no problem
    assert p.unit == units[2] and p.coder == "coder_ann" and p.problem.startswith("coded differently in several")
    assert "a.xlsx row" in p.problem and "'yes'" in p.problem and "'no'" in p.problem
    assert codes["code"].isna().sum() == 1 and len(codes) == 14


def test_coding_sheet_and_read_coding_errors(drawn, tmp_path):
    with pytest.raises(ValueError, match="must end in .xlsx or .csv"):
        validate.coding_sheet(drawn, tmp_path / "s.ods", codes=["yes"])
    with pytest.raises(KeyError, match="needs a 'unit' id column"):
        validate.coding_sheet(UNITS, tmp_path / "s.csv", codes=["yes"])
    with pytest.raises(ValueError, match="codes has duplicates"):
        validate.coding_sheet(drawn, tmp_path / "s.csv", codes=["yes", "yes"])
    with pytest.raises(KeyError, match=r"columns: \['nope'\] not in sample"):
        validate.coding_sheet(drawn, tmp_path / "s.csv", codes=["yes"], columns=["nope"])
    with pytest.raises(ValueError, match="cannot tell which columns coders should see"):
        validate.coding_sheet(drawn[["unit", "pattern"]], tmp_path / "s.csv", codes=["yes"])
    with pytest.raises(FileNotFoundError, match="coding sheet not found"):
        validate.read_coding(tmp_path / "missing.xlsx")
    (tmp_path / "other.csv").write_text("id,code\n1,yes\n")
    with pytest.raises(ValueError, match="no 'unit' column"):
        validate.read_coding(tmp_path / "other.csv")


# -------------------------------------------------------------------- candidates
CORPUS = pd.DataFrame({"doc_id": ["a", "b"], "text": [
    "The brutal regime fell. The brutal regime rose. A brutal winter came.",
    "The government fell. The government rose."]})


def test_candidates_from_coded_spans():
    coded = pd.DataFrame({"doc_id": ["a", "a", "b"], "start": [4, 28, 0], "end": [17, 41, 14],
                          "code": ["yes", "yes", "no"]})
    res = validate.candidates(coded, CORPUS, min_count=2, lexicon=["regime"]).set_index("term")
    assert set(res.index) == {"brutal regime", "brutal", "regime"}
    assert tuple(res.loc["brutal", ["n", "n_coded", "n_rest"]]) == (3, 2, 1)
    assert res.loc["brutal", "precision"] == pytest.approx(2 / 3)
    assert res.loc["regime", "precision"] == 1.0
    assert res.loc["regime", "in_lexicon"] and not res.loc["brutal", "in_lexicon"]
    assert res.loc["regime", "z"] > res.loc["brutal", "z"] > 0


def test_candidates_from_coded_documents_and_errors():
    res = validate.candidates(pd.DataFrame({"doc_id": ["b"]}), CORPUS, code=None, min_count=2)
    assert res["term"].tolist()[0] == "government"
    assert res.set_index("term").loc["government", "n_rest"] == 0
    with pytest.raises(KeyError, match="doc_id\\(s\\) not in corpus"):
        validate.candidates(pd.DataFrame({"doc_id": ["x"]}), CORPUS, code=None)
    with pytest.raises(ValueError, match="no rows with code 'yes'"):
        validate.candidates(pd.DataFrame({"doc_id": ["a"], "code": ["no"]}), CORPUS)


# --------------------------------------------------------------------- intrusion
TOP = pd.DataFrame({"topic": [0] * 4 + [1] * 4 + [2] * 4, "rank": [1, 2, 3, 4] * 3,
                    "term": ["war", "troops", "army", "prices",
                             "prices", "stocks", "banks", "war",
                             "rain", "flood", "storm", "river"]})


def test_word_intrusion_tasks_and_scoring():
    tasks = validate.word_intrusion(TOP, n_terms=3, n_exclude=4, random_state=0)
    assert tasks["unit"].tolist() == ["w0001", "w0002", "w0003"]
    opts = [f"option_{i}" for i in range(1, 5)]
    for row in tasks.itertuples():
        words = [getattr(row, o) for o in opts]
        top = TOP[TOP["topic"] == row.topic]
        intruder = words[row.intruder - 1]
        assert sorted(w for i, w in enumerate(words) if i != row.intruder - 1) == sorted(top["term"][:3])
        assert intruder not in set(top["term"])  # not among the topic's top 4
        assert intruder in set(TOP[(TOP["topic"] == row.intruder_topic) & (TOP["rank"] <= 3)]["term"])
    # "prices" is in topic 0's top 4, so it never intrudes there
    codes = pd.DataFrame({"unit": ["w0001", "w0001", "w0002"], "coder": ["a", "b", "a"],
                          "code": [str(tasks.loc[0, "intruder"]), "1" if tasks.loc[0, "intruder"] != 1 else "2",
                                   str(tasks.loc[1, "intruder"])]})
    score = validate.score_intrusion(codes, tasks)
    assert score["precision"].tolist()[:2] == [0.5, 1.0] and np.isnan(score["precision"].iloc[2])
    assert score["n_coders"].tolist() == [2, 1, 0]
    with pytest.raises(ValueError, match="option numbers 1..4"):
        validate.score_intrusion(codes.assign(code="7"), tasks)


def test_topic_intrusion_tasks_and_log_odds():
    shares = pd.DataFrame({"doc_id": ["d1"] * 3 + ["d2"] * 3, "topic": [0, 1, 2] * 2,
                           "share": [0.7, 0.25, 0.05, 0.0, 0.1, 0.9]})
    corpus = pd.DataFrame({"doc_id": ["d1", "d2"], "title": ["Troops", None],
                           "text": ["Troops moved in as prices rose.", "Rain fell."]})
    tasks = validate.topic_intrusion(TOP, corpus, n_docs=2, n_topics=2, n_terms=2, doc_topics=shares,
                                     random_state=0).set_index("doc_id")
    t1, t2 = tasks.loc["d1"], tasks.loc["d2"]
    assert t1["text"] == "Troops\n\nTroops moved in as prices rose." and t2["text"] == "Rain fell."
    assert t1[f"topic_{t1['intruder']}"] == 2 and t2[f"topic_{t2['intruder']}"] == 0
    assert {t1[f"option_{i}"] for i in (1, 2, 3)} == {"war, troops", "prices, stocks", "rain, flood"}
    # chose the most probable topic of d1 (0.7) instead of the intruder (0.05); d2 right
    wrong = next(i for i in (1, 2, 3) if t1[f"topic_{i}"] == 0)
    codes = pd.DataFrame({"unit": [t1["unit"], t2["unit"], t2["unit"]], "coder": ["a", "a", "b"],
                          "code": [wrong, t2["intruder"], next(i for i in (1, 2, 3) if t2[f"topic_{i}"] == 2)]})
    score = validate.score_intrusion(codes, tasks.reset_index()).set_index("doc_id")
    assert score.loc["d1", "log_odds"] == pytest.approx(np.log(0.05) - np.log(0.7))
    # d2: the intruder's share is 0, floored at 1e-6: finite
    assert score.loc["d2", "log_odds"] == pytest.approx((0 + np.log(1e-6) - np.log(0.9)) / 2)
    assert score.loc["d2", "precision"] == 0.5


def test_intrusion_uses_only_the_documented_model_interface():
    class Model:  # the duck-typed interface: top_terms(n) and doc_topics
        doc_topics = pd.DataFrame({"doc_id": ["d1"] * 3, "topic": [0, 1, 2], "share": [0.6, 0.3, 0.1]})

        def top_terms(self, n):
            return TOP[TOP["rank"] <= n]

    corpus = pd.DataFrame({"doc_id": ["d1"], "text": ["x"]})
    assert len(validate.word_intrusion(Model(), n_terms=2, n_exclude=3)) == 3
    assert len(validate.topic_intrusion(Model(), corpus, n_topics=1, n_terms=2)) == 1
    with pytest.raises(TypeError, match="top_terms"):
        validate.word_intrusion(object())
    with pytest.raises(ValueError, match="needs at least 4 topics"):
        validate.topic_intrusion(Model(), corpus, n_topics=3)


def test_intrusion_on_a_fitted_topic_model_writes_a_sheet(tmp_path):
    from discourse import topics

    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(30)],
                         "text": ["troops army war border shelling"] * 10 + ["prices stocks banks market"] * 10
                         + ["rain flood storm river"] * 10})
    model = topics.fit(docs, 3, min_df=1)
    tasks = validate.word_intrusion(model, n_terms=3, n_exclude=3)
    sheet = validate.coding_sheet(tasks, tmp_path / "w.csv", codes=range(1, 5))
    assert list(sheet.columns) == ["unit", "option_1", "option_2", "option_3", "option_4", "coder_1", "coder_2"]
    tt = validate.topic_intrusion(model, docs, n_docs=4, n_topics=1, n_terms=3)
    assert validate.coding_sheet(tt, tmp_path / "t.xlsx", codes=[1, 2]).columns[1] == "text"


# ---------------------------------------------------------------- no mutation
def test_validate_functions_never_mutate_their_inputs(tmp_path):
    import copy

    codes = pd.DataFrame({"unit": ["u1", "u1", "u2", "u2"], "coder": ["a", "b"] * 2,
                          "code": ["yes", "no", "yes", "yes"]})
    drawn = validate.sample(UNITS, n=2, by="pattern")
    coded = drawn.assign(code=["yes", "no"] * 3)
    spans = pd.DataFrame({"doc_id": ["a"], "start": [4], "end": [17], "code": ["yes"]})
    tasks = validate.word_intrusion(TOP, n_terms=3, n_exclude=4)
    calls = {
        "sample": (lambda u: validate.sample(u, n=2, by="pattern"), [UNITS.copy()]),
        "context": (lambda s, c: validate.context(s, c), [spans, CORPUS.copy()]),
        "coding_sheet": (lambda s: validate.coding_sheet(s, tmp_path / "m.xlsx", codes=["yes"]), [drawn]),
        "consensus": (validate.consensus, [codes]),
        "alpha": (lambda c: validate.alpha(c, n_boot=10), [codes]),
        "spans": (validate.spans, [GOLD_SPANS.copy(), GOLD_SPANS.iloc[:1].copy()]),
        "pattern_precision": (lambda c: validate.pattern_precision(c, weight="sampling_weight"), [coded]),
        "candidates": (lambda c, k: validate.candidates(c, k, min_count=1), [spans, CORPUS.copy()]),
        "word_intrusion": (lambda t: validate.word_intrusion(t, n_terms=3, n_exclude=4), [TOP.copy()]),
        "score_intrusion": (validate.score_intrusion, [codes.assign(unit="w0001", code="1").iloc[:1], tasks]),
    }
    for name, (func, inputs) in calls.items():
        before = copy.deepcopy(inputs)
        out = func(*inputs)
        assert isinstance(out, pd.DataFrame) and isinstance(out.index, pd.RangeIndex), name
        for b, a in zip(before, inputs):
            pd.testing.assert_frame_equal(a, b, check_exact=True, obj=name)


GOLD_SPANS = pd.DataFrame({"doc_id": ["d1", "d2"], "start": [0, 3], "end": [5, 9], "kind": ["direct", "scare"]})
