"""Plots of an article's and a corpus's structure: paragraphs, quotes, coverage over time."""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["article_map", "quote_spans", "articles_over_time", "lengths"]

_WORD = None


def _count_words(text: str) -> int:
    global _WORD
    if _WORD is None:
        try:
            from discourse.text import WORD_PATTERN as pattern
        except ImportError:  # pragma: no cover - text module always present in the package
            import re

            pattern = re.compile(r"\w+(?:[-'’]\w+)*")
        _WORD = pattern
    return len(_WORD.findall(text))


def quote_spans(paragraphs: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Place quotations inside paragraphs, in words from the paragraph's start.

    Parameters
    ----------
    paragraphs : DataFrame
        ``doc_id``, ``para_id``, ``start``, ``end``, ``text`` (as
        :func:`discourse.text.paragraphs`).
    quotes : DataFrame
        ``doc_id``, ``start``, ``end`` and optionally ``kind`` (as
        :func:`discourse.quotes.find`). A quotation that crosses a paragraph break
        gives one row per paragraph it covers.

    Returns
    -------
    DataFrame
        ``doc_id``, ``para_id``, ``kind``, ``word_start``, ``word_end`` (word
        offsets within the paragraph; ``word_end`` exclusive, at least
        ``word_start + 1`` so that one-word scare quotes stay visible).

    Examples
    --------
    >>> paras = pd.DataFrame({"doc_id": ["a"], "para_id": [0], "start": [0], "end": [24],
    ...                       "text": ['He said "go home now" ok']})
    >>> q = pd.DataFrame({"doc_id": ["a"], "start": [9], "end": [20], "kind": ["direct"]})
    >>> quote_spans(paras, q)[["word_start", "word_end"]].values.tolist()
    [[2, 5]]
    """
    cols = ["doc_id", "para_id", "kind", "word_start", "word_end"]
    if quotes is None or len(quotes) == 0 or len(paragraphs) == 0:
        return pd.DataFrame(columns=cols)
    rows = []
    kinds = quotes["kind"] if "kind" in quotes.columns else pd.Series("quote", index=quotes.index)
    by_doc = {d: g.sort_values("start") for d, g in paragraphs.groupby("doc_id", sort=False)}
    for doc, qs, qe, kind in zip(quotes["doc_id"], quotes["start"], quotes["end"], kinds):
        paras = by_doc.get(doc)
        if paras is None:
            continue
        for pid, ps, pe, ptext in zip(paras["para_id"], paras["start"], paras["end"], paras["text"]):
            lo, hi = max(int(qs), int(ps)), min(int(qe), int(pe))
            if hi <= lo:
                continue
            w0 = _count_words(ptext[: lo - ps])
            w1 = max(_count_words(ptext[: hi - ps]), w0 + 1)
            rows.append((doc, int(pid), kind, w0, w1))
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["doc_id", "para_id", "word_start"], kind="stable").reset_index(drop=True)


def article_map(paragraphs: pd.DataFrame, quotes: pd.DataFrame | None = None, *,
                doc_id: str | None = None, ax=None, color: str = "#BBBBBB",
                kind_colors: dict[str, str] | None = None, legend: bool = True):
    """Draw one article as a stack of paragraphs: bar length = words, quotes marked.

    Paragraphs run top to bottom in reading order; each bar is as long as the
    paragraph in words. Quotations (from :func:`discourse.quotes.find`) are drawn
    over the bars where they sit, coloured by ``kind`` (direct, partial, scare).

    Parameters
    ----------
    paragraphs : DataFrame
        As :func:`discourse.text.paragraphs` (``doc_id``, ``para_id``, ``start``,
        ``end``, ``text``).
    quotes : DataFrame, optional
        As :func:`discourse.quotes.find` (``doc_id``, ``start``, ``end``, ``kind``).
    doc_id : str, optional
        Which article to draw; required when ``paragraphs`` holds several.
    ax : matplotlib Axes, optional
    color : str
        Colour of the paragraph bars.
    kind_colors : dict, optional
        Colour per quote kind (default :data:`discourse.style.KIND_COLORS`).
    legend : bool, default True

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> paras = pd.DataFrame({"doc_id": ["a", "a"], "para_id": [0, 1], "start": [0, 12],
    ...                       "end": [10, 20], "text": ["one two th", "four five"]})
    >>> ax = article_map(paras)
    >>> len(ax.patches)
    2
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from discourse.style import KIND_COLORS, label

    docs = paragraphs["doc_id"].unique()
    if doc_id is None:
        if len(docs) > 1:
            raise ValueError(f"paragraphs hold {len(docs)} articles; pass doc_id= to choose one")
        doc_id = docs[0] if len(docs) else None
    paras = paragraphs[paragraphs["doc_id"] == doc_id].sort_values("para_id")
    if ax is None:
        _, ax = plt.subplots()
    lengths = np.array([_count_words(t) for t in paras["text"]], dtype=float)
    ys = paras["para_id"].to_numpy()
    ax.barh(ys, lengths, height=0.7, color=color, linewidth=0, label="_paragraph")
    kinds_drawn: list[str] = []
    colors = dict(KIND_COLORS if kind_colors is None else kind_colors)
    if quotes is not None and len(quotes):
        spans = quote_spans(paras, quotes[quotes["doc_id"] == doc_id])
        for kind in sorted(spans["kind"].astype(str).unique()):
            sub = spans[spans["kind"].astype(str) == kind]
            c = colors.get(kind, "#000000")
            ax.barh(sub["para_id"], sub["word_end"] - sub["word_start"], left=sub["word_start"],
                    height=0.7, color=c, linewidth=0)
            kinds_drawn.append(kind)
    ax.set_ylim(len(ys) - 0.5 if len(ys) else 0.5, -0.5)
    ax.set_xlim(0, max(lengths.max() * 1.05, 1) if len(lengths) else 1)
    ax.set_xlabel(label("paragraph_length", "words"))
    ax.set_ylabel(label("para_id"))
    ax.yaxis.get_major_locator().set_params(integer=True)
    if legend and kinds_drawn:
        handles = [Patch(color=color, label="paragraph")] + [
            Patch(color=colors.get(k, "#000000"), label=f"{k} quote") for k in kinds_drawn]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16),
                  ncols=min(len(handles), 4) if len(handles) <= 2 else 2)
    return ax


