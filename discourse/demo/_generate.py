"""Assemble the SYNTHETIC demo articles from the templates in ``_vocabulary.py``
with a seeded Generator, and write them as files (see :mod:`discourse.demo`)."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from discourse.demo._vocabulary import (_DAYS, _FRAME_SENTENCES, _MONTHS, _PARTIAL, _PEOPLE, _PLACES, _QUOTES,
                                        _SCARE_LOADED, _SCARE_OFFICIAL, _SLOTS, _TITLES, _TOPIC_SENTENCES,
                                        _VERBS, FRAMES, OUTLETS, TOPICS)

__all__ = ["generate", "write"]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48]


class _Writer:
    """Draw sentences for one article from a seeded Generator."""

    def __init__(self, rng: np.random.Generator, style: dict, month: str):
        self.rng = rng
        self.style = style
        self.month = month
        self._pools: dict[int, list] = {}

    def pick(self, seq):
        return seq[int(self.rng.integers(len(seq)))]

    def draw(self, seq):
        """Like :meth:`pick`, but without repeats until ``seq`` is used up."""
        pool = self._pools.get(id(seq))
        if not pool:
            pool = [seq[i] for i in self.rng.permutation(len(seq))]
            self._pools[id(seq)] = pool
        return pool.pop()

    def fill(self, template: str) -> str:
        def slot(m):
            key = m.group(1)
            if key in _SLOTS:
                neutral, loaded = _SLOTS[key]
                r = self.rng.random()
                if r < self.style["authorial"]:
                    return self.pick(loaded)
                if r < self.style["authorial"] + self.style["scare"] * 0.3:
                    return '"' + self.pick(loaded) + '"'
                return self.pick(neutral)
            if key == "place":
                return self.pick(_PLACES)
            if key == "day":
                return self.pick(_DAYS)
            if key == "month":
                return self.month
            if key == "pct":
                return f"{self.rng.integers(2, 15)}.{self.rng.integers(0, 10)}"
            if key == "num":
                return str(int(self.rng.integers(12, 900)))
            raise KeyError(key)

        return re.sub(r"\{(\w+)\}", slot, template)

    def quote(self) -> str:
        name, role = self.pick(_PEOPLE)
        kind = self.rng.random()
        loaded = self.rng.random() < self.style["quoted"]
        if kind < 0.65:  # direct
            text = self.pick(_QUOTES["loaded" if loaded else "neutral"])
            verb = self.pick(_VERBS)
            if self.rng.random() < 0.5:
                return f'"{text}," {name} {verb}.'
            return f'"{text}," {verb} {name}, {role}.'
        if kind < 0.9:  # partial
            phrase = self.pick(_PARTIAL["loaded" if loaded else "neutral"])
            lead = self.pick(["called the plan", "described the decision as", "called the move"])
            return f'{name}, {role}, {lead} "{phrase}."'
        official = self.pick(_SCARE_OFFICIAL)
        return f'The {self.fill("{gov}")} defended its "{official}" once again.'

    def scare(self) -> str:
        phrase = self.pick(_SCARE_LOADED)
        official = self.pick(_SCARE_OFFICIAL)
        return self.pick([
            f"Opponents rallied behind {phrase}, which the {self.pick(_SLOTS['gov'][0])} rejects.",
            f"Much of the debate turned on {phrase}, a phrase the ministry calls unfair.",
            f'The {self.pick(_SLOTS["gov"][0])} presented the measures as "{official}."',
        ])


def _article(rng: np.random.Generator, outlet: str, published: pd.Timestamp,
             topic: str, frame: str) -> tuple[str, str, str]:
    style = OUTLETS[outlet]
    w = _Writer(rng, style, _MONTHS[published.month - 1])
    title = w.fill(w.pick(_TITLES[topic]))
    author = w.pick(style["authors"])
    n_paras = int(rng.integers(5, 9))
    topic_pool = list(_TOPIC_SENTENCES[topic])
    paras = []
    for i in range(n_paras):
        sents = []
        n_sent = int(rng.integers(2, 4))
        for _ in range(n_sent):
            r = rng.random()
            if i == 0 or r < 0.45:
                sents.append(w.fill(w.draw(topic_pool)))
            elif r < 0.8:
                sents.append(w.fill(w.draw(_FRAME_SENTENCES[frame])))
            else:
                other = FRAMES[int(rng.integers(len(FRAMES)))]
                sents.append(w.fill(w.draw(_FRAME_SENTENCES[other])))
        if i > 0 and rng.random() < style["quotes"] / 1.5:
            sents.insert(int(rng.integers(len(sents) + 1)), w.quote())
        if i > 0 and rng.random() < style["scare"] * 0.5:
            sents.append(w.scare())
        paras.append(" ".join(sents))
    return title, author, "\n\n".join(paras)


def _topic_weights(base: list[float], month: int) -> np.ndarray:
    p = np.array(base, dtype=float)
    if month in (6, 7, 8):      # fictional border offensive: war coverage surges
        p[0] *= 3.0
    if month in (1, 2):         # fictional flu season
        p[3] *= 2.5
    return p / p.sum()


def generate(n_articles: int = 200, *, year: int = 2024, random_state: int = 0) -> pd.DataFrame:
    """Generate the SYNTHETIC demo corpus as a corpus table.

    Parameters
    ----------
    n_articles : int, default 200
        Number of articles, spread evenly over the four fictional outlets.
    year : int, default 2024
        Calendar year the fictional articles are dated in (spread over 12 months).
    random_state : int, default 0
        Seed; the same value always gives the same corpus.

    Returns
    -------
    DataFrame
        The corpus columns (``doc_id``, ``outlet``, ``title``, ``author``,
        ``published``, ``url``, ``text``, ``source``, ``duplicate_of``) plus the
        planted labels ``topic`` and ``frame`` and ``synthetic`` (always True).
        ``source`` is the relative file path :func:`write` uses; ``doc_id`` is
        the id :func:`discourse.corpus.load` gives the written file
        (:func:`discourse.corpus.doc_id` of the text and the file name). Rows are sorted by ``outlet`` and
        ``published``. See the module docstring for the planted differences.

    Examples
    --------
    >>> from discourse import demo
    >>> df = demo.generate(8, random_state=1)
    >>> sorted(df["outlet"].unique())
    ['Civic Ledger', 'Lowland Courier', 'Northgate Herald', 'Red Banner Review']
    >>> bool(df["synthetic"].all())
    True
    """
    if int(n_articles) < 1:
        raise ValueError(f"n_articles must be at least 1, got {n_articles!r}")
    rng = np.random.default_rng(random_state)
    outlets = list(OUTLETS)
    start = pd.Timestamp(year=year, month=1, day=1)
    n_days = (pd.Timestamp(year=year + 1, month=1, day=1) - start).days
    rows = []
    for i in range(int(n_articles)):
        outlet = outlets[i % len(outlets)]
        style = OUTLETS[outlet]
        published = start + pd.Timedelta(days=int(rng.integers(n_days)))
        topic = TOPICS[int(rng.choice(len(TOPICS), p=_topic_weights(style["topics"], published.month)))]
        frame = FRAMES[int(rng.choice(len(FRAMES), p=np.array(style["frames"]) / sum(style["frames"])))]
        title, author, text = _article(rng, outlet, published, topic, frame)
        rows.append(dict(outlet=outlet, title=title, author=author, published=published,
                         text=text, topic=topic, frame=frame))
    df = pd.DataFrame(rows)
    df = df.sort_values(["outlet", "published", "title"], kind="stable").reset_index(drop=True)
    df["seq"] = df.groupby("outlet").cumcount()
    df["source"] = [
        f"{OUTLETS[o]['slug']}/{p:%Y-%m-%d}-{n:03d}-{_slug(t)}.txt"
        for o, p, n, t in zip(df["outlet"], df["published"], df["seq"], df["title"])
    ]
    from discourse.corpus import doc_id

    # the id corpus.load gives the written file, so planted labels join a loaded copy
    df["doc_id"] = [doc_id(t, Path(s).name) for s, t in zip(df["source"], df["text"])]
    df["url"] = pd.NA
    df["duplicate_of"] = pd.NA
    df["synthetic"] = True
    df["published"] = df["published"].astype("datetime64[ns]")
    cols = ["doc_id", "outlet", "title", "author", "published", "url", "text", "source",
            "duplicate_of", "topic", "frame", "synthetic"]
    return df[cols]


def _article_file(row) -> str:
    date = f"{row.published.day} {row.published:%B %Y}"
    return f"# {row.title}\n\n{row.author}  \n{date}\n\n{row.text}\n"


_README = """# Demo corpus — SYNTHETIC, NOT REAL NEWS

