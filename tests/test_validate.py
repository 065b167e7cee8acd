"""Agreement statistics and scores of discourse.validate against hand-computed and
published values and against independent reference implementations."""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from discourse import validate

NAN = np.nan
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C:
# 4 coders x 12 units with missing values. Published: nominal .743, ordinal .815,
# interval .849, ratio .797.
KRIPP_C = [[1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
           [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
           [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
           [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN]]
# example A: 2 coders x 10 units, binary; published alpha .095
KRIPP_A = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
           [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
# Fleiss' kappa worked example (Wikipedia, "Fleiss' kappa"): 10 subjects, 14 raters,
# 5 categories, counts per subject and category; kappa .210
FLEISS = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
          [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]


def _long(matrix) -> pd.DataFrame:
    """coders x units matrix (NaN = missing) → long table unit, coder, code."""
    rows = [(u, f"c{c}", v) for c, r in enumerate(matrix) for u, v in enumerate(r)]
    return pd.DataFrame(rows, columns=["unit", "coder", "code"])


def _fleiss_long(counts) -> pd.DataFrame:
    rows = []
    for u, row in enumerate(counts):
        r = 0
        for cat, k in enumerate(row):
            for _ in range(k):
                rows.append((u, f"r{r}", cat + 1))
                r += 1
    return pd.DataFrame(rows, columns=["unit", "coder", "code"])


def _reference_alpha(matrix, level: str) -> float:
    """Krippendorff's alpha written out from the definitions, loop by loop, to check
    the vectorised implementation: coincidence matrix, value frequencies, δ²."""
    m = np.asarray(matrix, dtype=float)
    values = sorted({v for v in m.flat if not np.isnan(v)})
    o = {(c, k): 0.0 for c in values for k in values}
    for u in range(m.shape[1]):
        vals = [v for v in m[:, u] if not np.isnan(v)]
        if len(vals) < 2:
            continue
        for i, j in itertools.permutations(range(len(vals)), 2):
            o[(vals[i], vals[j])] += 1.0 / (len(vals) - 1)
    n_c = {c: sum(o[(c, k)] for k in values) for c in values}
    n = sum(n_c.values())

    def d2(c, k):
        if level == "nominal":
            return 0.0 if c == k else 1.0
        if level == "ordinal":
            lo, hi = min(c, k), max(c, k)
            return (sum(n_c[g] for g in values if lo <= g <= hi) - (n_c[c] + n_c[k]) / 2) ** 2
        if level == "interval":
            return (c - k) ** 2
        return ((c - k) / (c + k)) ** 2 if c + k else 0.0

    d_o = sum(o[(c, k)] * d2(c, k) for c in values for k in values) / n
    d_e = sum(n_c[c] * n_c[k] * d2(c, k) for c in values for k in values) / (n * (n - 1))
    return 1 - d_o / d_e


def _random_matrix(seed: int, n_coders=4, n_units=40, n_values=5, missing=0.2):
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, n_values + 1, n_units)
    m = np.where(rng.random((n_coders, n_units)) < 0.6, truth, rng.integers(1, n_values + 1, (n_coders, n_units)))
    return np.where(rng.random((n_coders, n_units)) < missing, np.nan, m.astype(float))


# ------------------------------------------------------------------------ alpha
@pytest.mark.parametrize("level,published", [("nominal", 0.743), ("ordinal", 0.815),
                                             ("interval", 0.849), ("ratio", 0.797)])
def test_alpha_reproduces_krippendorffs_published_example(level, published):
    res = validate.alpha(_long(KRIPP_C), level=level)
    assert list(res.columns) == ["statistic", "estimate", "ci_low", "ci_high", "n_units", "n_coders", "n_values"]
    assert round(res["estimate"].iloc[0], 3) == published
    assert res["statistic"].iloc[0] == f"alpha_{level}"
    # unit 12 has one value only: 11 pairable units, 40 pairable values
    assert (res["n_units"].iloc[0], res["n_coders"].iloc[0], res["n_values"].iloc[0]) == (11, 4, 40)
    assert np.isnan(res["ci_low"].iloc[0]) and np.isnan(res["ci_high"].iloc[0])


def test_alpha_binary_example_and_hand_value():
    assert round(validate.alpha(_long(KRIPP_A))["estimate"].iloc[0], 3) == 0.095
    # by hand: o_xx = 2, o_yy = 4, o_xy = o_yx = 1, n = 8 → 1 - 7 * 2 / (2 * 3 * 5)
    codes = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4], "coder": ["a", "b"] * 4,
                          "code": ["x", "x", "y", "y", "x", "y", "y", "y"]})
    assert validate.alpha(codes)["estimate"].iloc[0] == pytest.approx(1 - 14 / 30, abs=1e-12)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_alpha_equals_reference_implementation_on_random_data(seed, level):
    m = _random_matrix(seed)
    got = validate.alpha(_long(m), level=level)["estimate"].iloc[0]
    assert abs(got - _reference_alpha(m, level)) < 1e-9


