"""Every plot function, drawn on a real-shaped corpus, keeps its text readable (issue #17).

The corpus is the SYNTHETIC demo text re-labelled to look like a real collection: seven
outlets of very different sizes (211 down to 8 articles) with long names, dates over
eight years and about 5% of the articles undated. Each plot is drawn at the paper
sizes of :mod:`discourse.style`, and the extents of every visible text (titles, axis
and tick labels, legend texts, annotations) are measured with matplotlib's renderer:
no two may overlap and none may leave the figure. Legends may not cover data either.
"""
from __future__ import annotations

import itertools
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from discourse import (demo, effects, framing, keyness, plots, quotes, sentiment, style, terms,  # noqa: E402
                       text, topics, validate)

#: outlet -> number of articles, shaped like a real 700-article collection
SIZES = {"New York Times - News": 211, "The Guardian - Opinion": 150, "Wall Street Journal": 90,
         "Fox News": 65, "Al Jazeera English - Features": 40, "Reuters": 20, "Daily Mail Online": 8}
ACTORS = {"Government": ["government", "regime", "cabinet"], "Opposition": ["opposition", "Mira Solano"],
          "Army": ["army", "troops", "military"]}
REFERENTS = {"the government": {"regime": ["regime"], "government": ["government"], "cabinet": ["cabinet"]}}


def real_shaped_corpus(sizes=SIZES, *, years: int = 8, undated: float = 0.05, random_state: int = 0):
    """The demo articles re-labelled to ``sizes`` outlets over ``years`` years, some undated."""
    n = sum(sizes.values())
    c = demo.generate(n, random_state=random_state)
    rng = np.random.default_rng(random_state)
    c["outlet"] = pd.array(np.repeat(list(sizes), list(sizes.values())), dtype="string")
    published = pd.Series(pd.Timestamp("2017-01-01") + pd.to_timedelta(rng.integers(0, 365 * years, n), unit="D"))
    published[rng.random(n) < undated] = pd.NaT
    c["published"] = published.to_numpy()
    return c


# ------------------------------------------------------------------ the measuring helper
def _drawn_texts(fig) -> list[Text]:
    """Every Text the renderer draws: visible (with every parent), non-empty and, for tick
    labels, on a tick in view."""
    from matplotlib.axis import Axis

    out = []

    def walk(artist):
        if not artist.get_visible():
            return
        if isinstance(artist, Text):
            if artist.get_text().strip():
                out.append(artist)
            return
        if isinstance(artist, Axis):
            children = [artist.label, artist.offsetText]
            children += [t for tick in artist._update_ticks() for t in (tick.label1, tick.label2)]
        else:
            children = artist.get_children()
        for child in children:
            walk(child)

    walk(fig)
    return out


def layout_faults(fig, *, tol: float = 1.0) -> list[str]:
    """What is wrong with the text of ``fig``: overlapping texts and texts outside it.

    Draws the figure, measures each drawn text with ``get_window_extent`` and returns
    one line per fault (empty when the layout is clean). ``tol`` pixels of overlap or
    overhang are allowed (anti-aliasing, rounding).
    """
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = _drawn_texts(fig)
    boxes = [t.get_window_extent(renderer) for t in texts]
    frame = fig.bbox
    faults = []
    for t, b in zip(texts, boxes):
        if b.x0 < frame.x0 - tol or b.y0 < frame.y0 - tol or b.x1 > frame.x1 + tol or b.y1 > frame.y1 + tol:
            faults.append(f"leaves the figure: {t.get_text()!r} {np.round(b.extents, 1).tolist()} "
                          f"(figure {np.round(frame.extents, 1).tolist()})")
    for (t1, b1), (t2, b2) in itertools.combinations(zip(texts, boxes), 2):
        w = min(b1.x1, b2.x1) - max(b1.x0, b2.x0)
        h = min(b1.y1, b2.y1) - max(b1.y0, b2.y0)
        if w > tol and h > tol:
            faults.append(f"overlap: {t1.get_text()!r} and {t2.get_text()!r} ({w:.1f} x {h:.1f} px)")
    return faults


