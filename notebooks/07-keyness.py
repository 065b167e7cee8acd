# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 07 — Keyness: which words distinguish one outlet from another
#
# Which words does each outlet use more than the others, in its own voice? How does a
# word's rate move month by month? Which label does each outlet pick for the same
# referent, and what surrounds a target word? All with intervals from resampling
# **documents** (words cluster in articles). Formulas and references: `docs/keyness.md`.
#
# The default corpus is the **synthetic** demo corpus (invented outlets and events;
# never findings). Point `corpus_path` at a real multi-outlet corpus (for example an
# export with `outlet` and `published` columns) to run the same cells on it.

# %%
import pandas as pd

from discourse import corpus, keyness, plots, study, style, text

pd.set_option("display.width", 160)

# %% tags=["parameters"]
corpus_path = None  # None: the study's [corpora.demo] in discourse.toml
voice = "authorial"  # the outlet's own words; None = all voices
n_boot = 200
random_state = 0
period = "Q"
term = "regime"
referents = None  # None: the study's [parameters.referents]
target = "regime"

# %% [markdown]
# ## Load and annotate once
# Every analysis below reads the same annotations: sentences, quotations and the voice
# of every word are computed once.

# %%
df = corpus.load(corpus_path or study.load().corpus_path("demo"))
referents = referents or study.load().params["referents"]
ann = text.annotate(df)
df.groupby("outlet").size()

# %% [markdown]
# ## Keyness: each outlet against the rest
# Weighted log odds with an informative Dirichlet prior (Monroe, Colaresi and Quinn
# 2008), G2 and the log ratio; Benjamini-Hochberg adjusted p-values; bootstrap
# intervals over documents for the log odds.

# %%
k = keyness.score(ann, voice=voice, min_df=5, n_boot=n_boot, random_state=random_state)
k.groupby("group").head(5)[["group", "term", "n", "n_reference", "rate", "rate_reference", "log_ratio",
                            "log_odds", "ci_low", "ci_high", "p_adjusted"]]

# %%
with style.paper("double", aspect=0.5):
    plots.keyness(k, top=6)

# %% [markdown]
# ## Every pair, and a reference frequency table
# `reference="each"` compares every outlet with every other one; a table of `term`, `n`
# (counts from any general corpus) can serve as the reference too.

# %%
pairs = keyness.score(ann, voice=voice, reference="each", min_df=5, method="g2")
pairs.groupby(["group", "reference"]).head(1)[["group", "reference", "term", "g2", "log_ratio", "p_adjusted"]]

# %% [markdown]
# ## Term trajectories over time

# %%
traj = keyness.rates(ann, term, period=period, voice=voice, n_boot=n_boot, random_state=random_state)
with style.paper("double", aspect=0.4):
    plots.term_trajectories(traj)
traj.head(8)

# %% [markdown]
# Keyness itself per period: each outlet against the rest within the same period.

# %%
by_period = keyness.score(ann, period=period, voice=voice, min_df=5)
by_period[by_period["term"] == term][["group", "period", "n", "n_reference", "log_odds", "z", "p_adjusted"]]

# %% [markdown]
# ## Label choice for the same referent
# Each label's share of all mentions of the referent, with the voice of the mentions.

# %%
labels = keyness.label_choice(ann, referents, n_boot=n_boot, random_state=random_state)
with style.paper("single", aspect=0.9):
    plots.label_shares(labels, by="outlet")
labels

# %% [markdown]
# ## What surrounds the target word

# %%
coll = keyness.collocations(ann, target, window=5, by="outlet", min_count=3)
coll.groupby("outlet").head(5)
