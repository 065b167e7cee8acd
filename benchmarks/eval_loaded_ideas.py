"""Ideas for loaded-language coverage and extent, measured on both halves (issue #13, item 3).

    .venv/bin/python benchmarks/eval_loaded_ideas.py [--folder FOLDER]

Reproduces the second-round table of ``discourse/lexicons/SOURCES-loaded-language.md``
(section *Coverage, extent and context*). Each idea changes the default call
``terms.find_loaded(corpus)`` in one way: a variant of its rule, or spans of a general
pattern (literature, not the development set) added to its phrases. Printed per idea:
character F1 on half A (where ideas were chosen), half B (held out) and all articles, and,
for an addition, the precision of the characters it adds (it raises F1 only when that
precision is above about F1 / 2). Data, halves and scoring as in
``benchmarks/eval_loaded.py``, which this script imports. TextBlob's subjectivity lexicon
(``en-sentiment.xml``, PDDL) is measured when the ``textblob`` package is importable
(it is not a dependency); the VADER lexicon comes from the installed ``vaderSentiment``.
Prints one line and exits 0 when the folder is absent.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_loaded as ev  # noqa: E402
from discourse import terms, text  # noqa: E402
from discourse.terms import _loaded  # noqa: E402

BOOSTERS = "very so too extremely incredibly utterly deeply truly totally absolutely completely highly really".split()
PATTERNS = {  # general patterns of the literature (section of the sources note), as regular expressions
    "-ist/-ism nouns (ideological labels)": (r"\b\w+(?:ist|ists|ism|isms)\b", re.I),
    "hyphenated epithets (X-hating, X-obsessed, X-mongering)":
        (r"\b\w+-(?:hating|loving|obsessed|crazed|mongering|baiting|bashing|driven|minded|wing)\b", re.I),
    "booster + word (very X, utterly X)": (r"\b(?:" + "|".join(BOOSTERS) + r") +[a-z]+\b", re.I),
    "superlative: the most X": (r"\bthe most [a-z]+\b", re.I),
    "superlative: determiner + X-est": (r"\b(?:the|a|an|this|these|those|their|his|her) +[a-z]+est\b", 0),
    "so-called + 1-2 words": (r"\bso-called\b +[\w-]+(?: [\w-]+)?", re.I),
    "all-capitals words (4+ letters)": (r"\b[A-Z]{4,}(?: [A-Z]{2,})*\b", 0),
    "exclamatory sentences (up to 80 characters)": (r"[^.!?\n]{3,80}!", 0),
}


def masks(pred: pd.DataFrame, texts: dict) -> dict:
    out = {d: np.zeros(len(t), bool) for d, t in texts.items()}
    for d, a, b in zip(pred["doc_id"], pred["start"], pred["end"]):
        out[d][a:b] = True
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folder", type=Path, default=ev.DEFAULT)
    args = ap.parse_args(argv)
    if not (args.folder / "spans.tsv").exists():
        print(f"eval_loaded_ideas: devset not found at {args.folder}; skipped")
        return 0
    t0 = time.perf_counter()
    corpus, gold = ev.load(args.folder)
    parts = ev.halves(corpus["doc_id"])
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    words = {d: _loaded._words(t) for d, t in texts.items()}
    ann = text.annotate(corpus)
    base = terms.find_loaded(corpus, min_weight=0, phrase=False).astype({"doc_id": str})
    default = ev.phrases(terms.find_loaded(ann)).astype({"doc_id": str})
    gmask, dmask, bmask = masks(gold, texts), masks(default, texts), masks(base, texts)
    rows = []

    def f1(pred):
        return {h: round(float(ev.char_scores(pred, gold, parts[h])["f1"]), 4) for h in ("A", "B", "all")}

    def grow(m):
        e = [_loaded._extend(texts[d], words[d], a, b) for d, a, b in zip(m["doc_id"], m["start"], m["end"])]
        return m.assign(start=[x[0] for x in e], end=[x[1] for x in e])

    def variant(label, pred):
        rows.append({"idea": label, **f1(pred)})

    def addition(label, spans, grown=True):
        spans = spans.astype({"doc_id": str})[["doc_id", "start", "end"]]
        e = grow(spans) if grown and len(spans) else spans
        new = masks(e, texts)
        prec = {}
        for h in ("A", "B"):
            n = sum(int((new[d] & ~dmask[d]).sum()) for d in parts[h])
            tp = sum(int((new[d] & ~dmask[d] & gmask[d]).sum()) for d in parts[h])
            prec[f"added_prec_{h}"] = round(tp / n, 3) if n else np.nan
        rows.append({"idea": "+ " + label, **f1(pd.concat([default, e], ignore_index=True)), **prec})

    def regex(pattern, flags):
        rx = re.compile(pattern, flags)
        return pd.DataFrame([(d, m.start(), m.end()) for d, t in texts.items() for m in rx.finditer(t)],
                            columns=["doc_id", "start", "end"])

    def new_words(found):  # words not inside any lexicon match (any weight)
        return found[[not bmask[d][a:b].any() for d, a, b in zip(found["doc_id"], found["start"], found["end"])]]

    variant("the default: terms.find_loaded(corpus)", default)
    variant("  context_weight=None (no context rule)",
            ev.phrases(terms.find_loaded(ann, context_weight=None)).astype({"doc_id": str}))
    for dets in ("a an the", ""):
        saved = _loaded.DETERMINERS
        _loaded.DETERMINERS = frozenset(dets.split())
        try:
            variant(f"  determiners opening a phrase: {dets or 'none'}", ev.phrases(terms.find_loaded(ann)))
        finally:
            _loaded.DETERMINERS = saved
    # per-category thresholds, chosen on half A by coordinate search
    grown = grow(base)
    cats = sorted(base["category"].unique())
    thr = dict.fromkeys(cats, _loaded.MIN_WEIGHT)
    for c in cats:
        best = None
        for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 1.01):
            keep = base["weight"].to_numpy() >= base["category"].map({**thr, c: t}).to_numpy()
            s = float(ev.char_scores(grown[keep], gold, parts["A"])["f1"])
            best = (s, t) if best is None or s > best[0] + 1e-9 else best
        thr[c] = best[1]
    variant("  per-category thresholds (best on A, no context rule)",
            grown[base["weight"].to_numpy() >= base["category"].map(thr).to_numpy()])
    # document density of reliable matches
    reliable = base[base["weight"] >= _loaded.MIN_WEIGHT]
    n_words = pd.Series({d: len(w[0]) for d, w in words.items()})
    dens = (reliable.groupby("doc_id").size() / n_words * 1000).reindex(list(texts)).fillna(0)
    for lo, dmin in ((0.2, 8), (0.15, 8)):
        weak = (base["weight"] < _loaded.MIN_WEIGHT) & (base["weight"] >= lo)
        extra = base[weak & (base["doc_id"].map(dens) >= dmin)]
        addition(f"matches of weight {lo}-0.25 in articles with >= {dmin} reliable matches per 1,000 words", extra)
    # the weaker matches without their phrase
    addition("matches of weight 0.15-0.25 as bare words",
             base[(base["weight"] < _loaded.MIN_WEIGHT) & (base["weight"] >= 0.15)], grown=False)
    # quotations: scare quotes and partial quotations (discourse.quotes kinds), short ones
    q = ann.quotes.astype({"doc_id": str})
    for kind in ("scare", "partial"):
        for n in (1, 2, 3):
            addition(f"{kind} quotations of <= {n} words", q[(q["kind"] == kind) & (q["n_words"] <= n)], grown=False)
    # general patterns
    for label, (pattern, flags) in PATTERNS.items():
        addition(label, regex(pattern, flags))
    # sentiment lexicons: words the loaded lexicon does not match, alone or in a sentence with reliable matches
    from vaderSentiment import vaderSentiment as vs
    valence = {}
    for line in open(os.path.join(os.path.dirname(vs.__file__), "vader_lexicon.txt"), encoding="utf-8"):
        p = line.split("\t")
        if len(p) > 1 and re.fullmatch(r"[a-z][a-z'-]+", p[0]):
            valence[p[0]] = abs(float(p[1]))
    toks = pd.DataFrame([(d, s, e, w) for d, (st, en, lw) in words.items() for s, e, w in zip(st, en, lw)],
                        columns=["doc_id", "start", "end", "word"])
    toks = new_words(toks)
    sent = pd.Series(list(zip(toks["doc_id"], ann.units(toks["doc_id"], toks["start"])[1])), index=toks.index)
    per_sent = pd.Series(list(zip(reliable["doc_id"], reliable["sent_id"]))).value_counts()
    toks = toks.assign(valence=toks["word"].map(valence).fillna(0), n_reliable=sent.map(per_sent).fillna(0))
    for v, k in ((2.0, 0), (2.0, 2), (1.5, 3)):
        where = f", in a sentence with >= {k} reliable matches" if k else ""
        addition(f"VADER words |valence| >= {v}{where}", toks[(toks["valence"] >= v) & (toks["n_reliable"] >= k)])
    try:
        import textblob
        import xml.etree.ElementTree as ET
        xml = Path(textblob.__file__).parent / "en" / "en-sentiment.xml"
        lex = pd.DataFrame([(w.get("form").lower(), abs(float(w.get("polarity"))), float(w.get("subjectivity")))
                            for w in ET.parse(xml).getroot().iter("word")], columns=["word", "pol", "subj"])
        lex = lex.groupby("word").mean()
        for s_, p_, k in ((0.7, 0.5, 0), (0.9, 0.7, 0), (0.7, 0.5, 2)):
            chosen = set(lex.index[(lex["subj"] >= s_) & (lex["pol"] >= p_)])
            where = f", in a sentence with >= {k} reliable matches" if k else ""
            addition(f"TextBlob subjectivity >= {s_}, |polarity| >= {p_}{where}",
                     toks[toks["word"].isin(chosen) & (toks["n_reliable"] >= k)])
    except ImportError:
        print("(textblob not installed: its subjectivity lexicon is not measured)")
    pd.set_option("display.width", 180)
    print("Character F1 (half A chose, half B held out); added_prec = precision of the characters an addition adds\n")
    print(pd.DataFrame(rows).to_string(index=False))
    print(f"\n{time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
