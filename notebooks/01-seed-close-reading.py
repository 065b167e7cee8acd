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
# # 01 — A close reading of the seed article
#
# The seed is one report (WSWS, 23 July 2021) on US airstrikes in Afghanistan. Before
# counting anything across a corpus, look at how one article is built: its
# metadata, its paragraphs and sentences, and where quotations sit. Every step is a
# library call; the figure shown at the end is the registered figure
# `seed-structure`, exactly as `discourse figures` builds it into `figures/`.

# %%
import pandas as pd

from discourse import corpus, figures, plots, quotes, study, style, text

# %% tags=["parameters"]
corpus_path = None  # None: the study's [corpora.seed] in discourse.toml
random_state = 0

# %% [markdown]
# ## The article table
#
# One row per article, with the shared columns (`doc_id`, `outlet`, `title`,
# `author`, `published`, `url`, `text`, `source`, `duplicate_of`).

# %%
seed = corpus.load(corpus_path or study.load().corpus_path("seed"), progress=False)
seed[["doc_id", "outlet", "title", "author", "published", "source"]]

# %% [markdown]
# What the loader did not turn into a row (if anything) is in the load report.

# %%
seed.attrs["load_report"]

# %% [markdown]
# ## Paragraphs and sentences
#
# Paragraph and sentence offsets index into `text`; lengths are in words by the
# package's word rule (`discourse.text.count_words`).

# %%
paragraphs = text.paragraphs(seed)
paragraphs.assign(words=text.count_words(paragraphs["text"]))[["doc_id", "para_id", "start", "end", "words"]]

# %%
sentences = text.sentences(seed)
sentences.groupby("para_id").size().rename("sentences").to_frame().T

# %% [markdown]
# ## Who is quoted, and how
#
# Quotations with speaker, reporting verb and kind: `direct` ("…," X said),
# `partial` (a quoted fragment inside the reporter's sentence) and `scare` quotes
# (distance-marking quotes around a word or phrase, no speaker).

# %%
seed_quotes = quotes.find(seed)
seed_quotes[["start", "end", "kind", "speaker", "verb", "quote"]]

# %%
seed_quotes["kind"].value_counts().rename("quotes").to_frame()

# %% [markdown]
# ## The article's structure
#
# Paragraph lengths in reading order, with the quotations drawn where they sit.
# This is the registered figure `seed-structure`.

# %%
figures.render("seed-structure", corpus=seed)

# %% [markdown]
# The same plot function can be used directly in the paper style, here with the
# double-column width:

# %%
with style.paper("double", aspect=0.5):
    ax = plots.article_map(paragraphs, seed_quotes)
ax.figure

# %% [markdown]
# ## All registered figures
#
# `discourse figures` builds every figure listed here into `figures/`, and
# `discourse figures --check` shows they are current.

# %%
figures.list_figures()[["name", "corpus", "description"]]
