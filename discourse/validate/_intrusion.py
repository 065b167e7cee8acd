"""Word- and topic-intrusion tasks for validating a topic model (Chang et al. 2009).

Word intrusion: the top words of a topic plus one intruder (a top word of another
topic that is improbable in this one); if the topic is coherent, coders spot the
intruder. Topic intrusion: a document and the top words of its most probable topics
plus one improbable topic; if the shares make sense, coders spot the intruder.

The model is used through a small duck-typed interface, so any topic model (or plain
tables) works:

- ``model.top_terms(n)`` → DataFrame ``topic``, ``term``, ``rank`` (1 = top); or pass
  that DataFrame itself as ``model``;
- ``model.doc_topics`` (attribute or method) → DataFrame ``doc_id``, ``topic``,
  ``share`` (topic intrusion only); or pass ``doc_topics=`` to
  :func:`topic_intrusion`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["word_intrusion", "topic_intrusion", "score_intrusion"]

#: shares are floored at this value in topic log odds, so a zero share gives a large
#: finite penalty, never infinity
SHARE_FLOOR = 1e-6


def _top_terms(model, n: int) -> pd.DataFrame:
    if isinstance(model, pd.DataFrame):
        tt = model
    elif callable(getattr(model, "top_terms", None)):
        tt = model.top_terms(n)
    else:
        raise TypeError("model must have a top_terms(n) method or be a DataFrame with topic, term, rank")
    missing = [c for c in ("topic", "term", "rank") if c not in tt.columns]
    if missing:
        raise KeyError(f"top terms need column(s) {missing} (has {list(tt.columns)})")
    tt = tt[tt["rank"] <= n].sort_values(["topic", "rank"], kind="stable")
    return tt


def _doc_topics(model, doc_topics) -> pd.DataFrame:
    dt = doc_topics
    if dt is None:
        dt = getattr(model, "doc_topics", None)
        dt = dt() if callable(dt) else dt
    if not isinstance(dt, pd.DataFrame):
        raise TypeError("need document-topic shares: a model with doc_topics or doc_topics=DataFrame "
                        "(doc_id, topic, share)")
    missing = [c for c in ("doc_id", "topic", "share") if c not in dt.columns]
    if missing:
        raise KeyError(f"doc_topics needs column(s) {missing} (has {list(dt.columns)})")
    return dt


def word_intrusion(model, *, n_terms: int = 5, n_exclude: int = 20, random_state: int | None = 0) -> pd.DataFrame:
    """One word-intrusion task per topic: its top words and one intruder, shuffled.

    The intruder is a top-``n_terms`` word of another topic that is not among this
    topic's top ``n_exclude`` words (probable elsewhere, improbable here).

    Parameters
    ----------
    model : topic model or DataFrame
        See the module docstring: ``top_terms(n)`` or its table.
    n_terms : int
        Top words shown per topic (the task has ``n_terms + 1`` options).
    n_exclude : int
        The intruder is not among the topic's top ``n_exclude`` words.
    random_state : int
        Seed for the intruder and the order of the options.

    Returns
    -------
    DataFrame
        ``unit`` (``w0001`` …), ``topic``, ``option_1`` … ``option_<n_terms+1>`` (the
        words coders see), ``intruder`` (the intruder's option number, the key),
        ``intruder_topic``. Write it with ``coding_sheet(tasks, path,
        codes=range(1, n_terms + 2))``.

    Examples
    --------
    >>> top = pd.DataFrame({"topic": [0] * 3 + [1] * 3, "rank": [1, 2, 3] * 2,
    ...                     "term": ["war", "troops", "army", "prices", "stocks", "banks"]})
    >>> tasks = word_intrusion(top, n_terms=2, n_exclude=3)
    >>> tasks.loc[0, [f"option_{i}" for i in (1, 2, 3)]].tolist(), int(tasks.loc[0, "intruder"])
    (['war', 'stocks', 'troops'], 2)
    """
    if n_terms < 2:
        raise ValueError(f"n_terms must be at least 2, not {n_terms}")
    if n_exclude < n_terms:
        raise ValueError(f"n_exclude ({n_exclude}) must be at least n_terms ({n_terms})")
    tt = _top_terms(model, max(n_terms, n_exclude))
    lists = {k: g["term"].astype(str).tolist() for k, g in tt.groupby("topic", sort=True)}
    if len(lists) < 2:
        raise ValueError(f"word intrusion needs at least two topics, found {len(lists)}")
    rng = np.random.default_rng(random_state)
    rows = []
    for i, (k, words) in enumerate(lists.items(), start=1):
        top = words[:n_terms]
        if len(top) < n_terms:
            raise ValueError(f"topic {k} has only {len(top)} top terms; lower n_terms")
        pool = sorted({(w, j) for j, other in lists.items() if j != k for w in other[:n_terms]
                       if w not in words[:n_exclude]})
        if not pool:
            raise ValueError(f"no intruder for topic {k}: every top word of the other topics is among its "
                             f"top {n_exclude}; lower n_exclude")
        word, source = pool[int(rng.integers(len(pool)))]
        options = list(rng.permutation(top))
        pos = int(rng.integers(n_terms + 1))
        options.insert(pos, word)
        rows.append((f"w{i:04d}", k, *options, pos + 1, source))
    cols = ["unit", "topic", *[f"option_{j}" for j in range(1, n_terms + 2)], "intruder", "intruder_topic"]
    out = pd.DataFrame(rows, columns=cols)
    out["unit"] = out["unit"].astype("string")
    return out


def _snippet(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + " …"


def topic_intrusion(model, corpus: pd.DataFrame, *, n_docs: int = 20, n_topics: int = 3, n_terms: int = 8,
                    width: int = 1000, doc_topics: pd.DataFrame | None = None,
                    random_state: int | None = 0) -> pd.DataFrame:
    """Topic-intrusion tasks: a document, its ``n_topics`` most probable topics and one
    improbable topic, each shown as its top words, in random order.

    The intruder is drawn from the less probable half of the document's remaining
    topics.

    Parameters
    ----------
    model : topic model
        See the module docstring: ``top_terms(n)`` and ``doc_topics``.
    corpus : DataFrame
        ``doc_id``, ``text`` (and ``title``, shown first when present).
    n_docs : int
        Documents to draw (documents without shares are skipped).
    n_topics : int
        Probable topics shown per document (the task has ``n_topics + 1`` options).
    n_terms : int
        Top words shown per topic.
    width : int
        Characters of the document shown (cut at a word).
    doc_topics : DataFrame, optional
        ``doc_id``, ``topic``, ``share``, instead of ``model.doc_topics``.
    random_state : int
        Seed for the documents, the intruders and the order of the options.

    Returns
    -------
    DataFrame
        ``unit`` (``t0001`` …), ``doc_id``, ``text``, ``option_1`` … (top words of each
        topic), ``intruder`` (option number, the key), ``topic_1`` …, ``share_1`` …
        (the topic and its share in the document behind each option).

    Examples
    --------
    >>> top = pd.DataFrame({"topic": [0, 0, 1, 1, 2, 2], "rank": [1, 2] * 3,
    ...                     "term": ["war", "troops", "prices", "banks", "rain", "flood"]})
    >>> shares = pd.DataFrame({"doc_id": ["d1"] * 3, "topic": [0, 1, 2], "share": [0.7, 0.25, 0.05]})
    >>> corpus = pd.DataFrame({"doc_id": ["d1"], "text": ["Troops moved in as prices rose."]})
    >>> task = topic_intrusion(top, corpus, n_docs=1, n_topics=2, n_terms=2, doc_topics=shares)
    >>> int(task.loc[0, "topic_" + str(task.loc[0, "intruder"])])
    2
    """
    if n_topics < 1 or n_terms < 1 or n_docs < 1:
        raise ValueError("n_docs, n_topics and n_terms must be at least 1")
    for col in ("doc_id", "text"):
        if col not in corpus.columns:
            raise KeyError(f"corpus needs a {col!r} column")
    tt = _top_terms(model, n_terms)
    words = {k: ", ".join(g["term"].astype(str)) for k, g in tt.groupby("topic", sort=True)}
    dt = _doc_topics(model, doc_topics)
    wide = dt.pivot_table(index=dt["doc_id"].astype(str), columns="topic", values="share", aggfunc="first")
    wide = wide.dropna(how="any")
    topics = np.asarray(wide.columns)
    if len(topics) < n_topics + 1:
        raise ValueError(f"topic intrusion with n_topics={n_topics} needs at least {n_topics + 1} topics, "
                         f"found {len(topics)}")
    missing = sorted(set(topics.tolist()) - set(words))
    if missing:
        raise KeyError(f"no top terms for topic(s) {missing}")
    texts = corpus.assign(doc_id=corpus["doc_id"].astype(str)).drop_duplicates("doc_id").set_index("doc_id")
    ids = sorted(set(wide.index) & set(texts.index))
    if not ids:
        raise ValueError("no document of the corpus has topic shares")
    rng = np.random.default_rng(random_state)
    chosen = rng.choice(ids, size=min(n_docs, len(ids)), replace=False)
    rows = []
    for i, d in enumerate(chosen, start=1):
        s = wide.loc[d].to_numpy(dtype=float)
        order = np.lexsort((np.arange(len(s)), -s))
        top, rest = order[:n_topics], order[n_topics:]
        low = rest[len(rest) // 2:] if len(rest) > 1 else rest   # the less probable half
        intruder = int(low[int(rng.integers(len(low)))])
        shown = list(rng.permutation(top))
        pos = int(rng.integers(n_topics + 1))
        shown.insert(pos, intruder)
        row = texts.loc[d]
        title = row["title"] if "title" in texts.columns and pd.notna(row["title"]) else ""
        text = (f"{title}\n\n" if title else "") + _snippet(row["text"], width)
        rows.append((f"t{i:04d}", d, text, *[words[topics[j]] for j in shown], pos + 1,
                     *[topics[j] for j in shown], *[float(s[j]) for j in shown]))
    k = n_topics + 1
    cols = (["unit", "doc_id", "text", *[f"option_{j}" for j in range(1, k + 1)], "intruder"]
            + [f"topic_{j}" for j in range(1, k + 1)] + [f"share_{j}" for j in range(1, k + 1)])
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"unit": "string", "doc_id": "string"})


def score_intrusion(codes: pd.DataFrame, tasks: pd.DataFrame, *, unit: str = "unit", coder: str = "coder",
                    value: str = "code") -> pd.DataFrame:
    """Score coded intrusion tasks: how often coders found the intruder.

    Word intrusion gives the model precision of each topic (share of coders who
    chose the intruder); topic intrusion also gives the topic log odds of each
    document, the mean over coders of ``log share(intruder) - log share(chosen)``
    (0 when the intruder was chosen; shares floored at :data:`SHARE_FLOOR`), as in
    Chang et al. (2009). Higher precision and log odds nearer 0 are better.

    Parameters
    ----------
    codes : DataFrame
        Long table of codes (:func:`read_coding`): the chosen option number per unit
        and coder; missing codes are left out.
    tasks : DataFrame
        The tasks the sheet was written from (:func:`word_intrusion` or
        :func:`topic_intrusion`).
    unit, coder, value : str
        Columns of ``codes``.

    Returns
    -------
    DataFrame
        ``unit``, ``topic`` (word tasks) or ``doc_id`` (topic tasks), ``n_coders``,
        ``n_correct``, ``precision``, and ``log_odds`` for topic tasks.

    Examples
    --------
    >>> tasks = pd.DataFrame({"unit": ["w1", "w2"], "topic": [0, 1], "intruder": [2, 4]})
    >>> codes = pd.DataFrame({"unit": ["w1", "w1", "w2", "w2"], "coder": ["a", "b"] * 2,
    ...                       "code": ["2", "2", "4", "1"]})
    >>> score_intrusion(codes, tasks)["precision"].tolist()
    [1.0, 0.5]
    """
    for name, col in (("unit", unit), ("coder", coder), ("value", value)):
        if col not in codes.columns:
            raise KeyError(f"{name}: column {col!r} not in codes (columns: {list(codes.columns)})")
    if "unit" not in tasks.columns or "intruder" not in tasks.columns:
        raise KeyError("tasks needs 'unit' and 'intruder' columns (word_intrusion or topic_intrusion output)")
    topic_task = "doc_id" in tasks.columns
    id_col = "doc_id" if topic_task else "topic"
    c = codes[codes[value].notna()]
    chosen = pd.to_numeric(c[value].astype(str).str.strip(), errors="coerce")
    if chosen.isna().any():
        bad = c.loc[chosen.isna(), value].astype(str).unique()[:5].tolist()
        raise ValueError(f"codes must be option numbers; found {bad}")
    c = pd.DataFrame({"unit": c[unit].astype(str).to_numpy(), "chosen": chosen.astype(int).to_numpy()})
    t = tasks.assign(unit=tasks["unit"].astype(str)).set_index("unit")
    unknown = sorted(set(c["unit"]) - set(t.index))
    if unknown:
        raise KeyError(f"codes has unit(s) not in tasks: {unknown[:5]}")
    n_opt = _n_options(tasks)
    if n_opt and ((c["chosen"] < 1) | (c["chosen"] > n_opt)).any():
        bad = c.loc[(c["chosen"] < 1) | (c["chosen"] > n_opt), "unit"].unique()[:5].tolist()
        raise ValueError(f"codes must be option numbers 1..{n_opt}; units {bad} have others")
    rows = []
    for u, row in t.iterrows():
        picks = c.loc[c["unit"] == u, "chosen"].to_numpy()
        n_ok = int((picks == int(row["intruder"])).sum())
        rec = [u, row.get(id_col), len(picks), n_ok, n_ok / len(picks) if len(picks) else np.nan]
        if topic_task:
            share = lambda j: max(float(row[f"share_{j}"]), SHARE_FLOOR)  # noqa: E731
            lo = [np.log(share(int(row["intruder"]))) - np.log(share(p)) for p in picks]
            rec.append(float(np.mean(lo)) if lo else np.nan)
        rows.append(rec)
    cols = ["unit", id_col, "n_coders", "n_correct", "precision"] + (["log_odds"] if topic_task else [])
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"unit": "string", "n_coders": "int64", "n_correct": "int64"})


def _n_options(tasks: pd.DataFrame) -> int:
    return sum(1 for c in tasks.columns if str(c).startswith("option_"))
