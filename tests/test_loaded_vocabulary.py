"""The fifth coverage round of the bundled loaded-language lexicon (issue #13) and the
weight writer of benchmarks/eval_loaded.py, on invented sentences and a throwaway lexicon."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from discourse import lexicon, terms

from lexicon_helpers import corpus, matched_whole_by_others, section

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text,found", [
    # affect and judgement (appraisal), a dramatizing verb, an insult, a booster of certainty
    ("The minister was livid and called the plan a harebrained, amateurish scheme.",
     [("livid", "evaluative"), ("harebrained", "evaluative"), ("amateurish", "evaluative")]),
    ("Critics said the mayor's underhanded, unscrupulous aides were fleecing taxpayers.",
     [("underhanded", "evaluative"), ("unscrupulous", "evaluative"), ("fleecing", "evaluative")]),
    ("Let me be clear: this is a sordid affront to every voter.",
     [("Let me be clear", "intensifier"), ("sordid", "evaluative"), ("affront", "evaluative")]),
    ("How dare they treat veterans like that, the senator asked.", [("How dare", "evaluative")]),
    ("Only a nitwit or a nincompoop would sign it.", [("nitwit", "name_calling"), ("nincompoop", "name_calling")]),
])
def test_fifth_round_entries_match_in_invented_sentences(text, found):
    m = terms.find(corpus(text))
    assert list(zip(m["match"], m["category"])) == found
    # unseen in the development set, they carry their category's measured precision, above the
    # default threshold of find_loaded, which grows them to their phrases
    loaded = terms.find_loaded(corpus(text))
    assert loaded["match"].tolist() == [f for f, _ in found]


def test_fifth_round_leaves_literal_and_neutral_senses_out():
    # words whose common news sense is literal were not added (garbage collection, a crank
    # handle, shattered glass, rodents, the hyphenated "would-be" that would match "would be")
    text = ("Garbage trucks and a crank handle were damaged; windows shattered and rodents fled. "
            "It would be a has been, officials said.")
    assert terms.find(corpus(text)).empty


def test_each_fifth_round_pattern_is_new():
    # no earlier row matches a fifth-round pattern whole (the redundancy rule of the sources note)
    patterns = section("# Coverage extension, fifth round")
    assert len(patterns) == 293 and len(set(patterns)) == 293
    assert not matched_whole_by_others(patterns)


def _eval_loaded():
    spec = importlib.util.spec_from_file_location("eval_loaded", ROOT / "benchmarks" / "eval_loaded.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_write_weights_changes_only_the_weight_fields(tmp_path):
    ev = _eval_loaded()
    path = tmp_path / "lex.csv"
    before = ("# a comment, with a comma\n"
              "pattern,category,weight,note,match\n"
              'sham,doubt,0.40,"""a sham trial""",glob\n'
              "corrupt*,evaluative,0.50,condemnation,glob\n"
              "sham trial*,exclude,1,veto,glob\n")
    path.write_text(before, encoding="utf-8")
    w = pd.DataFrame({"pattern": ["sham", "corrupt*"], "category": ["doubt", "evaluative"],
                      "estimate": [0.4, 0.375]})
    assert ev.write_weights(path, w) == 1
    after = path.read_text(encoding="utf-8").splitlines()
    assert after[0] == "# a comment, with a comma" and after[4] == "sham trial*,exclude,1,veto,glob"
    assert after[2] == 'sham,doubt,0.40,"""a sham trial""",glob'  # unchanged, quoting kept
    assert after[3] == "corrupt*,evaluative,0.38,condemnation,glob"  # two decimals, as written
    assert lexicon.read(path)["weight"].tolist() == [0.4, 0.38, 1.0]


def _coded_matches():
    """Invented counts: 'sham' four times in one article, 'bogus' once in each of four
    articles (all inside annotated spans), 'hoax' four times in a fifth article (outside)."""
    rows = [("d1", 10 * i, 10 * i + 4, "sham") for i in range(4)]
    rows += [(f"d{i}", 50, 55, "bogus") for i in range(1, 5)]
    rows += [("d5", 10 * i, 10 * i + 4, "hoax") for i in range(4)]
    pred = pd.DataFrame(rows, columns=["doc_id", "start", "end", "pattern"]).assign(category="doubt")
    gold = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3", "d4"], "start": [0, 50, 50, 50, 50],
                         "end": [40, 55, 55, 55, 55]})
    lex = lexicon.from_records([{"pattern": p, "category": "doubt", "weight": 0.5} for p in ("sham", "bogus", "hoax")])
    return pred, gold, lex


def test_repeats_in_one_article_count_as_less_evidence():
    ev = _eval_loaded()
    pred, gold, lex = _coded_matches()
    docs = {f"d{i}" for i in range(1, 6)}
    pc = ev.pattern_counts(pred, gold, docs, icc=0.1).set_index("pattern")
    assert pc.loc["sham", ["n", "tp"]].tolist() == [4, 4] and pc.loc["bogus", ["n", "tp"]].tolist() == [4, 4]
    assert pc.loc["sham", "n_eff"] == pytest.approx(4 / 1.3) and pc.loc["sham", "tp_eff"] == pytest.approx(4 / 1.3)
    assert pc.loc["bogus", "n_eff"] == pytest.approx(4.0)  # one match per article: no discount
    assert pc.loc["hoax", ["n_eff", "tp_eff"]].tolist() == pytest.approx([4 / 1.3, 0.0])
    plain = ev.pattern_counts(pred, gold, docs, icc=0).set_index("pattern")
    assert (plain["n_eff"] == plain["n"]).all() and (plain["tp_eff"] == plain["tp"]).all()


def test_weights_shrink_a_pattern_seen_in_one_article_more_towards_its_category():
    ev = _eval_loaded()
    pred, gold, lex = _coded_matches()
    docs = {f"d{i}" for i in range(1, 6)}
    w = ev.weights(pred, gold, lex, docs, icc=0.1).set_index("pattern")["estimate"]
    a = 4 / 1.3
    prior = (a + 4 + 1) / (2 * a + 4 + 2)  # the category's effective precision
    assert w["sham"] == round((a + 4 * prior) / (a + 4), 2) == 0.81
    assert w["bogus"] == round((4 + 4 * prior) / 8, 2) == 0.83
    assert w["hoax"] == round(4 * prior / (a + 4), 2) == 0.38
    # every match counting 1 (the rule before): the two patterns get the same weight
    w0 = ev.weights(pred, gold, lex, docs, icc=0).set_index("pattern")["estimate"]
    assert w0["sham"] == w0["bogus"] == round((4 + 4 * 9 / 14) / 8, 2) and w0["hoax"] == round(4 * 9 / 14 / 8, 2)
    assert ev.ARTICLE_ICC == 0.1 and ev.PRIOR_COUNT == 4
