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
# # 05 — Framing: frames, actors and their labels, sources, effects of covariates
#
# Which aspects of an event does an outlet make salient, how does it name the actors,
# and whom does it let speak? This notebook runs the framing tools on the seed
# article (one WSWS report on US airstrikes in Afghanistan) and then on the
# **synthetic** demo corpus (invented outlets with planted differences; never
# findings). Every step is a library call from `discourse.framing` and
# `discourse.effects`.

# %%
import pandas as pd

from discourse import corpus, effects, framing, plots, study, style, text

pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 60)

# %% tags=["parameters"]
seed_path = None  # None: the study's [corpora.seed] in discourse.toml
demo_path = None  # None: its [corpora.demo]
lexicon = "generic"
n_boot = 1000
random_state = 0

# %% [markdown]
# ## Frame scores on the seed
#
# `score` counts the indicator words of each frame (the bundled generic news frames
# of Semetko & Valkenburg 2000 by default; `lexicon="policy"` for the Policy Frames
# Codebook) and returns counts, shares and presence per document. The corpus is
# annotated once (sentences, tokens, quotations and voice); every framing function
# below reads the same annotations.

# %%
seed = corpus.load(seed_path or study.load().corpus_path("seed"), progress=False)
seed_ann = text.annotate(seed)
generic = framing.score(seed_ann, lexicon=lexicon)
generic

# %%
policy = framing.score(seed_ann, lexicon="policy")
framing.primary(policy)

# %% [markdown]
# Only the outlet's own words (quotations left out):

# %%
framing.score(seed_ann, lexicon=lexicon, voice="authorial")

# %% [markdown]
# The same at sentence level: which sentences carry the conflict frame?

# %%
by_sentence = framing.score(seed_ann, level="sentence")
by_sentence[by_sentence["present"]].groupby("frame")["sent_id"].apply(list)

# %% [markdown]
# ## How the actors are named
#
# Each mention of an actor with the modifiers, appositives and predicate labels
# attached to it, its voice (the outlet's own or quoted) and the sentence sentiment.

# %%
actors = study.load().params["seed_actors"]  # discourse.toml [parameters.seed_actors]
labels = framing.actor_labels(seed_ann, actors)
labels.dropna(subset=["label"])[["actor", "mention", "label", "label_type", "voice", "compound"]]

# %% [markdown]
# ## Who speaks
#
# Speakers with the affiliation the text gives them, the number of quotations and
# words, and the reporting verbs grouped into neutral, distancing and endorsing (by
# outlet; `by="doc_id"` per article).

# %%
framing.sources(seed_ann)

# %% [markdown]
# ## Across outlets (synthetic demo corpus)
#
# Mean frame share per outlet with bootstrap intervals over documents.

# %%
demo = corpus.load(demo_path or study.load().corpus_path("demo"), progress=False)
scores = framing.score(demo, lexicon=lexicon)
profile = framing.aggregate(demo, scores, by="outlet", n_boot=n_boot, random_state=random_state)
profile.pivot(index="outlet", columns="frame", values="estimate").round(3)

# %%
with style.paper("double", aspect=0.45):
    ax = plots.frame_profile(profile)

# %% [markdown]
# How each outlet labels the (fictional) government in its own voice (quotations and
# scare quotes left out).

# %%
who = study.load().params_of("actor-labels-by-outlet")  # its actors and the actor drawn
demo_labels = framing.actor_labels(demo, who["actors"])
summary = framing.label_summary(demo, demo_labels, by="outlet", label_type="modifier", voice="authorial", top=5)
summary

# %%
with style.paper("double", aspect=0.45):
    ax = plots.actor_labels(summary, actor=who["actor"])

# %% [markdown]
# ## Effects of covariates
#
# Per-document frame shares regressed on outlet and period (OLS with HC3 robust
# standard errors, one model per frame); the coefficients are differences from the
# baseline outlet (the first in sorted order unless `baseline=` names another; the
# result states it). The period is the month for a corpus of up to two years and the
# year for a longer one: over many years most months hold too few articles, and
# `effects.estimate` refuses a design it cannot estimate rather than return infinite
# intervals. Undated articles are left out of a model with a period, counted in
# `est.attrs["dropped"]` and warned about.

# %%
dated_years = demo["published"].dropna().dt.year
period = "month" if dated_years.max() - dated_years.min() < 2 else "year"
est = effects.estimate(scores, demo, f"share ~ outlet + {period}")
differences = effects.differences(est, variable="outlet")
print("baseline:", est.attrs["baseline"], "| left out:", est.attrs["dropped"])
differences[["frame", "level", "baseline", "estimate", "ci_low", "ci_high", "p_value"]].round(3)

# %%
with style.paper("double", aspect=0.5):
    ax = plots.effects(differences)

# %% [markdown]
# ## A supervised frame classifier
#
# When a sample is hand-coded, `FrameClassifier` learns the frames and reports
# cross-validated precision, recall and F1 per frame. Here the demo corpus's
# planted frame labels stand in for hand codes.

# %%
from discourse import demo as demo_module  # noqa: E402

coded = demo_module.generate(n_articles=120, random_state=random_state)
clf = framing.FrameClassifier()
clf.cross_validate(coded["text"], [[f] for f in coded["frame"]], cv=5, random_state=random_state)