def articles_over_time(corpus: pd.DataFrame, *, by: str | None = "outlet", period: str | None = None,
                       freq: str | None = None, ax=None, colors: dict[str, str] | None = None,
                       value: str = "n"):
    """Number (or share) of articles per period, one line per ``by`` group.

    The period is the month, or a coarser one chosen from the date span
    (:func:`discourse.style.period_for`: at most about 40 points, so eight years are
    drawn by quarter, not as monthly spaghetti) unless ``period`` or ``freq`` is given. Undated articles are counted in a note under
    the axis. Groups are listed in the legend from the largest to the smallest.

    Parameters
    ----------
    corpus : DataFrame
        A corpus table with ``published`` (and the ``by`` column).
    by : str or None, default "outlet"
        Group column; ``None`` draws one line for the whole corpus.
    period : {"D", "W", "M", "Q", "Y"} or "day", "week", "month", "quarter", "year", optional
        The bins, spelt as the ``period=`` option of the analyses (see
        :func:`discourse.stats.period_alias`); overrides ``freq``.
    freq : str, optional
        pandas offset alias for the bins (``"MS"`` month start, ``"W"`` week ...), used
        when ``period`` is not given (default: month, or coarser for a long span).
    ax : matplotlib Axes, optional
    colors : dict, optional
        Colour per group (default :func:`discourse.style.color_map`).
    value : {"n", "share"}, default "n"
        Articles per period, or each group's share of its own dated articles (compares
        the timing of outlets of very different sizes).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["A", "A", "B"],
    ...                    "published": pd.to_datetime(["2024-01-03", "2024-02-01", "2024-01-09"])})
    >>> ax = articles_over_time(df)
    >>> len(ax.lines)
    2
    """
    from discourse.plots._common import _ax, _date_axis, _legend, _note, _undated_note
    from discourse.style import color_map, label, period_for

    if "published" not in corpus.columns:
        raise ValueError("corpus has no 'published' column")
    if by is not None and by not in corpus.columns:
        raise ValueError(f"corpus has no {by!r} column")
    if value not in ("n", "share"):
        raise ValueError(f"value must be 'n' or 'share', got {value!r}")
    _alias = {"D": "D", "W": "W", "M": "MS", "Q": "QS", "Y": "YS"}
    if period is not None:
        from discourse.stats import period_alias

        freq = _alias[period_alias(period)]
    elif freq is None:  # by month, or coarser when that would draw more than ~40 points
        chosen = period_for(corpus["published"])
        freq = _alias[chosen if chosen in ("Q", "Y") else "M"]
    ax = _ax(ax, (6.0, 2.8))
    data = corpus.loc[corpus["published"].notna()].set_index("published").sort_index()
    if len(data) == 0:
        return ax
    periods = data.resample(freq).size().index
    groups = [None] if by is None else sorted(data[by].dropna().astype(str).unique())
    if by is not None:  # largest group first (legend order), ties by name
        size = data[by].astype(str).value_counts()
        groups = sorted(groups, key=lambda g: (-int(size.get(g, 0)), g))
    cmap = colors or color_map(groups if by is not None else ["all"])
    many = len(periods) > 24
    sizes: list[str] = []  # legend entries: the group and its number of dated articles
    for g in groups:
        sub = data if g is None else data[data[by].astype(str) == g]
        counts = sub.resample(freq).size().reindex(periods, fill_value=0)
        ys = counts.to_numpy(dtype=float)
        if value == "share":
            ys = ys / max(len(sub), 1)
        name = "all" if g is None else g
        ax.plot(counts.index, ys, marker="o", markersize=2.0 if many else 3.0, linewidth=1.0 if many else 1.2,
                color=cmap.get(name), label=name)
        sizes.append(f"{name} ({len(sub)})")
    _date_axis(ax)
    names = {"D": "day", "W": "week", "MS": "month", "QS": "quarter", "YS": "year"}
    unit = names.get(freq, freq)
    ax.set_xlabel(f"{label('published')} (by {unit})")
    ax.set_ylabel("Articles" if value == "n" else "Share of the group's articles")
    ax.set_ylim(bottom=0)
    if value == "n":
        ax.yaxis.get_major_locator().set_params(integer=True)
    _note(ax, _undated_note(corpus["published"].isna().sum()))
    if by is not None:
        _legend(ax, ax.lines[-len(sizes):], sizes, title=f"{label(by)} (articles)")
    return ax


