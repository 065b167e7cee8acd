"""Subcommands that load a corpus and write one analysis: load, quotes, terms,
sentiment, topics, frames."""
from __future__ import annotations

import sys
from pathlib import Path

from discourse.cli._common import UsageError, _hints, _load_corpus, _out_path, _to_csv, _write_table


# --------------------------------------------------------------------- load
def _cmd_load(args) -> int:
    from discourse import corpus

    if args.out:
        _out_path(args.out)
    df = _load_corpus(args)
    if args.out:
        if Path(args.out).suffix.lower() in {".parquet", ".pq"}:
            corpus.save(df, args.out)
        else:
            _write_table(df, args.out)
    print(corpus.summary(df))
    if df.attrs.get("load_report") is not None:
        for hint in _hints(df.attrs["load_report"]):
            print(hint)
    return 0


# ------------------------------------------------------------------- quotes
def _cmd_quotes(args) -> int:
    from discourse import quotes

    _out_path(args.out)
    df = _load_corpus(args)
    found = quotes.find(df)
    _write_table(found, args.out)
    problems = found.attrs.get("problems")
    if not getattr(args, "quiet", False):
        print(f"{len(found)} quotations in {found['doc_id'].nunique()} of {len(df)} articles -> {args.out}")
        if problems is not None and len(problems):
            print(f"{len(problems)} quote marks could not be paired (see discourse.quotes.problems)",
                  file=sys.stderr)
    return 0


# -------------------------------------------------------------------- terms
def _cmd_terms(args) -> int:
    from discourse import lexicon, terms

    try:  # read the lexicon first: a bad lexicon fails fast, before loading the corpus
        lex = lexicon.read(args.lexicon) if args.lexicon else lexicon.read()
    except lexicon.LexiconError as exc:
        raise UsageError(" | ".join(str(exc).splitlines()[1:]) or str(exc)) from None
    _out_path(args.out)
    df = _load_corpus(args)
    matches = terms.find(df, lex)
    _write_table(matches, args.out)
    if not getattr(args, "quiet", False):
        by_voice = matches["voice"].value_counts().to_dict() if len(matches) else {}
        print(f"{len(matches)} matches of {len(lex)} patterns in {len(df)} documents "
              f"({', '.join(f'{v}: {n}' for v, n in sorted(by_voice.items())) or 'none'}) -> {args.out}")
    return 0


# ---------------------------------------------------------------- sentiment
def _cmd_sentiment(args) -> int:
    from discourse import sentiment

    _out_path(args.out)
    df = _load_corpus(args)
    scores = sentiment.score(df, level=args.level, method=args.method, n_boot=args.n_boot,
                             progress=False if getattr(args, "quiet", False) else None)
    _write_table(scores, args.out)
    if not getattr(args, "quiet", False):
        c = scores["compound"]
        print(f"{len(scores)} {args.level} scores ({args.method}) for {len(df)} documents; mean compound "
              f"{c.mean():+.3f}, {(c >= sentiment.POSITIVE).mean():.0%} positive, "
              f"{(c <= sentiment.NEGATIVE).mean():.0%} negative -> {args.out}")
    return 0