def test_alpha_ordinal_uses_the_order_of_an_ordered_categorical():
    m = _random_matrix(5, n_values=4)
    codes = _long(m)
    names = {1.0: "never", 2.0: "rarely", 3.0: "often", 4.0: "always"}
    labelled = codes.assign(code=pd.Categorical(codes["code"].map(names),
                                                categories=["never", "rarely", "often", "always"], ordered=True))
    a = validate.alpha(codes, level="ordinal")["estimate"].iloc[0]
    b = validate.alpha(labelled, level="ordinal")["estimate"].iloc[0]
    assert a == pytest.approx(b, abs=1e-12)
    # alphabetical order would differ
    assert validate.alpha(labelled.assign(code=labelled["code"].astype(str)), level="ordinal")["estimate"].iloc[0] != \
        pytest.approx(a, abs=1e-6)


def test_alpha_bootstrap_is_seeded_and_brackets_the_estimate():
    codes = _long(_random_matrix(3, n_units=60))
    a = validate.alpha(codes, n_boot=400, random_state=1)
    b = validate.alpha(codes, n_boot=400, random_state=1)
    c = validate.alpha(codes, n_boot=400, random_state=2)
    pd.testing.assert_frame_equal(a, b)
    assert a["ci_low"].iloc[0] != c["ci_low"].iloc[0]
    assert a["ci_low"].iloc[0] < a["estimate"].iloc[0] < a["ci_high"].iloc[0]


def test_alpha_column_names_are_options():
    codes = _long(KRIPP_A).rename(columns={"unit": "item", "coder": "who", "code": "label"})
    res = validate.alpha(codes, unit="item", coder="who", value="label")
    assert round(res["estimate"].iloc[0], 3) == 0.095


def test_alpha_undefined_cases_raise_with_reason():
    with pytest.raises(ValueError, match="at least two pairable values"):
        validate.alpha(pd.DataFrame({"unit": [1, 2], "coder": ["a", "b"], "code": ["x", "y"]}))
    with pytest.raises(ValueError, match="no variation"):
        validate.alpha(pd.DataFrame({"unit": [1, 1, 2, 2], "coder": ["a", "b"] * 2, "code": ["x"] * 4}))
    with pytest.raises(ValueError, match="more than one code for the same unit and coder"):
        validate.alpha(pd.DataFrame({"unit": [1, 1], "coder": ["a", "a"], "code": ["x", "y"]}))
    with pytest.raises(ValueError, match="level must be one of"):
        validate.alpha(_long(KRIPP_A), level="binary")
    with pytest.raises(ValueError, match="must be numeric"):
        validate.alpha(pd.DataFrame({"unit": [1, 1], "coder": ["a", "b"], "code": ["x", "y"]}), level="interval")
    with pytest.raises(KeyError, match="coder: column 'who' not in codes"):
        validate.alpha(_long(KRIPP_A), coder="who")
    with pytest.raises(ValueError, match="n_boot must be a non-negative integer"):
        validate.alpha(_long(KRIPP_A), n_boot=-1)


def test_agreement_does_not_mutate_codes():
    codes = _long(KRIPP_C)
    before = codes.copy()
    validate.alpha(codes, level="ordinal", n_boot=20)
    validate.kappa(codes.dropna().query("coder in ['c1', 'c3']"), n_boot=20)
    validate.percent_agreement(codes, n_boot=20)
    pd.testing.assert_frame_equal(codes, before)


# ------------------------------------------------------------------------ kappa
def test_cohens_kappa_hand_value():
    # observed agreement .6, chance agreement .8*.6 + .2*.4 = .56 → (.6 - .56) / .44 = 1/11
    res = validate.kappa(_long(KRIPP_A))
    assert res["estimate"].iloc[0] == pytest.approx(1 / 11, abs=1e-12)
    assert res["statistic"].iloc[0] == "kappa_cohen" and res["n_units"].iloc[0] == 10