def legend_faults(fig) -> list[str]:
    """Legends drawn over data: a data point (line vertex, marker, bar end) inside a legend box."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    faults = []
    for ax in fig.axes:
        leg = ax.get_legend()
        if leg is None or not leg.get_visible():
            continue
        box = leg.get_window_extent(renderer)
        pts = []
        for line in ax.get_lines():
            xy = np.column_stack([np.asarray(line.get_xdata(), dtype=float) if not
                                  np.issubdtype(np.asarray(line.get_xdata()).dtype, np.datetime64)
                                  else matplotlib.dates.date2num(line.get_xdata()),
                                  np.asarray(line.get_ydata(), dtype=float)])
            if len(xy) and line.get_visible():
                pts.append(line.get_transform().transform(xy))
        for coll in ax.collections:
            off = coll.get_offsets()
            if len(off):
                pts.append(coll.get_offset_transform().transform(off))
        for patch in ax.patches:
            pts.append(patch.get_window_extent(renderer).corners())
        if not pts:
            continue
        pts = np.vstack(pts)
        pts = pts[np.isfinite(pts).all(axis=1)]
        inside = ((pts[:, 0] > box.x0) & (pts[:, 0] < box.x1) & (pts[:, 1] > box.y0) & (pts[:, 1] < box.y1))
        if inside.any():
            faults.append(f"legend covers {int(inside.sum())} data point(s) in {ax.get_title(loc='left')!r}")
    return faults


def figure_legend_faults(fig, *, tol: float = 1.0) -> list[str]:
    """Figure legends (``fig.legend``) over a panel: a legend box that meets the tight box
    of a visible Axes (its data area, ticks, labels and title)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    faults = []
    for leg in fig.legends:
        if not leg.get_visible():
            continue
        box = leg.get_window_extent(renderer)
        for ax in fig.axes:
            if not ax.get_visible():
                continue
            other = ax.get_tightbbox(renderer)
            w = min(box.x1, other.x1) - max(box.x0, other.x0)
            h = min(box.y1, other.y1) - max(box.y0, other.y0)
            if w > tol and h > tol:
                faults.append(f"figure legend over the panel {ax.get_title(loc='left')!r} ({w:.1f} x {h:.1f} px)")
    return faults


def test_the_helpers_find_an_overlap_a_cut_title_and_a_covering_legend():
    with style.paper("single"):
        fig, ax = plt.subplots()
        ax.plot([0, 0.5, 1], [0, 0.5, 1], label="a line")
        ax.set_title("A title far too long to fit in one column of a two-column paper, cut at the edge")
        ax.text(0.5, 0.5, "here", transform=ax.transAxes)
        ax.text(0.5, 0.5, "there", transform=ax.transAxes)
        ax.legend(loc="center")
        faults = layout_faults(fig)
        assert any(f.startswith("leaves the figure: 'A title far") for f in faults)
        assert any("overlap: 'here' and 'there'" in f for f in faults)
        assert legend_faults(fig) == ["legend covers 1 data point(s) in 'A title far too long to fit in one "
                                      "column of a two-column paper, cut at the edge'"]
        plt.close(fig)
        fig, axes = plt.subplots(1, 2)
        for ax in axes:
            ax.plot([0, 1], [0, 1], label="a line")
            ax.set_title("panel", loc="left")
        fig.legend(*axes[0].get_legend_handles_labels(), loc="center")  # over both panels
        assert len(figure_legend_faults(fig)) == 2
        fig.legends[0].remove()
        fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center")  # under them
        assert figure_legend_faults(fig) == []
        plt.close(fig)


