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
from collections.abc import Iterable, Iterator
from typing import Any, Literal

__all__ = [
    "PALETTE", "OKABE_ITO", "VOICE_COLORS", "KIND_COLORS", "WIDTHS", "SAVE_METADATA",
    "LABELS", "paper", "rc", "figsize", "color_map", "label",
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
