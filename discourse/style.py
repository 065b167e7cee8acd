"""The paper style: one look for every figure, applied as a context manager.

:func:`paper` wraps :func:`matplotlib.rc_context`, so it never changes global
``rcParams``: fonts (DejaVu Sans, bundled with matplotlib, so output is the same on
every machine), sizes for single-column (3.5 in) and double-column (7.2 in) figures,
the colour-blind-safe Okabe-Ito palette (Okabe & Ito 2008; Wong 2011, *Nature
Methods* 8:441) and fixed settings that make saved files byte-identical
(``svg.hashsalt``, no timestamps; see :data:`SAVE_METADATA`).

Plot functions in :mod:`discourse.plots` do not call :func:`paper`; the figure
pipeline (:mod:`discourse.figures`) applies it around every registered figure, and
notebooks can use it directly.
"""
from __future__ import annotations

import contextlib
import textwrap
from collections.abc import Iterable, Iterator
from typing import Any, Literal

__all__ = [
    "PALETTE", "OKABE_ITO", "VOICE_COLORS", "KIND_COLORS", "WIDTHS", "SAVE_METADATA",
    "LABELS", "paper", "rc", "figsize", "color_map", "label", "period_for", "fit",
]

#: Okabe-Ito colours by name
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: the colour cycle: Okabe-Ito, strongest contrasts first, yellow and black last
PALETTE: list[str] = [
    OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["bluish_green"], OKABE_ITO["vermillion"],
    OKABE_ITO["sky_blue"], OKABE_ITO["reddish_purple"], OKABE_ITO["yellow"], OKABE_ITO["black"],
]

#: colours for the ``voice`` of a span (:data:`discourse.voice.VOICES`)
VOICE_COLORS: dict[str, str] = {
    "authorial": OKABE_ITO["vermillion"],
    "quoted": OKABE_ITO["blue"],
    "scare": OKABE_ITO["orange"],
    "reported": OKABE_ITO["bluish_green"],
}

#: colours for the ``kind`` of a quotation (direct | partial | scare)
KIND_COLORS: dict[str, str] = {
    "direct": OKABE_ITO["blue"],
    "partial": OKABE_ITO["sky_blue"],
    "scare": OKABE_ITO["orange"],
}

#: figure widths in inches: one column / full page width of a two-column paper
WIDTHS: dict[str, float] = {"single": 3.5, "double": 7.2}

#: ``metadata=`` for :meth:`Figure.savefig` by format: no dates, no version strings
SAVE_METADATA: dict[str, dict[str, Any]] = {
    "pdf": {"Creator": None, "Producer": None, "CreationDate": None, "ModDate": None},
    "svg": {"Creator": None, "Date": None},
    "png": {"Software": None},
}

#: display labels for the shared column names, so axes read the same everywhere
LABELS: dict[str, str] = {
    "doc_id": "Article",
    "outlet": "Outlet",
    "published": "Date",
    "para_id": "Paragraph",
    "sent_id": "Sentence",
    "n": "Count",
    "term": "Term",
    "category": "Category",
    "voice": "Voice",
    "speaker": "Speaker",
    "kind": "Kind",
    "topic": "Topic",
    "frame": "Frame",
    "rate": "Rate per 1,000 words",
    "share": "Share",
    "estimate": "Estimate",
    "compound": "Sentiment (VADER compound)",
    "words": "Words",
}

_BASE: dict[str, Any] = {
    # fonts: bundled with matplotlib, so identical on every machine
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "mathtext.fontset": "dejavusans",
    "font.size": 8.0,
    "axes.titlesize": 9.0,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 8.0,
    "xtick.labelsize": 7.0,
    "ytick.labelsize": 7.0,
    "legend.fontsize": 7.0,
    "legend.title_fontsize": 7.0,
    "legend.frameon": False,
    "figure.titlesize": 9.0,
    # lines and axes
    "axes.prop_cycle": None,  # filled in below (needs cycler)
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "axes.grid": False,
    "grid.linewidth": 0.4,
    "grid.color": "#D0D0D0",
    "lines.linewidth": 1.2,
    "lines.markersize": 4.0,
    "patch.linewidth": 0.5,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "xtick.major.size": 3.0,
    "ytick.major.size": 3.0,
    "figure.constrained_layout.use": True,
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    # byte-stable output
    "savefig.dpi": 300,
    "savefig.bbox": None,
    "svg.hashsalt": "discourse",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "pdf.compression": 6,
    "image.cmap": "cividis",
}


