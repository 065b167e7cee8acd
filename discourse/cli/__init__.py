"""The ``discourse`` command.

Each subcommand is one ``_cmd_<name>(args)`` function (in ``_analyses.py``,
``_compare.py`` or ``_figures.py``; shared helpers in ``_common.py``) plus its
argparse block in ``_parser()`` here. User errors raise :class:`UsageError` (or
``FileNotFoundError`` / ``ReaderError``) and exit 2 with one readable line, no
traceback. The helpers are re-exported here so ``discourse.cli._columns`` and the
like keep working.
"""
from __future__ import annotations

import argparse
import sys

# the subcommands and helpers, re-exported (tests and callers use discourse.cli.<name>)
from discourse.cli._analyses import (_cmd_frames, _cmd_load, _cmd_quotes, _cmd_sentiment, _cmd_terms,
                                     _cmd_topics, _min_rate)  # noqa: F401
from discourse.cli._common import (UsageError, _add_columns, _columns, _hints, _load_corpus, _out_path,
                                   _tell_columns, _to_csv, _write_table)  # noqa: F401
from discourse.cli._compare import _by, _cmd_collocations, _cmd_keyness, _read_reference  # noqa: F401
from discourse.cli._figures import _cmd_figures, _cmd_init  # noqa: F401

__all__ = ["main", "UsageError"]


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
    _add_columns(sp)
    sp.set_defaults(func=_cmd_load)

    sp = add("quotes", "Find quotations with speaker, reporting verb and kind.")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--out", required=True, help="output table (.csv or .parquet)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_columns(sp)
    sp.set_defaults(func=_cmd_quotes)

    sp = add("terms", "Find loaded terms with voice (authorial, quoted, scare).")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--lexicon", help="lexicon CSV (default: the bundled loaded-language lexicon)")
    sp.add_argument("--out", required=True, help="output table (.csv or .parquet)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_columns(sp)
    sp.set_defaults(func=_cmd_terms)

    sp = add("sentiment", "Score sentiment with VADER (offline).")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--level", choices=["sentence", "paragraph", "document"], default="sentence")
    sp.add_argument("--method", choices=["nltk", "vader"], default="vader")
    sp.add_argument("--n-boot", type=int, default=0, dest="n_boot",
                    help="bootstrap resamples for paragraph/document intervals (default 0: none)")
    sp.add_argument("--out", required=True, help="output table (.csv or .parquet)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_columns(sp)
    sp.set_defaults(func=_cmd_sentiment)

    sp = add("topics", "Fit a topic model and write top terms, shares and the k-search report.")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--k", type=int, default=10, help="number of topics")
    sp.add_argument("--method", choices=["nmf", "lda"], default="nmf")
    sp.add_argument("--out", required=True, help="output folder")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_columns(sp)
    sp.set_defaults(func=_cmd_topics)

    from discourse.stats import PERIODS
    from discourse.voice import VOICES

    sp = add("frames", "Score frames with a frame lexicon.")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--lexicon", "--dictionary", dest="lexicon",
                    help="frame lexicon: generic (default), policy, all, or a lexicon CSV file")
    sp.add_argument("--level", choices=["document", "sentence"], default="document", help="unit of the scores")
    sp.add_argument("--voice", nargs="+", choices=list(VOICES),
                    help="count only indicators in these voices (default: all)")
    sp.add_argument("--min-rate", type=_min_rate, default="calibrated", metavar="RULE",
                    help="presence rule: calibrated (default), none (any indicator), a rate per 1,000 words, "
                         "or FRAME=RATE,... (framing.score's min_rate)")
    sp.add_argument("--out", required=True, help="output table (.csv or .parquet)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_columns(sp)
    sp.set_defaults(func=_cmd_frames)

    sp = add("keyness", "Keyness: the terms that distinguish each group (outlet) from a reference.")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--by", default="outlet", help="group column(s), comma-separated, or none (default: outlet)")
    sp.add_argument("--target", nargs="+", help="groups compared (default: every group)")
    sp.add_argument("--reference", metavar="FILE",
                    help="reference frequency table (.csv/.tsv/.parquet with columns term, n); "
                         "default: each group against the rest")
    sp.add_argument("--method", choices=["log_odds", "log_ratio", "g2", "chi2"], default="log_odds")
    sp.add_argument("--period", choices=list(PERIODS), help="compare within each period (D, W, M, Q, Y, ...)")
    sp.add_argument("--voice", nargs="+", choices=list(VOICES), help="count only words in these voices")
    sp.add_argument("--ngrams", type=int, default=1, help="longest n-gram counted (default 1)")
    sp.add_argument("--min-df", type=int, default=1, dest="min_df", help="keep terms in at least N documents")
    sp.add_argument("--stop-words", default="boilerplate", dest="stop_words", metavar="LIST",
                    help="words left out: boilerplate (default: page furniture), english, news, none, "
                         "or a text file with one word per line")
    sp.add_argument("--n-boot", type=int, default=0, dest="n_boot",
                    help="bootstrap resamples of documents for intervals (default 0: none)")
    sp.add_argument("--out", required=True, help="output table (.csv or .parquet)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_columns(sp)
    sp.set_defaults(func=_cmd_keyness)

    sp = add("collocations", "Words around a target pattern: frequency, MI, t-score, log-likelihood.")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--target", nargs="+", required=True, metavar="PATTERN", help="glob pattern(s) of the node")
    sp.add_argument("--window", type=int, default=5, help="words on each side (default 5)")
    sp.add_argument("--by", default=None, help="group column(s), comma-separated (default: the whole corpus)")
    sp.add_argument("--min-count", type=int, default=3, dest="min_count", help="minimum co-occurrences (default 3)")
    sp.add_argument("--out", required=True, help="output table (.csv or .parquet)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_columns(sp)
    sp.set_defaults(func=_cmd_collocations)

    from discourse.cli._run import add_run

    add_run(add)

    sp = add("figures", "Build the figures of the study (the folder with discourse.toml) into its figures/.")
    sp.add_argument("--study", metavar="DIR", help="a folder of the study (default: the working directory)")
    sp.add_argument("--corpus", help="replaces the study's default corpus ([figures] corpus of discourse.toml)")
    sp.add_argument("--only", nargs="+", metavar="NAME", help="build only these figures")
    sp.add_argument("--formats", help="comma-separated: pdf,png,svg (default: discourse.toml [figures] formats)")
    sp.add_argument("--out", help="output folder (default: the study's figures/)")
    sp.add_argument("--check", action="store_true",
                    help="rebuild into a temporary folder and compare with the manifest")
    sp.set_defaults(func=_cmd_figures)

    sp = add("init", "Create a study: discourse.toml, an example figure, a notebook, a Makefile.")
    sp.add_argument("path", metavar="PATH", help="the study folder (created if needed)")
    sp.add_argument("--corpus", help="the study's corpus (default: a small synthetic example corpus)")
    sp.add_argument("--title", help="the study's title (default: the folder name)")
    sp.set_defaults(func=_cmd_init)
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