@pytest.mark.parametrize("weights", [None, "linear", "quadratic"])
@pytest.mark.parametrize("seed", [0, 1])
def test_cohens_kappa_equals_scikit_learn(weights, seed):
    from sklearn.metrics import cohen_kappa_score

    m = _random_matrix(seed, n_coders=2, n_units=80, missing=0.1)
    both = ~np.isnan(m).any(axis=0)
    want = cohen_kappa_score(m[0, both], m[1, both], weights=weights)
    got = validate.kappa(_long(m), weights=weights)
    assert abs(got["estimate"].iloc[0] - want) < 1e-9
    assert got["n_units"].iloc[0] == both.sum()


def test_fleiss_kappa_reproduces_the_worked_example():
    res = validate.kappa(_fleiss_long(FLEISS), method="fleiss")
    assert round(res["estimate"].iloc[0], 3) == 0.210
    assert (res["n_units"].iloc[0], res["n_coders"].iloc[0], res["n_values"].iloc[0]) == (10, 14, 140)
    # P-bar = .378 and P_e = .213 in the worked example
    counts = np.array(FLEISS, dtype=float)
    p_bar = (((counts ** 2).sum(axis=1) - 14) / (14 * 13)).mean()
    p_e = ((counts.sum(axis=0) / 140) ** 2).sum()
    assert (round(p_bar, 3), round(p_e, 3)) == (0.378, 0.213)


def test_fleiss_kappa_and_alpha_are_related_as_published_for_two_coders():
    # two coders, complete data: Fleiss' kappa is Scott's pi, and with n pairable
    # values alpha = 1 - (1 - pi) (n - 1) / n (alpha's expected disagreement uses
    # n (n - 1) where pi's uses n squared)
    m = _random_matrix(7, n_coders=2, n_units=50, missing=0.0)
    pi = validate.kappa(_long(m), method="fleiss")["estimate"].iloc[0]
    a = validate.alpha(_long(m))["estimate"].iloc[0]
    n = 100
    assert a == pytest.approx(1 - (1 - pi) * (n - 1) / n, abs=1e-12)
    assert a != pytest.approx(pi, abs=1e-6)


def test_kappa_errors():
    three = _long(KRIPP_C).dropna()
    with pytest.raises(ValueError, match="exactly 2 coders, found 4"):
        validate.kappa(three)
    with pytest.raises(ValueError, match="same number .* of codes for every unit"):
        validate.kappa(three, method="fleiss")
    with pytest.raises(ValueError, match="undefined: both coders used one and the same code"):
        validate.kappa(pd.DataFrame({"unit": [1, 1, 2, 2], "coder": ["a", "b"] * 2, "code": ["x"] * 4}))
    with pytest.raises(ValueError, match="method must be 'cohen' or 'fleiss'"):
        validate.kappa(_long(KRIPP_A), method="scott")
    with pytest.raises(ValueError, match="weights apply to Cohen's kappa only"):
        validate.kappa(_long(KRIPP_A), method="fleiss", weights="linear")
    with pytest.raises(ValueError, match="at least two units coded by both"):
        validate.kappa(pd.DataFrame({"unit": [1, 1, 2], "coder": ["a", "b", "a"], "code": ["x", "y", "x"]}))


def test_kappa_bootstrap_interval():
    res = validate.kappa(_long(_random_matrix(4, n_coders=2, n_units=100, missing=0)), n_boot=300)
    assert res["ci_low"].iloc[0] < res["estimate"].iloc[0] < res["ci_high"].iloc[0]
    fl = validate.kappa(_fleiss_long(FLEISS), method="fleiss", n_boot=300)
    assert fl["ci_low"].iloc[0] < 0.210 < fl["ci_high"].iloc[0]


# ------------------------------------------------------------- percent agreement
def test_percent_agreement_hand_values():
    assert validate.percent_agreement(_long(KRIPP_A))["estimate"].iloc[0] == pytest.approx(0.6)
    # three coders: unit 1 all agree (1), unit 2 two of three (1 of 3 pairs), unit 3 one code only (left out)
    codes = pd.DataFrame({"unit": [1, 1, 1, 2, 2, 2, 3], "coder": list("abcabca"),
                          "code": ["x", "x", "x", "x", "x", "y", "y"]})
    res = validate.percent_agreement(codes, n_boot=200)
    assert res["estimate"].iloc[0] == pytest.approx((1 + 1 / 3) / 2)
    assert res["n_units"].iloc[0] == 2
    assert 1 / 3 <= res["ci_low"].iloc[0] <= res["ci_high"].iloc[0] <= 1
    with pytest.raises(ValueError, match="at least one unit coded by two or more coders"):
        validate.percent_agreement(codes[codes["unit"] == 3])


