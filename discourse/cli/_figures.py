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
        return _failed(exc)
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


def _failed(exc) -> int:
    """Report the figures that failed (the others were built): a mistake in the study's
    input (a parameter, a column, a corpus path) is one line per figure naming the
    parameter and what to do, exit 2; a bug prints its traceback, exit 1."""
    bugs = [n for n in exc.failures if n not in exc.user_errors]
    for name in bugs:
        print(f"discourse figures: {name} failed:\n{exc.failures[name]}", file=sys.stderr)
    for name in exc.user_errors:
        print(f"discourse figures: error: {exc.lines[name]}", file=sys.stderr)
    for name in bugs:
        print(f"discourse figures: {exc.summary(name)}", file=sys.stderr)
    if not bugs:
        return 2
    print(f"discourse figures: {len(bugs)} figure(s) hit a bug: {', '.join(bugs)} (the traceback above says "
          "where; the other figures were built)", file=sys.stderr)
    return 1


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
