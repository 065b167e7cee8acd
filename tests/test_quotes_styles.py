"""Generalisation sweep for discourse.quotes: hand-written articles in several news styles.

Each ``tests/fixtures/quotes/styles/<style>.txt`` comes with ``<style>.json``: every
quotation a human reader would mark, as ``{quote, speaker, verb, kind}``. ``quote`` is
the text between the marks after the documented trimming (no trailing comma; no final
period for partial and scare quotes); ``speaker`` is a surname or the head noun of an
institution, matched case-insensitively as a substring of ``speaker`` or
``speaker_resolved``; ``verb`` and ``kind`` must match exactly. The articles are our
own prose imitating wire (AP, Reuters), British broadsheet, New York Times, speech,
interview, translated (« » „ “ ‚ ‘ ″ ``TeX'') and feature copy.

Run ``python tests/test_quotes_styles.py`` for a per-style precision/recall table.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from discourse import quotes

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quotes" / "styles"
STYLES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def _none(v):
    return None if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA else v


def load(style: str):
    text = (FIXTURES / f"{style}.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / f"{style}.json").read_text(encoding="utf-8"))
    return text, gold


def predicted(text: str) -> list[dict]:
    q = quotes.find(text)
    return [{k: _none(v) for k, v in r.items()}
            for r in q[["quote", "speaker", "speaker_resolved", "verb", "kind"]].to_dict("records")]


def speaker_ok(gold_speaker, row) -> bool:
    if gold_speaker is None:
        return row["speaker"] is None
    want = gold_speaker.lower()
    return any(want in (row[c] or "").lower() for c in ("speaker", "speaker_resolved"))


def full_ok(g: dict, row: dict) -> bool:
    return (row["quote"] == g["quote"] and row["kind"] == g["kind"] and row["verb"] == g["verb"]
            and speaker_ok(g["speaker"], row))


def compare(gold: list[dict], pred: list[dict]):
    """Match gold to predicted quotations by quote text (each used once).

    Returns ``(pairs, missed, extra)``; ``pairs`` are ``(gold, predicted)`` with the
    same quote text.
    """
    left = list(pred)
    pairs, missed = [], []
    for g in gold:
        hit = next((r for r in left if r["quote"] == g["quote"] and full_ok(g, r)), None)
        hit = hit or next((r for r in left if r["quote"] == g["quote"]), None)
        if hit is None:
            missed.append(g)
        else:
            left.remove(hit)
            pairs.append((g, hit))
    return pairs, missed, left


def scores(style: str) -> dict:
    text, gold = load(style)
    pred = predicted(text)
    pairs, missed, extra = compare(gold, pred)
    n_full = sum(full_ok(g, r) for g, r in pairs)
    div = lambda a, b: a / b if b else 1.0  # noqa: E731
    return {
        "style": style, "gold": len(gold), "pred": len(pred),
        "span_p": div(len(pairs), len(pred)), "span_r": div(len(pairs), len(gold)),
        "p": div(n_full, len(pred)), "r": div(n_full, len(gold)),
        "kind_ok": sum(g["kind"] == r["kind"] for g, r in pairs),
        "speaker_ok": sum(speaker_ok(g["speaker"], r) for g, r in pairs),
        "verb_ok": sum(g["verb"] == r["verb"] for g, r in pairs),
    }


def test_fixtures_are_consistent():
    assert len(STYLES) >= 8
    for style in STYLES:
        text, gold = load(style)
        assert gold, style
        for g in gold:
            assert set(g) == {"quote", "speaker", "verb", "kind"}
            assert g["quote"] in text and g["kind"] in {"direct", "partial", "scare"}
            assert g["quote"] == g["quote"].strip() and not g["quote"].endswith(",")


@pytest.mark.parametrize("style", STYLES)
def test_style_exact(style):
    text, gold = load(style)
    pred = predicted(text)
    pairs, missed, extra = compare(gold, pred)
    wrong = [(g, {k: r[k] for k in ("speaker", "speaker_resolved", "verb", "kind")})
             for g, r in pairs if not full_ok(g, r)]
    assert not missed, f"missed: {missed}"
    assert not extra, f"spurious: {extra}"
    assert not wrong, f"wrong attribution: {wrong}"


def test_harness_detects_errors():
    # the comparison itself can fail: a wrong speaker, kind or verb, a missed and a
    # spurious quotation are all caught
    text, gold = load("wire_ap")
    pred = predicted(text)
    bad = [dict(pred[0], speaker="Someone Else", speaker_resolved=None), dict(pred[1], kind="direct"),
           dict(pred[2], verb="claimed")] + pred[4:] + [dict(pred[3], quote="not in the gold set")]
    pairs, missed, extra = compare(gold, bad)
    assert sum(not full_ok(g, r) for g, r in pairs) == 3
    assert [g["quote"] for g in missed] == [gold[3]["quote"]]
    assert [r["quote"] for r in extra] == ["not in the gold set"]


@pytest.mark.parametrize("style", STYLES)
def test_offsets_index_original_text(style):
    # also for TeX quotes (``…''), which are read as curly marks internally
    text, _ = load(style)
    q = quotes.find(text)
    assert len(q) and all(text[s:e] == x for s, e, x in zip(q["start"], q["end"], q["quote"]))


def test_apostrophes_are_not_quotes():
    text = ("Doctors' leaders met in the '90s. Rock 'n' roll never died, the Joneses' neighbour said.\n\n"
            "He said: 'We owe it to our veterans' families.' The soldiers' commander agreed.")
    q = quotes.find(text)
    assert q[["quote", "speaker", "kind"]].values.tolist() == [
        ["We owe it to our veterans' families.", "He", "direct"]]
    # a paragraph without double marks may quote with single ones (headlines), but
    # elisions never open a quotation
    q = quotes.find("'Tis the season, said the shop owners' association. Let 'em go, the players' "
                    "coach said. He called it 'a mess'.")
    assert q[["quote", "speaker", "verb", "kind"]].values.tolist() == [["a mess", "He", "called", "partial"]]


if __name__ == "__main__":  # per-style precision/recall table
    df = pd.DataFrame([scores(s) for s in STYLES]).set_index("style")
    tot = df[["gold", "pred", "kind_ok", "speaker_ok", "verb_ok"]].sum()
    pd.set_option("display.width", 200)
    print(df.round(2).to_string())
    n_full = round((df["r"] * df["gold"]).sum())
    n_span = round((df["span_r"] * df["gold"]).sum())
    print(f"overall: span P {n_span / tot['pred']:.2f} R {n_span / tot['gold']:.2f}; "
          f"full P {n_full / tot['pred']:.2f} R {n_full / tot['gold']:.2f}; "
          f"kind {tot['kind_ok']}/{n_span} speaker {tot['speaker_ok']}/{n_span} verb {tot['verb_ok']}/{n_span}")
