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
# # 02 — Loaded terms, and in whose voice
#
# Which loaded terms does an outlet use, where, and in whose voice? "Puppet
# government" in the outlet's own narration is a different finding from the same
# words inside a quotation, and "over the horizon capabilities" in scare quotes is the
# outlet holding the Pentagon's phrase at a distance.
#
# This notebook reads the bundled loaded-language lexicon, finds its terms in the
# seed article with their voice (`authorial`, `quoted`, `scare`), reads them in
# context (KWIC), then compares rates per 1,000 words between the outlets of the
# **synthetic** demo corpus. The figures are the registered figures
# `seed-terms-in-article`, `seed-sources`, `seed-reporting-verbs` and
# `term-rates-by-outlet`, exactly as
# `discourse figures` builds them.

# %%
import pandas as pd

from discourse import corpus, figures, lexicon, study, terms, text

# %% tags=["parameters"]
corpus_path = None  # None: the study's [corpora.seed] in discourse.toml
demo_path = None  # None: its [corpora.demo]
window = 6
n_boot = 1000
random_state = 0

# %% [markdown]
# ## The lexicon
#
# One row per pattern: `pattern`, `category`, `weight`, `note`, `match`
# (`fixed` | `glob` | `regex`). Globs inflect (`imperialis*`); phrases are
# matched as phrases; the longest match wins. Sources:
# `discourse/lexicons/SOURCES-loaded-language.md`.

# %%
lex = lexicon.read()
lex.groupby("category").size().rename("patterns").to_frame()

# %%
lex.sample(8, random_state=random_state)

# %% [markdown]
# ## Matches in the seed article, with voice
#
# `text.annotate` splits the article into sentences and finds its quotations once;
# every analysis below reads them from there. Voice (`discourse.voice`) comes from
# those quotations: a term inside an attributed quotation is `quoted` (with its
# `speaker`), inside a scare quote `scare`, otherwise `authorial`.

# %%
seed = corpus.load(corpus_path or study.load().corpus_path("seed"), progress=False)
seed_ann = text.annotate(seed)
matches = terms.find(seed_ann, lex)
matches[["para_id", "sent_id", "match", "category", "voice", "speaker"]]

# %%
matches.groupby(["category", "voice"]).size().unstack(fill_value=0)

# %% [markdown]
# ## Keyword in context
#
# `terms.kwic` takes the matches table, so changing the window does not match
# again. The match is highlighted by voice.

# %%
terms.kwic(seed_ann, matches, window=window)

# %% [markdown]
# Scare-quoted phrases are signalled by voice whether or not they are in the
# lexicon: `terms.scare_terms` lists every one of them.

# %%
terms.scare_terms(seed_ann)[["para_id", "match", "voice", "speaker"]]

# %% [markdown]
# Where the terms sit in the article, and in whose voice:

# %%
figures.render("seed-terms-in-article", corpus=seed)

# %% [markdown]
# ## Whom the article quotes, and with which reporting verbs
#
# The quotations of the annotations (`discourse.quotes.find`) have one row per quotation with its `speaker`, reporting
# `verb` and `kind` (`direct`, `partial`, `scare`); `speaker_resolved` maps later
# short references ("Milley", "the Joint Chiefs chairman") to the fullest earlier
# name. Reporting verbs are grouped as neutral, distancing or endorsing.

# %%
seed_ann.quotes[["quote", "speaker", "speaker_resolved", "verb", "verb_group", "kind"]]

# %%
figures.render("seed-sources", corpus=seed)

# %%
figures.render("seed-reporting-verbs", corpus=seed)

# %% [markdown]
# ## Rates per 1,000 words, by outlet (synthetic demo corpus)
#
# Words are counted by `discourse.words.WORD_PATTERN`. Intervals are 95% percentile
# bootstrap intervals over articles (none for a group of one article).
# `voice="authorial"` counts only the outlet's own words; the default (`None`) counts
# every voice, and `by=[..., "voice"]` gives one rate per voice.

# %%
demo = text.annotate(corpus.load(demo_path or study.load().corpus_path("demo"), progress=False))
demo_matches = terms.find(demo, lex)
authorial = terms.rates(demo_matches, demo, by=["outlet", "category"], voice="authorial", n_boot=n_boot,
                        random_state=random_state)
authorial.pivot(index="category", columns="outlet", values="rate").round(2)

# %%
by_voice = terms.rates(demo_matches, demo, by=["outlet", "voice"], n_boot=n_boot, random_state=random_state)
by_voice.round(2)

# %%
figures.render("term-rates-by-outlet", corpus=demo.corpus)