Every article in this folder was generated by `discourse.demo` from sentence
templates with a seeded random generator (`random_state={random_state}`,
`n_articles={n_articles}`, `year={year}`). The outlets, people, places and events are
invented. Use it to try the methods and to build the example figures; never cite
results on it as findings about real media.

One folder per fictional outlet; each has a `corpus.toml` (outlet, language, licence,
description) that `discourse.corpus.load` applies to its articles. Articles use the
seed's Markdown format (`# Title`, byline, date line, paragraphs separated by blank
lines).

The planted differences (loaded terms in the authorial voice at *Red Banner Review*,
in quotations at *Northgate Herald*, in scare quotes at *Civic Ledger*; topics and
frames by outlet; a war-coverage surge in June–August and a health peak in
January–February) are documented in the docstrings of the `discourse.demo` package (`discourse/demo/`).

Regenerate (byte-identical) with:

    python -m discourse.demo corpora/demo
"""


def write(path: str | Path = "corpora/demo", *, n_articles: int = 200, year: int = 2024,
          random_state: int = 0) -> pd.DataFrame:
    """Write the SYNTHETIC demo corpus as article files, one folder per outlet.

    Each outlet folder gets a ``corpus.toml`` (``outlet``, ``language``, ``licence``,
    ``description``) and one ``.txt`` article per row in the seed's Markdown format;
    ``path`` gets a ``README.md`` saying the corpus is synthetic. Article files
    already in the outlet folders that the generator would not write are removed,
    so the folder always matches the generator exactly.

    Parameters
    ----------
    path : str or Path, default "corpora/demo"
        Output folder (created if needed).
    n_articles, year, random_state
        Passed to :func:`generate`.

    Returns
    -------
    DataFrame
        The generated corpus (as :func:`generate`), ``source`` relative to ``path``.

    Examples
    --------
    >>> import tempfile
    >>> from discourse import demo
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     df = demo.write(tmp, n_articles=4)
    ...     len(df)
    4
    """
    root = Path(path)
    df = generate(n_articles, year=year, random_state=random_state)
    root.mkdir(parents=True, exist_ok=True)
    (root / "README.md").write_text(
        _README.format(random_state=random_state, n_articles=n_articles, year=year),
        encoding="utf-8", newline="\n")
    for outlet, style in OUTLETS.items():
        folder = root / style["slug"]
        folder.mkdir(exist_ok=True)
        wanted = {Path(s).name for s in df.loc[df["outlet"] == outlet, "source"]}
        for old in folder.glob("*.txt"):
            if old.name not in wanted:
                old.unlink()
        toml = (
            f'outlet = "{outlet}"\n'
            'language = "en"\n'
            'licence = "CC0-1.0 (synthetic text generated by discourse.demo)"\n'
            f'description = "SYNTHETIC demo corpus, not real news. {style["description"]}"\n'
        )
        (folder / "corpus.toml").write_text(toml, encoding="utf-8", newline="\n")
    for row in df.itertuples(index=False):
        (root / row.source).write_text(_article_file(row), encoding="utf-8", newline="\n")
    return df