# ------------------------------------------------------------------------ spans
GOLD = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3"], "start": [0, 20, 5, 0], "end": [10, 30, 15, 4],
                     "kind": ["direct", "partial", "direct", "direct"]})
PRED = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d4"], "start": [0, 22, 0, 0], "end": [10, 30, 6, 5],
                     "kind": ["direct", "direct", "direct", "direct"]})


def test_spans_character_and_unit_level_by_hand():
    res = validate.spans(PRED, GOLD).set_index("level")
    # characters: gold 10+10+10+4 = 34, predicted 10+8+6+5 = 29, shared 10+8+1 = 19
    ch = res.loc["character"]
    assert (ch["tp"], ch["fp"], ch["fn"], ch["n_predicted"], ch["n_gold"]) == (19, 10, 15, 29, 34)
    assert ch["precision"] == pytest.approx(19 / 29) and ch["recall"] == pytest.approx(19 / 34)
    # units, exact offsets: only d1 0-10 matches
    un = res.loc["unit"]
    assert (un["tp"], un["fp"], un["fn"]) == (1, 3, 3)
    assert un["f1"] == pytest.approx(0.25)


def test_spans_overlap_rules():
    any_ = validate.spans(PRED, GOLD, overlap="any").set_index("level").loc["unit"]
    assert (any_["tp"], any_["fp"], any_["fn"]) == (3, 1, 1)  # d2 shares one character
    half = validate.spans(PRED, GOLD, overlap=0.5).set_index("level").loc["unit"]
    assert (half["tp"], half["fp"], half["fn"]) == (2, 2, 2)  # 22-30 vs 20-30: Jaccard .8; d2: 1/15


def test_spans_match_one_to_one_best_overlap_first():
    gold = pd.DataFrame({"doc_id": ["d"] * 2, "start": [0, 10], "end": [10, 20]})
    pred = pd.DataFrame({"doc_id": ["d"], "start": [8], "end": [20]})  # overlaps both, the second more
    res = validate.spans(pred, gold, overlap="any").set_index("level").loc["unit"]
    assert (res["tp"], res["fp"], res["fn"]) == (1, 0, 1)


def test_spans_by_category_with_micro_row():
    res = validate.spans(PRED, GOLD, by="kind", overlap="any")
    unit = res[res["level"] == "unit"].set_index("kind")
    assert list(unit.index) == ["direct", "partial", "(all)"]
    # the predicted "direct" span 22-30 cannot match the gold "partial" span 20-30
    assert (unit.loc["direct", "tp"], unit.loc["direct", "fp"], unit.loc["direct", "fn"]) == (2, 2, 1)
    assert np.isnan(unit.loc["partial", "precision"]) and unit.loc["partial", "recall"] == 0
    assert (unit.loc["(all)", "tp"], unit.loc["(all)", "fp"], unit.loc["(all)", "fn"]) == (2, 2, 2)


def test_spans_errors():
    with pytest.raises(ValueError, match="overlap must be 'exact', 'any' or a number"):
        validate.spans(PRED, GOLD, overlap=1.5)
    with pytest.raises(KeyError, match="gold needs column"):
        validate.spans(PRED, GOLD.drop(columns="end"))


# ----------------------------------------------------------------------- labels
def test_labels_equal_scikit_learn_on_single_labels():
    from sklearn.metrics import precision_recall_fscore_support

    rng = np.random.default_rng(0)
    y = rng.choice(["war", "economy", "health"], 60)
    p = np.where(rng.random(60) < 0.6, y, rng.choice(["war", "economy", "health", "climate"], 60))
    ids = [f"d{i}" for i in range(60)]
    res = validate.labels(pd.DataFrame({"doc_id": ids, "label": p}), pd.DataFrame({"doc_id": ids, "label": y}))
    res = res.set_index("label")
    classes = sorted(set(y) | set(p))
    pr, rc, f1, sup = precision_recall_fscore_support(y, p, labels=classes, zero_division=0)
    np.testing.assert_allclose(res.loc[classes, "precision"].fillna(0), pr, atol=1e-12)
    np.testing.assert_allclose(res.loc[classes, "recall"].fillna(0), rc, atol=1e-12)
    np.testing.assert_allclose(res.loc[classes, "support"], sup)
    for avg in ("micro", "macro", "weighted"):
        want = precision_recall_fscore_support(y, p, labels=classes, average=avg, zero_division=0)
        got = res.loc[f"{avg} avg", ["precision", "recall", "f1"]].to_numpy(dtype=float)
        np.testing.assert_allclose(got, want[:3], atol=1e-12)