def lengths(corpus: pd.DataFrame, *, by: str = "outlet", unit: str = "words", ax=None,
            colors: dict[str, str] | None = None, order=None):
    """Distribution of article lengths per group: a box per group with every article as a dot.

    Parameters
    ----------
    corpus : DataFrame
        A corpus table with ``text`` (paragraphs separated by blank lines) and ``by``.
    by : str, default "outlet"
        Group column, one box per value, longest median at the top.
    unit : {"words", "paragraphs"}, default "words"
    ax : matplotlib Axes, optional
    colors : dict, optional
        Colour per group (default :func:`discourse.style.color_map`).
    order : list of str, optional
        Groups from top to bottom (default: by median length, longest first).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["A", "B", "B"],
    ...                    "text": ["one two", "a b c\\n\\nd", "x"]})
    >>> ax = lengths(df)  # longest median at the top
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['B', 'A']
    """
    from discourse.style import color_map, label

    if unit not in {"words", "paragraphs"}:
        raise ValueError(f"unit must be 'words' or 'paragraphs', got {unit!r}")
    if by not in corpus.columns:
        raise ValueError(f"corpus has no {by!r} column")
    from discourse.plots._common import _ax, _order, _wrap

    ax = _ax(ax, (4.5, 3.0))
    texts = corpus["text"].fillna("").astype(str)
    if unit == "words":
        values = texts.map(_count_words)
    else:
        values = texts.map(lambda t: sum(1 for p in t.split("\n\n") if p.strip()))
    values = values.astype(float)
    keys = corpus[by].astype(str)
    present = sorted(corpus[by].dropna().astype(str).unique())
    cmap = colors or color_map(present)
    medians = values.groupby(keys).median().reindex(present)
    groups = [str(g) for g in _order(medians, order)]
    data = [values[keys == g].to_numpy(dtype=float) for g in groups]
    import matplotlib

    horizontal = ({"orientation": "horizontal"} if tuple(map(int, matplotlib.__version__.split(".")[:2])) >= (3, 10)
                  else {"vert": False})
    thin = {"linewidth": 0.6}
    if groups:  # matplotlib's boxplot rejects an empty list (empty corpus: empty axes)
        ax.boxplot(data, positions=range(len(groups)), widths=0.5, showfliers=False,
                   medianprops={"color": "black", "linewidth": 1.0}, boxprops=thin, whiskerprops=thin,
                   capprops=thin, **horizontal)
    rng = np.random.default_rng(0)  # fixed jitter: the same bytes on every run
    for i, (g, vals) in enumerate(zip(groups, data)):
        ax.scatter(vals, i + rng.uniform(-0.18, 0.18, len(vals)), s=6, color=cmap.get(g, "#777777"),
                   alpha=0.7, linewidths=0, zorder=3)
    ax.set_yticks(range(len(groups)), [_wrap(g) for g in groups])
    if groups:
        ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.set_xlabel(label("article_length", unit))
    ax.set_ylabel(label(by))
    return ax
