"""The ``discourse figures`` subcommand: build or check the registered figures."""
from __future__ import annotations

import sys
from pathlib import Path

from discourse.cli._common import UsageError


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
