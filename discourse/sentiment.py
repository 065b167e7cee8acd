"""Sentiment with VADER, offline: sentences, paragraphs, documents, arcs, and
sentiment toward actors or terms.

VADER (Hutto & Gilbert 2014) is a lexicon-and-rules scorer built for short texts.
Two implementations are offered, selected by ``method``:

``"vader"`` (default)
    The reference implementation, ``vaderSentiment`` 3.3.2 by VADER's author: the
    current rule set (handles "no" as a negation, "without doubt", more boosters and
    idioms) and emoji, which are replaced by their text description.
``"nltk"``
    ``nltk.sentiment.vader`` (nltk 3.10), an older port that differs on some sentences
    (see ``docs/sentiment.md`` for examples).

Both use the lexicon file ``vader_lexicon.txt`` shipped inside the installed
``vaderSentiment`` package; nothing is downloaded and no nltk data is needed.
Scores come from :mod:`discourse._vader`, a batch re-implementation that returns
exactly the reference's ``neg``, ``neu``, ``pos`` and ``compound`` for every sentence,
much faster than calling ``polarity_scores`` in a loop.

VADER's ``compound`` saturates on long input (the normalisation
``x / sqrt(x^2 + 15)`` tends to +-1 as valences add up), so paragraph and document
scores here aggregate *sentence* scores: the mean sentence compound and the shares of
positive (``compound >= 0.05``) and negative (``<= -0.05``) sentences, with bootstrap
intervals over sentences; VADER's compound of the whole unit is kept for comparison as
``compound_raw``.
"""
from __future__ import annotations

from typing import Iterable, Literal, Mapping, Sequence

import numpy as np
import pandas as pd

from discourse import _vader

__all__ = ["score", "polarity_scores", "arc", "toward", "mentions", "summarize", "METHODS",
           "POSITIVE", "NEGATIVE"]

METHODS = _vader.METHODS
#: compound thresholds of VADER's authors for a positive / negative sentence
POSITIVE = 0.05
NEGATIVE = -0.05

_SCORES = ["neg", "neu", "pos", "compound"]


# ------------------------------------------------------------------------ helpers
def _check_corpus(corpus: pd.DataFrame) -> None:
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError(f"corpus must be a DataFrame (discourse.corpus.load), not {type(corpus).__name__}")
    missing = [c for c in ("doc_id", "text") if c not in corpus.columns]
    if missing:
        raise KeyError(f"corpus needs columns {missing}; got {list(corpus.columns)}")


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValueError(f"method must be one of {list(METHODS)}, not {method!r}")