# ------------------------------------------------------------------- topics
def _cmd_topics(args) -> int:
    from discourse import topics

    df = _load_corpus(args)
    k = int(args.k)
    if k < 1:
        raise UsageError(f"--k must be a positive number of topics, not {k}")
    n_docs = len(df)
    if n_docs < max(k, 2):
        raise UsageError(f"{n_docs} document(s) are too few for {k} topics")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out}: is a file; give a folder")
    out.mkdir(parents=True, exist_ok=True)
    try:
        model = topics.fit(df, k, method=args.method, random_state=0)
    except ValueError as exc:
        raise UsageError(f"discourse topics: {exc}") from exc
    _to_csv(model.top_terms(10), out / "top_terms.csv")
    _to_csv(model.doc_topics, out / "doc_topics.csv")
    _to_csv(model.representative_docs(3), out / "representative_docs.csv")
    step = max(1, k // 5)
    ks = sorted({j for j in (k - 2 * step, k - step, k, k + step, k + 2 * step) if 2 <= j <= n_docs} or {k})
    report = topics.search_k(df, ks, method=args.method, n_seeds=3, random_state=0,
                             progress=not getattr(args, "quiet", False))
    _to_csv(report, out / "k_search.csv")
    (out / "README.md").write_text(
        f"# Topic model: {args.method.upper()}, k = {k}, {n_docs} documents, random_state = 0\n\n"
        "- `top_terms.csv`: topic, label, rank, term, weight (topic-term probability), relevance\n"
        "- `doc_topics.csv`: doc_id, topic, share (a document's shares sum to 1)\n"
        "- `representative_docs.csv`: the documents with the highest share of each topic\n"
        f"- `k_search.csv`: k = {', '.join(map(str, ks))}: NPMI and UMass coherence, exclusivity, "
        "held-out perplexity (LDA), stability across 3 seeds, empty_topics (topics left without "
        "documents by the refinement; see docs/topics.md)\n",
        encoding="utf-8")
    if not getattr(args, "quiet", False):
        print(f"{k} topics ({args.method}) over {n_docs} documents -> {out}")
        print(model.top_terms(5).groupby("topic")["term"].agg(", ".join).to_string())
    return 0


# ------------------------------------------------------------------- frames
def _min_rate(value: str):
    """``--min-rate`` of ``frames``: the presence rule of :func:`discourse.framing.score`.

    ``calibrated`` (the default: ``framing.CALIBRATED`` for the generic frames), ``none``
    (any indicator), one rate for every frame (``5``), or per frame
    (``conflict=0,economic=12``; frames left out need none). Rates are indicators per
    1,000 words. Used as the argparse ``type``, so a bad value is a one-line usage error.
    """
    import argparse

    text = value.strip()
    if text.lower() in ("calibrated", "none"):
        return "calibrated" if text.lower() == "calibrated" else None
    rates = {}
    for part in text.split(",") if "=" in text else [text]:
        frame, _, number = part.rpartition("=")
        frame = frame.strip()
        if "=" in text and not frame:
            raise argparse.ArgumentTypeError(f"{part.strip()!r} is not FRAME=RATE")
        if frame in rates:
            raise argparse.ArgumentTypeError(f"frame {frame!r} given twice")
        try:
            rate = float(number)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{number.strip()!r} is not a rate: use calibrated, none, a number of indicators per "
                "1,000 words (5) or FRAME=RATE pairs (conflict=0,economic=12)") from None
        if not rate >= 0 or rate == float("inf"):
            raise argparse.ArgumentTypeError(f"rate {number.strip()} must be a finite number >= 0")
        rates[frame] = rate
    return rates if "=" in text else rates[""]


def _cmd_frames(args) -> int:
    from discourse import framing
    from discourse.lexicon import LexiconError

    name = args.lexicon
    if name is not None and name not in framing.DICTIONARIES and name != "all" and not Path(name).exists():
        raise UsageError(f"--lexicon {name}: no such file (or use generic, policy, all)")
    _out_path(args.out)
    df = _load_corpus(args)
    try:
        scores = framing.score(df, lexicon=name, level=args.level, voice=args.voice,
                               min_rate=getattr(args, "min_rate", "calibrated"))
    except LexiconError as exc:
        raise UsageError(f"--lexicon {name}: " + " ".join(str(exc).split())) from exc
    rates = getattr(args, "min_rate", None)
    unknown = sorted(set(rates) - set(scores["frame"])) if isinstance(rates, dict) else []
    if unknown:
        raise UsageError(f"--min-rate: no frame {', '.join(map(repr, unknown))} in the lexicon "
                         f"(frames: {', '.join(sorted(scores['frame'].unique()))})")
    _write_table(scores, args.out)
    return 0
