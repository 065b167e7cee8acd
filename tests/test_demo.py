"""The synthetic demo corpus: seeded, documented planted differences, files on disk."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from discourse import demo

ROOT = Path(__file__).resolve().parents[1]
LOADED = re.compile(r"\b(regime|puppet government|imperialism|militarism|debacle|criminal|"
                    r"slaughter|collateral damage|massacre|fiasco|illegal)\b")
QUOTED = re.compile(r'"[^"\n]*"')


@pytest.fixture(scope="module")
def corpus():
    return demo.generate()


def _voices(text: str) -> dict[str, int]:
    """Loaded terms outside quotes, in one-to-three-word quotes (scare), in longer quotes."""
    counts = {"authorial": 0, "scare": 0, "quoted": 0}
    for m in QUOTED.finditer(text):
        kind = "scare" if len(m.group().split()) <= 3 else "quoted"
        counts[kind] += len(LOADED.findall(m.group()))
    counts["authorial"] = len(LOADED.findall(QUOTED.sub(" ", text)))
    return counts


def test_generate_is_seeded(corpus):
    again = demo.generate()
    pd.testing.assert_frame_equal(corpus, again)
    other = demo.generate(random_state=1)
    assert not other["text"].equals(corpus["text"])


def test_columns_and_shape(corpus):
    assert list(corpus.columns) == ["doc_id", "outlet", "title", "author", "published", "url", "text",
                                    "source", "duplicate_of", "topic", "frame", "synthetic"]
    assert len(corpus) == 200
    assert corpus["outlet"].value_counts().to_dict() == {o: 50 for o in demo.OUTLETS}
    assert corpus["doc_id"].is_unique and corpus["source"].is_unique
    assert corpus["published"].dt.year.eq(2024).all()
    assert corpus["published"].dt.month.nunique() == 12
    assert set(corpus["topic"]) == set(demo.TOPICS)
    assert set(corpus["frame"]) == set(demo.FRAMES)
    assert corpus["synthetic"].all()
    paras = corpus["text"].str.split("\n\n")
    assert paras.map(len).between(5, 8).all()
    assert not corpus["text"].str.contains("{", regex=False).any()  # every slot filled


def test_n_articles_and_errors():
    assert len(demo.generate(7)) == 7
    with pytest.raises(ValueError, match="n_articles must be at least 1"):
        demo.generate(0)


def test_planted_voice_differences(corpus):
    voices = pd.DataFrame([_voices(t) for t in corpus["text"]]).groupby(corpus["outlet"]).sum()
    per_article = voices / 50
    # Red Banner Review uses loaded terms in its own voice, far more than anyone else
    assert per_article.loc["Red Banner Review", "authorial"] > 5
    assert per_article["authorial"].drop("Red Banner Review").max() < 1
    # Northgate Herald's loaded terms are mostly inside quotations
    assert voices.loc["Northgate Herald", "quoted"] > 3 * voices.loc["Northgate Herald", "authorial"]
    # Civic Ledger has the most scare-quoted loaded terms
    assert voices["scare"].idxmax() == "Civic Ledger"


def test_planted_topics_and_frames(corpus):
    topic = pd.crosstab(corpus["outlet"], corpus["topic"], normalize="index")
    frame = pd.crosstab(corpus["outlet"], corpus["frame"], normalize="index")
    assert topic["war"].idxmax() == "Red Banner Review"
    assert topic[["health", "climate"]].sum(axis=1).idxmax() == "Lowland Courier"
    assert frame["human_interest"].idxmax() == "Lowland Courier"
    assert frame["economic"].idxmax() == "Northgate Herald"
    summer = corpus["published"].dt.month.isin([6, 7, 8])
    assert (corpus.loc[summer, "topic"] == "war").mean() > 1.5 * (corpus.loc[~summer, "topic"] == "war").mean()


def test_quote_forms_present(corpus):
    text = "\n".join(corpus["text"])
    assert re.search(r'"[^"]+," [A-Z][a-z]+ [A-Z][a-z]+ (said|added|warned|argued|insisted)\.', text)
    assert re.search(r'(called the plan|described the decision as) "[^"]+\."', text)
    assert re.search(r'the so-called "regime"', text)


def test_write_matches_generate_and_loads(tmp_path):
    df = demo.write(tmp_path, n_articles=8)
    assert (tmp_path / "README.md").read_text().startswith("# Demo corpus — SYNTHETIC, NOT REAL NEWS")
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.txt"))
    assert files == sorted(df["source"])
    toml = (tmp_path / "civic-ledger" / "corpus.toml").read_text()
    assert 'outlet = "Civic Ledger"' in toml and "SYNTHETIC" in toml
    first = (tmp_path / df["source"].iloc[0]).read_text()
    row = df.iloc[0]
    assert first == f"# {row.title}\n\n{row.author}  \n{row.published.day} {row.published:%B %Y}\n\n{row.text}\n"
    # rewriting with fewer articles removes the files the generator no longer makes
    demo.write(tmp_path, n_articles=4)
    assert len(list(tmp_path.rglob("*.txt"))) == 4


def test_written_corpus_loads_with_metadata(tmp_path):
    from discourse import corpus as corpus_mod

    df = demo.write(tmp_path, n_articles=8)
    loaded = corpus_mod.load(tmp_path, progress=False)
    assert len(loaded) == 8
    assert sorted(loaded["outlet"]) == sorted(df["outlet"])
    assert sorted(loaded["text"]) == sorted(df["text"])
    assert sorted(loaded["published"]) == sorted(df["published"])
    assert (loaded["language"] == "en").all()
    report = loaded.attrs["load_report"]
    assert report["source"].str.endswith("README.md").any()


def test_bundled_demo_corpus_is_current(tmp_path):
    """corpora/demo/ is exactly what the generator writes (regenerate if this fails)."""
    demo.write(tmp_path)
    bundled = ROOT / "corpora" / "demo"
    ours = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(bundled).as_posix() for p in bundled.rglob("*") if p.is_file())
    assert ours == theirs
    for rel in ours:
        assert (tmp_path / rel).read_bytes() == (bundled / rel).read_bytes(), rel


def test_generated_ids_are_the_ids_of_the_loaded_files(tmp_path):
    # the planted labels (topic, frame) join a loaded copy of the written corpus by doc_id
    from discourse import corpus as corpus_mod

    written = demo.write(tmp_path, n_articles=8, random_state=2)
    loaded = corpus_mod.load(tmp_path)
    assert sorted(loaded["doc_id"]) == sorted(written["doc_id"])
    joined = loaded.merge(written[["doc_id", "text", "topic"]], on="doc_id", suffixes=("", "_generated"))
    assert len(joined) == 8 and (joined["text"] == joined["text_generated"]).all()
