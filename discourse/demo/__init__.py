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

from discourse.demo._generate import generate, write
from discourse.demo._vocabulary import FRAMES, OUTLETS, TOPICS

__all__ = ["OUTLETS", "TOPICS", "FRAMES", "generate", "write"]
