"""The shared text layer: annotate once, the voice owner, the word owner, the
document-term matrix."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import text, voice, words
from discourse.text import Annotations, annotate, as_annotations, clear_cache, dtm

DOCS = pd.DataFrame({
    "doc_id": pd.Series(["a", "b"], dtype="string"),
    "outlet": ["Post", "Herald"],
    "text": [
        'The regime fell. "It was a sham," the minister said.\n\nTroops left the "liberated" city.',
        "Gen. Mark Milley spoke. He said the U.S. would stay.",
    ],
})


def _offsets_hold(table: pd.DataFrame, corpus: pd.DataFrame, col: str) -> bool:
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    return all(texts[d][s:e] == t for d, s, e, t in zip(table["doc_id"], table["start"], table["end"], table[col]))


# ------------------------------------------------------------------------- words
def test_tokenize_words_and_punctuation():
    t = "The US-backed regime didn't fall, the U.S. said."
    assert [t[s:e] for s, e in words.tokenize(t)] == [
        "The", "US-backed", "regime", "didn't", "fall", ",", "the", "U.S", ".", "said", "."]
    assert words.words(t) == ["The", "US-backed", "regime", "didn't", "fall", "the", "U.S", "said"]
    assert text.count_words(t) == len(words.words(t)) == 8


# ------------------------------------------------------------------------- voice
def test_voice_check_and_kinds():
    assert voice.check(None) is None
    assert voice.check(["quoted", "scare"]) == ["quoted", "scare"]
    for bad in ("all", "split", ["authorial", "outlet"], []):
        with pytest.raises(ValueError, match="voice must be None"):
            voice.check(bad)
    assert voice.of_kind(["direct", "partial", "scare", "indirect"]).tolist() == [
        "quoted", "quoted", "scare", "reported"]


def test_voice_assign_takes_the_innermost_quotation():
    q = pd.DataFrame({"doc_id": ["a", "a", "b"], "start": [10, 20, 0], "end": [60, 30, 5],
                      "kind": ["direct", "scare", "indirect"], "speaker": ["Ana", pd.NA, "Bo"]})
    v, s = voice.assign(["a", "a", "a", "a", "b", "c"], [0, 15, 25, 60, 3, 3], q)
    assert v.tolist() == ["authorial", "quoted", "scare", "authorial", "reported", "authorial"]
    assert s[1] == "Ana" and s[4] == "Bo" and pd.isna(s[0]) and pd.isna(s[2])


def test_voice_assign_compares_ids_as_text():
    q = pd.DataFrame({"doc_id": ["1"], "start": [0], "end": [4], "kind": ["direct"]})
    v, _ = voice.assign(np.array([1, 2]), [1, 1], q)
    assert v.tolist() == ["quoted", "authorial"]


def test_voice_select():
    t = pd.DataFrame({"voice": ["authorial", "quoted", "scare"], "x": [1, 2, 3]})
    assert voice.select(t, None)["x"].tolist() == [1, 2, 3]
    assert voice.select(t, ["quoted", "scare"])["x"].tolist() == [2, 3]
    with pytest.raises(KeyError, match="no 'voice' column"):
        voice.select(pd.DataFrame({"x": [1]}), "quoted")


# --------------------------------------------------------------------- annotate
def test_annotate_builds_every_table_with_offsets():
    ann = annotate(DOCS)
    assert isinstance(ann, Annotations) and len(ann) == 2
    assert _offsets_hold(ann.paragraphs, DOCS, "text")
    assert _offsets_hold(ann.sentences, DOCS, "text")
    assert _offsets_hold(ann.tokens, DOCS, "token")
    assert ann.sentences.groupby("doc_id").size().tolist() == [3, 2]
    assert ann.sentences["text"].tolist()[3] == "Gen. Mark Milley spoke."
    tok = ann.tokens
    assert tok.loc[tok["doc_id"] == "a", "token_id"].tolist() == list(range((tok["doc_id"] == "a").sum()))
    assert tok["doc_id"].dtype == DOCS["doc_id"].dtype


def test_annotate_voice_of_tokens_and_spans():
    ann = annotate(DOCS)
    tok = ann.tokens.set_index("token")
    assert tok.loc["sham", "voice"] == "quoted"
    assert tok.loc["liberated", "voice"] == "scare"
    assert tok.loc["regime", "voice"] == "authorial"
    assert not tok.loc["."].is_word.any() and tok.loc["regime", "is_word"]
    text_a = DOCS["text"][0]
    v = ann.voice(["a", "a"], [text_a.index("sham"), text_a.index("Troops")])
    assert v["voice"].tolist() == ["quoted", "authorial"]
    assert v["speaker"].iloc[0] == "the minister"
    para, sent = ann.units(["a", "b"], [text_a.index("Troops"), 0])
    assert para.tolist() == [1, 0] and sent.tolist() == [2, 0]


def test_unit_functions_read_the_shared_layer():
    clear_cache()
    ann = annotate(DOCS)
    pd.testing.assert_frame_equal(text.sentences(DOCS), ann.sentences)
    pd.testing.assert_frame_equal(text.tokens(ann), ann.tokens)
    # a copy: changing it does not change the shared table
    s = text.sentences(ann)
    s.loc[0, "text"] = "changed"
    assert ann.sentences.loc[0, "text"] != "changed"


def test_cache_reuses_work_and_never_returns_stale_tables():
    clear_cache()
    first = as_annotations(DOCS)
    sents = first.sentences
    again = as_annotations(DOCS.copy())
    assert again.sentences is sents  # same texts: the work is reused
    changed = DOCS.copy()
    changed.loc[1, "text"] = "A new text. Two sentences."
    fresh = as_annotations(changed)
    assert fresh.sentences["text"].tolist()[-2:] == ["A new text.", "Two sentences."]
    # other metadata, same texts: shared tables, but this corpus's columns
    relabelled = DOCS.assign(outlet=["X", "Y"])
    assert as_annotations(relabelled).corpus["outlet"].tolist() == ["X", "Y"]
    clear_cache()
    assert as_annotations(DOCS).sentences is not sents


def test_annotate_never_mutates_its_input():
    df = DOCS.copy()
    df.attrs = {"load_report": "kept"}
    before = df.copy()
    ann = annotate(df)
    ann.tokens
    pd.testing.assert_frame_equal(df, before)
    assert df.attrs == {"load_report": "kept"}


def test_annotate_bad_input():
    with pytest.raises(TypeError, match="expected a corpus DataFrame"):
        annotate(["some text"])
    with pytest.raises(KeyError, match="no 'text' column"):
        annotate(pd.DataFrame({"doc_id": ["a"]}))


def test_annotate_empty_corpus():
    ann = annotate(pd.DataFrame({"doc_id": pd.Series([], dtype="string"), "text": pd.Series([], dtype="string")}))
    assert len(ann.sentences) == 0 and len(ann.tokens) == 0 and len(ann.quotes) == 0


# -------------------------------------------------------------------------- dtm
def test_dtm_counts_words_per_document():
    m = dtm(DOCS)
    assert m.matrix.shape == (2, len(m.terms)) and m.doc_ids.tolist() == ["a", "b"]
    assert list(m.terms) == sorted(m.terms)
    long = m.to_frame()
    assert long.columns.tolist() == ["doc_id", "term", "n"]
    assert long.query("doc_id == 'a' and term == 'the'")["n"].tolist() == [3]
    assert "." not in set(long["term"]) and "u.s" in set(long["term"])
    assert int(m.matrix.sum()) == sum(text.count_words(t) for t in DOCS["text"])


def test_dtm_voice_counts_only_the_outlets_own_words():
    own = dtm(DOCS, voice="authorial").to_frame()
    quoted = dtm(DOCS, voice="quoted").to_frame()
    assert "sham" not in set(own["term"]) and "sham" in set(quoted["term"])
    assert "liberated" not in set(own["term"]) and "regime" in set(own["term"])
    everything = dtm(DOCS).matrix.sum()
    split = sum(dtm(DOCS, voice=v).matrix.sum() for v in voice.VOICES)
    assert everything == split


def test_dtm_ngrams_stay_inside_sentences_and_df_limits():
    df = pd.DataFrame({"doc_id": ["x", "y", "z"], "text": ["Puppet government. Government forces.",
                                                          "The puppet government fell.", "Rain fell."]})
    m = dtm(df, ngram_range=(2, 2))
    assert "government government" not in set(m.terms)
    assert m.to_frame().query("term == 'puppet government'")["doc_id"].tolist() == ["x", "y"]
    assert set(dtm(df, min_df=2).terms) == {"fell", "government", "puppet"}
    assert "fell" not in set(dtm(df, max_df=0.5).terms)
    assert "the" not in set(dtm(df, stop_words="english").terms)
    assert set(dtm(df, stop_words=["rain"]).to_frame().query("doc_id == 'z'")["term"]) == {"fell"}


def test_dtm_bad_options():
    with pytest.raises(ValueError, match="ngram_range"):
        dtm(DOCS, ngram_range=(2, 1))
    with pytest.raises(ValueError, match="min_df as a share"):
        dtm(DOCS, min_df=1.5)
    with pytest.raises(ValueError, match="stop_words"):
        dtm(DOCS, stop_words="klingon")
    with pytest.raises(ValueError, match="voice must be None"):
        dtm(DOCS, voice="all")


# ------------------------------------------------------------ chunks and n_jobs
def test_annotate_in_chunks_and_processes_gives_identical_tables(monkeypatch):
    from discourse.text import _annotate

    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(7)],
                         "text": [f'Story {i}. "We will win," Sen. Ana Ruiz said. The "reform" failed.' for i in range(7)]})
    clear_cache()
    whole = annotate(docs)
    sents, quotes = whole.sentences, whole.quotes
    monkeypatch.setattr(_annotate, "CHUNK_DOCS", 2)
    for n_jobs in (1, 2):
        clear_cache()
        ann = annotate(docs, n_jobs=n_jobs, progress=False)
        pd.testing.assert_frame_equal(ann.sentences, sents)
        pd.testing.assert_frame_equal(ann.quotes, quotes)
    assert quotes["speaker"].tolist().count("Sen. Ana Ruiz") == 7


def test_annotate_in_chunks_resolves_speakers_across_the_corpus(monkeypatch):
    # "Ruiz" alone is the "Ana Ruiz" of another document: a corpus-level id, which must
    # not depend on which documents share a chunk of work
    from discourse import quotes as q
    from discourse.text import _annotate

    docs = pd.DataFrame({"doc_id": ["a", "b", "c"],
                         "text": ['"We will win," said Senator Ana Ruiz.', '"It is over," Ruiz said.',
                                  'Ruiz said the "reform" failed. "Not again," Ruiz said.']})
    whole = q.find(docs)
    assert whole["speaker_id"].tolist() == ["Ana Ruiz"] * 4
    monkeypatch.setattr(_annotate, "CHUNK_DOCS", 1)
    for n_jobs in (1, 2):
        clear_cache()
        got = annotate(docs, n_jobs=n_jobs, progress=False).quotes
        pd.testing.assert_frame_equal(got, whole)
        assert got.attrs["problems"] == whole.attrs["problems"]
    clear_cache()
    pd.testing.assert_frame_equal(annotate(docs, quotes=False, progress=False).quotes, whole)


def test_annotate_trained_splitter_and_bad_n_jobs():
    clear_cache()
    ann = annotate(DOCS, train=True)
    pd.testing.assert_frame_equal(ann.sentences, text.sentences(DOCS, train=True))
    for bad in (0, -2, 1.5, True):
        with pytest.raises(ValueError, match="n_jobs must be"):
            annotate(DOCS, n_jobs=bad)


# ------------------------------------------------------------------- tokenizer
def test_array_tokenizer_equals_the_token_pattern_on_generated_text():
    import random

    from discourse.text._tokens import token_spans
    from discourse.words import TOKEN_PATTERN

    pieces = list("ab Z9_-'’. ,\n\t!?\"“”é漢\u0301\u00a0\U0001F600") + ["\ud800", "'s", "U.S.", "--", "...", "a.b"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    i, s, e, w = token_spans(texts)
    want = [(k, m.start(), m.end(), m.group()[0].isalnum() or m.group()[0] == "_")
            for k, t in enumerate(texts) for m in TOKEN_PATTERN.finditer(t)]
    assert list(zip(i.tolist(), s.tolist(), e.tolist(), w.tolist())) == want
    assert token_spans([])[0].tolist() == []


def test_annotate_refuses_repeated_ids():
    twice = pd.concat([DOCS, DOCS], ignore_index=True)
    with pytest.raises(ValueError, match="doc_id must be unique"):
        annotate(twice)


def test_word_counts_agree_with_the_token_table():
    clear_cache()
    ann = annotate(DOCS)
    tok = ann.tokens[ann.tokens["is_word"]]
    docs = ann.word_counts()
    assert docs["n_words"].tolist() == [tok["doc_id"].eq(d).sum() for d in DOCS["doc_id"]]
    assert docs["n_words"].tolist() == [text.count_words(t) for t in DOCS["text"]]
    own = ann.word_counts(voice="authorial")
    assert own["n_words"].tolist() == [((tok["doc_id"] == d) & (tok["voice"] == "authorial")).sum() for d in DOCS["doc_id"]]
    sents = ann.word_counts(level="sentence")
    want = tok.groupby(["doc_id", "sent_id"]).size()
    assert sents.set_index(["doc_id", "sent_id"])["n_words"].to_dict() == want.to_dict()
    with pytest.raises(ValueError, match="level must be"):
        ann.word_counts(level="paragraph")


def test_annotate_with_reported_speech_gives_the_reported_voice():
    df = pd.DataFrame({"doc_id": ["r"], "text": ["The mayor said that the reform was a disaster. Rain fell."]})
    clear_cache()
    plain = annotate(df)
    assert "reported" not in set(plain.tokens["voice"])
    ann = annotate(df, indirect=True)
    assert ann.indirect and not plain.indirect
    tok = ann.tokens.set_index("token")
    assert tok.loc["disaster", "voice"] == "reported" and tok.loc["Rain", "voice"] == "authorial"
    assert ann.voice(["r"], [df["text"][0].index("disaster")])["speaker"].iloc[0] == "The mayor"


# ------------------------------------------------- fast paths equal to their rules
def _innermost_reference(doc_ids, starts, q):
    """The voice rule spelled out: of the quotations holding a position, the shortest,
    then the first row."""
    out = []
    for d, p in zip(doc_ids, starts):
        best = None
        for r in range(len(q)):
            if str(q["doc_id"][r]) == str(d) and q["start"][r] <= p < q["end"][r]:
                if best is None or q["end"][r] - q["start"][r] < q["end"][best] - q["start"][best]:
                    best = r
        out.append(("authorial", None) if best is None else (voice.KIND_VOICE[q["kind"][best]], q["speaker"][best]))
    return out


def test_voice_index_equals_the_innermost_rule_on_generated_nested_quotations():
    import random

    rng = random.Random(3)
    for _ in range(60):
        n = rng.randint(0, 12)
        starts = [rng.randint(0, 40) for _ in range(n)]
        q = pd.DataFrame({"doc_id": [rng.choice("ab") for _ in range(n)], "start": starts,
                          "end": [s + rng.randint(0, 25) for s in starts],
                          "kind": [rng.choice(list(voice.KIND_VOICE)) for _ in range(n)],
                          "speaker": [f"s{i}" for i in range(n)]})
        docs = [rng.choice("abc") for _ in range(80)]
        pos = [rng.randint(0, 70) for _ in range(80)]
        v, s = voice.assign(docs, pos, q)
        got = [(a, None if pd.isna(b) else b) for a, b in zip(v.tolist(), s.tolist())]
        assert got == _innermost_reference(docs, pos, q)


def test_voice_index_ties_go_to_the_first_row():
    q = pd.DataFrame({"doc_id": ["a", "a", "a"], "start": [0, 5, 5], "end": [20, 10, 10],
                      "kind": ["direct", "scare", "partial"], "speaker": ["A", "B", "C"]})
    v, s = voice.assign(["a"] * 4, [2, 5, 9, 10], q)
    assert v.tolist() == ["quoted", "scare", "scare", "quoted"]
    assert s.tolist() == ["A", "B", "B", "A"]


def test_units_of_positions_and_unknown_documents():
    clear_cache()
    ann = annotate(pd.DataFrame({"doc_id": ["x", "y"], "text": ["One. Two.\n\nThree.", "Four."]}))
    para, sent = ann.units(["x", "x", "x", "x", "y", "z"], [0, 5, 11, 4, 2, 0])
    assert para.tolist() == [0, 0, 1, -1, 0, -1]
    assert sent.tolist() == [0, 1, 2, -1, 0, -1]


def test_word_starts_equal_the_words_of_the_token_spans():
    import random

    from discourse.text._tokens import token_spans, word_starts

    pieces = list("ab Z9_-'’. ,\n!\"é\u0301\u00a0\U0001F600") + ["U.S.", "a-b", "x'y"]
    rng = random.Random(11)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(2000)]
    i, s, _, w = token_spans(texts)
    wi, ws = word_starts(texts)
    assert wi.tolist() == i[w].tolist() and ws.tolist() == s[w].tolist()
    assert word_starts([])[0].tolist() == []


@pytest.mark.parametrize("batch", [1, 7, 60])
def test_word_starts_in_batches_of_texts_equal_all_at_once(monkeypatch, batch):
    import random

    from discourse.text import _tokens

    pieces = list("ab Z9_-'’. ,\n!é\u0301\U0001F600") + ["U.S.", "a-b", "x'y"]
    rng = random.Random(batch)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(300)]
    whole = [a.tolist() for a in _tokens.word_starts(texts)]
    monkeypatch.setattr(_tokens, "_BATCH", batch)
    assert [a.tolist() for a in _tokens.word_starts(texts)] == whole


def test_analyses_on_annotations_from_two_processes_are_identical(monkeypatch):
    from discourse import framing, sentiment, terms
    from discourse.text import _annotate

    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(5)],
                         "text": [f'Report {i}. "The war is a crime," Sen. Ana Ruiz said. The "reform" cost '
                                  f'billions.\n\nPeople fled the fighting.' for i in range(5)]})
    monkeypatch.setattr(_annotate, "CHUNK_DOCS", 2)
    tables = []
    for n_jobs in (1, 2):
        clear_cache()
        ann = annotate(docs, n_jobs=n_jobs, progress=False)
        tables.append([terms.find(ann, {"label": ["war", "reform*"]}), framing.score(ann, level="sentence"),
                       sentiment.score(ann, level="document"), ann.tokens])
    for one, two in zip(*tables):
        pd.testing.assert_frame_equal(one, two)
    assert tables[0][0]["voice"].tolist() == ["quoted", "scare"] * 5


def test_token_strings_cut_from_bytes_equal_slices_of_the_text():
    import random

    from discourse.text._tokens import span_strings, token_spans

    pieces = list("ab Z9_-'’. ,\n!?\"“”é漢\u0301\u00a0\U0001F600") + ["U.S.", "a.b", "\u00df"]
    rng = random.Random(11)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(500)]
    i, s, e, _ = token_spans(texts)
    got = span_strings(texts, i, s, e)
    assert str(got.dtype) == "str"
    assert got.tolist() == [texts[a][b:c] for a, b, c in zip(i.tolist(), s.tolist(), e.tolist())]
    assert span_strings(["Go!", "á"], np.array([1, 0]), np.array([0, 2]), np.array([1, 3])).tolist() == ["á", "!"]
    assert span_strings([], np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)).tolist() == []
    # a lone surrogate is not UTF-8: the spans are sliced one by one
    assert span_strings(["a\ud800b"], np.array([0, 0]), np.array([0, 2]), np.array([1, 3])).tolist() == ["a", "b"]


def test_token_voice_equals_the_voice_lookup_of_each_token():
    clear_cache()
    df = pd.DataFrame({"doc_id": ["p", "q", "r"], "text": [
        'He said: "We will \u2018never\u2019 leave." Critics called it a "sham".',
        "No quotation here, café owners said.",
        '\u201cIt is over,\u201d the mayor said. The "deal" held.']})
    ann = annotate(df)
    toks = ann.tokens
    want = ann.voice(toks["doc_id"], toks["start"])["voice"]
    assert toks["voice"].tolist() == want.tolist()
    assert set(toks["voice"]) == {"authorial", "quoted", "scare"}
    assert toks["token"].tolist() == [df["text"][int(d[0] != "p") + int(d[0] == "r")][a:b]
                                      for d, a, b in zip(toks["doc_id"], toks["start"], toks["end"])]


def test_sentence_ids_run_over_paragraphs_and_restart_per_document():
    clear_cache()
    df = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["One. Two.\n\n\n  \n\nThree.", "   ", "Four. Five."]})
    s = text.sentences(df)
    assert s[["doc_id", "para_id", "sent_id", "start", "end"]].values.tolist() == [
        ["a", 0, 0, 0, 4], ["a", 0, 1, 5, 9], ["a", 1, 2, 16, 22], ["c", 0, 0, 0, 5], ["c", 0, 1, 6, 11]]
    assert s["text"].tolist() == ["One.", "Two.", "Three.", "Four.", "Five."]