def figsize(width: Literal["single", "double"] | float = "single", *, aspect: float = 0.7) -> tuple[float, float]:
    """Figure size in inches for a column ``width`` and height/width ``aspect``.

    Examples
    --------
    >>> figsize("single")
    (3.5, 2.45)
    >>> figsize("double", aspect=0.5)
    (7.2, 3.6)
    """
    if isinstance(width, str):
        if width not in WIDTHS:
            raise ValueError(f"width must be one of {sorted(WIDTHS)} or inches, got {width!r}")
        w = WIDTHS[width]
    else:
        w = float(width)
        if not w > 0:
            raise ValueError(f"width must be positive, got {width!r}")
    if not aspect > 0:
        raise ValueError(f"aspect must be positive, got {aspect!r}")
    return (w, round(w * aspect, 4))


def rc(width: Literal["single", "double"] | float = "single", *, aspect: float = 0.7) -> dict[str, Any]:
    """The rcParams of the paper style as a dict (what :func:`paper` applies).

    Examples
    --------
    >>> rc("double")["figure.figsize"]
    (7.2, 5.04)
    """
    from cycler import cycler

    params = dict(_BASE)
    params["axes.prop_cycle"] = cycler(color=PALETTE)
    params["figure.figsize"] = figsize(width, aspect=aspect)
    return params


