"""Ideas for loaded-language coverage and extent, measured on both halves (issue #13, item 3).

    .venv/bin/python benchmarks/eval_loaded_ideas.py [--folder FOLDER]

Reproduces the tables of ``discourse/lexicons/SOURCES-loaded-language.md`` (sections
*Coverage, extent and context* and *Cross-fitted weights*). The bundled weights are fitted
on all articles; to keep each half held out, every run here gives each half the weights
fitted on the other half (cross-fitting, ``eval_loaded.crossfit``). Each idea changes the
default call ``terms.find_loaded(corpus)`` in one way: a variant of its rule, or spans of a general
pattern (literature, not the development set) added to its phrases. Printed per idea:
character F1 on half A (where ideas were chosen), half B (held out) and all articles, and,
for an addition, the precision of the characters it adds (it raises F1 only when that
precision is above about F1 / 2). Data, halves and scoring as in
``benchmarks/eval_loaded.py``, which this script imports. TextBlob's subjectivity lexicon
(``en-sentiment.xml``, PDDL) is measured when the ``textblob`` package is importable
(it is not a dependency); the VADER lexicon comes from the installed ``vaderSentiment``.
The sixth round's declined ideas (closed-class words ending a phrase, a threshold per
voice, name-calling suffixes, an amplifier before an evaluative word, the headline) are
here too; its vocabulary rounds, the morphology and stem-family weights were measured
with scratch scripts (figures in the sources note, section *Appraisal vocabulary*).
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
from discourse import lexicon, terms, text  # noqa: E402
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
    # name calling as structure (issue #13, third round): epithets as predicate nominatives,
    # vocatives, ideological prefixes and compound modifiers
    "predicate nominative: is/are/was/were a(n) + 1-2 words":
        (r"(?:(?<=\bis )|(?<=\bare )|(?<=\bwas )|(?<=\bwere ))an? [a-z]+(?: [a-z]+)?\b", 0),
    "vocative: you + word before punctuation": (r"\byou [a-z]+\b(?=[!.,])", re.I),
    "prefix anti-/arch-/ultra-/neo-/pseudo-/faux-/hyper- + word":
        (r"\b(?:anti|arch|ultra|neo|pseudo|faux|hyper)-[a-z]+\b", re.I),
    "compound modifier X-Ved / X-Ving": (r"\b[A-Za-z]+-[a-z]+(?:ed|ing)\b", 0),
    "every lower-case hyphenated compound": (r"\b[a-z]+(?:-[a-z]+)+\b", 0),
    # sixth round (issue #13): name calling as derivation
    "epithet suffixes (-monger, -tard, -phobe, -bag, -wad, -baiter, -hater, -denier, -apologist, -bot, -troll, -nut)":
        (r"\b[A-Za-z]+-?(?:mongers?|tards?|phobes?|bags?|wads?|baiters?|haters?|deniers?|apologists?|bots?|trolls?"
         r"|nuts?)\b", 0),
    "capitalised -ite / -ista / -oid nouns": (r"\b[A-Z][a-z]+(?:ites?|istas?|oids?)\b", 0),
    "capitalised -ism / -ist words": (r"\b[A-Z][a-z]+(?:isms?|ists?)\b", 0),
}
#: amplifiers (Quirk et al. 1985) for the sixth round's booster + evaluative word pairs
AMPLIFIERS = frozenset("""very so too extremely incredibly utterly deeply truly totally absolutely completely highly
really especially particularly exceptionally terribly awfully enormously hugely remarkably thoroughly downright
outright most""".split())


def masks(pred: pd.DataFrame, texts: dict) -> dict:
    out = {d: np.zeros(len(t), bool) for d, t in texts.items()}
    for d, a, b in zip(pred["doc_id"], pred["start"], pred["end"]):
        out[d][a:b] = True
    return out


def _refit(w: pd.DataFrame, k) -> pd.DataFrame:
    """Weights of ``eval_loaded.weights`` re-estimated with prior strength ``k`` (pseudo-count)
    or, ``k=None``, a strength per category chosen by beta-binomial marginal likelihood
    (empirical Bayes; mean = the category prior, strength in [1, 1000])."""
    from scipy.optimize import minimize_scalar
    from scipy.special import betaln
    cat = w.groupby("category")[["tp", "n"]].sum()
    prior = (cat["tp"] + 1) / (cat["n"] + 2)
    strength = {}
    for c, g in w[w["n"] > 0].groupby("category"):
        tp, n, mu = g["tp"].to_numpy(float), g["n"].to_numpy(float), prior[c]

        def nll(x):
            a, b = mu * np.exp(x), (1 - mu) * np.exp(x)
            return -np.sum(betaln(tp + a, n - tp + b) - betaln(a, b))
        strength[c] = k if k is not None else (
            float(np.exp(minimize_scalar(nll, bounds=(0, np.log(1000)), method="bounded").x)) if len(g) >= 3 else 4)
    s = w["category"].map(strength).fillna(4 if k is None else k)
    pr = w["category"].map(prior).fillna(0.5)
    return w.assign(estimate=((w["tp"] + s * pr) / (w["n"] + s)).round(2))


def stacked(base, voice, gold, parts, texts, words, grow) -> list[dict]:
    """A logistic model of a phrase's annotated share of characters from its match's
    (out-of-fold) weight, the article's and the sentence's other weights, and its voice;
    fitted on one half, a probability threshold chosen there, scored on the other."""
    from sklearn.linear_model import LogisticRegression
    g = masks(gold, texts)
    m = grow(base).reset_index(drop=True)
    n_words = pd.Series({d: len(w[0]) for d, w in words.items()})
    w = m["weight"].clip(0.02, 0.98)
    sent = pd.Series(list(zip(m["doc_id"], m["para_id"], m["sent_id"])))
    F = pd.DataFrame({"logit": np.log(w / (1 - w)),
                      "article": np.log1p(m["doc_id"].map(m.groupby("doc_id")["weight"].sum() / n_words * 1000)),
                      "sentence": np.log1p(m.groupby(sent)["weight"].transform("sum") - m["weight"]),
                      "scare": voice == "scare", "quoted": voice == "quoted"}).astype(float)
    n = (m["end"] - m["start"]).to_numpy(float)
    tp = np.array([g[d][a:b].sum() for d, a, b in zip(m["doc_id"], m["start"], m["end"])], float)
    out, keep = {}, []
    for fit, score in (("A", "B"), ("B", "A")):
        i, j = m["doc_id"].isin(parts[fit]).to_numpy(), m["doc_id"].isin(parts[score]).to_numpy()
        X = F[i].to_numpy()
        model = LogisticRegression(C=10.0, max_iter=1000).fit(
            np.r_[X, X], np.r_[np.ones(len(X)), np.zeros(len(X))], sample_weight=np.r_[tp[i], n[i] - tp[i]] + 1e-9)
        p_fit, p_score = model.predict_proba(X)[:, 1], model.predict_proba(F[j].to_numpy())[:, 1]
        t = max(np.arange(0.1, 0.5, 0.02),
                key=lambda c: float(ev.char_scores(m[i][p_fit >= c], gold, parts[fit])["f1"]))
        keep.append(m[j][p_score >= t])
        out[score] = round(float(ev.char_scores(keep[-1], gold, parts[score])["f1"]), 4)
    return [{"idea": "  logistic model: weight, article and sentence weights, voice (fit on one half)", **out,
             "all": round(float(ev.char_scores(pd.concat(keep), gold, parts["all"])["f1"]), 4)}]


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
    # cross-fitted weights: each half is run with weights fitted on the other half, so that
    # half B (and half A) stay held out although the bundled weights are fitted on both
    lex = lexicon.read()
    pred = ev.find(corpus, lex)
    fold = {h: ev.reweighted(lex, ev.weights(pred, gold, lex, parts[o])) for h, o in (("A", "B"), ("B", "A"))}

    def loaded(grown=True, folds=None, **kw):  # terms.find_loaded on each half with the other half's weights
        out = [terms.find_loaded(ann, lexicon=(folds or fold)[h], **kw) for h in ("A", "B")]
        out = [m[m["doc_id"].astype(str).isin(parts[h])] for m, h in zip(out, ("A", "B"))]
        return (ev.phrases(pd.concat(out, ignore_index=True)) if grown else pd.concat(out, ignore_index=True)
                ).astype({"doc_id": str})

    base = loaded(grown=False, min_weight=0, phrase=False)
    raw = loaded(grown=False)
    default = ev.phrases(raw).assign(match_start=raw["start"], match_end=raw["end"])
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
        gains = rows[-1]["A"] > rows[0]["A"] and rows[-1]["B"] > rows[0]["B"]
        if gains and "|valence| >= 2.0," not in label and "<= 1 words" not in label and "<= 3 words" not in label:
            both.append(e)  # one variant per idea: the best of each family (VADER 1.5, partial <= 2)

    both = []

    def regex(pattern, flags):
        rx = re.compile(pattern, flags)
        return pd.DataFrame([(d, m.start(), m.end()) for d, t in texts.items() for m in rx.finditer(t)],
                            columns=["doc_id", "start", "end"])

    def new_words(found):  # words not inside any lexicon match (any weight)
        return found[[not bmask[d][a:b].any() for d, a, b in zip(found["doc_id"], found["start"], found["end"])]]

    variant("the default: terms.find_loaded(corpus), cross-fitted weights", default)
    variant("  context_weight=None (no context rule)", loaded(context_weight=None))
    for dets in ("a an the", ""):
        saved = _loaded.DETERMINERS
        _loaded.DETERMINERS = frozenset(dets.split())
        try:
            variant(f"  determiners opening a phrase: {dets or 'none'}", loaded())
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
    for label, fit in (("pseudo-count 8", lambda d: ev.weights(pred, gold, lex, d).pipe(_refit, 8)),
                       ("empirical-Bayes prior strength per category", lambda d: _refit(
                           ev.weights(pred, gold, lex, d), None))):
        other = {h: ev.reweighted(lex, fit(parts[o])) for h, o in (("A", "B"), ("B", "A"))}
        variant(f"  weights (cross-fitted) with {label}", loaded(folds=other))
    variant("  article_weight=None (no article rule)", loaded(article_weight=None))
    for aw in (0.15, 0.1):
        variant(f"  article_weight={aw}", loaded(article_weight=aw))
    for density in (6, 10):
        saved = _loaded.ARTICLE_DENSITY
        _loaded.ARTICLE_DENSITY = density
        try:
            variant(f"  article rule at {density} reliable matches per 1,000 words", loaded())
        finally:
            _loaded.ARTICLE_DENSITY = saved
    # sixth round: more closed-class words of discourse.words end a phrase
    from discourse import words as W
    saved = _loaded.FUNCTION_WORDS
    for label, extra in (("prepositions", W.PREPOSITIONS), ("contracted auxiliaries", W.CONTRACTED_AUXILIARIES),
                         ("non-modifying adverbs", W.NON_MODIFIER_ADVERBS),
                         ("all of these, clause words, reflexives, days", W.PREPOSITIONS | W.CONTRACTED_AUXILIARIES
                          | W.NON_MODIFIER_ADVERBS | W.CLAUSE_WORDS | W.PRONOUN_WORDS | W.TIME_WORDS)):
        _loaded.FUNCTION_WORDS = saved | extra
        try:
            variant(f"  {label} end a phrase", loaded())
        finally:
            _loaded.FUNCTION_WORDS = saved
    # sixth round: another threshold for one voice (downweighting or upweighting quotations)
    bvoice = ann.voice(base["doc_id"], base["start"])["voice"].fillna("").to_numpy()
    bw = base["weight"].to_numpy()
    dvoice = default["voice"].astype(object).fillna("").to_numpy()
    for v in ("quoted", "scare", "authorial"):
        for t in (0.2, 0.3):
            if t > _loaded.MIN_WEIGHT:
                p = default[~((dvoice == v) & (default["weight"].to_numpy() < t) & ~default["context"].to_numpy())]
            else:
                p = pd.concat([default, grow(base[(bvoice == v) & (bw >= t) & (bw < _loaded.MIN_WEIGHT)])])
            variant(f"  threshold {t} in the {v} voice", p)
    reliable = base[base["weight"] >= _loaded.MIN_WEIGHT]
    # extent by article density: longer phrases in dense articles, shorter in sparse ones
    n_words = pd.Series({d: len(w[0]) for d, w in words.items()})
    dense = default["doc_id"].map(reliable.groupby("doc_id").size() / n_words * 1000).fillna(0).to_numpy() >= 8
    for (lim_l, lim_r), where in (((3, 2), dense), ((1, 1), ~dense)):
        e = [_loaded._extend(texts[d], words[d], a, b, lim_l, lim_r) if w else (x, y) for d, a, b, x, y, w in
             zip(default["doc_id"], default["match_start"], default["match_end"], default["start"], default["end"],
                 where)]
        variant(f"  phrases of {lim_l} left / {lim_r} right words in {'dense' if where is dense else 'other'} articles",
                default.assign(start=[x[0] for x in e], end=[x[1] for x in e]))
    # whole sentences holding several reliable matches
    sents = ann.sentences.astype({"doc_id": str})
    per = pd.Series(list(zip(reliable["doc_id"], reliable["para_id"], reliable["sent_id"]))).value_counts()
    k = pd.Series(list(zip(sents["doc_id"], sents["para_id"], sents["sent_id"]))).map(per).fillna(0).to_numpy()
    n_w = np.array([len(_loaded.WORD_PATTERN.findall(t)) for t in sents["text"]])
    for k_min, w_max in ((2, 15), (3, 25)):
        addition(f"whole sentences of <= {w_max} words with >= {k_min} reliable matches",
                 sents[(k >= k_min) & (n_w <= w_max)], grown=False)
    # the weaker matches without their phrase
    addition("matches of weight 0.15-0.25 as bare words",
             base[(base["weight"] < _loaded.MIN_WEIGHT) & (base["weight"] >= 0.15)], grown=False)
    # quotations: scare quotes and partial quotations (discourse.quotes kinds), short ones
    q = ann.quotes.astype({"doc_id": str})
    for kind in ("scare", "partial"):
        for n in (1, 2, 3):
            addition(f"{kind} quotations of <= {n} words", q[(q["kind"] == kind) & (q["n_words"] <= n)], grown=False)
    # the weaker matches inside quotations (scare-quoted matches are 0.6-0.8 precise)
    voice = ann.voice(base["doc_id"], base["start"])["voice"].fillna("").to_numpy()
    for lo, kinds in ((0.1, ("scare",)), (0.15, ("scare", "quoted"))):
        addition(f"matches of weight {lo}-0.25 in {'/'.join(kinds)} voice",
                 base[(base["weight"] < _loaded.MIN_WEIGHT) & (base["weight"] >= lo) & np.isin(voice, kinds)])
    rows.extend(stacked(base, voice, gold, parts, texts, words, grow))
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
    # sixth round: an amplifier before an evaluative (VADER) word; weaker matches in the headline
    amp = [(d, st[i], en[i + 1], abs(valence.get(lw[i + 1], 0.0))) for d, (st, en, lw) in words.items()
           for i in range(len(st) - 1) if lw[i] in AMPLIFIERS and _loaded._GAP.fullmatch(texts[d], en[i], st[i + 1])]
    amp = pd.DataFrame(amp, columns=["doc_id", "start", "end", "v"])
    for v in (1.0, 2.0):
        addition(f"amplifier + VADER word |valence| >= {v}", amp[amp["v"] >= v])
    first = base["doc_id"].map({d: t.find("\n") if "\n" in t else len(t) for d, t in texts.items()})
    addition("matches of weight 0.1-0.25 in the headline (first line)",
             base[(base["end"] <= first) & (bw >= 0.1) & (bw < _loaded.MIN_WEIGHT)])
    if both:
        rows.append({"idea": "+ the additions that gain on both halves, together (chosen on both: a ceiling)",
                     **f1(pd.concat([default, *both], ignore_index=True))})
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
    print("Character F1, cross-fitted weights (half A chose the rules, half B held out); added_prec = precision"
          " of the characters an addition adds\n")
    print(pd.DataFrame(rows).to_string(index=False))
    print(f"\n{time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
