"""``discourse run``: a streaming run over a large corpus file or folder (discourse.batch.run)."""
from __future__ import annotations

from discourse.cli._common import UsageError


def _cmd_run(args) -> int:
    from discourse import batch

    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    lexicon = None
    if args.lexicon:
        from pathlib import Path

        if not Path(args.lexicon).is_file():
            raise UsageError(f"--lexicon {args.lexicon}: no such file (a lexicon CSV)")
        lexicon = args.lexicon
    try:
        log = batch.run(args.path, steps, args.out, chunk_size=args.chunk_size, n_jobs=args.n_jobs,
                        lexicon=lexicon, columns=args.columns, progress=False if args.quiet else None)
    except (ValueError, KeyError, NotADirectoryError, FileNotFoundError) as exc:
        raise UsageError(str(exc).strip("'\"")) from None
    if not args.quiet:
        done = log[log["status"] == "written"]
        print(f"{log['chunk'].nunique()} chunks: {len(done)} files written, {len(log) - len(done)} already there; "
              + ", ".join(f"{s} {int(done.loc[done['step'] == s, 'rows'].sum()):,} rows" for s in steps)
              + f" -> {args.out}")
    return 0


def add_run(add) -> None:
    """Register ``discourse run`` with the sub-parser factory ``add``."""
    from discourse.batch import STEPS
    from discourse.cli._common import _columns

    sp = add("run", "Run per-document analyses over a large corpus chunk by chunk (resumable).")
    sp.add_argument("path", metavar="PATH", help="a JSON Lines or CSV/TSV file read in chunks, a Parquet corpus "
                                                 "(discourse load ... --out corpus.parquet), or a folder of them")
    sp.add_argument("--steps", required=True,
                    help=f"comma-separated: {','.join(s for s in STEPS if s != 'topics')} "
                         "(topics needs a fitted model: use discourse.batch.run in Python)")
    sp.add_argument("--out", required=True, help="output folder: one sub-folder of Parquet files per step")
    sp.add_argument("--chunk-size", type=int, default=1000, dest="chunk_size", help="articles per chunk (default 1000)")
    sp.add_argument("--n-jobs", type=int, default=1, dest="n_jobs", help="processes per chunk (default 1)")
    sp.add_argument("--lexicon", help="lexicon CSV of the terms step (default: the bundled loaded-language lexicon)")
    sp.add_argument("--columns", type=_columns, metavar="FIELD=COLUMN,...",
                    help="which file column holds which field, e.g. text=content_original,outlet=source")
    sp.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    sp.set_defaults(func=_cmd_run)