@contextlib.contextmanager
def paper(width: Literal["single", "double"] | float = "single", *, aspect: float = 0.7,
          rc_extra: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """Apply the paper style inside a ``with`` block (never changes global rcParams).

    Parameters
    ----------
    width : {"single", "double"} or float, default "single"
        Column width: 3.5 in (single) or 7.2 in (double), or a width in inches.
    aspect : float, default 0.7
        Default figure height / width.
    rc_extra : dict, optional
        Further rcParams applied on top of the style.

    Yields
    ------
    dict
        The rcParams applied.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with paper("single"):
    ...     fig, ax = plt.subplots()
    >>> [round(float(v), 2) for v in fig.get_size_inches()]
    [3.5, 2.45]
    >>> plt.close(fig)
    """
    import matplotlib

    params = rc(width, aspect=aspect)
    if rc_extra:
        params.update(rc_extra)
    with matplotlib.rc_context(params):
        yield params


def color_map(values: Iterable[Any], *, palette: list[str] | None = None) -> dict[Any, str]:
    """Map category values to palette colours, in sorted order (stable across runs).

    Known voices and quote kinds keep their :data:`VOICE_COLORS` / :data:`KIND_COLORS`.

    Examples
    --------
    >>> color_map(["b", "a", "b"])
    {'a': '#0072B2', 'b': '#E69F00'}
    >>> color_map(["quoted", "authorial"])["authorial"] == VOICE_COLORS["authorial"]
    True
    """
    pal = list(palette or PALETTE)
    uniq = sorted({v for v in values if v is not None and v == v}, key=str)
    if uniq and all(v in VOICE_COLORS for v in uniq):
        return {v: VOICE_COLORS[v] for v in uniq}
    if uniq and all(v in KIND_COLORS for v in uniq):
        return {v: KIND_COLORS[v] for v in uniq}
    return {v: pal[i % len(pal)] for i, v in enumerate(uniq)}


def label(name: str, unit: str | None = None) -> str:
    """Axis label for a column name: the shared display name, plus a unit.

    Unknown names are turned into sentence case (``"n_quotes"`` -> ``"N quotes"``).

    Examples
    --------
    >>> label("published")
    'Date'
    >>> label("para_length", "words")
    'Para length (words)'
    """
    text = LABELS.get(name)
    if text is None:
        text = name.replace("_", " ").strip()
        text = text[:1].upper() + text[1:]
    return f"{text} ({unit})" if unit else text


#: the periods of :func:`period_for`, shortest first, with their mean length in days
_SPANS = (("D", 1.0), ("W", 7.0), ("M", 30.44), ("Q", 91.31), ("Y", 365.25))


def period_for(dates: Iterable[Any], *, max_points: int = 40) -> str:
    """The time unit of a series over ``dates``: the shortest period that puts their span
    into at most ``max_points`` bins.

    Give it to an analysis's ``period=`` so that a time series over many years is
    drawn by quarter or year rather than as monthly spaghetti. Missing dates are
    ignored; with no dates at all the answer is ``"M"``.

    Parameters
    ----------
    dates : iterable of dates
        E.g. the corpus's ``published`` column.
    max_points : int, default 40
        Most bins wanted.

    Returns
    -------
    {"D", "W", "M", "Q", "Y"}
        ``"Y"`` when even years are more than ``max_points``.

    Examples
    --------
    >>> import pandas as pd
    >>> period_for(pd.to_datetime(["2024-01-01", "2024-01-31"]))
    'D'
    >>> period_for(pd.to_datetime(["2017-01-01", "2024-12-31", None]))
    'Q'
    """
    import pandas as pd

    if max_points < 1:
        raise ValueError(f"max_points must be at least 1, not {max_points!r}")
    d = pd.to_datetime(pd.Series(list(dates), dtype=object), errors="coerce").dropna()
    if d.empty:
        return "M"
    days = (d.max() - d.min()).days + 1
    for name, length in _SPANS:
        if days / length <= max_points:
            return name
    return "Y"


def _refill(t, avail: float, renderer, *, keep_lines: bool = False) -> bool:
    """Wrap the text of ``t`` so it is at most ``avail`` pixels wide; True if changed.
    ``keep_lines`` keeps the line breaks already in the text (a label and its note)."""
    width = t.get_window_extent(renderer).width
    if width <= avail or avail <= 0:
        return False
    lines = t.get_text().split("\n") if keep_lines else [" ".join(t.get_text().split("\n"))]
    chars = max(max(len(line) for line in lines) * avail / width, 6)
    for n in range(int(chars), 5, -1):
        t.set_text("\n".join(textwrap.fill(line, width=n, break_long_words=False, break_on_hyphens=False)
                             for line in lines))
        if t.get_window_extent(renderer).width <= avail:
            break
    return True


def fit(fig) -> Any:
    r"""Wrap titles that are wider than their Axes (and figure-level titles wider than the
    figure) onto more lines, so nothing is cut off or runs into a neighbouring panel.

    Call it on a finished figure before saving; the figure pipeline does. Titles are
    measured with the figure's renderer, so the result is the same on every machine.

    Parameters
    ----------
    fig : matplotlib Figure

    Returns
    -------
    Figure
        ``fig`` itself.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> with paper("single"):
    ...     fig, ax = plt.subplots()
    ...     _ = ax.set_title("A title far too long for one column of a two-column paper")
    ...     _ = fit(fig)
    >>> ax.get_title(loc="left").count("\n") >= 1
    True
    >>> plt.close(fig)
    """
    fig.canvas.draw()
    for _ in range(3):  # wrapping changes the layout, which changes the room
        renderer = fig.canvas.get_renderer()
        changed = False
        shown = [ax for ax in fig.axes if ax.get_visible()]
        outer = {id(ax): ax.get_tightbbox(renderer) for ax in shown}
        # figure legends are obstacles too: a title stops at the one to its right
        legends = [lg.get_window_extent(renderer) for lg in fig.legends if lg.get_visible()]
        for ax in shown:
            box = ax.get_window_extent(renderer)
            # a left title may run on over the Axes' own legend, up to the next panel of its row
            right = min([outer[id(o)].x0 for o in shown if o is not ax and outer[id(o)].x0 > box.x0 + 1
                         and outer[id(o)].y0 < box.y1 and outer[id(o)].y1 > box.y0]
                        + [lg.x0 for lg in legends if lg.x0 > box.x0 + 1 and lg.y0 < outer[id(ax)].y1
                           and lg.y1 > box.y0] + [fig.bbox.x1]) - 4
            for t, room in ((ax._left_title, right - box.x0), (ax.title, box.width), (ax._right_title, box.width)):
                if t.get_visible() and t.get_text():
                    changed |= _refill(t, room, renderer)
            label = ax.xaxis.label  # an x label wider than its Axes runs into the next panel
            if label.get_visible() and label.get_text():
                changed |= _refill(label, max(box.width, 0.5 * (right - box.x0 + box.width)), renderer,
                                   keep_lines=True)
        for t in (getattr(fig, "_suptitle", None), getattr(fig, "_supxlabel", None)):
            if t is not None and t.get_visible() and t.get_text():
                x0 = t.get_window_extent(renderer).x0 if t.get_horizontalalignment() == "left" else 0.0
                changed |= _refill(t, fig.bbox.width - x0 - 4, renderer)
        if not changed:
            break
        fig.canvas.draw()
    return fig