def _sentences(corpus: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.DataFrame:
    if sentences is None:
        from discourse import text

        return text.sentences(corpus)
    missing = [c for c in ("doc_id", "para_id", "sent_id", "start", "end", "text") if c not in sentences.columns]
    if missing:
        raise KeyError(f"sentences needs columns {missing} (discourse.text.sentences)")
    return sentences[sentences["doc_id"].isin(corpus["doc_id"])].reset_index(drop=True)


def polarity_scores(texts: str | Iterable[str], *, method: Literal["vader", "nltk"] = "vader") -> pd.DataFrame:
    """VADER scores of raw strings, exactly as the reference ``polarity_scores``.

    Parameters
    ----------
    texts : str or iterable of str
    method : {"vader", "nltk"}

    Returns
    -------
    DataFrame
        One row per string: ``neg``, ``neu``, ``pos``, ``compound``.

    Examples
    --------
    >>> polarity_scores(["The book was good.", "Not bad at all"])
       neg    neu    pos  compound
    0  0.0  0.508  0.492    0.4404
    1  0.0  0.513  0.487    0.4310
    """
    _check_method(method)
    texts = [texts] if isinstance(texts, str) else [str(t) for t in texts]
    return pd.DataFrame(_vader.polarity_scores(texts, method=method), columns=_SCORES)


def _interval(values: np.ndarray, groups: np.ndarray, n_groups: int, *, n_boot: int, ci: float,
              random_state: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap of the mean of ``values`` within each group.

    ``groups`` are codes ``0 .. n_groups - 1``, each present (``GroupBy.ngroup``);
    :func:`discourse.stats.bootstrap` seeds group ``g`` with ``[random_state, g]``, so its
    interval does not depend on the other groups. ``n_boot <= 0`` gives NaN.
    """
    from discourse import stats

    lo = np.full(n_groups, np.nan)
    hi = np.full(n_groups, np.nan)
    if n_boot <= 0 or not len(values):
        return lo, hi
    res = stats.bootstrap(pd.DataFrame({"g": groups, "v": values}), "v", by="g", n_boot=n_boot, ci=ci,
                          random_state=random_state)
    g = res["g"].to_numpy(dtype=np.int64)
    lo[g] = res["ci_low"].to_numpy(dtype=float)
    hi[g] = res["ci_high"].to_numpy(dtype=float)
    return lo, hi


def _aggregate(sent: pd.DataFrame, keys: list[str], *, n_boot: int, ci: float,
               random_state: int | None) -> pd.DataFrame:
    """Aggregate sentence scores within units defined by ``keys``."""
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, not {ci}")
    c = sent["compound"].to_numpy(dtype=float)
    sent = sent.assign(_pos=(c >= POSITIVE).astype(float), _neg=(c <= NEGATIVE).astype(float))
    grouped = sent.groupby(keys, sort=False, observed=True, dropna=False)
    gid = grouped.ngroup().to_numpy()
    n_groups = int(gid.max()) + 1 if len(gid) else 0
    out = grouped.agg(n_sentences=("compound", "size"), neg=("neg", "mean"), neu=("neu", "mean"),
                      pos=("pos", "mean"), compound=("compound", "mean"), pos_share=("_pos", "mean"),
                      neg_share=("_neg", "mean")).reset_index()
    for name, vals in (("compound", c), ("pos_share", (c >= POSITIVE).astype(float)),
                       ("neg_share", (c <= NEGATIVE).astype(float))):
        lo, hi = _interval(vals, gid, n_groups, n_boot=n_boot, ci=ci, random_state=random_state)
        out[f"{name}_low"], out[f"{name}_high"] = lo, hi
    return out


# -------------------------------------------------------------------------- score
def score(
    corpus: pd.DataFrame,
    *,
    level: Literal["sentence", "paragraph", "document"] = "sentence",
    method: Literal["vader", "nltk"] = "vader",
    sentences: pd.DataFrame | None = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Score every sentence, paragraph or document with VADER (offline, exact).

    Parameters
    ----------
    corpus : DataFrame
        Articles with ``doc_id`` and ``text`` (:func:`discourse.corpus.load`).
    level : {"sentence", "paragraph", "document"}
        Unit of the rows. Paragraph and document scores aggregate sentence scores.
    method : {"vader", "nltk"}
        ``"vader"`` (default): the reference vaderSentiment 3.3.2 rules, with emoji.
        ``"nltk"``: nltk's older port of VADER. Both give the reference's numbers
        exactly.
    sentences : DataFrame, optional
        A :func:`discourse.text.sentences` table to reuse (else computed).
    n_boot : int, default 1000
        Bootstrap resamples (over sentences) for the intervals of paragraph and
        document aggregates; 0 skips the intervals (columns are NaN).
    ci : float, default 0.95
        Coverage of the intervals.
    random_state : int, default 0
        Seed of the bootstrap.

    Returns
    -------
    DataFrame
        ``level="sentence"``: ``doc_id``, ``para_id``, ``sent_id``, ``start``, ``end``,
        ``text``, ``neg``, ``neu``, ``pos``, ``compound`` (VADER's scores of the
        sentence; ``text[start:end]`` of the article is the sentence).

        ``level="paragraph"`` / ``"document"``: ``doc_id`` (+ ``para_id``),
        ``start``, ``end``, ``n_sentences``; ``neg``, ``neu``, ``pos``, ``compound``:
        means over the unit's sentences; ``pos_share`` / ``neg_share``: share of
        sentences with compound >= 0.05 / <= -0.05; ``compound_low``,
        ``compound_high``, ``pos_share_low`` ... : bootstrap percentile intervals;
        ``compound_raw``: VADER's compound of the whole unit's text (saturates on long
        text, kept for comparison). Units without sentences are left out.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["A good plan. A terrible war.\\n\\nThey hoped."]})
    >>> score(df)[["para_id", "sent_id", "text", "compound"]]
       para_id  sent_id             text  compound
    0        0        0     A good plan.    0.4404
    1        0        1  A terrible war.   -0.7906
    2        1        2      They hoped.    0.3818
    >>> score(df, level="document", n_boot=0)[["doc_id", "n_sentences", "compound", "pos_share"]]
      doc_id  n_sentences  compound  pos_share
    0      a            3  0.010533   0.666667
    """
    _check_corpus(corpus)
    _check_method(method)
    if level not in ("sentence", "paragraph", "document"):
        raise ValueError(f"level must be 'sentence', 'paragraph' or 'document', not {level!r}")
    sents = _sentences(corpus, sentences)
    scores = _vader.polarity_scores(sents["text"].astype(str).tolist(), method=method)
    out = sents[["doc_id", "para_id", "sent_id", "start", "end", "text"]].copy()
    for j, name in enumerate(_SCORES):
        out[name] = scores[:, j]
    if level == "sentence":
        return out.reset_index(drop=True)
    keys = ["doc_id", "para_id"] if level == "paragraph" else ["doc_id"]
    agg = _aggregate(out, keys, n_boot=n_boot, ci=ci, random_state=random_state)
    span = out.groupby(keys, sort=False).agg(start=("start", "min"), end=("end", "max")).reset_index()
    texts = corpus.drop_duplicates("doc_id").set_index("doc_id")["text"].astype(str)
    if level == "document":
        span["start"] = 0
        span["end"] = span["doc_id"].map(texts.str.len()).astype("int64")
    agg = span.merge(agg, on=keys, how="left")
    unit_text = [texts[d][s:e] for d, s, e in zip(agg["doc_id"], agg["start"], agg["end"])]
    agg["compound_raw"] = _vader.polarity_scores(unit_text, method=method)[:, 3]
    cols = [*keys, "start", "end", "n_sentences", "neg", "neu", "pos", "compound", "compound_low", "compound_high",
            "pos_share", "pos_share_low", "pos_share_high", "neg_share", "neg_share_low", "neg_share_high",
            "compound_raw"]
    return agg[cols].reset_index(drop=True)


# ---------------------------------------------------------------------------- arc
def arc(
    corpus: pd.DataFrame,
    *,
    unit: Literal["paragraph", "decile"] = "paragraph",
    n_bins: int = 10,
    method: Literal["vader", "nltk"] = "vader",
    sentences: pd.DataFrame | None = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """The sentiment arc through each article: mean sentence compound by position.

    Parameters
    ----------
    corpus : DataFrame
        Articles with ``doc_id`` and ``text``.
    unit : {"paragraph", "decile"}
        ``"paragraph"``: one point per paragraph (``position`` = ``para_id``).
        ``"decile"``: ``n_bins`` equal slices of the article's characters; a sentence
        belongs to the slice holding its midpoint (``position`` = 0 .. n_bins-1), so
        articles of different lengths line up.
    n_bins : int, default 10
        Number of slices for ``unit="decile"``.
    method, sentences, n_boot, ci, random_state
        As in :func:`score`.

    Returns
    -------
    DataFrame
        ``doc_id``, ``position``, ``relative`` (position of the unit's midpoint as a
        share of the article, 0-1), ``n_sentences``, ``compound`` (mean sentence
        compound), ``compound_low``, ``compound_high``, ``pos_share``, ``neg_share``.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["A good plan.\\n\\nA terrible war. It failed."]})
    >>> arc(df, n_boot=0)[["position", "n_sentences", "compound"]]
       position  n_sentences  compound
    0         0            1    0.4404
    1         1            2   -0.6506
    """
    _check_corpus(corpus)
    if unit not in ("paragraph", "decile"):
        raise ValueError(f"unit must be 'paragraph' or 'decile', not {unit!r}")
    if int(n_bins) < 1:
        raise ValueError(f"n_bins must be at least 1, not {n_bins}")
    s = score(corpus, level="sentence", method=method, sentences=sentences)
    doc_len = corpus.drop_duplicates("doc_id").set_index("doc_id")["text"].astype(str).str.len()
    # float: an empty sentence table maps to an empty column of the index's dtype
    lengths = s["doc_id"].map(doc_len).astype("float64")
    mid = (s["start"] + s["end"]) / 2 / lengths.clip(lower=1)
    if unit == "paragraph":
        s["position"] = s["para_id"]
    else:
        s["position"] = np.minimum((mid * n_bins).astype(int), int(n_bins) - 1)
    s["_mid"] = mid
    agg = _aggregate(s, ["doc_id", "position"], n_boot=n_boot, ci=ci, random_state=random_state)
    rel = s.groupby(["doc_id", "position"], sort=False)["_mid"].mean().reset_index(drop=True)
    agg["relative"] = rel.to_numpy() if unit == "paragraph" else (agg["position"] + 0.5) / n_bins
    agg = agg.sort_values(["doc_id", "position"], kind="stable").reset_index(drop=True)
    return agg[["doc_id", "position", "relative", "n_sentences", "compound", "compound_low", "compound_high",
                "pos_share", "neg_share"]]


# ------------------------------------------------------------------------- toward
def _targets_lexicon(targets, match: str | None) -> pd.DataFrame:
    from discourse import lexicon

    if isinstance(targets, pd.DataFrame):
        return targets
    if isinstance(targets, str):
        targets = [targets]
    if isinstance(targets, Mapping):
        mapping = dict(targets)
    else:
        mapping = {t: [t] for t in targets}
    if not mapping:
        raise ValueError("targets is empty")
    return lexicon.from_dict(mapping, match=match)


def mentions(
    corpus: pd.DataFrame,
    targets: Mapping[str, str | Sequence[str]] | Sequence[str] | str | pd.DataFrame,
    *,
    match: Literal["fixed", "glob", "regex"] | None = "fixed",
    window: int | None = None,
    method: Literal["vader", "nltk"] = "vader",
    quotes: pd.DataFrame | None | bool = None,
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every mention of a target with the sentiment of its context and its voice.

    Parameters
    ----------
    corpus : DataFrame
        Articles with ``doc_id`` and ``text`` (plus ``outlet``, ``published`` ...).
    targets : dict, list, str or DataFrame
        Actors or terms: ``{"Taliban": ["Taliban", "insurgents"], ...}`` (name ->
        aliases), a list of terms (each its own name), or a lexicon table
        (``pattern``, ``category``; :func:`discourse.lexicon.read`).
    match : {"fixed", "glob", "regex"}, default "fixed"
        How aliases match (case-insensitive, whole words; see :func:`discourse.terms.find`).
        Ignored for a lexicon table, which carries its own ``match`` column.
    window : int, optional
        ``None``: the context is the sentence holding the mention. An integer ``k``:
        the ``k`` whitespace-separated words on each side of the mention (within its
        sentence) plus the mention, so long sentences about several actors are split.
    method : {"vader", "nltk"}
    quotes : DataFrame, False or None
        Quotations (:func:`discourse.quotes.find`: ``doc_id``, ``start``, ``end``,
        ``kind``, ``speaker``). A mention inside a direct or partial quotation has
        voice ``"quoted"``, inside a scare quote ``"scare"``, else ``"authorial"``.
        ``None`` finds them; ``False`` sets every voice to ``"authorial"``.
    sentences : DataFrame, optional
        A :func:`discourse.text.sentences` table to reuse.

    Returns
    -------
    DataFrame
        One row per mention: ``doc_id``, ``para_id``, ``sent_id``, ``start``, ``end``
        (of the mention), ``target``, ``match`` (text as written), ``voice``,
        ``speaker``, ``context_start``, ``context_end``, ``neg``, ``neu``, ``pos``,
        ``compound`` (of the context), and the corpus's ``outlet`` and
        ``published`` when present.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ['The army failed. "The army is brave," he said.']})
    >>> q = pd.DataFrame({"doc_id": ["a"], "start": [18], "end": [35], "kind": ["direct"], "speaker": ["he"]})
    >>> mentions(df, {"army": ["army"]}, quotes=q)[["target", "voice", "compound"]]
      target      voice  compound
    0   army  authorial   -0.5106
    1   army     quoted    0.5267
    """
    from discourse import terms

    _check_corpus(corpus)
    _check_method(method)
    if window is not None and int(window) < 0:
        raise ValueError(f"window must be a non-negative number of words, not {window}")
    lex = _targets_lexicon(targets, match)
    # terms.find returns ids as strings: join sentences and metadata on strings too
    # (integer ids would otherwise look up no sentence, or the wrong one)
    corpus = corpus.assign(doc_id=corpus["doc_id"].astype("string"))
    if sentences is not None and "doc_id" in sentences.columns:
        sentences = sentences.assign(doc_id=sentences["doc_id"].astype("string"))
    sents = _sentences(corpus, sentences)
    m = terms.find(corpus, lex, quotes=quotes, sentences=sents)
    if quotes is False:
        m["voice"] = "authorial"
    m = m.rename(columns={"category": "target"})
    sent_idx = pd.MultiIndex.from_frame(sents[["doc_id", "sent_id"]])
    pos = sent_idx.get_indexer(pd.MultiIndex.from_frame(m[["doc_id", "sent_id"]])) if len(m) else np.zeros(0, int)
    s_start = sents["start"].to_numpy()[pos] if len(m) else np.zeros(0, int)
    s_end = sents["end"].to_numpy()[pos] if len(m) else np.zeros(0, int)
    if window is None:
        c_start, c_end = s_start, s_end
        ctx = sents["text"].astype(str).to_numpy()[pos].tolist() if len(m) else []
    else:
        texts = corpus.drop_duplicates("doc_id").set_index("doc_id")["text"].astype(str)
        c_start, c_end, ctx = [], [], []
        for d, ms, me, ss, se in zip(m["doc_id"], m["start"], m["end"], s_start, s_end):
            t = texts[d]
            left = t[ss:ms].split()
            right = t[me:se].split()
            a, b = _window_span(t, ss, ms, me, se, left, right, int(window))
            c_start.append(a)
            c_end.append(b)
            ctx.append(t[a:b])
        c_start, c_end = np.array(c_start, dtype="int64"), np.array(c_end, dtype="int64")
    sc = _vader.polarity_scores(ctx, method=method) if len(ctx) else np.zeros((0, 4))
    out = m[["doc_id", "para_id", "sent_id", "start", "end", "target", "match", "voice", "speaker"]].copy()
    out["context_start"] = np.asarray(c_start, dtype="int64")
    out["context_end"] = np.asarray(c_end, dtype="int64")
    for j, name in enumerate(_SCORES):
        out[name] = sc[:, j]
    meta = [c for c in ("outlet", "published") if c in corpus.columns]
    if meta:
        out = out.merge(corpus.drop_duplicates("doc_id")[["doc_id", *meta]], on="doc_id", how="left")
    return out.reset_index(drop=True)


def _window_span(t: str, ss: int, ms: int, me: int, se: int, left: list, right: list, k: int) -> tuple[int, int]:
    """Character span of ``k`` words left and right of the mention, inside the sentence."""
    a = ms
    if k and left:
        # walk back over k whitespace-separated words
        pos, count = ms, 0
        while pos > ss and count < k:
            while pos > ss and t[pos - 1].isspace():
                pos -= 1
            while pos > ss and not t[pos - 1].isspace():
                pos -= 1
            count += 1
        a = pos
    b = me
    if k and right:
        pos, count = me, 0
        while pos < se and count < k:
            while pos < se and t[pos].isspace():
                pos += 1
            while pos < se and not t[pos].isspace():
                pos += 1
            count += 1
        b = pos
    return a, b


def summarize(
    data: pd.DataFrame,
    value: str = "compound",
    *,
    by: str | Sequence[str] | None = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Mean of ``value`` per group with a bootstrap interval that resamples documents.

    Rows of one document are correlated (one article's sentences about an actor share
    its slant), so the interval resamples whole documents (a cluster bootstrap of the
    pooled mean): each group's estimate is ``sum(value) / n`` over its rows, and the
    interval comes from :func:`discourse.stats.bootstrap_ratio` over documents.

    Parameters
    ----------
    data : DataFrame
        Rows with ``doc_id`` and ``value`` (sentences from :func:`score`, mentions
        from :func:`mentions`).
    value : str, default "compound"
    by : str or list of str, optional
        Group columns (``"outlet"``, ``["target", "outlet", "voice"]``).
    n_boot, ci, random_state
        As in :func:`discourse.stats.bootstrap_ratio`.

    Returns
    -------
    DataFrame
        Group columns, ``estimate``, ``ci_low``, ``ci_high``, ``n`` (rows),
        ``n_docs``.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["x", "x", "x"], "compound": [0.5, 0.3, -0.2]})
    >>> summarize(d, by="outlet", n_boot=100)[["outlet", "estimate", "n", "n_docs"]]
      outlet  estimate  n  n_docs
    0      x       0.2  3       2
    """
    from discourse import stats

    for c in ("doc_id", value):
        if c not in data.columns:
            raise KeyError(f"data needs column {c!r}")
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    missing = [k for k in keys if k not in data.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in data")
    unit = list(dict.fromkeys([*keys, "doc_id"]))  # by="doc_id" is allowed: one group per document
    d = data[[*unit, value]].dropna(subset=[value])
    per_doc = d.groupby(unit, sort=True, observed=True, dropna=False)[value].agg(["sum", "size"])
    per_doc = per_doc.reset_index().rename(columns={"sum": "_sum", "size": "_n"})
    out = stats.bootstrap_ratio(per_doc, "_sum", "_n", by=keys or None, n_boot=n_boot, ci=ci,
                                random_state=random_state)
    out = out.rename(columns={"n": "n_docs"})
    n_rows = per_doc.groupby(keys, sort=True, observed=True, dropna=False)["_n"].sum().to_numpy() if keys \
        else np.array([per_doc["_n"].sum()])
    out.insert(len(keys) + 3, "n", n_rows.astype("int64"))
    return out


def toward(
    corpus: pd.DataFrame,
    targets: Mapping[str, str | Sequence[str]] | Sequence[str] | str | pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "outlet",
    period: str | None = None,
    voice: Literal["split", "all", "authorial", "quoted", "scare"] | Sequence[str] = "split",
    match: Literal["fixed", "glob", "regex"] | None = "fixed",
    window: int | None = None,
    method: Literal["vader", "nltk"] = "vader",
    quotes: pd.DataFrame | None | bool = None,
    sentences: pd.DataFrame | None = None,
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Sentiment toward actors or terms, by outlet (and period), by voice.

    The sentiment of the contexts (sentences or word windows) that mention each target,
    averaged per group, with a bootstrap interval that resamples documents.

    Parameters
    ----------
    corpus : DataFrame
        Articles (``doc_id``, ``text`` and the ``by`` columns).
    targets : dict, list, str or DataFrame
        As in :func:`mentions`.
    by : str or list of str, optional, default "outlet"
        Corpus columns to group by (``None``: the whole corpus).
    period : str, optional
        A pandas period alias (``"M"``, ``"Q"``, ``"Y"``): adds a ``period`` column
        from ``published`` and groups by it.
    voice : {"split", "all", "authorial", "quoted", "scare"} or list
        ``"split"`` (default): separate rows for the outlet's own voice
        (``authorial``), quoted speech (``quoted``) and scare quotes (``scare``);
        ``"all"``: pool every mention; a voice or list of voices: keep only those,
        pooled.
    match, window, method, quotes, sentences
        As in :func:`mentions`.
    n_boot, ci, random_state
        Bootstrap settings (documents are resampled).

    Returns
    -------
    DataFrame
        ``target``, the ``by`` columns, ``period`` (if asked), ``voice`` (unless
        pooled), ``estimate`` (mean compound), ``ci_low``, ``ci_high``, ``n``
        (mentions), ``n_docs``.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["x", "y"],
    ...                    "text": ["The army won a great victory.", "The army failed badly."]})
    >>> toward(df, ["army"], quotes=False, n_boot=50)[["target", "outlet", "voice", "estimate", "n"]]
      target outlet      voice  estimate  n
    0   army      x  authorial    0.8316  1
    1   army      y  authorial   -0.7506  1
    """
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    missing = [k for k in keys if k not in corpus.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in corpus")
    voices = ("authorial", "quoted", "scare")
    if isinstance(voice, str):
        if voice not in ("split", "all", *voices):
            raise ValueError(f"voice must be 'split', 'all' or one of {list(voices)}, not {voice!r}")
    else:
        bad = [v for v in voice if v not in voices]
        if bad:
            raise ValueError(f"unknown voice(s) {bad}; use {list(voices)}")
    m = mentions(corpus, targets, match=match, window=window, method=method, quotes=quotes, sentences=sentences)
    extra = [k for k in keys if k not in m.columns]
    if extra:
        m = m.merge(corpus.drop_duplicates("doc_id")[["doc_id", *extra]], on="doc_id", how="left")
    group = ["target", *keys]
    if period is not None:
        if "published" not in corpus.columns:
            raise KeyError("period needs a 'published' column in corpus")
        if "published" not in m.columns:
            m = m.merge(corpus.drop_duplicates("doc_id")[["doc_id", "published"]], on="doc_id", how="left")
        from discourse.stats import period_labels

        m["period"] = period_labels(m["published"], period).to_numpy()
        group.append("period")
    if voice == "split":
        group.append("voice")
    elif voice != "all":
        keep = [voice] if isinstance(voice, str) else list(voice)
        m = m[m["voice"].isin(keep)]
    return summarize(m, "compound", by=group, n_boot=n_boot, ci=ci, random_state=random_state)
