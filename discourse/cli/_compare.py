"""Subcommands that compare groups of a corpus: keyness and collocations."""
from __future__ import annotations

from pathlib import Path

from discourse.cli._common import UsageError, _load_corpus, _out_path, _write_table


# ------------------------------------------------------------------ keyness
def _by(value: str | None):
    """``--by outlet`` / ``--by outlet,voice`` / ``--by none``."""
    if value is None or value.lower() == "none":
        return None
    parts = [v.strip() for v in value.split(",") if v.strip()]
    return parts[0] if len(parts) == 1 else parts


def _read_reference(path: str):
    import pandas as pd

    p = Path(path)
    if not p.is_file():
        raise UsageError(f"--reference {path}: no such file (a table with columns term and n)")
    suffix = p.suffix.lower()
    try:
        if suffix in {".parquet", ".pq"}:
            table = pd.read_parquet(p)
        else:
            table = pd.read_csv(p, sep="\t" if suffix == ".tsv" else ",", keep_default_na=False)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the user's to fix
        raise UsageError(f"--reference {path}: cannot read it as a table ({type(exc).__name__})") from None
    if not {"term", "n"} <= set(table.columns):
        raise UsageError(f"--reference {path}: needs columns term and n, has {list(table.columns)}")
    return table


def _stop_words(value: str):
    """``--stop-words boilerplate|english|news|none|FILE`` (a file: one word per line, ``#`` comments)."""
    from discourse.words import STOP_LISTS

    if value.lower() == "none":
        return None
    if value in STOP_LISTS:
        return value
    p = Path(value)
    if not p.is_file():
        raise UsageError(f"--stop-words {value}: neither one of {', '.join(STOP_LISTS)}, none, "
                         f"nor a file of words (one per line)")
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--stop-words {value}: cannot read it as UTF-8 text ({type(exc).__name__})") from None
    return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]


def _cmd_keyness(args) -> int:
    from discourse import keyness

    _out_path(args.out)
    reference = _read_reference(args.reference) if args.reference else None
    stop_words = _stop_words(args.stop_words)
    df = _load_corpus(args)
    try:
        table = keyness.score(df, by=_by(args.by), period=args.period, target=args.target, reference=reference,
                              method=args.method,
                              voice=args.voice, ngram_range=(1, args.ngrams), min_df=args.min_df,
                              stop_words=stop_words, n_boot=args.n_boot)
    except (KeyError, ValueError) as exc:
        raise UsageError(str(exc).strip("'\"")) from None
    _write_table(table, args.out)
    if not getattr(args, "quiet", False):
        print(f"keyness of {table['term'].nunique()} terms in {table['group'].nunique()} groups "
              f"({args.method}; {int((table['p_adjusted'] < 0.05).sum())} rows with adjusted p < 0.05) -> {args.out}")
    return 0


def _cmd_collocations(args) -> int:
    from discourse import keyness

    _out_path(args.out)
    df = _load_corpus(args)
    try:
        table = keyness.collocations(df, args.target, window=args.window, by=_by(args.by),
                                     min_count=args.min_count)
    except (KeyError, ValueError) as exc:
        raise UsageError(str(exc).strip("'\"")) from None
    _write_table(table, args.out)
    if not getattr(args, "quiet", False):
        print(f"{len(table)} collocates of {' '.join(args.target)} (window {args.window}) -> {args.out}")
    return 0