# ------------------------------------------------------------------ the corpus and its analyses
@pytest.fixture(scope="module")
def real():
    corpus = real_shaped_corpus()
    ann = text.annotate(corpus)
    matches = terms.find(ann)
    q = quotes.find(ann).merge(corpus[["doc_id", "outlet"]], on="doc_id", how="left")
    model = topics.TopicModel(5, method="nmf", vectorizer=topics.Vectorizer(min_df=2, max_df=0.9),
                              random_state=0).fit(ann)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # undated articles, counted in attrs
        trajectories = keyness.rates(ann, ["regime"], period="M", n_boot=20, random_state=0)
        prev = topics.trajectories(model, ann, by="outlet", period="M", n_boot=20)
        scores = framing.score(ann)
        est = effects.estimate(scores, corpus, "share ~ outlet + year")
    kwic = terms.kwic(ann, matches)
    drawn = validate.sample(kwic, n=6, by="pattern", random_state=0)
    codes = pd.concat([pd.DataFrame({"unit": drawn["unit"], "coder": c,
                                     "code": np.where((drawn["voice"] == "authorial") ^ (np.arange(len(drawn)) % k == 0),
                                                      "yes", "no")}) for c, k in (("coder_1", 7), ("coder_2", 9))],
                      ignore_index=True)
    coded = drawn.merge(codes[codes["coder"] == "coder_1"][["unit", "code"]], on="unit")
    return {
        "corpus": corpus, "ann": ann, "matches": matches, "quotes": q, "model": model,
        "rates": terms.rates(matches, ann, by=["outlet", "category", "voice"], voice=["authorial", "quoted", "scare"],
                             n_boot=20, random_state=0),
        "toward": sentiment.toward(ann, ACTORS, by=["outlet", "voice"], n_boot=20, random_state=0),
        "arc": sentiment.arc(corpus.iloc[[0]], level="paragraph", n_boot=20, random_state=0),
        "agg": framing.aggregate(ann, scores, by="outlet", n_boot=20, random_state=0),
        "labels": framing.label_summary(ann, ACTORS, by="outlet", label_type="modifier", voice="authorial"),
        "diff": effects.differences(est, variable="outlet"),
        "keyness": keyness.score(ann, voice="authorial", min_df=5, n_boot=20, random_state=0),
        "shares": keyness.label_choice(ann, REFERENTS, n_boot=20, random_state=0),
        "trajectories": trajectories, "prev": prev,
        "k": topics.search_k(ann, [3, 5, 8], method="nmf", vectorizer=topics.Vectorizer(min_df=2, max_df=0.9),
                             n_seeds=2, random_state=0, progress=False),
        "precision": validate.pattern_precision(coded, weight="sampling_weight"),
        "agreement": validate.agreement(codes, n_boot=50, random_state=0),
    }


def test_the_corpus_is_real_shaped(real):
    c = real["corpus"]
    assert c["outlet"].value_counts().to_dict() == SIZES
    assert c["published"].dt.year.nunique() == 8
    assert 0.02 < c["published"].isna().mean() < 0.1


def _single(draw, width="double", aspect=0.5, title="A title as a study would write it (synthetic corpus)"):
    """Draw one Axes at a paper size, with a title, and return the figure."""
    with style.paper(width):
        fig, ax = plt.subplots(figsize=style.figsize(width, aspect=aspect))
        draw(ax)
        if title and not ax.get_title(loc="left"):
            ax.set_title(title)
        style.fit(fig)
    return fig


