"""Tests for discourse.terms: matching, voice, rates, KWIC, and the terms CLI."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import lexicon, terms


def _corpus(*texts, outlets=None, published=None):
    n = len(texts)
    df = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n)],
        "outlet": outlets or ["X"] * n,
        "title": [pd.NA] * n,
        "author": [pd.NA] * n,
        "published": pd.to_datetime(published or [pd.NaT] * n),
        "url": [pd.NA] * n,
        "text": list(texts),
        "source": [f"mem#{i}" for i in range(n)],
    })
    return df


def _find(text_or_df, lex, **kw):
    df = _corpus(text_or_df) if isinstance(text_or_df, str) else text_or_df
    kw.setdefault("quotes", False)
    return terms.find(df, lex, **kw)


def _spans(m):
    return list(zip(m["match"], m["start"], m["end"]))


def _lex(*patterns, match="glob"):
    return lexicon.from_records([{"pattern": p, "category": f"c{i}"} for i, p in enumerate(patterns)], match=match)


# ------------------------------------------------------------------------ seed
@pytest.fixture(scope="module")
def seed_matches():
    from discourse import corpus
    from tests.conftest import SEED

    df = corpus.load(SEED)
    return df, terms.find(df)


def _at(df, m, phrase, occurrence=0):
    """The match row whose span lies inside the n-th occurrence of ``phrase`` in the seed."""
    text = str(df["text"].iloc[0])
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.index(phrase, pos + 1)
    rows = m[(m["start"] >= pos) & (m["end"] <= pos + len(phrase))]
    assert len(rows) == 1, (phrase, rows)
    return rows.iloc[0]


@pytest.mark.parametrize("phrase, matched, category", [
    ("puppet government", "puppet government", "delegitimizing"),
    ("a puppet of the US", "puppet of", "delegitimizing"),
    ("US imperialism", "imperialism", "ideological"),
    ("US militarism", "militarism", "ideological"),
    ("Kabul regime", "regime", "delegitimizing"),
    ("US-backed regime", "US-backed regime", "delegitimizing"),
    ("debacle", "debacle", "dysphemism"),
    ("criminal", "criminal", "dysphemism"),
])
def test_seed_authorial_terms(seed_matches, phrase, matched, category):
    df, m = seed_matches
    row = _at(df, m, phrase)
    assert row["match"] == matched
    assert row["category"] == category
    assert row["voice"] == "authorial"
    assert pd.isna(row["speaker"])
    text = str(df["text"].iloc[0])
    assert text[row["start"]:row["end"]] == matched


def test_seed_absolute_lie_quoted_by_defense_ministry(seed_matches):
    df, m = seed_matches
    row = _at(df, m, "an absolute lie")
    assert row["match"] == "absolute lie"
    assert row["voice"] == "quoted"
    assert "Defense Ministry" in row["speaker"]


def test_seed_great_power_and_horizon_are_scare(seed_matches):
    df, m = seed_matches
    gp = _at(df, m, "great power")
    assert (gp["match"], gp["voice"]) == ("great power", "scare")
    oth = _at(df, m, "over the horizon capabilities")
    assert oth["voice"] == "scare"
    assert oth["category"] == "euphemism"


def test_seed_units_and_columns(seed_matches):
    df, m = seed_matches
    from discourse import text as _text

    assert m.columns.tolist()[:10] == terms.COLUMNS
    sents = _text.sentences(df)
    for r in m.itertuples():
        s = sents[(sents["sent_id"] == r.sent_id)].iloc[0]
        assert s["start"] <= r.start < s["end"]
        assert s["para_id"] == r.para_id
    assert m["start"].is_monotonic_increasing


def test_seed_scare_terms_reconstruction(seed_corpus):
    from discourse import quotes

    q = quotes.find(seed_corpus)
    st = terms.scare_terms(q, seed_corpus)
    assert {"reconstruction", "great power"} <= set(st["pattern"])
    row = st[st["pattern"] == "reconstruction"].iloc[0]
    text = str(seed_corpus["text"].iloc[0])
    assert text[row["start"]:row["end"]].startswith("reconstruction")
    assert row["voice"] == "scare" and row["category"] == "scare_quote"
    assert row["para_id"] == 6
    assert list(st.columns[:10]) == terms.COLUMNS


# ----------------------------------------------------------------- voice by hand
def test_voice_from_hand_made_quotes_nested_and_scare():
    text = 'He said "the puppet regime is a \'junta\' now" and called it a junta.'
    df = _corpus(text)
    outer_s = text.index("the puppet")
    outer_e = text.index(' now"') + 4
    inner_s = text.index("junta")
    q = pd.DataFrame({
        "doc_id": ["d0", "d0"],
        "start": [outer_s, inner_s],
        "end": [outer_e, inner_s + 5],
        "speaker": ["He", pd.NA],
        "kind": ["direct", "scare"],
    })
    m = terms.find(df, _lex("puppet regime*", "junta"), quotes=q)
    assert m[["match", "voice"]].values.tolist() == [
        ["puppet regime", "quoted"], ["junta", "scare"], ["junta", "authorial"]]
    assert m["speaker"].iloc[0] == "He"
    assert pd.isna(m["speaker"].iloc[2])


def test_quotes_false_gives_na_voice_and_bad_quotes_rejected():
    m = _find("the regime", _lex("regime"), quotes=False)
    assert m["voice"].isna().all()
    with pytest.raises(KeyError, match="quotes is missing column"):
        terms.find(_corpus("the regime"), _lex("regime"), quotes=pd.DataFrame({"doc_id": ["d0"]}))


# ------------------------------------------------------------------ boundaries
def test_word_boundaries_regime_regimen():
    m = _find("A regimen, the regime, regimes and a Regime's end.", _lex("regime", match="fixed"))
    assert _spans(m) == [("regime", 15, 21), ("Regime", 37, 43)]


def test_us_vs_us_and_hyphenated():
    text = "The US-backed forces and a focus-backed plan; trust us backed them."
    m = _find(text, _lex("US-backed"))
    # case-insensitive by default, and a hyphen between letters also matches a space
    assert m["match"].tolist() == ["US-backed", "us backed"]
    m_cs = _find(text, _lex("US-backed"), case_sensitive=True)
    assert m_cs["match"].tolist() == ["US-backed"]
    m_us = _find("US troops and us.", _lex("US"), case_sensitive=True)
    assert _spans(m_us) == [("US", 0, 2)]


def test_phrases_cross_lines_but_not_paragraphs():
    m = _find("a puppet\ngovernment here.\n\nA puppet\n\ngovernment there.", _lex("puppet government"))
    assert _spans(m) == [("puppet\ngovernment", 2, 19)]


# -------------------------------------------------------------------- unicode
def test_curly_apostrophes_and_accents():
    text = "A coup d’état, a COUP D'ÉTAT, the Régime and Ménard’s junta."
    m = _find(text, _lex("coup d'état", "régime", "junta", "gime"))
    assert _spans(m) == [("coup d’état", 2, 13), ("COUP D'ÉTAT", 17, 28), ("Régime", 34, 40), ("junta", 54, 59)]


def test_casefold_offsets_survive_length_changes():
    text = "Die Straße: İstanbul regime, STRASSE and the regime."
    m = _find(text, _lex("strasse", "regime"))
    assert _spans(m) == [("Straße", 4, 10), ("regime", 21, 27), ("STRASSE", 29, 36), ("regime", 45, 51)]
    for s, a, b in _spans(m):
        assert text[a:b] == s


def test_offsets_right_in_later_documents_after_expanding_fold():
    df = _corpus("ßßßß regime", "the regime")
    m = _find(df, _lex("regime"))
    assert list(zip(m["doc_id"], m["start"], m["end"])) == [("d0", 5, 11), ("d1", 4, 10)]


# -------------------------------------------------------------------- overlaps
def test_longest_match_wins_then_earliest_then_lexicon_order():
    lex = _lex("puppet", "puppet government", "government")
    m = _find("the puppet government fell", lex)
    assert m[["match", "pattern"]].values.tolist() == [["puppet government", "puppet government"]]
    # equal length: earliest start wins
    m2 = _find("a b c", _lex("a b", "b c"))
    assert m2["match"].tolist() == ["a b"]
    # same span: lexicon order decides
    lex3 = lexicon.from_records([{"pattern": "regime", "category": "first", "match": "fixed"},
                                 {"pattern": "regime*", "category": "second"}])
    assert _find("the regime", lex3)["category"].tolist() == ["first"]
    lex4 = lexicon.from_records([{"pattern": "regime*", "category": "second"},
                                 {"pattern": "regime", "category": "first", "match": "fixed"}])
    assert _find("the regime", lex4)["category"].tolist() == ["second"]


def test_overlap_all_keeps_every_match():
    lex = _lex("puppet", "puppet government", "government")
    m = _find("the puppet government", lex, overlap="all")
    assert sorted(_spans(m)) == [("government", 11, 21), ("puppet", 4, 10), ("puppet government", 4, 21)]
    with pytest.raises(ValueError, match="overlap must be"):
        _find("x", lex, overlap="some")


def test_greedy_resolution_in_a_chain():
    # "b c d" is longest; "a b" and "d e" overlap it and lose
    m = _find("a b c d e", _lex("a b", "b c d", "d e"))
    assert m["match"].tolist() == ["b c d"]


# ------------------------------------------------------------------------ globs
def test_glob_trailing_leading_inner():
    text = ("Imperialism and imperialists, not imperial. The Iran-backed militias, "
            "the US-backed regime; henchman, henchmen, henchmaan; spiralling out of control.")
    lex = _lex("imperialis*", "*-backed militia*", "*-backed regime*", "henchm?n", "spiral* out of control")
    m = _find(text, lex)
    assert m["match"].tolist() == ["Imperialism", "imperialists", "Iran-backed militias", "US-backed regime",
                                   "henchman", "henchmen", "spiralling out of control"]
    for s, a, b in _spans(m):
        assert text[a:b] == s


def test_glob_star_covers_word_characters_only():
    m = _find("regime-change and regimen", _lex("regime*"))
    assert m["match"].tolist() == ["regime", "regimen"]


def test_hyphen_matches_space_between_letters():
    m = _find("so-called and so called, and so-so", _lex("so-called"))
    assert m["match"].tolist() == ["so-called", "so called"]


# ------------------------------------------------------------------------ regex
def test_regex_mode_with_boundaries():
    text = "Regimes, a regime, the regimen; US-backed and Iran-backed."
    lex = lexicon.from_records([
        {"pattern": r"regimes?", "category": "a", "match": "regex"},
        {"pattern": r"(?:US|Iran)-backed", "category": "b", "match": "regex"},
    ])
    m = _find(text, lex)
    assert _spans(m) == [("Regimes", 0, 7), ("regime", 11, 17), ("US-backed", 32, 41), ("Iran-backed", 46, 57)]


def test_regex_mode_offsets_after_casefold_expansion():
    df = _corpus("ẞ Straße regime", "regime")
    lex = lexicon.from_records([{"pattern": r"regimes?", "category": "a", "match": "regex"}])
    m = _find(df, lex)
    assert list(zip(m["doc_id"], m["start"], m["end"])) == [("d0", 9, 15), ("d1", 0, 6)]


# ------------------------------------------------------------------ misc contract
def test_find_does_not_mutate_and_empty_results():
    df = _corpus("nothing to see", "the regime")
    before = df.copy()
    m = terms.find(df, _lex("junta"), quotes=False)
    pd.testing.assert_frame_equal(df, before)
    assert len(m) == 0
    assert m.columns.tolist()[:10] == terms.COLUMNS
    with pytest.raises(KeyError, match="missing column"):
        terms.find(pd.DataFrame({"text": ["x"]}), _lex("x"))


def test_matcher_reusable():
    mt = terms.Matcher(_lex("regime"))
    assert mt.spans(["a regime", "regime b"]) == [(0, 2, 8, 0), (1, 0, 6, 0)]


# ------------------------------------------------------------------------ rates
@pytest.fixture
def rate_data():
    df = _corpus(
        "the regime and the junta",          # 5 words
        "a quiet day",                        # 3 words
        "the regime said the regime lies",   # 6 words
        outlets=["A", "A", "B"],
        published=["2021-01-05", "2021-02-01", "2021-01-20"],
    )
    m = pd.DataFrame({
        "doc_id": ["d0", "d0", "d2", "d2"],
        "category": ["label", "label", "label", "label"],
        "voice": ["authorial", "quoted", "authorial", "authorial"],
    })
    return df, m


def test_rates_per_document(rate_data):
    df, m = rate_data
    r = terms.rates(m, df)
    assert r["doc_id"].tolist() == ["d0", "d1", "d2"]
    assert r["n"].tolist() == [1, 0, 2]
    assert r["words"].tolist() == [5, 3, 6]
    np.testing.assert_allclose(r["rate"], [200.0, 0.0, 1000 * 2 / 6])
    r_all = terms.rates(m, df, voice="all")
    assert r_all["n"].tolist() == [2, 0, 2]


def test_rates_by_outlet_with_ci(rate_data):
    df, m = rate_data
    r = terms.rates(m, df, by="outlet", n_boot=200)
    assert r.columns.tolist() == ["outlet", "rate", "ci_low", "ci_high", "n", "words", "docs"]
    a = r.set_index("outlet")
    np.testing.assert_allclose(a.loc["A", "rate"], 1000 * 1 / 8)
    assert a.loc["A", "docs"] == 2 and a.loc["A", "n"] == 1 and a.loc["A", "words"] == 8
    assert a.loc["A", "ci_low"] <= a.loc["A", "rate"] <= a.loc["A", "ci_high"]
    # one document: the interval collapses
    assert a.loc["B", "ci_low"] == a.loc["B", "ci_high"] == pytest.approx(1000 * 2 / 6)
    again = terms.rates(m, df, by="outlet", n_boot=200)
    pd.testing.assert_frame_equal(r, again)


def test_rates_split_by_voice_and_category_with_zero_fill(rate_data):
    df, m = rate_data
    r = terms.rates(m, df, by=["outlet", "voice"], voice="all", n_boot=50)
    assert len(r) == 2 * 3
    b = r.set_index(["outlet", "voice"])
    assert b.loc[("A", "quoted"), "n"] == 1
    assert b.loc[("B", "quoted"), "n"] == 0 and b.loc[("B", "quoted"), "rate"] == 0
    d = terms.rates(m, df, by=["category"], level="document")
    assert d.columns.tolist() == ["doc_id", "category", "n", "words", "rate"]
    assert d["n"].tolist() == [1, 0, 2]


def test_rates_by_period(rate_data):
    df, m = rate_data
    r = terms.rates(m, df, period="M", n_boot=50)
    assert r["period"].tolist() == ["2021-01", "2021-02"]
    np.testing.assert_allclose(r["rate"], [1000 * 3 / 11, 0.0])


def test_rates_errors(rate_data):
    df, m = rate_data
    with pytest.raises(KeyError, match="neither corpus columns"):
        terms.rates(m, df, by="section")
    with pytest.raises(ValueError, match="voice must be"):
        terms.rates(m, df, voice="narrator")
    with pytest.raises(ValueError, match="period must be"):
        terms.rates(m, df, period="W")


# ------------------------------------------------------------------------- KWIC
def test_kwic_words_and_chars():
    df = _corpus("One two three, the puppet government of four five six seven.")
    k = terms.kwic(df, "puppet government", window=2, quotes=False)
    assert isinstance(k, pd.DataFrame) and isinstance(k, terms.KWIC)
    assert k[["left", "match", "right"]].iloc[0].tolist() == ["three, the ", "puppet government", " of four"]
    assert k.columns.tolist()[:7] == ["doc_id", "left", "match", "right", "voice", "start", "end"]
    kc = terms.kwic(df, "puppet government", window=6, unit="chars", quotes=False)
    assert kc[["left", "right"]].iloc[0].tolist() == [", the ", " of fo"]


def test_kwic_from_matches_does_not_rematch(monkeypatch):
    df = _corpus("a b c the regime d e f g", "regime at start")
    m = terms.find(df, _lex("regime"), quotes=False)
    monkeypatch.setattr(terms, "find", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-matched")))
    k3 = terms.kwic(df, m, window=3)
    k1 = terms.kwic(df, m, window=1)
    assert k3["left"].tolist() == ["b c the ", ""]
    assert k1["left"].tolist() == ["the ", ""]
    assert k1["right"].tolist() == [" d", " at"]


def test_kwic_lexicon_selection_and_html():
    df = _corpus('They called the junta "a regime".')
    lex = _lex("regime", "junta")
    k = terms.kwic(df, "c1", lexicon=lex, quotes=False)  # by category
    assert k["match"].tolist() == ["junta"]
    html = k._repr_html_()
    assert "<mark" in html and "junta</mark>" in html
    with pytest.raises(ValueError, match="no lexicon row"):
        terms.kwic(df, "nothing", lexicon=lex)
    assert isinstance(k.head(1), terms.KWIC)


# -------------------------------------------------------------------------- CLI
def test_cli_terms_csv_and_custom_lexicon(tmp_path, seed_path):
    from discourse.cli import main

    out = tmp_path / "t.csv"
    assert main(["terms", str(seed_path), "--out", str(out), "--quiet"]) == 0
    t = pd.read_csv(out)
    assert t.columns.tolist()[:10] == terms.COLUMNS
    assert "puppet government" in set(t["match"])
    lex = tmp_path / "lex.csv"
    lex.write_text("pattern,category\nTaliban,actor\n", encoding="utf-8")
    out2 = tmp_path / "t.parquet"
    assert main(["terms", str(seed_path), "--lexicon", str(lex), "--out", str(out2), "--quiet"]) == 0
    t2 = pd.read_parquet(out2)
    assert set(t2["category"]) == {"actor"}
    from discourse import corpus

    assert len(t2) == str(corpus.load(seed_path)["text"].iloc[0]).count("Taliban")


def test_cli_terms_bad_lexicon_is_one_line_error(tmp_path, seed_path, capsys):
    from discourse.cli import main

    lex = tmp_path / "bad.csv"
    lex.write_text("pattern,category,match\nx,c,fuzzy\n", encoding="utf-8")
    assert main(["terms", str(seed_path), "--lexicon", str(lex), "--out", str(tmp_path / "o.csv"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "bad.csv:2: unknown match mode 'fuzzy'" in err


def test_kwic_long_context_not_cut_mid_word():
    left = " ".join(f"w{i:03d}" for i in range(200))
    df = _corpus(left + " regime " + left)
    k = terms.kwic(df, "regime", window=40, quotes=False)
    assert k["left"].iloc[0] == " ".join(f"w{i:03d}" for i in range(160, 200)) + " "
    assert k["right"].iloc[0] == " " + " ".join(f"w{i:03d}" for i in range(40))


# ------------------------------------------------------------------------ plots
def test_plot_terms_in_article_and_rates():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from discourse import plots

    df = _corpus('The regime said "a puppet" here.\n\nThe junta fell.')
    q = pd.DataFrame({"doc_id": ["d0"], "start": [17], "end": [25], "speaker": [pd.NA], "kind": ["scare"]})
    m = terms.find(df, lexicon.from_dict({"label": ["regime", "junta"], "scare": ["puppet"]}), quotes=q)
    assert m["voice"].tolist() == ["authorial", "scare", "authorial"]
    ax = plots.terms_in_article(m, df.iloc[0])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["label", "scare"]
    assert [t.get_text() for t in ax.texts] == ["regime", "junta", "puppet"]
    assert len(ax.lines) == 1  # one paragraph break
    offsets = np.concatenate([c.get_offsets() for c in ax.collections])
    np.testing.assert_allclose(sorted(offsets[:, 0]), sorted(100 * m["start"] / len(df["text"].iloc[0])))
    plt.close(ax.figure)
    r = terms.rates(m, df, by=["category", "voice"], voice="all", n_boot=20)
    ax2 = plots.term_rates(r)
    assert [t.get_text() for t in ax2.get_yticklabels()] == ["label", "scare"]
    assert [t.get_text() for t in ax2.get_legend().get_texts()] == ["authorial", "quoted", "scare"]
    plt.close(ax2.figure)
    with pytest.raises(KeyError, match="term_rates needs columns"):
        plots.term_rates(pd.DataFrame({"x": [1]}))


# ------------------------------------------------ equivalence with a reference
def _reference_spans(texts, lex):
    """The slow, obvious implementation: one regex per pattern over per-character
    case-folded text with an offset map (overlap="all" semantics)."""
    import re

    W = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
    folded = []
    for t in texts:
        pieces, mp = [], []
        for j, c in enumerate(t):
            f = c.casefold()
            pieces.append(f)
            mp += [j] * len(f)
        mp.append(len(t))
        folded.append(("".join(pieces).replace("\n", " ").replace("\u2019", "'"), mp))
    out = set()
    for i, p in enumerate(lex["pattern"]):
        body = re.escape(p.casefold()).replace(r"\*", W + "*").replace(r"\?", W)
        body = re.sub(r"(?<=\w)\\-(?=\w)", "[- ]", body)
        left = f"(?<!{W})" if (p[0] in "*?" or p[0].isalnum()) else ""
        right = f"(?!{W})" if (p[-1] in "*?" or p[-1].isalnum()) else ""
        rx = re.compile(left + body + right)
        for d, (f, mp) in enumerate(folded):
            for m in rx.finditer(f):
                out.add((d, mp[m.start()], mp[m.end() - 1] + 1, i))
    return out


def test_matcher_equals_reference_on_random_text_with_bundled_lexicon():
    lex = lexicon.read()
    rng = np.random.default_rng(7)
    inflected = [p.replace("*", "s").replace("?", "e") for p in lex["pattern"]]
    filler = ["the", "a", "regimen", "focus", "routine", "heroin", "Straße", "İstanbul", "ẞ", "us",
              "said", "’s", "—", ",", ".", "\n", "\n\n", "“", "”", "-", "so", "called", "x_y"]
    texts = []
    for _ in range(40):
        words = [inflected[k] if rng.random() < 0.3 else filler[k % len(filler)]
                 for k in rng.integers(0, len(inflected), size=120)]
        words = [w.upper() if rng.random() < 0.05 else w for w in words]
        texts.append(" ".join(words).replace(" ’s", "’s"))
    got = set(terms.Matcher(lex, overlap="all").spans(texts))
    assert got == _reference_spans(texts, lex)
    assert len(got) > 500


def test_pattern_in_two_categories_is_reported_once_per_category():
    from discourse import lexicon

    lex = lexicon.from_records(
        [
            {"pattern": "regime", "category": "label"},
            {"pattern": "regime", "category": "delegitimizing"},
            {"pattern": "regime", "category": "label"},  # an exact duplicate row is dropped
        ]
    )
    assert lex[["pattern", "category"]].values.tolist() == [["regime", "label"], ["regime", "delegitimizing"]]
    df = pd.DataFrame({"doc_id": ["a"], "text": ["The regime fell."]})
    m = terms.find(df, lex, quotes=False)
    assert m[["match", "category", "start"]].values.tolist() == [["regime", "label", 4], ["regime", "delegitimizing", 4]]


# ----------------------------------------------------- review regressions: ids, empty
def test_rates_and_kwic_with_integer_doc_ids():
    # find() returns ids as strings; rates and kwic used to compare them with the
    # corpus's integer ids (every rate 0, kwic a KeyError)
    from discourse import lexicon as _lex

    df = pd.DataFrame({"doc_id": [1, 2], "outlet": ["x", "y"], "text": ["The war goes on.", "No war."]})
    m = terms.find(df, _lex.from_dict({"w": ["war"]}), quotes=False)
    r = terms.rates(m, df, voice="all")
    assert r["doc_id"].tolist() == ["1", "2"] and r["n"].tolist() == [1, 1] and r["rate"].tolist() == [250.0, 500.0]
    g = terms.rates(m, df, by="outlet", voice="all", n_boot=10)
    assert g["rate"].tolist() == [250.0, 500.0] and g["n"].tolist() == [1, 1]
    k = terms.kwic(df, m, window=1)
    assert k[["left", "match", "right"]].values.tolist() == [["The ", "war", " goes"], ["No ", "war", "."]]


def test_rates_of_an_empty_corpus():
    from discourse import lexicon as _lex

    empty = pd.DataFrame({"doc_id": [], "outlet": [], "text": []})  # float64 columns when built empty
    m = terms.find(empty, _lex.from_dict({"w": ["war"]}), quotes=False)
    assert m.empty
    out = terms.rates(m, empty, by="outlet", voice="all", n_boot=10)
    assert out.empty and out.columns.tolist() == ["outlet", "rate", "ci_low", "ci_high", "n", "words", "docs"]
    assert terms.rates(m, empty, voice="all").empty
    assert terms.kwic(empty, m).empty


def test_scare_terms_keep_the_speaker_of_the_scare_quote():
    from discourse import quotes

    df = pd.DataFrame({"doc_id": [7], "text": ['What the Pentagon describes as "over the horizon" strikes. '
                                               'The "surgical" war.']})
    q = quotes.find(df)
    s = terms.scare_terms(q, df)
    assert s[["doc_id", "sent_id", "match"]].values.tolist() == [["7", 0, "over the horizon"], ["7", 1, "surgical"]]
    assert s["speaker"].tolist()[0] == q["speaker"].tolist()[0] == "the Pentagon" and s["speaker"].isna().tolist()[1]
    # the same speaker as find() gives a lexicon match inside that scare quote
    m = terms.find(df, lexicon.from_dict({"e": ["horizon"]}), quotes=q)
    assert m[["voice", "speaker"]].values.tolist() == [["scare", "the Pentagon"]]


def test_voice_with_integer_doc_ids():
    # regression: the corpus's integer ids were compared with the quotations' string
    # ids, so no match was ever inside a quotation
    df = pd.DataFrame({"doc_id": [1, 2], "text": ['He said "the regime is evil" today.', "The regime fell."]})
    m = terms.find(df, lexicon.from_dict({"r": ["regime"]}))
    assert m[["doc_id", "voice", "speaker"]].values.tolist() == [["1", "quoted", "He"], ["2", "authorial", pd.NA]]
