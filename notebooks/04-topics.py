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
# # 04 — Topic models: choosing k, reading topics, prevalence by outlet and time
#
# NMF (or LDA) on scikit-learn, composed like scikit-learn's own text pipeline: the
# shared document-term matrix (`text.dtm`) is counted once, a `topics.Vectorizer`
# chooses the terms and weights, a `topics.TopicModel` fits. With the checks
# topic-model users keep asking for:
# coherence computed by the package (NPMI and UMass, not c_v), stability across
# seeds, relevance-ranked top terms, and topic shares by outlet and period that are
# normalised by the number of documents in each group. The default corpus is the
# **synthetic** demo corpus (`corpora/demo/`): five planted topics, a war peak in
# June–August 2024 and a health peak in January–February. Nothing here is a finding
# about real news. See `docs/topics.md` for the method notes.

# %%
import matplotlib.pyplot as plt

from discourse import corpus, effects, figures, plots, study, style, topics

# %% tags=["parameters"]
corpus_path = None  # None: the study's [corpora.demo] in discourse.toml
method = "nmf"
k = None  # None: its [parameters] k
ks = [3, 4, 5, 6, 8]
n_seeds = 3
period = None  # None: its [parameters] period
random_state = 0

# %%
params = study.load().params
k, period = k or params["k"], period or params["period"]
articles = corpus.load(corpus_path or study.load().corpus_path("demo"), progress=False)
articles.groupby("outlet").size().rename("articles").to_frame().T

# %% [markdown]
# The terms: counted once on the shared tokens, then chosen for topic modelling
# (news stop words and boilerplate out, terms in at least 2 articles and at most 95%).
# Every fit below reuses this matrix.

# %%
vectorizer = topics.Vectorizer(min_df=2, max_df=0.95)
counts = vectorizer.document_terms(articles)
counts

# %% [markdown]
# ## Choosing k
#
# For each k the model is fitted `n_seeds` times on random 80% subsamples.
# Coherence (NPMI, UMass) is counted over document co-occurrence in the corpus;
# exclusivity is how much of a top term's weight belongs to its own topic; stability
# is the mean cosine similarity of Hungarian-matched topics between runs. Look for a
# k where coherence and exclusivity level off while stability is still high.

# %%
report = topics.search_k(counts, ks, method=method, vectorizer=vectorizer, n_seeds=n_seeds,
                         random_state=random_state)
report.round(3)

# %%
with style.paper("double", aspect=0.28):
    plots.k_search(report, metrics=["npmi", "umass", "exclusivity", "stability"], ncols=4, highlight=k)
    plt.show()

# %% [markdown]
# ## The model
#
# Top terms with relevance λ = 0.6 (Sievert & Shirley 2014) favour words specific to a
# topic over words frequent everywhere; λ = 1 ranks by probability alone.

# %%
model = topics.TopicModel(k, method=method, vectorizer=vectorizer, random_state=random_state).fit(articles)
model

# %%
model.summary(8, relevance_lambda=0.6)

# %%
with style.paper("double", aspect=0.6):
    plots.top_terms(model, n=8, relevance_lambda=0.6, ncols=3)
    plt.show()

# %% [markdown]
# Representative documents: the highest-share articles of each topic, with the
# paragraph that carries most of the topic's top terms.

# %%
model.representative_docs(2, width=160)[["topic", "share", "snippet"]]

# %% [markdown]
# Labels are editable and travel into every later table and plot.

# %%
model.set_labels({t: f"{t}: {lbl.split(': ')[1].split(',')[0]}" for t, lbl in model.labels.items()})
model.labels

# %% [markdown]
# ## Prevalence by outlet and over time
#
# A group's prevalence of a topic is the mean topic share of its documents, so
# prevalences sum to 1 in every outlet and period; intervals are bootstrap intervals
# over documents.

# %%
by_outlet = topics.prevalence(model, articles, by="outlet", n_boot=500, random_state=random_state)
by_outlet.pivot(index="label", columns="outlet", values="share").round(2)

# %%
with style.paper("single", aspect=0.9):
    plots.prevalence(by_outlet)
    plt.show()

# %%
over_time = topics.trajectories(model, articles, period=period, n_boot=500, random_state=random_state)
with style.paper("double", aspect=0.35):
    plots.prevalence(over_time, band=False)
    plt.show()

# %% [markdown]
# The registered figure `topics-prevalence`, exactly as `discourse figures` builds it.

# %%
figures.render("topics-prevalence", corpus=articles)

# %% [markdown]
# ## Into the covariate-effects estimator
#
# `model.doc_topics` is long (`doc_id`, `topic`, `share`), keyed by `doc_id` like
# every other per-document table. `effects.estimate` fits one model per topic:
# here the difference of each outlet's mean share from the reference outlet, with
# robust (HC3) intervals.

# %%
outlet_effects = effects.estimate(model.doc_topics, articles, "share ~ outlet")
outlet_effects[outlet_effects["variable"] == "outlet"].round(3)
