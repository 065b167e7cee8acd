"""Tests for discourse.terms: matching, voice, rates, KWIC, and the terms CLI."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import lexicon, stats, terms, text, voice


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
    return terms.find(df, lex, **kw)


def _ann(df, quotes):
    """Annotations of ``df`` with a hand-made quotation table (a fresh object: the
    shared cache of ``text.as_annotations`` is left alone)."""
    ann = text.Annotations(df)
    ann._tables["quotes"] = quotes
    return ann


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
    assert m.columns.tolist()[:10] == terms.COLUMNS
    sents = text.sentences(df)
    for r in m.itertuples():
        s = sents[(sents["sent_id"] == r.sent_id)].iloc[0]
        assert s["start"] <= r.start < s["end"]
        assert s["para_id"] == r.para_id
    assert m["start"].is_monotonic_increasing


def test_seed_scare_terms_reconstruction(seed_corpus):
    from discourse import quotes

    st = terms.scare_terms(seed_corpus)
    assert set(st["start"]) <= set(quotes.find(seed_corpus)["start"])
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
    m = terms.find(_ann(df, q), _lex("puppet regime*", "junta"))
    assert m[["match", "voice"]].values.tolist() == [
        ["puppet regime", "quoted"], ["junta", "scare"], ["junta", "authorial"]]
    assert m["speaker"].iloc[0] == "He"
    assert pd.isna(m["speaker"].iloc[2])


def test_bug_rates_of_find_count_every_match_because_voice_is_always_known():
    # issue #10: terms.rates(terms.find(df, lex, quotes=False), df) gave 0 for every
    # document (voice left NA, rates counted authorial only); voice now always comes
    # from the annotations, and rates count every voice unless told otherwise
    df = _corpus('The regime fell. "The regime lies," he said.', "A quiet day.", outlets=["A", "B"])
    m = terms.find(df, _lex("regime"))
    assert m["voice"].tolist() == ["authorial", "quoted"]
    r = terms.rates(m, df, by="doc_id")
    assert r["n"].tolist() == [2, 0]
    np.testing.assert_allclose(r["rate"], [1000 * 2 / 8, 0.0])
    assert terms.rates(m, df, by="doc_id", voice="authorial")["n"].tolist() == [1, 0]
    # a matches table without voice cannot be filtered by voice: an error, not zeros
    with pytest.raises(ValueError, match="have no voice"):
        terms.rates(m.assign(voice=pd.NA), df, by="doc_id", voice="authorial")
    assert "quotes" not in __import__("inspect").signature(terms.find).parameters


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
    m = terms.find(df, _lex("junta"))
    pd.testing.assert_frame_equal(df, before)
    assert len(m) == 0
    assert m.columns.tolist()[:10] == terms.COLUMNS
    with pytest.raises(KeyError, match="no 'doc_id' column"):
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
    r = terms.rates(m, df, by="doc_id", voice="authorial")
    assert r["doc_id"].tolist() == ["d0", "d1", "d2"]
    assert r["n"].tolist() == [1, 0, 2]
    assert r["words"].tolist() == [5, 3, 6]
    np.testing.assert_allclose(r["rate"], [200.0, 0.0, 1000 * 2 / 6])
    r_all = terms.rates(m, df, by="doc_id")
    assert r_all["n"].tolist() == [2, 0, 2]


def test_rates_by_outlet_with_ci(rate_data):
    df, m = rate_data
    r = terms.rates(m, df, voice="authorial", n_boot=200)  # by="outlet" is the default
    assert r.columns.tolist() == ["outlet", "rate", "ci_low", "ci_high", "n", "words", "n_docs", "few_docs"]
    a = r.set_index("outlet")
    np.testing.assert_allclose(a.loc["A", "rate"], 1000 * 1 / 8)
    assert a.loc["A", "n_docs"] == 2 and a.loc["A", "n"] == 1 and a.loc["A", "words"] == 8
    assert a.loc["A", "ci_low"] <= a.loc["A", "rate"] <= a.loc["A", "ci_high"]
    # one document: no interval (NA), not a zero-width one
    assert a.loc["B", "rate"] == pytest.approx(1000 * 2 / 6)
    assert np.isnan(a.loc["B", "ci_low"]) and np.isnan(a.loc["B", "ci_high"])
    again = terms.rates(m, df, voice="authorial", n_boot=200)
    pd.testing.assert_frame_equal(r, again)


def test_rates_split_by_voice_and_category_with_zero_fill(rate_data):
    df, m = rate_data
    r = terms.rates(m, df, by=["outlet", "voice"], n_boot=50)
    assert len(r) == 2 * len(voice.VOICES)  # every voice, with or without matches
    b = r.set_index(["outlet", "voice"])
    assert b.loc[("A", "quoted"), "n"] == 1
    assert b.loc[("B", "quoted"), "n"] == 0 and b.loc[("B", "quoted"), "rate"] == 0
    assert b.loc[("A", "reported"), "n"] == 0
    # a voice selection also selects the rows
    three = terms.rates(m, df, by=["outlet", "voice"], voice=["authorial", "quoted", "scare"], n_boot=50)
    assert three["voice"].tolist() == ["authorial", "quoted", "scare"] * 2
    d = terms.rates(m, df, by=["doc_id", "category"], voice="authorial")
    assert d.columns.tolist() == ["doc_id", "category", "n", "words", "rate"]
    assert d["n"].tolist() == [1, 0, 2]


def test_rates_by_period(rate_data):
    df, m = rate_data
    r = terms.rates(m, df, by=None, period="M", voice="authorial", n_boot=50)
    assert r["period"].tolist() == ["2021-01", "2021-02"]
    np.testing.assert_allclose(r["rate"], [1000 * 3 / 11, 0.0])


@pytest.mark.parametrize("period", list(stats.PERIODS))
def test_bug_rates_accept_every_period_of_stats_including_weeks(rate_data, period):
    # issue #10: terms.rates refused "W", which stats.PERIODS accepts; the labels are
    # those of stats.period_labels (strings), so tables of different modules join
    df, m = rate_data
    r = terms.rates(m, df, by=None, period=period, n_boot=10)
    want = sorted(stats.period_labels(df["published"], period).unique())
    assert r["period"].tolist() == want
    assert str(r["period"].dtype) == "string"
    assert r["n"].sum() == 4 and r["n_docs"].sum() == 3


def test_rates_by_week():
    df = _corpus("the regime", "a regime", "no", published=["2021-01-04", "2021-01-10", "2021-01-11"])
    r = terms.rates(terms.find(df, _lex("regime")), df, by=None, period="W", n_boot=10)
    assert r["period"].tolist() == ["2021-01-04/2021-01-10", "2021-01-11/2021-01-17"]
    assert r["n"].tolist() == [2, 0] and r["n_docs"].tolist() == [2, 1]


def test_rates_errors(rate_data):
    df, m = rate_data
    with pytest.raises(KeyError, match="pass by=None or a column of the corpus"):
        terms.rates(m, df, by="section")
    with pytest.raises(KeyError, match="pass by=None or a column of the corpus"):
        terms.rates(m, df.drop(columns="outlet"))  # the default by="outlet"
    with pytest.raises(ValueError, match="voice must be"):
        terms.rates(m, df, voice="narrator")
    for old in ("all", "split"):  # the old spellings of "every voice" are gone: None is
        with pytest.raises(ValueError, match="voice must be None"):
            terms.rates(m, df, voice=old)
    with pytest.raises(ValueError, match="period must be"):
        terms.rates(m, df, period="fortnight")


# ------------------------------------------------------------------------- KWIC
def test_kwic_words():
    df = _corpus("One two three, the puppet government of four five six seven.")
    k = terms.kwic(df, "puppet government", window=2)
    assert isinstance(k, pd.DataFrame) and isinstance(k, terms.KWIC)
    assert k[["left", "match", "right"]].iloc[0].tolist() == ["three, the ", "puppet government", " of four"]
    assert k.columns.tolist()[:7] == ["doc_id", "left", "match", "right", "voice", "start", "end"]


def test_kwic_window_counts_words_by_the_shared_word_rule():
    # window= counts words by discourse.words.WORD_PATTERN everywhere: "US-backed",
    # "don't" and "U.S." are one word each, punctuation is none
    df = _corpus("The U.S. -- don't forget -- US-backed regime fell.")
    k = terms.kwic(df, "regime", window=4)
    assert k["left"].iloc[0] == "U.S. -- don't forget -- US-backed "
    from discourse.words import words

    assert len(words(k["left"].iloc[0])) == 4
    with pytest.raises(ValueError, match="window must be >= 0 words"):
        terms.kwic(df, "regime", window=-1)


def test_kwic_from_matches_does_not_rematch(monkeypatch):
    df = _corpus("a b c the regime d e f g", "regime at start")
    m = terms.find(df, _lex("regime"))
    from discourse.terms import _find

    monkeypatch.setattr(_find, "find", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-matched")))
    k3 = terms.kwic(df, m, window=3)
    k1 = terms.kwic(df, m, window=1)
    assert k3["left"].tolist() == ["b c the ", ""]
    assert k1["left"].tolist() == ["the ", ""]
    assert k1["right"].tolist() == [" d", " at"]


def test_kwic_lexicon_selection_and_html():
    df = _corpus('They called the junta "a regime".')
    lex = _lex("regime", "junta")
    k = terms.kwic(df, "c1", lexicon=lex)  # by category
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
    k = terms.kwic(df, "regime", window=40)
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
    m = terms.find(_ann(df, q), lexicon.from_dict({"label": ["regime", "junta"], "scare": ["puppet"]}))
    assert m["voice"].tolist() == ["authorial", "scare", "authorial"]
    ax = plots.terms_in_article(m, df.iloc[0])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["label", "scare"]
    assert [t.get_text() for t in ax.texts] == ["regime", "junta", "puppet"]
    assert len(ax.lines) == 1  # one paragraph break
    offsets = np.concatenate([c.get_offsets() for c in ax.collections])
    np.testing.assert_allclose(sorted(offsets[:, 0]), sorted(100 * m["start"] / len(df["text"].iloc[0])))
    plt.close(ax.figure)
    r = terms.rates(m, df, by=["category", "voice"], voice=["authorial", "quoted", "scare"], n_boot=20)
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
    m = terms.find(df, lex)
    assert m[["match", "category", "start"]].values.tolist() == [["regime", "label", 4], ["regime", "delegitimizing", 4]]


# ----------------------------------------------------- review regressions: ids, empty
def test_rates_and_kwic_with_integer_doc_ids():
    # find() returns ids as strings; rates and kwic used to compare them with the
    # corpus's integer ids (every rate 0, kwic a KeyError)
    from discourse import lexicon as _lex

    df = pd.DataFrame({"doc_id": [1, 2], "outlet": ["x", "y"], "text": ["The war goes on.", "No war."]})
    m = terms.find(df, _lex.from_dict({"w": ["war"]}))
    r = terms.rates(m, df, by="doc_id")
    assert r["doc_id"].tolist() == ["1", "2"] and r["n"].tolist() == [1, 1] and r["rate"].tolist() == [250.0, 500.0]
    g = terms.rates(m, df, by="outlet", n_boot=10)
    assert g["rate"].tolist() == [250.0, 500.0] and g["n"].tolist() == [1, 1]
    k = terms.kwic(df, m, window=1)
    assert k[["left", "match", "right"]].values.tolist() == [["The ", "war", " goes"], ["No ", "war", "."]]


def test_rates_of_an_empty_corpus():
    from discourse import lexicon as _lex

    empty = pd.DataFrame({"doc_id": [], "outlet": [], "text": []})  # float64 columns when built empty
    m = terms.find(empty, _lex.from_dict({"w": ["war"]}))
    assert m.empty
    out = terms.rates(m, empty, by="outlet", n_boot=10)
    assert out.empty and out.columns.tolist() == ["outlet", "rate", "ci_low", "ci_high", "n", "words", "n_docs", "few_docs"]
    assert terms.rates(m, empty, by="doc_id").empty
    assert terms.kwic(empty, m).empty


def test_scare_terms_keep_the_speaker_of_the_scare_quote():
    from discourse import quotes

    df = pd.DataFrame({"doc_id": [7], "text": ['What the Pentagon describes as "over the horizon" strikes. '
                                               'The "surgical" war.']})
    q = quotes.find(df)
    s = terms.scare_terms(df)
    assert s[["doc_id", "sent_id", "match"]].values.tolist() == [["7", 0, "over the horizon"], ["7", 1, "surgical"]]
    assert s["speaker"].tolist()[0] == q["speaker"].tolist()[0] == "the Pentagon" and s["speaker"].isna().tolist()[1]
    # the same speaker as find() gives a lexicon match inside that scare quote
    m = terms.find(df, lexicon.from_dict({"e": ["horizon"]}))
    assert m[["voice", "speaker"]].values.tolist() == [["scare", "the Pentagon"]]


def test_voice_with_integer_doc_ids():
    # regression: the corpus's integer ids were compared with the quotations' string
    # ids, so no match was ever inside a quotation
    df = pd.DataFrame({"doc_id": [1, 2], "text": ['He said "the regime is evil" today.', "The regime fell."]})
    m = terms.find(df, lexicon.from_dict({"r": ["regime"]}))
    assert m[["doc_id", "voice", "speaker"]].values.tolist() == [["1", "quoted", "He"], ["2", "authorial", pd.NA]]


# ------------------------------------------------------ the shared text layer (#10)
def test_bug_find_accepts_a_lexicon_path_and_a_dict_like_framing(tmp_path):
    # issue #10: terms.find refused a lexicon path that framing.score accepted
    df = _corpus("The puppet government and the junta.")
    path = tmp_path / "lex.csv"
    path.write_text("pattern,category\npuppet government,label\njunta,label\n", encoding="utf-8")
    from_path = terms.find(df, path)
    from_str = terms.find(df, str(path))
    from_dict = terms.find(df, {"label": ["puppet government", "junta"]})
    from_frame = terms.find(df, lexicon.read(path))
    assert from_path["match"].tolist() == ["puppet government", "junta"]
    for other in (from_str, from_dict):
        pd.testing.assert_frame_equal(other, from_frame)
    pd.testing.assert_frame_equal(from_path, from_frame)
    with pytest.raises(FileNotFoundError, match="lexicon file not found"):
        terms.find(df, tmp_path / "missing.csv")
    with pytest.raises(TypeError, match="lexicon must be a DataFrame"):
        terms.find(df, 3)


def test_find_reads_units_and_voice_from_the_annotations(monkeypatch):
    df = _corpus('He said "the regime lies" today. The regime fell.')
    ann = text.annotate(df)
    from_corpus = terms.find(df, _lex("regime"))
    # annotated once: nothing is split or quoted again
    from discourse import quotes
    from discourse.text import _units

    monkeypatch.setattr(quotes, "find", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-quoted")))
    monkeypatch.setattr(_units, "sentences", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-split")))
    from_ann = terms.find(ann, _lex("regime"))
    pd.testing.assert_frame_equal(from_ann, from_corpus)
    assert from_ann[["sent_id", "voice", "speaker"]].values.tolist() == [[0, "quoted", "He"], [1, "authorial", pd.NA]]
    r = terms.rates(from_ann, ann, by=["doc_id", "voice"], voice=["authorial", "quoted"])
    assert r["n"].tolist() == [1, 1]


def test_scare_terms_reads_the_quotations_of_the_annotations():
    df = _corpus('The "surgical" war.')
    q = pd.DataFrame({"doc_id": ["d0"], "start": [5], "end": [13], "quote": ["surgical"], "speaker": [pd.NA],
                      "kind": ["scare"]})
    ann = _ann(df, pd.concat([q, q.assign(start=0, end=3, quote="The", kind="direct")]))
    s = terms.scare_terms(ann)
    assert s[["match", "pattern", "voice", "sent_id"]].values.tolist() == [["surgical", "surgical", "scare", 0]]
    assert terms.scare_terms(_ann(df, q.assign(quote="surgical war now")), max_words=2).empty


def test_glob_anchor_found_by_the_automaton_also_when_it_is_a_pattern():
    text = "The government must act; governments should wait. Government. The hit-back: hit back, hitting back."
    lex = _lex("government", "government* must", "government* should", "hit* back", "*ing back")
    m = terms.Matcher(lex, overlap="all")
    got = sorted((text[a:b], p) for _, a, b, p in m.spans([text]))
    assert got == [("Government", 0), ("government", 0), ("government must", 1), ("governments should", 2),
                   ("hit back", 3), ("hitting back", 3), ("hitting back", 4)]


def test_matcher_reuses_the_folded_text_with_identical_results():
    texts = ["The Straße regime, the REGIME.", "İstanbul’s so-called junta"]
    folds: dict = {}
    for words in (["regime", "straße"], ["so-called junta", "istanbul*"], ["regime"]):
        mt = terms.Matcher(_lex(*words))
        want = [a.tolist() for a in mt.arrays(texts)]
        assert [a.tolist() for a in mt.arrays(texts, folds=folds)] == want
    assert list(folds) == [False]
