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
# # 03 — Sentiment with VADER, offline
#
# VADER (Hutto & Gilbert 2014) scores a sentence from a lexicon of about 7,500 words
# and emoticons plus rules for negation, intensifiers, "but", ALL CAPS and
# punctuation. `discourse.sentiment` scores every sentence exactly as the reference
# implementation does (`method="vader"`: vaderSentiment 3.3.2, the default;
# `method="nltk"`: nltk's port), offline, with the lexicon shipped in the
# `vaderSentiment` package. Paragraph and document scores average sentence scores,
# because VADER's compound saturates on long text. Method notes: `docs/sentiment.md`.

# %%
from discourse import corpus, figures, sentiment, study, text

# %% tags=["parameters"]
corpus_path = None  # None: the study's [corpora.seed] in discourse.toml
demo_path = None  # None: its [corpora.demo]
actors = None  # None: its [parameters.actors]
method = "vader"
n_boot = 1000
random_state = 0

# %% [markdown]
# ## Sentences of the seed article
#
# One row per sentence with its offsets into the article text and VADER's `neg`,
# `neu`, `pos` (shares of the sentence) and `compound` (-1 to 1). `text.annotate`
# splits the article into sentences (and finds its quotations) once; every analysis
# below reads them from there.

# %%
seed = corpus.load(corpus_path or study.load().corpus_path("seed"), progress=False)
seed_ann = text.annotate(seed)
scores = sentiment.score(seed_ann, method=method)
scores[["para_id", "sent_id", "text", "neg", "neu", "pos", "compound"]]

# %% [markdown]
# The most negative and the most positive sentences:

# %%
scores.sort_values("compound")[["sent_id", "text", "compound"]].iloc[[0, 1, 2, -3, -2, -1]]

# %% [markdown]
# ## The whole article: sentence averages versus VADER on the whole text
#
# `compound` is the mean sentence compound with a bootstrap interval over sentences
# (computed only when asked, with `n_boot`);
# `pos_share` / `neg_share` are the shares of sentences at or beyond +-0.05.
# `compound_raw` is VADER run on the whole article at once: valences add up before
# the normalisation, so it is pushed toward +-1 on any long text.

# %%
sentiment.score(seed_ann, level="document", method=method, n_boot=n_boot, random_state=random_state).T

# %% [markdown]
# ## The arc through the article
#
# Mean sentence compound by paragraph (band: bootstrap interval over the paragraph's
# sentences; one-sentence paragraphs have none). This is the registered figure
# `seed-sentiment-arc`.

# %%
sentiment.arc(seed_ann, level="paragraph", method=method, n_boot=n_boot, random_state=random_state)

# %%
figures.render("seed-sentiment-arc", corpus=seed)

# %% [markdown]
# ## Where the two implementations differ
#
# Same sentences, both methods; the rows where the compound differs.

# %%
both = sentiment.polarity_scores(scores["text"], method="nltk").add_prefix("nltk_")
compare = scores[["sent_id", "text", "compound"]].join(both[["nltk_compound"]])
compare[compare["compound"] != compare["nltk_compound"]]

# %%
sentiment.polarity_scores(["The plan is no good.", 'He said it was "good."', "Without doubt, an excellent idea.",
                           "I love it \U0001F601"], method="vader").join(
    sentiment.polarity_scores(["The plan is no good.", 'He said it was "good."',
                               "Without doubt, an excellent idea.", "I love it \U0001F601"],
                              method="nltk").add_prefix("nltk_"))

# %% [markdown]
# ## Sentiment toward actors, by outlet and voice
#
# On the SYNTHETIC demo corpus (invented outlets and events, not real news): the
# sentences that mention each actor, split by voice — the outlet's own (`authorial`),
# quoted speech (`quoted`) and scare quotes (`scare`), from the quotations of the
# annotations (`by=[..., "voice"]`; the default pools every voice). Intervals
# resample whole documents; a group of one document has none.

# %%
actors = actors or study.load().params["actors"]
demo = text.annotate(corpus.load(demo_path or study.load().corpus_path("demo"), progress=False))
toward = sentiment.toward(demo, actors, by=["outlet", "voice"], method=method, n_boot=n_boot,
                          random_state=random_state)
toward

# %% [markdown]
# The individual mentions behind one cell of that table:

# %%
mentions = sentiment.mentions(demo, actors, method=method)
mentions[(mentions["target"] == "Government") & (mentions["voice"] == "quoted")].head(10)

# %%
figures.render("sentiment-toward-actors", corpus=demo.corpus)