def _panels(draw, keys, width="double", ncols=4, aspect=0.25):
    """One panel per key, titled by the key (an outlet or topic), as the figures compose them."""
    with style.paper(width):
        nrows = -(-len(keys) // ncols)
        fig, axes = plt.subplots(nrows, ncols, figsize=style.figsize(width, aspect=aspect * nrows), squeeze=False)
        for ax, key in zip(axes.flat, keys):
            draw(ax, key)
            if not ax.get_title(loc="left"):
                ax.set_title(str(key))
        for ax in list(axes.flat)[len(keys):]:
            ax.set_visible(False)
        style.fit(fig)
    return fig


OUTLETS = list(SIZES)

CASES = {
    "article_map": lambda r: _single(lambda ax: plots.article_map(
        text.paragraphs(r["corpus"].iloc[[0]]), r["quotes"], doc_id=r["corpus"]["doc_id"].iloc[0], ax=ax),
        width="single", aspect=1.1),
    "articles_over_time": lambda r: _single(lambda ax: plots.articles_over_time(r["corpus"], ax=ax), aspect=0.4),
    "articles_over_time[single]": lambda r: _single(lambda ax: plots.articles_over_time(r["corpus"], ax=ax),
                                                    width="single", aspect=0.9),
    "lengths": lambda r: _single(lambda ax: plots.lengths(r["corpus"], ax=ax), width="single", aspect=0.75),
    "terms_in_article": lambda r: _single(lambda ax: plots.terms_in_article(r["matches"], r["corpus"].iloc[0],
                                                                            ax=ax), aspect=0.35),
    "term_rates": lambda r: _panels(lambda ax, o: plots.term_rates(r["rates"][r["rates"]["outlet"] == o], ax=ax),
                                    OUTLETS, ncols=3, aspect=0.3),
    "term_rates[by outlet]": lambda r: _single(lambda ax: plots.term_rates(
        r["rates"][(r["rates"]["category"] == r["rates"]["category"].iloc[0])], y="outlet", ax=ax), width="single",
        aspect=0.9),
    "sources": lambda r: _single(lambda ax: plots.sources(r["quotes"], ax=ax), width="single", aspect=0.75),
    "sources[by outlet]": lambda r: _single(lambda ax: plots.sources(r["quotes"], by="outlet", n=8, ax=ax),
                                            aspect=0.6),
    "reporting_verbs": lambda r: _single(lambda ax: plots.reporting_verbs(r["quotes"], ax=ax), width="single",
                                         aspect=0.75),
    "reporting_verbs[by outlet]": lambda r: _single(lambda ax: plots.reporting_verbs(r["quotes"], by="outlet",
                                                                                     ax=ax), aspect=0.4),
    "sentiment_arc": lambda r: _single(lambda ax: plots.sentiment_arc(r["arc"], ax=ax), width="single"),
    "sentiment_toward": lambda r: _single(lambda ax: plots.sentiment_toward(r["toward"], ax=ax, min_n=3),
                                          aspect=0.6),
    "top_terms": lambda r: _grid(lambda fig: plots.top_terms(r["model"], n=8, ncols=3, fig=fig), aspect=0.6),
    "prevalence": lambda r: _panels(lambda ax, t: plots.prevalence(r["prev"], topic=t, ax=ax, band=False),
                                    [0, 1, 2, 3, 4], ncols=3, aspect=0.32),
    "prevalence[no period]": lambda r: _single(lambda ax: plots.prevalence(
        topics.prevalence(r["model"], r["ann"], by="outlet", n_boot=20), ax=ax), aspect=0.6),
    "k_search": lambda r: _grid(lambda fig: plots.k_search(r["k"], ncols=4, highlight=5, fig=fig), aspect=0.28),
    "frame_profile": lambda r: _single(lambda ax: plots.frame_profile(r["agg"], ax=ax), aspect=0.5),
    "actor_labels": lambda r: _single(lambda ax: plots.actor_labels(r["labels"], actor="Government", ax=ax),
                                      aspect=0.5, title=None),
    "effects": lambda r: _single(lambda ax: plots.effects(r["diff"], ax=ax), aspect=0.5),
    "keyness": lambda r: _panels(lambda ax, o: plots.keyness(r["keyness"][r["keyness"]["group"] == o], ax=ax, top=6),
                                 OUTLETS, ncols=4, aspect=0.3),
    "label_shares": lambda r: _single(lambda ax: plots.label_shares(r["shares"], by="outlet", ax=ax),
                                      width="single", aspect=1.0),
    "term_trajectories": lambda r: _single(lambda ax: plots.term_trajectories(r["trajectories"], by="outlet", ax=ax),
                                           aspect=0.45),
    "pattern_precision": lambda r: _single(lambda ax: plots.pattern_precision(r["precision"], ax=ax),
                                           width="single", aspect=1.6),
    "agreement": lambda r: _single(lambda ax: plots.agreement(r["agreement"], ax=ax), width="single", aspect=0.8),
}


def _grid(draw, width="double", aspect=0.5):
    with style.paper(width):
        fig = plt.figure(figsize=style.figsize(width, aspect=aspect))
        draw(fig)
        style.fit(fig)
    return fig


def test_every_public_plot_function_is_drawn_here():
    drawn = {name.split("[")[0] for name in CASES}
    assert set(plots.__all__) - {"quote_spans"} == drawn


@pytest.mark.parametrize("name", list(CASES))
def test_no_text_overlaps_or_leaves_the_figure(real, name):
    fig = CASES[name](real)
    try:
        assert layout_faults(fig) == []
        assert legend_faults(fig) == []
        assert figure_legend_faults(fig) == []
    finally:
        plt.close(fig)


# ------------------------------------------------ the registered figures, on a real-shaped corpus
def _demo_figures():
    from discourse import figures

    table = figures.list_figures()
    return table.loc[table["corpus"].astype(str) == "demo", "name"].tolist()  # (the seed figures: one article)


@pytest.fixture(scope="module")
def real_corpus():
    return real_shaped_corpus()


#: figures with a known fault, and the fix they wait for (strict: the test says when it is fixed)
KNOWN: dict[str, str] = {}  # figure name -> why it is expected to fail (none today)


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN[n], strict=True))
                                  if n in KNOWN else n for n in _demo_figures()])
