"""A seeded generator for a clearly labelled SYNTHETIC demo corpus.

Nothing in this corpus is real news. The outlets, places, people and events are
invented; every article is assembled from sentence templates by a seeded random
generator. The corpus exists so that corpus-level methods (rates by outlet, trends
over time, topic models, frame scores) and their figures can be run and tested
before a user adds real corpora. Never present results on it as findings.

The bundled copy lives in ``corpora/demo/`` (one folder per outlet, each with a
``corpus.toml``) and is regenerated with::

    python -m discourse.demo corpora/demo

Planted differences
-------------------
The generator plants known differences, so that methods can be checked to recover
them. Four fictional outlets report on the fictional Republic of Valdoria in 2024:

``Red Banner Review`` (partisan)
    Uses loaded terms in its own (authorial) voice: "regime", "puppet government",
    "imperialism", "militarism", "debacle", "criminal", "slaughter",
    "collateral damage". Mostly *war* coverage; the *conflict*, *responsibility* and
    *morality* frames dominate; negative tone.
``Northgate Herald`` (mainstream)
    Neutral referents in its own voice ("government", "civilian casualties",
    "setback"); loaded terms appear almost only **inside direct quotations** of
    officials and opposition figures (voice ``quoted``). Mostly *economy* and
    *elections*; the *economic consequences* frame dominates.
``Lowland Courier`` (human interest)
    Few loaded terms; stories about families, patients and neighbours. Mostly
    *health* and *climate*; the *human interest* frame dominates; the most direct
    and partial quotations of ordinary people.
``Civic Ledger`` (sceptical)
    Distances itself from loaded terms with **scare quotes** ("the so-called
    "regime"", "what critics call "imperialism"") and from official language
    ("the "reforms"", "the "peace process""). Mix of *elections*, *economy* and
    *war*; the *responsibility* frame is common.

Over time, every outlet's share of *war* articles rises sharply in June to August
2024 (a fictional border offensive) and falls back afterwards, and *health*
coverage peaks in January to February (a fictional flu season).

Each article is about one topic (``war``, ``economy``, ``elections``, ``health``,
``climate``) and has one dominant frame (``conflict``, ``economic``,
``human_interest``, ``responsibility``, ``morality``), recorded in the ``topic`` and
``frame`` columns of :func:`generate` (these labels are not written to the article
files). Frame words follow the generic news frames of Semetko & Valkenburg (2000).
Quotations use three forms: direct quotes (``"...," X said.``), partial quotes
(``X called the plan "a reckless gamble."``) and scare quotes (``the so-called
"reforms"``).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["OUTLETS", "TOPICS", "FRAMES", "generate", "write"]

TOPICS = ["war", "economy", "elections", "health", "climate"]
FRAMES = ["conflict", "economic", "human_interest", "responsibility", "morality"]

#: outlet -> style: folder slug, topic weights, frame weights, loaded-term habits
OUTLETS: dict[str, dict] = {
    "Red Banner Review": {
        "slug": "red-banner-review",
        "description": "Fictional partisan weekly; uses loaded terms in its own voice.",
        "topics": [0.55, 0.15, 0.15, 0.05, 0.10],
        "frames": [0.35, 0.05, 0.05, 0.30, 0.25],
        "authorial": 0.85,   # chance a referent slot gets the loaded variant
        "quoted": 0.3,       # chance a quote is a loaded one
        "scare": 0.05,
        "quotes": 0.9,       # quotes per body paragraph (expected)
        "authors": ["Ivo Marrick", "Selma Dunaway", "Piet Korvald"],
    },
    "Northgate Herald": {
        "slug": "northgate-herald",
        "description": "Fictional mainstream daily; loaded terms mostly inside quotations.",
        "topics": [0.20, 0.35, 0.30, 0.08, 0.07],
        "frames": [0.20, 0.50, 0.10, 0.15, 0.05],
        "authorial": 0.02,
        "quoted": 0.7,
        "scare": 0.05,
        "quotes": 1.2,
        "authors": ["Hanna Ostrell", "Dario Venn", "Maud Lisker", "Tobin Arle"],
    },
    "Lowland Courier": {
        "slug": "lowland-courier",
        "description": "Fictional regional paper; human-interest stories on health and climate.",
        "topics": [0.10, 0.10, 0.05, 0.40, 0.35],
        "frames": [0.08, 0.12, 0.60, 0.12, 0.08],
        "authorial": 0.05,
        "quoted": 0.15,
        "scare": 0.02,
        "quotes": 1.5,
        "authors": ["Wren Halloway", "Jasper Quill"],
    },
    "Civic Ledger": {
        "slug": "civic-ledger",
        "description": "Fictional sceptical monthly; distances itself from loaded terms with scare quotes.",
        "topics": [0.30, 0.25, 0.30, 0.08, 0.07],
        "frames": [0.20, 0.20, 0.10, 0.40, 0.10],
        "authorial": 0.03,
        "quoted": 0.3,
        "scare": 0.7,
        "quotes": 1.0,
        "authors": ["Odile Farrant", "Kasimir Bent", "Nell Aubrey"],
    },
}

# Referent slots: (neutral variants, loaded variants). The loaded variants are
# entries of the loaded-language lexicon.
_SLOTS: dict[str, tuple[list[str], list[str]]] = {
    "gov": (["government", "administration", "cabinet"], ["regime", "puppet government"]),
    "policy": (["foreign policy", "defence policy", "security policy"], ["imperialism", "militarism"]),
    "outcome": (["setback", "difficult year", "costly episode"], ["debacle", "fiasco"]),
    "deaths": (["civilian casualties", "loss of life", "deaths of civilians"],
               ["slaughter", "collateral damage", "massacre"]),
    "act": (["disputed", "controversial", "contested"], ["criminal", "illegal"]),
}

_PLACES = ["Valdoria", "the Ostmark border", "Port Selwyn", "Carrow", "the Varne valley",
           "Duneholt", "Lake Imber", "the Kestrel hills"]
_PEOPLE = [
    ("Talia Verne", "the defence minister"), ("Oren Castell", "a government spokesperson"),
    ("Mira Solano", "the opposition leader"), ("Bastian Hale", "a senior economist at the Valdoria Institute"),
    ("Ines Marlow", "the health commissioner"), ("Rurik Aldane", "a retired general"),
    ("Lena Fisk", "a nurse in Carrow"), ("Emil Tarrow", "a farmer near Duneholt"),
    ("Sana Oduya", "a climate researcher at Port Selwyn University"), ("Felix Brandt", "the finance minister"),
    ("Yara Lind", "a teacher in Duneholt"), ("Council Chair Aurel Voss", "the head of the electoral council"),
]
_VERBS = ["said", "said", "said", "told reporters", "added", "warned", "argued", "insisted"]

_TITLES = {
    "war": ["Fighting flares near {place}", "Airstrikes reported around {place}",
            "Troops move toward {place} as talks stall", "Border offensive reaches {place}"],
    "economy": ["Prices climb again in {place}", "Budget plan divides Valdoria's cabinet",
                "Factory closures hit {place}", "Valdoria's currency slides as debt grows"],
    "elections": ["Campaign enters final weeks in {place}", "Opposition rally fills {place}",
                  "Electoral council disputes turnout figures", "Coalition talks drag on in Valdoria"],
    "health": ["Flu wave fills hospitals in {place}", "Clinics in {place} run short of staff",
               "Vaccination drive reaches {place}", "Waiting lists grow at {place} hospital"],
    "climate": ["Floods cut off {place}", "Drought threatens harvest near {place}",
                "Heatwave strains power grid in {place}", "New dam plan splits {place}"],
}

_TOPIC_SENTENCES = {
    "war": [
        "Troops of the {gov} advanced on {place} on {day}, backed by artillery and drones.",
        "Airstrikes hit positions near {place}, and the {gov} said the operation would continue.",
        "The offensive is the largest since the ceasefire collapsed, and it follows years of {policy}.",
        "Reports from {place} describe {deaths} after shelling of residential streets.",
        "The {gov} has deployed two more brigades to the front and ordered new drones from abroad.",
        "Military analysts said the campaign had turned into a {outcome} for the army.",
        "The {act} bombing of a bridge near {place} cut the only supply road to the valley.",
    ],
    "economy": [
        "Inflation rose to {pct} percent in {month}, the highest rate in a decade.",
        "The {gov} unveiled a budget that cuts subsidies and raises fuel taxes.",
        "Unemployment in {place} has climbed as two factories closed this year.",
        "The central bank raised interest rates again, citing the weak currency.",
        "Critics called the budget a {outcome}, while business groups welcomed the tax cuts.",
        "Spending on the army now takes a larger share of the budget, a shift critics link to {policy}.",
        "The {act} sale of the state port company to a foreign investor drew protests in {place}.",
    ],
    "elections": [
        "Voters in {place} go to the polls in {month}, with the governing party trailing.",
        "The {gov} has postponed the publication of turnout figures for a second time.",
        "The opposition accuses the {gov} of using state media to campaign.",
        "Polls show a close race, with many voters undecided in {place}.",
        "Observers described the count in {place} as a {outcome} for the electoral council.",
        "The {act} arrest of two opposition candidates overshadowed the campaign.",
    ],
    "health": [
        "Hospitals in {place} reported {num} new admissions with influenza this week.",
        "The health commission has opened three temporary clinics in {place}.",
        "Nurses say wards are overcrowded and staff are exhausted.",
        "The {gov} promised more money for rural clinics but has not said when.",
        "Vaccination rates in {place} remain below the national target.",
        "Waiting times for surgery have doubled since last year.",
    ],
    "climate": [
        "Heavy rain flooded parts of {place}, and {num} homes were evacuated.",
        "The drought has cut the harvest near {place} by a third, farmers say.",
        "Temperatures passed 40 degrees in {place} for the fifth day running.",
        "The {gov} approved a new dam on the Varne river despite local objections.",
        "Scientists warn that floods of this size will become more common.",
        "The power grid failed twice during the heatwave, leaving {place} without electricity.",
    ],
}

_FRAME_SENTENCES = {
    "conflict": [
        "The dispute has pitted the {gov} against the opposition and its allies.",
        "Rival factions clashed in parliament, trading accusations over the crisis.",
        "The confrontation shows no sign of ending, and both sides refuse to compromise.",
        "Opponents vowed to fight the decision in court and on the streets.",
    ],
    "economic": [
        "The cost of the crisis is estimated at {num} million crowns, or {pct} percent of output.",
        "Businesses warn that jobs and investment will be lost if prices keep rising.",
        "The budget deficit will widen, and taxpayers will bear the cost for years.",
        "Exports fell sharply, and the loss in revenue hit the region's economy.",
    ],
    "human_interest": [
        "For families in {place}, the crisis is personal: parents worry about their children's future.",
        "One mother described how her family lost their home and now sleeps at a school.",
        "Neighbours have organised meals for elderly residents who live alone.",
        "Many people here tell the same story of fear, grief and hope.",
    ],
    "responsibility": [
        "Questions remain about who is responsible for the failure and who will be held accountable.",
        "An inquiry has been demanded to establish who is to blame.",
        "Officials were warned months ago but failed to act, documents show.",
        "The {gov} denies responsibility and blames its predecessors.",
    ],
    "morality": [
        "Church leaders called it a moral duty to protect the weak.",
        "Critics say the decision betrays the values the country claims to uphold.",
        "It is a question of right and wrong, not of political advantage.",
        "Religious groups condemned the policy as shameful and unjust.",
    ],
}

_QUOTES = {
    "neutral": [
        "We are doing everything we can to keep people safe",
        "The situation is difficult, but it is under control",
        "We need a serious plan and we need it now",
        "Nobody here has seen anything like this before",
        "The figures will be published when they have been checked",
        "People are tired and they want answers",
        "This is a test for the whole country",
        "We will not accept any delay",
    ],
    "loaded": [
        "This regime has lost every shred of legitimacy",
        "What we are seeing is the slaughter of innocent people",
        "Nobody should call the deaths of children collateral damage",
        "This is a criminal war and it must stop",
        "The puppet government answers to foreign masters, not to us",
        "Their militarism is bankrupting the country",
        "The whole campaign has been a debacle from the first day",
        "This is imperialism, plain and simple",
    ],
}
_PARTIAL = {
    "neutral": ["a necessary step", "long overdue", "a reckless gamble", "deeply worrying",
                "the right decision", "a warning sign", "too little, too late"],
    "loaded": ["a criminal act", "a slaughter", "the behaviour of a regime", "a debacle",
               "naked imperialism"],
}
_SCARE_OFFICIAL = ["reforms", "peace process", "stabilisation", "security measures", "consultation"]
_SCARE_LOADED = [
    "the so-called \"regime\"", "what critics call \"imperialism\"", "talk of \"militarism\"",
    "the \"puppet government\" label", "the word \"debacle\"", "so-called \"collateral damage\"",
]

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


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
January–February) are documented in the docstring of `discourse/demo.py`.

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


if __name__ == "__main__":  # pragma: no cover
    out = sys.argv[1] if len(sys.argv) > 1 else "corpora/demo"
    frame = write(out)
    print(f"wrote {len(frame)} synthetic articles to {out}")
