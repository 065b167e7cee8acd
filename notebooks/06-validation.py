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
# # 06 — Validation: coding sheets, agreement, precision by pattern, topic intrusion
#
# An automated measure is worth its agreement with careful human reading. This
# notebook walks through the validation loop of `discourse.validate` on the
# **synthetic** demo corpus: draw a stratified sample of lexicon matches, write a
# blinded coding sheet, read the codes back, measure agreement between coders, and
# score the lexicon pattern by pattern. Nobody hand-coded the demo corpus (its text is
# invented), so the codes below are **simulated** from the demo's planted design
# (`discourse.figures.validation.simulate_coding`): they show the workflow and the
# output, never the lexicon's precision on real news. See `docs/validation.md`.

# %%
import tempfile
from pathlib import Path

import pandas as pd

from discourse import corpus, framing, lexicon, plots, study, style, terms, topics, validate
from discourse import demo as demo_module
from discourse.figures.validation import simulate_coding

pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 60)

# %% tags=["parameters"]
demo_path = None  # None: the study's [corpora.demo] in discourse.toml
n_per_pattern = 12
coder_error = 0.1
n_boot = 1000
random_state = 0
sheet_folder = None  # where to write the coding sheets (default: a temporary folder)

# %% [markdown]
# ## A stratified sample of matches
#
# Every match of the loaded-language lexicon with its KWIC context; then up to
# `n_per_pattern` matches of each pattern, so that each pattern's precision can be
# estimated. `sampling_weight` weights a stratum back to its share of all matches.

# %%
demo = corpus.load(demo_path or study.load().corpus_path("demo"), progress=False)
kwic = terms.kwic(demo, terms.find(demo))
drawn = validate.sample(kwic, n=n_per_pattern, by="pattern", random_state=random_state)
drawn[["unit", "sampling_weight", "left", "match", "right", "pattern", "voice"]].head()

# %% [markdown]
# ## A blinded coding sheet
#
# One row per unit in random order, the context locked, one drop-down column per
# coder, an instructions sheet and the codebook. The coders never see the pattern,
# category or voice: the sample table stays with the researcher as the key.

# %%
folder = Path(sheet_folder) if sheet_folder else Path(tempfile.mkdtemp())
codebook = {"yes": "the outlet itself uses the loaded term here",
            "no": "the term is quoted, distanced (scare quotes) or not loaded here"}
sheet = validate.coding_sheet(drawn, folder / "loaded-language.xlsx", codes=codebook, coders=2,
                              random_state=random_state)
sheet.head()

# %% [markdown]
# A blank sheet read back reports every missing code by row; a filled one returns a
# long table (`unit`, `coder`, `code`). Here the simulated codes stand in for it.

# %%
blank = validate.read_coding(folder / "loaded-language.xlsx", errors="report")
blank.attrs["problems"].head(3)

# %%
codes = simulate_coding(drawn, error=coder_error, random_state=random_state)
codes.head()

# %% [markdown]
# ## Agreement between the coders
#
# Krippendorff's alpha (any number of coders, missing values allowed), Cohen's kappa
# and percent agreement, each with a bootstrap interval over units; one at a time
# (`validate.alpha`, `validate.kappa`, `validate.percent_agreement`) or all at once.

# %%
agreement = validate.agreement(codes, n_boot=n_boot, random_state=random_state)
agreement.round(3)

# %% [markdown]
# Per pattern: the agreement can differ between patterns (and cannot be estimated
# where the coders never varied: the `note` says why).

# %%
by_pattern = validate.agreement(codes.merge(drawn[["unit", "pattern"]], on="unit"), by="pattern", n_boot=0)
by_pattern.pivot(index="pattern", columns="statistic", values="estimate").round(2)

# %%
with style.paper("single", aspect=0.7):
    ax = plots.agreement(agreement)

# %% [markdown]
# ## Precision by pattern
#
# Disagreements go to adjudication; `consensus` keeps the codes all coders share
# (here: the first coder's codes stand in for the adjudicated ones). Which patterns
# produce false positives? The `(all)` row is the lexicon's precision over all
# matches, weighted by the sampling weights.

# %%
adjudicated = codes[codes["coder"] == "coder_1"]
coded = drawn.merge(adjudicated[["unit", "code"]], on="unit")
precision = validate.pattern_precision(coded, weight="sampling_weight")
precision.round(3)

# %%
with style.paper("single", aspect=1.1):
    ax = plots.pattern_precision(precision)

# %% [markdown]
# ## Candidate patterns from the coded matches
#
# Words and phrases that mark the text coded "yes" against the rest of the corpus,
# for the researcher to review (never added to the lexicon automatically). The coded
# spans here are the matched terms themselves, so the list mostly finds the lexicon
# again (`in_lexicon`); with coded sentences, quotations or documents it proposes new
# entries.

# %%
validate.candidates(coded, demo, min_count=3, lexicon=lexicon.read()).head(10)

# %% [markdown]
# ## Scoring document labels
#
# The demo generator records the frame it planted in each article, which stands in
# for hand-coded frames here: per-frame precision, recall and F1 of the primary frame
# from the bundled frame dictionary, with micro, macro and weighted averages.

# %%
generated = demo_module.generate(n_articles=120, random_state=random_state)
validate.labels(framing.primary(generated), generated[["doc_id", "frame"]], label="frame").round(3)

# %% [markdown]
# ## Topic intrusion (Chang et al. 2009)
#
# A topic model is validated by asking coders to spot an intruding word among a
# topic's top words, and an intruding topic among a document's top topics. The tasks
# are written as coding sheets; `score_intrusion` scores the coded sheets.

# %%
model = topics.fit(demo, 5, random_state=random_state)
words = validate.word_intrusion(model, n_terms=5, random_state=random_state)
words.drop(columns=["intruder", "intruder_topic"])

# %%
docs = validate.topic_intrusion(model, demo, n_docs=10, n_topics=3, random_state=random_state)
_ = validate.coding_sheet(docs, folder / "topic-intrusion.xlsx", codes=[1, 2, 3, 4], coders=2)
docs[["unit", "doc_id", "option_1", "option_2", "option_3", "option_4"]].head(3)