def test_labels_multilabel_and_unscored_units():
    gold = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "label": ["conflict", "economic", "conflict", None]})
    pred = pd.DataFrame({"doc_id": ["a", "b", "b", "c", "z"], "label": ["conflict", "conflict", "morality",
                                                                        "economic", "conflict"]})
    res = validate.labels(pred, gold).set_index("label")
    # z is not coded: ignored; c was coded with no label: its prediction is a false positive
    assert tuple(res.loc["conflict", ["tp", "fp", "fn"]]) == (2, 0, 0)
    assert tuple(res.loc["economic", ["tp", "fp", "fn"]]) == (0, 1, 1)
    assert tuple(res.loc["morality", ["tp", "fp", "fn"]]) == (0, 1, 0)
    assert np.isnan(res.loc["morality", "recall"])
    assert res.loc["micro avg", "precision"] == pytest.approx(0.5)
    assert res.loc["micro avg", "recall"] == pytest.approx(2 / 3)


# ------------------------------------------------------------ pattern precision
def test_pattern_precision_counts_and_wilson_interval():
    coded = pd.DataFrame({"pattern": ["regime"] * 4 + ["slaughter*"] * 2 + ["debacle*"],
                          "code": ["yes", "yes", "no", "yes", "yes", "yes", None]})
    res = validate.pattern_precision(coded).set_index("pattern")
    assert list(res.index) == ["regime", "slaughter*", "(all)"]  # least precise first, uncoded left out
    assert tuple(res.loc["regime", ["n", "tp", "fp"]]) == (4, 3, 1)
    assert res.loc["regime", "estimate"] == 0.75
    # Wilson 95% interval of 3/4: [0.3006, 0.9544]
    assert res.loc["regime", "ci_low"] == pytest.approx(0.30064, abs=1e-5)
    assert res.loc["regime", "ci_high"] == pytest.approx(0.95441, abs=1e-5)
    assert res.loc["(all)", "estimate"] == pytest.approx(5 / 6)


def test_pattern_precision_weighted_total_and_boolean_codes():
    coded = pd.DataFrame({"pattern": ["a", "a", "b", "b"], "code": [True, False, True, True],
                          "sampling_weight": [10.0, 10.0, 1.0, 1.0]})
    res = validate.pattern_precision(coded, weight="sampling_weight").set_index("pattern")
    assert res.loc["a", "estimate"] == 0.5 and res.loc["b", "estimate"] == 1.0
    assert res.loc["(all)", "estimate"] == pytest.approx((10 + 2) / 22)
    with pytest.raises(KeyError, match="coded_matches needs column"):
        validate.pattern_precision(coded, code="label")


# -------------------------------------------------------------------- agreement
def test_agreement_table_per_group_with_reasons_for_undefined_statistics():
    codes = _long(KRIPP_A).assign(pattern=["regime"] * 5 + ["debacle*"] * 5 + ["regime"] * 5 + ["debacle*"] * 5)
    # debacle*: units 5-9, codes A 0 0 0 1 0, B 1 0 0 0 0; regime: units 0-4, A 0 1 0 0 0, B 1 1 1 0 0
    res = validate.agreement(codes, by="pattern", n_boot=0)
    assert list(res.columns) == ["pattern", "statistic", "estimate", "ci_low", "ci_high", "n_units", "n_coders",
                                 "n_values", "note"]
    assert res["pattern"].tolist() == ["debacle*"] * 3 + ["regime"] * 3
    assert res["statistic"].tolist() == ["alpha_nominal", "kappa_cohen", "percent_agreement"] * 2
    reg = res[res["pattern"] == "regime"].set_index("statistic")
    assert reg.loc["percent_agreement", "estimate"] == pytest.approx(0.6)
    assert reg.loc["alpha_nominal", "estimate"] == pytest.approx(
        validate.alpha(codes[codes["pattern"] == "regime"])["estimate"].iloc[0])
    assert (res["note"] == "").all()
    same = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3], "coder": ["a", "b"] * 3, "code": ["x"] * 4 + ["y", None],
                         "g": ["one"] * 4 + ["two"] * 2})
    res = validate.agreement(same, by="g", n_boot=50).set_index(["g", "statistic"])
    assert np.isnan(res.loc[("one", "alpha_nominal"), "estimate"])
    assert "no variation" in res.loc[("one", "alpha_nominal"), "note"]
    assert res.loc[("one", "percent_agreement"), "estimate"] == 1.0
    assert "at least two pairable values" in res.loc[("two", "alpha_nominal"), "note"]
    assert res.loc[("two", "kappa_fleiss"), "note"] == "Fleiss' kappa needs at least two coded units; found 1"
    assert res.loc[("two", "kappa_fleiss"), "n_coders"] == 1


