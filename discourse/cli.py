"""The ``discourse`` command.

Each subcommand is one ``_cmd_<name>(args)`` function plus its argparse block in
``_parser()``. User errors raise :class:`UsageError` (or ``FileNotFoundError`` /
``ReaderError``) and exit 2 with one readable line, no traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["main", "UsageError"]


class UsageError(Exception):
    """A mistake by the person at the command line: exit 2, one line."""


def _out_path(out: str) -> Path:
    """``--out`` as a Path; a name that is not .csv, .tsv or .parquet is a usage error.

    Commands call it before loading the corpus, so a typo fails at once, not after
    the analysis has run."""
    path = Path(out)
    if path.suffix.lower() not in {".csv", ".parquet", ".pq", ".tsv"}:
        raise UsageError(f"--out {out}: use a .csv, .tsv or .parquet file name")
    return path


def _write_table(df, out: str) -> None:
    """Write a DataFrame as CSV or Parquet, chosen by the extension of ``out``."""
    path = _out_path(out)
    suffix = path.suffix.lower()
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    if suffix in {".parquet", ".pq"}:
        df.to_parquet(path, index=False)
    else:
        df.to_csv(path, index=False, sep="\t" if suffix == ".tsv" else ",")


def _load_corpus(args):
    from discourse import corpus

    return corpus.load(args.paths, progress=not getattr(args, "quiet", False))


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
    model.top_terms(10).to_csv(out / "top_terms.csv", index=False)
    model.doc_topics.to_csv(out / "doc_topics.csv", index=False)
    model.representative_docs(3).to_csv(out / "representative_docs.csv", index=False)
    step = max(1, k // 5)
    ks = sorted({j for j in (k - 2 * step, k - step, k, k + step, k + 2 * step) if 2 <= j <= n_docs} or {k})
    report = topics.search_k(df, ks, method=args.method, n_seeds=3, random_state=0,
                             progress=not getattr(args, "quiet", False))
    report.to_csv(out / "k_search.csv", index=False)
    (out / "README.md").write_text(
        f"# Topic model: {args.method.upper()}, k = {k}, {n_docs} documents, random_state = 0\n\n"
        "- `top_terms.csv`: topic, label, rank, term, weight (topic-term probability), relevance\n"
        "- `doc_topics.csv`: doc_id, topic, share (a document's shares sum to 1)\n"
        "- `representative_docs.csv`: the documents with the highest share of each topic\n"
        f"- `k_search.csv`: k = {', '.join(map(str, ks))}: NPMI and UMass coherence, exclusivity, "
        "held-out perplexity (LDA), stability across 3 seeds (see docs/topics.md)\n",
        encoding="utf-8")
    if not getattr(args, "quiet", False):
        print(f"{k} topics ({args.method}) over {n_docs} documents -> {out}")
        print(model.top_terms(5).groupby("topic")["term"].agg(", ".join).to_string())
    return 0


# ------------------------------------------------------------------- frames
def _cmd_frames(args) -> int:
    from discourse import framing
    from discourse.lexicon import LexiconError

    name = args.lexicon
    if name is not None and name not in framing.DICTIONARIES and name != "all" and not Path(name).exists():
        raise UsageError(f"--lexicon {name}: no such file (or use generic, policy, all)")
    _out_path(args.out)
    df = _load_corpus(args)
    try:
        scores = framing.score(df, lexicon=name, level=args.level, voice=args.voice)
    except LexiconError as exc:
        raise UsageError(f"--lexicon {name}: " + " ".join(str(exc).split())) from exc
    _write_table(scores, args.out)
    return 0


# ------------------------------------------------------------------ figures
def _cmd_figures(args) -> int:
    import matplotlib

    matplotlib.use("Agg")  # no display needed; output bytes do not depend on it
    from discourse import figures

    try:
        if args.check:
            report = figures.check(args.only, corpus=args.corpus, out=args.out)
        else:
            table = figures.build(args.only, corpus=args.corpus, formats=args.formats, out=args.out)
    except figures.FigureError as exc:
        for name, tb in exc.failures.items():
            print(f"discourse figures: {name} failed:\n{tb}", file=sys.stderr)
        print(f"discourse figures: {len(exc.failures)} figure(s) failed: {', '.join(exc.failures)}; "
              "the others were built", file=sys.stderr)
        return 1
    except KeyError as exc:
        raise UsageError(exc.args[0] if exc.args else str(exc)) from None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if not args.check:
        for name, group in table.groupby("figure", sort=True):
            print(f"built {name}: {', '.join(group['format'])} (corpus: {group['corpus'].iloc[0]})")
        print(f"wrote {Path(args.out) / figures.MANIFEST}")
        return 0
    bad = report[report["status"] != "ok"]
    n_figures = report["figure"].nunique()
    for row in bad.itertuples(index=False):
        where = f" {row.file}" if row.file else ""
        print(f"{row.status}: {row.figure}{where}: {row.detail}")
    if len(bad):
        names = sorted(bad["figure"].unique())
        print(f"{len(names)} of {n_figures} figures not current: {', '.join(names)}", file=sys.stderr)
        return 1
    what = "the figure is" if n_figures == 1 else f"all {n_figures} figures are"
    print(f"{what} current ({len(report)} files match {Path(args.out) / figures.MANIFEST})")
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (``discourse CMD: error: ...``), exit 2."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    from discourse import __version__

    p = _Parser(
        prog="discourse",
        description="How news media talk about the world: load articles, find loaded "
        "terms and quotes, score sentiment, fit topics and frames, rebuild figures.",
    )
    p.add_argument("--version", action="version", version=f"discourse {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name, help_):
        sp = sub.add_parser(name, help=help_, description=help_)
        return sp

    sp = add("load", "Load articles into one table and print a summary.")
    sp.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
    sp.add_argument("--out", help="write the corpus to FILE (.parquet or .csv)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    sp.set_defaults(func=_cmd_load)

    sp = add("quotes", "Find quotations with speaker, reporting verb and kind.")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--out", required=True, help="output table (.csv or .parquet)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    sp.set_defaults(func=_cmd_quotes)

    sp = add("terms", "Find loaded terms with voice (authorial, quoted, scare).")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--lexicon", help="lexicon CSV (default: the bundled loaded-language lexicon)")
    sp.add_argument("--out", required=True, help="output table (.csv or .parquet)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    sp.set_defaults(func=_cmd_terms)

    sp = add("sentiment", "Score sentiment with VADER (offline).")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--level", choices=["sentence", "paragraph", "document"], default="sentence")
    sp.add_argument("--method", choices=["nltk", "vader"], default="vader")
    sp.add_argument("--n-boot", type=int, default=0, dest="n_boot",
                    help="bootstrap resamples for paragraph/document intervals (default 0: none)")
    sp.add_argument("--out", required=True, help="output table (.csv or .parquet)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    sp.set_defaults(func=_cmd_sentiment)

    sp = add("topics", "Fit a topic model and write top terms, shares and the k-search report.")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--k", type=int, default=10, help="number of topics")
    sp.add_argument("--method", choices=["nmf", "lda"], default="nmf")
    sp.add_argument("--out", required=True, help="output folder")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    sp.set_defaults(func=_cmd_topics)

    from discourse.voice import VOICES

    sp = add("frames", "Score frames with a frame lexicon.")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--lexicon", "--dictionary", dest="lexicon",
                    help="frame lexicon: generic (default), policy, all, or a lexicon CSV file")
    sp.add_argument("--level", choices=["document", "sentence"], default="document", help="unit of the scores")
    sp.add_argument("--voice", nargs="+", choices=list(VOICES),
                    help="count only indicators in these voices (default: all)")
    sp.add_argument("--out", required=True, help="output table (.csv or .parquet)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    sp.set_defaults(func=_cmd_frames)

    sp = add("figures", "Build every registered figure into figures/ with a manifest.")
    sp.add_argument("--corpus", help="corpus path used for corpus-level figures")
    sp.add_argument("--only", nargs="+", metavar="NAME", help="build only these figures")
    sp.add_argument("--formats", default="pdf,png,svg", help="comma-separated: pdf,png,svg")
    sp.add_argument("--out", default="figures", help="output folder (default: figures)")
    sp.add_argument("--check", action="store_true",
                    help="rebuild into a temporary folder and compare with the manifest")
    sp.set_defaults(func=_cmd_figures)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from discourse.readers import ReaderError

    try:
        return int(args.func(args) or 0)
    except (UsageError, FileNotFoundError, ReaderError, IsADirectoryError, PermissionError) as exc:
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"discourse {args.command}: error: {msg}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