def test_every_built_in_figure_fits_on_a_real_shaped_corpus(real_corpus, name):
    from discourse import figures

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # undated articles are counted, and said so
        # the study names the demo corpus's baseline outlet; this corpus has its own outlets
        extra = {"baseline": str(real_corpus["outlet"].iloc[0])} if name == "frame-effects-by-outlet" else {}
        fig = figures.render(name, corpus=real_corpus, **extra)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)  # (render closes its figure for notebooks; measure it on an Agg canvas)
    try:
        assert layout_faults(fig) == [], name
        assert legend_faults(fig) == [], name
        assert figure_legend_faults(fig) == [], name
    finally:
        plt.close(fig)


def test_a_grid_of_prevalence_panels_has_one_figure_legend_under_every_panel(real):
    """One panel per topic, as the topics-prevalence figure composes them: the outlets are
    named once, in a figure legend that overlaps no panel, each outlet in one colour."""
    fig = CASES["prevalence"](real)
    try:
        assert [ax.get_legend() for ax in fig.axes] == [None] * len(fig.axes)
        assert len(fig.legends) == 1
        legend = fig.legends[0]
        undated = int(real["corpus"]["published"].isna().sum())
        assert undated > 0  # the real-shaped corpus has undated articles: they are said once, last
        assert [t.get_text() for t in legend.get_texts()] == [*sorted(OUTLETS), f"{undated} undated articles not shown"]
        assert figure_legend_faults(fig) == [] and layout_faults(fig) == []
        fig.canvas.draw()
        box = legend.get_window_extent(fig.canvas.get_renderer())
        lowest = min(ax.get_tightbbox(fig.canvas.get_renderer()).y0 for ax in fig.axes if ax.get_visible())
        assert box.y1 <= lowest + 1  # below every panel
        colours = {}
        for ax in fig.axes:
            for line in ax.get_lines():
                colours.setdefault(line.get_label(), set()).add(line.get_color())
        assert {k: len(v) for k, v in colours.items()} == dict.fromkeys(OUTLETS, 1)
    finally:
        plt.close(fig)
    # undated documents counted in the table: one note under the figure, not one per panel
    prev = real["prev"].copy()
    prev.attrs["undated"] = 27
    fig = _panels(lambda ax, t: plots.prevalence(prev, topic=t, ax=ax, band=False), [0, 1, 2, 3, 4], ncols=3,
                  aspect=0.32)
    try:
        assert [t.get_text() for t in fig.legends[0].get_texts()] == sorted(OUTLETS) + [
            "27 undated articles not shown"]  # the legend's last entry (a figure x label would sit on it)
        assert not any("undated" in ax.get_xlabel() for ax in fig.axes)
        assert layout_faults(fig) == [] and figure_legend_faults(fig) == []
    finally:
        plt.close(fig)


