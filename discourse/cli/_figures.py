"""The ``discourse figures`` and ``discourse init`` subcommands: build or check a
study's figures; create a study."""
from __future__ import annotations

import sys
from pathlib import Path

from discourse.cli._common import UsageError


# ------------------------------------------------------------------ figures
def _shown(path: Path) -> str:
    """``path`` relative to the working directory when it is below it, else as is."""
    import os

    rel = os.path.relpath(path)
    return rel if not rel.startswith("..") else str(path)


def _cmd_figures(args) -> int:
    import matplotlib

    matplotlib.use("Agg")  # no display needed; output bytes do not depend on it
    from discourse import figures
    from discourse.study import Study, StudyError, find_study

    try:
        study = Study(find_study(args.study))  # strict: the command builds one study's figures
        out = Path(args.out) if args.out else study.figures_dir
        if args.check:
            report = figures.check(args.only, corpus=args.corpus, out=out, root=study.root)
        else:
            table = figures.build(args.only, corpus=args.corpus, formats=args.formats, out=out, root=study.root)
    except figures.FigureError as exc:
        for name, tb in exc.failures.items():
            print(f"discourse figures: {name} failed:\n{tb}", file=sys.stderr)
        for name in exc.failures:
            print(f"discourse figures: {exc.summary(name)}", file=sys.stderr)
        print(f"discourse figures: {len(exc.failures)} figure(s) failed: {', '.join(exc.failures)}; "
              "the others were built", file=sys.stderr)
        return 1
    except KeyError as exc:
        raise UsageError(exc.args[0] if exc.args else str(exc)) from None
    except (StudyError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    if not args.check:
        for name, group in table.groupby("figure", sort=True):
            print(f"built {name}: {', '.join(group['format'])} (corpus: {group['corpus'].iloc[0]})")
        print(f"wrote {_shown(out / figures.MANIFEST)}")
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
    print(f"{what} current ({len(report)} files match {_shown(out / figures.MANIFEST)})")
    return 0


# --------------------------------------------------------------------- init
def _cmd_init(args) -> int:
    from discourse.study import StudyError, init

    try:
        written = init(args.path, corpus=args.corpus, title=args.title)
    except StudyError as exc:
        raise UsageError(str(exc)) from None
    root = Path(args.path)
    for path in written:
        print(f"wrote {path}")
    print(f"a study in {root}: `cd {root} && make figures` builds its figures, `make check` checks them")
    return 0
