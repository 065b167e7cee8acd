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


def _write_table(df, out: str) -> None:
    """Write a DataFrame as CSV or Parquet, chosen by the extension of ``out``."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".parquet", ".pq", ".tsv"}:
        raise UsageError(f"--out {out}: use a .csv, .tsv or .parquet file name")
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

    df = corpus.load(args.paths, progress=not args.quiet)
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

    df = _load_corpus(args)
    _write_table(quotes.find(df), args.out)
    return 0


# -------------------------------------------------------------------- terms
def _cmd_terms(args) -> int:
    from discourse import lexicon, terms

    df = _load_corpus(args)
    lex = lexicon.read(args.lexicon) if args.lexicon else lexicon.read()
    _write_table(terms.find(df, lex), args.out)
    return 0


# ---------------------------------------------------------------- sentiment
def _cmd_sentiment(args) -> int:
    from discourse import sentiment

    df = _load_corpus(args)
    _write_table(sentiment.score(df, level=args.level, method=args.method), args.out)
    return 0


# ------------------------------------------------------------------- topics
def _cmd_topics(args) -> int:
    raise UsageError("discourse topics is not available yet")


# ------------------------------------------------------------------- frames
def _cmd_frames(args) -> int:
    raise UsageError("discourse frames is not available yet")


# ------------------------------------------------------------------ figures
def _cmd_figures(args) -> int:
    raise UsageError("discourse figures is not available yet")


def _parser() -> argparse.ArgumentParser:
    from discourse import __version__

    p = argparse.ArgumentParser(
        prog="discourse",
        description="How news media talk about the world: load articles, find loaded "
        "terms and quotes, score sentiment, fit topics and frames, rebuild figures.",
    )
    p.add_argument("--version", action="version", version=f"discourse {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

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

    sp = add("frames", "Score frames with a frame dictionary.")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--dictionary", help="frame dictionary CSV (default: bundled)")
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
