"""Helpers shared by the plot modules: new Axes, legends outside the data, wrapped
labels, notes about what is not drawn, and the time unit of a series."""
from __future__ import annotations

import textwrap
from typing import Sequence

import numpy as np
import pandas as pd

from discourse.style import period_for  # noqa: F401  (the time unit of a series)

#: marker per voice, so voice reads without colour too (authorial ○, quoted □, scare △, reported ◇)
VOICE_MARKERS = {"authorial": "o", "quoted": "s", "scare": "^", "reported": "D"}

#: characters of a legend entry or tick label before it is wrapped
LABEL_WIDTH = 22


def _ax(ax, size=(4.5, 3.0)):
    """Return ``ax``, or a new Axes of ``size`` inches (constrained layout) when it is None."""
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _need(data: pd.DataFrame, cols: Sequence[str], what: str) -> None:
    """Raise KeyError naming the columns ``what`` needs and ``data`` lacks."""
    missing = [c for c in cols if c not in data.columns]
    if missing:
        raise KeyError(f"{what} needs columns {missing}; got {list(data.columns)}")


def _wrap(label, width: int = LABEL_WIDTH) -> str:
    """``label`` as text, broken into lines of at most ``width`` characters."""
    return textwrap.fill(str(label), width=width, break_long_words=False, break_on_hyphens=False) or str(label)


def _title(ax, title: str, **kw) -> None:
    """Set a left title on ``ax``. It is not wrapped here (the room is only known once the
    figure is laid out): :func:`discourse.style.fit` wraps titles wider than their Axes."""
    ax.set_title(str(title), loc="left", **kw)