def test_the_topics_prevalence_figure_has_one_figure_legend(real_corpus):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from discourse import figures

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        fig = figures.render("topics-prevalence", corpus=real_corpus)
    FigureCanvasAgg(fig)
    try:
        assert all(ax.get_legend() is None for ax in fig.axes)
        assert len(fig.legends) == 1
        undated = int(real_corpus["published"].isna().sum())
        assert [t.get_text() for t in fig.legends[0].get_texts()] == [*sorted(OUTLETS), "all outlets",
                                                                        f"{undated} undated articles not shown"]
        assert figure_legend_faults(fig) == []
    finally:
        plt.close(fig)


# ------------------------------------------------------------------ the pieces the figures rely on
def test_top_terms_draws_the_bars_in_the_order_of_their_length():
    """The top terms are chosen by rank (relevance), drawn largest weight first."""
    table = pd.DataFrame({"topic": [0, 0, 0], "term": ["alpha", "beta", "gamma"], "weight": [0.2, 0.5, 0.3],
                          "rank": [1, 2, 3]})
    with style.paper("single"):
        ax = plots.top_terms(table, n=3)[0]
    order = sorted(zip(ax.get_yticks(), [t.get_text() for t in ax.get_yticklabels()]))
    assert [term for _, term in order] == ["beta", "gamma", "alpha"]  # y grows downwards (inverted)
    assert sorted((p.get_width() for p in ax.patches), reverse=True) == [0.5, 0.3, 0.2]
    assert [p.get_width() for p in sorted(ax.patches, key=lambda p: p.get_y())] == [0.5, 0.3, 0.2]
    plt.close(ax.figure)


def test_prevalence_keeps_a_share_of_zero_whole():
    prev = pd.DataFrame({"period": ["2024-01", "2024-02", "2024-03"], "topic": 0, "share": [0.0, 0.4, 0.2],
                         "ci_low": [0.0, 0.3, 0.1], "ci_high": [0.1, 0.5, 0.3], "n_docs": 5})
    with style.paper("single"):
        ax = plots.prevalence(prev, topic=0)
    line = ax.get_lines()[0]
    assert ax.get_ylim()[0] == 0 and line.get_ydata()[0] == 0
    assert not line.get_clip_on() and line.get_zorder() > ax.spines["bottom"].get_zorder()  # drawn over the axis
    plt.close(ax.figure)


@pytest.mark.parametrize("start, end, ticks", [
    ("2024-01-01", "2024-12-01", ["2024-01", "2024-07"]),  # 11 months in a narrow panel: half years
    ("2023-03-01", "2024-11-01", ["2024-01"]),             # 20 months: every January
])
def test_dates_in_a_narrow_panel_are_ticked_without_a_warning(start, end, ticks):
    """Months that no monthly step fits into a narrow panel: an explicit locator, no warning."""
    from matplotlib.dates import num2date

    from discourse.plots._common import _date_axis

    x = pd.date_range(start, end, freq="MS")
    with style.paper("single"):
        fig, ax = plt.subplots(figsize=(1.6, 1.4))  # a panel about 1.3 inches wide: room for two ticks
        ax.plot(x, np.arange(len(x)))
        _date_axis(ax)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.canvas.draw()
            located = ax.xaxis.get_major_locator()()
    lo, hi = ax.get_xlim()
    assert [num2date(v).strftime("%Y-%m") for v in located if lo <= v <= hi] == ticks
    plt.close(fig)


def test_dates_in_a_wide_axes_keep_matplotlibs_choice():
    """Where AutoDateLocator finds a step (wide Axes), its ticks are kept as they were."""
    import matplotlib.dates as mdates

    from discourse.plots._common import _date_axis

    x = pd.date_range("2024-01-01", "2024-12-01", freq="MS")
    with style.paper("double"):
        fig, ax = plt.subplots(figsize=style.figsize("double", aspect=0.4))
        ax.plot(x, np.arange(len(x)))
        _date_axis(ax)
        fig.canvas.draw()
        ours = list(ax.xaxis.get_major_locator()())
        plain = mdates.AutoDateLocator(minticks=2, maxticks=ax.xaxis.get_major_locator().maxticks)
        plain.set_axis(ax.xaxis)
        assert ours == list(plain())
    plt.close(fig)