def test_agreement_uses_fleiss_kappa_for_more_coders():
    res = validate.agreement(_fleiss_long(FLEISS), n_boot=0).set_index("statistic")
    assert round(res.loc["kappa_fleiss", "estimate"], 3) == 0.210


def test_docstring_examples_run():
    import doctest

    from discourse.validate import (_agreement, _intrusion, _patterns, _read, _sample, _scores, _sheets,
                                    _summary)

    for module in (validate, _agreement, _intrusion, _patterns, _read, _sample, _scores, _sheets, _summary):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0, module.__name__


# ------------------------------------------------------------------------ plots
def test_validation_plots_draw_one_dot_per_row_and_leave_data_alone():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes

    from discourse import plots

    coded = pd.DataFrame({"pattern": ["regime"] * 4 + ["slaughter*"] * 2 + ["debacle*"] * 3,
                          "code": ["yes", "yes", "no", "yes", "yes", "yes", "no", "no", "yes"]})
    prec = validate.pattern_precision(coded)
    table = validate.agreement(_long(KRIPP_C).dropna().query("coder in ['c1', 'c3']"), n_boot=50)
    for draw, data, n_rows in ((plots.pattern_precision, prec, 3), (plots.agreement, table, 3)):
        before = data.copy()
        ax = draw(data)
        try:
            assert isinstance(ax, Axes)
            pd.testing.assert_frame_equal(data, before)
            assert len(ax.get_yticks()) == n_rows
            (line,) = [ln for ln in ax.lines if len(ln.get_xdata()) == n_rows]
            assert sorted(line.get_xdata()) == sorted(data.loc[data.iloc[:, 0] != "(all)", "estimate"].iloc[:n_rows])
        finally:
            plt.close(ax.figure)
    ax = plots.pattern_precision(prec)
    # least precise pattern on top, the whole lexicon as a dashed line
    assert [t.get_text() for t in ax.get_yticklabels()] == ["debacle* (3)", "regime (4)", "slaughter* (2)"]
    assert any(ln.get_linestyle() == "--" and ln.get_xdata()[0] == pytest.approx(6 / 9) for ln in ax.lines)
    plt.close(ax.figure)


def test_overlaps_marks_matches_inside_annotated_spans_for_pattern_precision():
    gold = pd.DataFrame({"doc_id": ["d1", "d2"], "start": [0, 5], "end": [20, 9], "technique": ["loaded", "loaded"]})
    matches = pd.DataFrame({"doc_id": ["d1", "d1", "d1", "d2", "d3", "d2"], "start": [2, 10, 30, 8, 0, 5],
                            "end": [8, 16, 36, 12, 4, 10],
                            "pattern": ["regime", "slaughter*", "regime", "regime", "x", "x"]})
    marked = validate.overlaps(matches, gold)
    assert marked["gold"].tolist() == [True, True, False, True, False, True]
    assert validate.overlaps(matches, gold, overlap="exact")["gold"].tolist() == [False] * 6
    # Jaccard: 6/20, 6/20, 0, 1/7, 0, 4/5
    assert validate.overlaps(matches, gold, overlap=0.5)["gold"].tolist() == [False] * 5 + [True]
    res = validate.pattern_precision(marked, code="gold").set_index("pattern")
    assert res.loc["regime", "estimate"] == pytest.approx(2 / 3) and res.loc["x", "estimate"] == 0.5