def _legend(ax, handles=None, labels=None, *, title: str | None = None, where: str = "auto", **kw):
    """A legend outside the data: to the right of the Axes (``where="right"``) or under
    its x-axis label (``"below"``; ``"auto"``: below in figures narrower than 5 inches),
    entries wrapped to :data:`LABEL_WIDTH` characters. Returns it, or None when there is
    nothing to show. Call it after the x-axis label is set."""
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    elif labels is None:
        labels = [h.get_label() for h in handles]
    if not handles:
        return None
    if where == "auto":
        where = "below" if ax.figure.get_size_inches()[0] < 5.0 else "right"
    if where == "below":
        import matplotlib as mpl

        # clear the tick labels and every line of the x-axis label (in legend font sizes)
        lines = ax.get_xlabel().count("\n") + 1 if ax.get_xlabel() else 0
        ticks = 2.2 + 0.6 * max(len(t.get_text().split("\n")) for t in ax.get_xticklabels()) \
            if ax.xaxis.get_visible() else 0.5
        pad = ticks + 1.55 * lines * mpl.rcParams["axes.labelsize"] / mpl.rcParams["legend.fontsize"] \
            if isinstance(mpl.rcParams["axes.labelsize"], float) and isinstance(mpl.rcParams["legend.fontsize"], float) \
            else ticks + 1.7 * lines
        labels = [_wrap(lab, 30) for lab in labels]
        size = mpl.rcParams["legend.fontsize"] if isinstance(mpl.rcParams["legend.fontsize"], float) else 8.0
        longest = max(len(line) for lab in labels for line in lab.split("\n"))
        room = 0.8 * ax.figure.get_size_inches()[0] * 72.0  # the axes is narrower than the figure
        ncols = max(1, min(len(handles), int(room // (0.62 * size * longest + 2.5 * size))))
        place = {"loc": "upper center", "bbox_to_anchor": (0.5, 0.0), "borderaxespad": pad, "ncols": ncols}
    else:
        labels = [_wrap(lab) for lab in labels]
        place = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0)}
    place.update(kw)
    return ax.legend(handles, labels, title=_wrap(title, 40) if title else None, frameon=False, **place)


def _hide_unused(axes, n: int) -> None:
    """Hide the cells after the first ``n`` of a grid of panels (``axes``: the 2-d
    array of ``plt.subplots``) and show the x tick labels of each panel left above a
    hidden cell, which a shared x axis had hidden: every column ends with its scale."""
    rows, cols = axes.shape
    for i, ax in enumerate(axes.flat):
        if i >= n:
            ax.set_visible(False)
        elif i + cols >= n and i + cols < rows * cols:
            ax.tick_params(axis="x", labelbottom=True)


def _in_grid(ax) -> bool:
    """True when ``ax`` is one panel of a grid of subplots (more than one cell)."""
    spec = ax.get_subplotspec() if hasattr(ax, "get_subplotspec") else None
    if spec is None:
        return False
    grid = spec.get_gridspec()
    return grid.nrows * grid.ncols > 1


def _figure_legend(fig, *, title: str | None = None, note: str | None = None):
    """One legend for the whole figure, below every panel: the labelled handles of all
    its visible Axes, each label once (the first handle drawn with it), entries wrapped
    to 30 characters in as many columns as the figure's width holds. A legend made
    here before is replaced, so each panel drawn adds its labels. Under the paper
    style's constrained layout (``loc="outside lower center"``) the panels make room, so
    the legend covers no data and no title. ``note`` (what is not drawn, e.g. undated
    articles) is its last entry, without a marker: a figure x label would sit on the
    legend. Returns the legend, or None when no Axes has a labelled handle."""
    import matplotlib as mpl
    from matplotlib.lines import Line2D

    handles, labels = [], []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for h, lab in zip(*ax.get_legend_handles_labels()):
            if lab not in labels:
                handles.append(h)
                labels.append(lab)
    old = getattr(fig, "_discourse_legend", None)
    if old is not None and old in fig.legends:
        old.remove()
    fig._discourse_legend = None
    if not handles:
        return None
    note = note or getattr(fig, "_discourse_legend_note", None)
    fig._discourse_legend_note = note
    if note:
        handles.append(Line2D([], [], linestyle="none", marker=""))
        labels.append(note)
    labels = [_wrap(lab, 30) for lab in labels]
    size = mpl.rcParams["legend.fontsize"] if isinstance(mpl.rcParams["legend.fontsize"], float) else 8.0
    longest = max(len(line) for lab in labels for line in lab.split("\n"))
    room = 0.9 * fig.get_size_inches()[0] * 72.0
    ncols = max(1, min(len(handles), int(room // (0.62 * size * longest + 2.5 * size))))
    engine = fig.get_layout_engine()
    loc = "outside lower center" if engine is not None and type(engine).__name__ == "ConstrainedLayoutEngine" \
        else "lower center"
    leg = fig.legend(handles, labels, loc=loc, ncols=ncols, frameon=False,
                     title=_wrap(title, 60) if title else None)
    fig._discourse_legend = leg
    return leg


def _figure_note(fig, note: str | None) -> None:
    """Add ``note`` (what is not drawn) once to the figure's x label (``supxlabel``), for
    a note that holds for every panel of a grid."""
    if not note:
        return
    current = fig._supxlabel.get_text() if getattr(fig, "_supxlabel", None) is not None else ""
    if note in current:
        return
    fig.supxlabel(f"{current}\n{note}" if current else note, fontsize="small")


def _note(ax, note: str | None) -> None:
    """Add ``note`` (what is not drawn) under the x-axis label."""
    if note:
        label = ax.get_xlabel()
        ax.set_xlabel(f"{label}\n{note}" if label else note)


def _undated_note(n) -> str | None:
    """"N undated articles not shown", or None when there are none."""
    try:
        n = int(n)
    except (TypeError, ValueError):
        return None
    if n <= 0:
        return None
    return f"{n} undated article{'s' if n != 1 else ''} not shown"


def _order(values: pd.Series, order: Sequence | None, *, descending: bool = True) -> list:
    """The group order: ``order`` when given, else the groups of ``values`` (a Series
    indexed by group) sorted by value, largest first (ties: by name)."""
    if order is not None:
        return list(order)
    v = values.astype(float)
    keys = sorted(v.index, key=lambda g: (-v[g] if descending else v[g]) if np.isfinite(v[g]) else np.inf)
    return keys


def _period_start(period: pd.Series) -> pd.Series:
    """Period labels ("2024-01", "2024Q1", "2024-01-01/2024-01-07") as their start
    times, for a time axis; dates pass through."""
    if pd.api.types.is_datetime64_any_dtype(period):
        return period
    return pd.Series([pd.Period(str(p).split("/")[0]).start_time if pd.notna(p) else pd.NaT for p in period],
                     index=period.index, dtype="datetime64[ns]")


def _fit_locator():
    """A date locator with as many ticks as the drawn width holds (one per ~0.6 inch).

    matplotlib's :class:`~matplotlib.dates.AutoDateLocator` picks the unit (years when
    the span holds two, else months, else days) and the step; when a narrow panel
    holds fewer month ticks than every monthly step gives (a span of 7 to 23 months in
    a panel under 1.8 inches), the span is ticked explicitly instead: every half year
    (January and July) up to a year, else every January."""
    import matplotlib.dates as mdates
    from dateutil.relativedelta import relativedelta

    class _FitLocator(mdates.AutoDateLocator):
        def __call__(self):
            axes = self.axis.axes
            width = axes.get_position().width * axes.figure.get_size_inches()[0]
            self.maxticks = dict.fromkeys(self._freqs, max(2, int(width / 0.6)))
            return super().__call__()

        def get_locator(self, dmin, dmax):
            lo, hi = min(dmin, dmax), max(dmin, dmax)
            delta = relativedelta(hi, lo)
            months = delta.years * 12 + delta.months
            room = self.maxticks[mdates.MONTHLY]
            if (delta.years < self.minticks <= months
                    and months > max(self.intervald[mdates.MONTHLY]) * (room - 1)):
                locator = (mdates.MonthLocator(bymonth=(1, 7), tz=self.tz) if months <= 12
                           else mdates.YearLocator(1, tz=self.tz))
                locator.set_axis(self.axis)
                return locator
            return super().get_locator(dmin, dmax)

    return _FitLocator(minticks=2)


def _date_axis(ax) -> None:
    """Date ticks on the x axis that never crowd: as many as the drawn width holds
    (one per ~0.6 inch, see :func:`_fit_locator`), labelled concisely."""
    import matplotlib.dates as mdates

    locator = _fit_locator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))


_UNIT = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}


def _coarsen(df: pd.DataFrame, keys: Sequence[str], period: str | None, sums: dict[str, pd.Series],
             ratio) -> tuple[pd.DataFrame, str | None]:
    """The rows of a per-period table with their start date in ``_x``, summed into a
    coarser ``period`` when asked, or when the table has more than 40 periods (then the
    period of :func:`discourse.style.period_for`). ``sums`` are the columns summed within
    a coarser period (Series aligned with ``df``) and ``ratio(summed) -> Series`` gives
    the drawn value from them. Returns the table (``keys``, ``_x``, ``value``) and the
    coarser period (None when the rows are drawn as they are)."""
    from discourse.stats import period_alias

    x = _period_start(df["period"])
    if period is None:
        if x.nunique() <= 40:
            return df.assign(_x=x), None
        period = period_for(x)
    period = period_alias(period)
    start = pd.Series(pd.PeriodIndex(x, freq=period).start_time, index=df.index)
    table = df[list(keys)].assign(_x=start, **sums)
    summed = table.groupby(list(keys) + ["_x"], sort=True, dropna=False)[list(sums)].sum().reset_index()
    return summed.assign(value=ratio(summed)), period
