"""discourse.corpus and the article reader, on the seed and hand-written fixtures."""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from discourse import corpus
from discourse.readers import ReaderError, article


# ------------------------------------------------------------------ the seed
def test_seed_metadata(seed_corpus):
    row = seed_corpus.iloc[0]
    assert row["title"] == "US launches airstrikes against Taliban as Afghan forces crumble"
    assert row["author"] == "Bill Van Auken"
    assert row["published"] == pd.Timestamp("2021-07-23")
    assert row["outlet"] == "World Socialist Web Site"
    assert list(seed_corpus.columns[: len(corpus.COLUMNS)]) == corpus.COLUMNS
    assert seed_corpus["published"].dtype == "datetime64[ns]"


def test_seed_paragraphs_repaired(seed_corpus):
    text = seed_corpus["text"].iloc[0]
    paras = text.split("\n\n")
    assert len(paras) == 17
    assert seed_corpus["paragraphs_repaired"].iloc[0] == 3
    # the three splits left by the page layout are joined with one space
    assert 'what such "adjustments" would entail' in text
    assert "no denying that the Islamist forces" in text
    assert "occurred in the same week" in text


def test_seed_footer_and_escapes(seed_corpus):
    text = seed_corpus["text"].iloc[0]
    assert "To contact" not in text and "wsws.org" not in text and "Socialist Equality Party" not in text
    assert "contact" in seed_corpus["footer"].iloc[0]
    assert "$143 billion" in text and "\\$" not in text
    assert "$438 million" in text
    assert "the Moscow Times reported" in text  # emphasis markers dropped
    assert text.endswith("particularly China.")


def test_doc_id_stable_and_content_based(seed_path, tmp_path):
    a = corpus.load(seed_path)
    copy = tmp_path / "elsewhere" / seed_path.name
    copy.parent.mkdir()
    copy.write_bytes(seed_path.read_bytes())
    b = corpus.load(copy)
    assert a["doc_id"].iloc[0] == b["doc_id"].iloc[0]  # folder does not matter
    assert re.fullmatch(r"[0-9a-f]{16}", a["doc_id"].iloc[0])
    assert a["doc_id"].iloc[0] == corpus.doc_id(a["text"].iloc[0], seed_path.name)


# ------------------------------------------------------------------ article layouts
def test_plain_text_file_has_no_header(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("The minister said the plan was sound.\n\nCritics disagreed.\n", encoding="utf-8")
    df = corpus.load(f)
    assert df["title"].isna().all() and df["author"].isna().all()
    assert df["text"].iloc[0] == "The minister said the plan was sound.\n\nCritics disagreed."


def test_byline_date_and_copyright_footer():
    rec = article.parse("Storm hits coast\n\nBy Jane Doe\nMarch 3, 2020\n\nThe storm arrived at dawn.\n\n© 2020 Example Media. All rights reserved.")
    assert (rec.title, rec.author, rec.published) == ("Storm hits coast", "Jane Doe", "March 3, 2020")
    assert rec.text == "The storm arrived at dawn."
    assert rec.extra["footer"].startswith("© 2020")


def test_front_matter():
    rec = article.parse("---\ntitle: A title\ndate: 2020-01-02\noutlet: Example\nsection: World\n---\nBody text.")
    assert (rec.title, rec.published, rec.outlet, rec.extra["section"]) == ("A title", "2020-01-02", "Example", "World")


def test_repair_keeps_subheadings_and_joins_lowercase_and_uppercase():
    paras, joins = article.repair_paragraphs(
        ["It was reported by the", "Associated Press on Monday.", "Background Of The Talks", "Talks began in May."]
    )
    assert paras == ["It was reported by the Associated Press on Monday.", "Background Of The Talks", "Talks began in May."]
    assert joins == 1


def test_hard_wrapped_lines_are_joined():
    rec = article.parse("# T\n\n1 May 2020\n\nA line that is\nwrapped by hand.\n\nNext.")
    assert rec.text == "A line that is wrapped by hand.\n\nNext."


# ------------------------------------------------------------------ folders, metadata, report
def _write(p: Path, text: str, encoding="utf-8") -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(text.encode(encoding))
    return p


def test_folder_metadata_report_and_order(tmp_path):
    _write(tmp_path / "c" / "corpus.toml", 'outlet = "Daily Example"\nlanguage = "en"\nlicence = "CC-BY"\n')
    _write(tmp_path / "c" / "b.md", "# B\n\n2 May 2021\n\nSecond article body.")
    _write(tmp_path / "c" / "a.md", "# A\n\n1 May 2021\n\nFirst article body.")
    _write(tmp_path / "c" / "README.md", "# About this corpus")
    _write(tmp_path / "c" / "empty.txt", "   \n")
    _write(tmp_path / "c" / "image.png", "\x89PNG")
    (tmp_path / "c" / "junk.txt").write_bytes(b"\x00\x01\x02\x03binary\x00\x00")
    df = corpus.load(tmp_path / "c")
    assert df["title"].tolist() == ["A", "B"]  # sorted input, not file-system order
    assert df["outlet"].tolist() == ["Daily Example"] * 2
    assert df["language"].tolist() == ["en", "en"] and df["licence"].tolist() == ["CC-BY", "CC-BY"]
    rep = df.attrs["load_report"].set_index(df.attrs["load_report"]["source"].str.rsplit("/", n=1).str[-1])
    assert rep.loc["README.md", "reason"].startswith("skipped: documentation")
    assert "empty" in rep.loc["empty.txt", "reason"]
    assert "unsupported format '.png'" in rep.loc["image.png", "reason"]
    assert "binary" in rep.loc["junk.txt", "reason"]
    # every input file is accounted for: a row or a report entry
    assert len(df) + len(rep) == 6


def test_errors_raise(tmp_path):
    _write(tmp_path / "empty.txt", "")
    with pytest.raises(ReaderError, match=r"empty\.txt: file is empty"):
        corpus.load(tmp_path, errors="raise")


def test_missing_path_and_unknown_format(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        corpus.load(tmp_path / "nope")
    with pytest.raises(FileNotFoundError, match="matches no file"):
        corpus.load(str(tmp_path / "*.txt"))
    f = _write(tmp_path / "x.xyz", "text")
    with pytest.raises(ReaderError, match=r"x\.xyz: unknown format '\.xyz'"):
        corpus.load(f, errors="raise")


def test_glob(tmp_path):
    _write(tmp_path / "a.txt", "One article.")
    _write(tmp_path / "b.txt", "Another article.")
    _write(tmp_path / "c.md", "# T\n\n1 May 2020\n\nThird.")
    df = corpus.load(str(tmp_path / "*.txt"))
    assert df["text"].tolist() == ["One article.", "Another article."]


def test_encodings_cp1252_and_utf16(tmp_path):
    body = "“Café society,” she said — naïvely.\r\nSecond line."
    _write(tmp_path / "cp.txt", body, "cp1252")
    _write(tmp_path / "u16.txt", "\ufeff" + body, "utf-16-le")
    df = corpus.load(tmp_path)
    assert df["text"].tolist() == ["“Café society,” she said — naïvely. Second line."] * 2
    # NFC: a decomposed é becomes one code point
    _write(tmp_path / "nfd" / "d.txt", "Cafe\u0301.")
    assert corpus.load(tmp_path / "nfd")["text"].iloc[0] == "Caf\u00e9."


def test_unparseable_date_is_reported_not_dropped():
    df = corpus.load(pd.DataFrame({"text": ["A body."], "published": ["not a date at all"]}))
    assert df["published"].isna().all()
    assert "not understood" in df.attrs["load_report"]["reason"].iloc[0]


# ------------------------------------------------------------------ duplicates
WIRE = (
    "KABUL (Reuters) - Taliban fighters took control of a key border crossing with Pakistan on Wednesday, "
    "officials said, as the insurgents pressed their offensive across the country while foreign forces "
    "completed their withdrawal after two decades of war. The crossing at Spin Boldak is one of the busiest "
    "trade routes between the two countries, and its loss deprives the government of customs revenue it "
    "badly needs to pay soldiers and civil servants in the provinces under attack."
)


def test_exact_and_near_duplicates_flagged_not_dropped():
    edited = WIRE.replace("on Wednesday", "on Wednesday morning").replace("badly needs", "needs")
    other = "A completely different story about the weather in Lisbon and the price of sardines this summer."
    df = corpus.load(
        pd.DataFrame(
            {
                "text": [WIRE, other, WIRE.upper(), edited],
                "published": ["2021-07-14", "2021-07-14", "2021-07-15", "2021-07-16"],
                "source": ["a", "b", "c", "d"],
            }
        )
    )
    first = df["doc_id"].iloc[0]
    assert df["duplicate_of"].isna().tolist() == [True, True, False, False]
    assert df["duplicate_of"].iloc[2] == first and df["duplicate_of"].iloc[3] == first
    assert len(corpus.drop_duplicates(df)) == 2


def test_earliest_copy_is_the_original():
    df = corpus.load(pd.DataFrame({"text": [WIRE, WIRE], "published": ["2021-07-16", "2021-07-14"], "source": ["late", "early"]}))
    assert df["duplicate_of"].iloc[0] == df["doc_id"].iloc[1]
    assert pd.isna(df["duplicate_of"].iloc[1])


def test_koi8_cyrillic_is_not_read_as_cp1252(tmp_path):
    body = "Москва заявила, что переговоры продолжатся на следующей неделе в столице."
    _write(tmp_path / "ru.txt", body, "koi8_r")
    assert corpus.load(tmp_path)["text"].iloc[0] == body


def test_find_duplicates_threshold():
    words = WIRE.split()
    half = " ".join(words[: len(words) // 2]) + " " + " ".join(reversed(words[len(words) // 2 :]))
    assert corpus.find_duplicates([WIRE, half], threshold=0.8).tolist() == [-1, -1]
    assert corpus.find_duplicates([WIRE, WIRE + " Extra."], threshold=0.8).tolist() == [-1, 0]


# ------------------------------------------------------------------ validate, save
def test_validate_dataframe_and_errors():
    df = corpus.load(pd.DataFrame({"text": ["x y z"], "title": ["T"], "published": ["2020-05-01T10:00:00+02:00"]}))
    assert df["published"].iloc[0] == pd.Timestamp("2020-05-01 08:00:00")  # UTC, naive
    with pytest.raises(ValueError, match="no 'text' column"):
        corpus.load(pd.DataFrame({"body": ["x"]}))
    with pytest.raises(ValueError, match=r"rows \[1\] have empty text"):
        corpus.load(pd.DataFrame({"text": ["x", " "]}))
    with pytest.raises(ValueError, match="doc_id values repeat"):
        corpus.load(pd.DataFrame({"text": ["x", "y"], "doc_id": ["a", "a"]}))


def test_validate_does_not_mutate_input():
    src = pd.DataFrame({"text": ["x y z"], "published": ["2020-05-01"]})
    before = src.copy()
    corpus.load(src)
    pd.testing.assert_frame_equal(src, before)


def test_parquet_round_trip_exact(seed_path, tmp_path):
    df = corpus.load(pd.DataFrame({"text": ["a b", "c d"], "published": ["2020-01-01", None], "extra": [1.5, 2.0]}))
    df = pd.concat([df, corpus.load(seed_path)], ignore_index=True)
    df.attrs["load_report"] = pd.DataFrame({"source": ["f"], "record": ["1"], "reason": ["bad"]}, dtype="string")
    out = corpus.save(df, tmp_path / "c.parquet")
    back = corpus.load(out)
    pd.testing.assert_frame_equal(df, back)
    pd.testing.assert_frame_equal(back.attrs["load_report"], df.attrs["load_report"])
    with pytest.raises(ValueError, match="use a .parquet file name"):
        corpus.save(df, tmp_path / "c.csv")


def test_summary(seed_corpus):
    s = corpus.summary(seed_corpus)
    assert "articles: 1" in s and "World Socialist Web Site: 1" in s and "2021-07-23 to 2021-07-23" in s


def test_free_form_dates_to_naive_utc():
    df = corpus.load(pd.DataFrame({"text": ["a", "b", "c"], "published": ["July 23, 2021 Friday 10:00 AM EST", "23 July 2021", "Updated 3 hours ago"]}))
    assert df["published"].iloc[0] == pd.Timestamp("2021-07-23 15:00")
    assert df["published"].iloc[1] == pd.Timestamp("2021-07-23")
    assert pd.isna(df["published"].iloc[2])  # no year: never filled in from today's date
    assert df.attrs["load_report"]["reason"].str.contains("Updated 3 hours ago").any()


def test_near_copies_found_among_many_texts():
    # LSH must find every planted near copy (Jaccard ~0.99) and nothing else
    rng = np.random.default_rng(1)
    vocab = np.array([f"w{i}" for i in range(5000)])
    p = 1 / np.arange(1, 5001)
    texts = [" ".join(rng.choice(vocab, 300, p=p / p.sum())) for _ in range(400)]
    for i in range(0, 400, 20):
        texts[i + 1] = texts[i] + " and three more"
    flagged = corpus.find_duplicates(texts)
    expected = np.full(400, -1)
    expected[1::20] = np.arange(0, 400, 20)
    assert flagged.tolist() == expected.tolist()


# ------------------------------------------------------------------ review fixes
def test_glob_naming_folders_reads_them(tmp_path):
    # 'corpus/*' names the outlet folders; they are read like folder arguments
    # (with their corpus.toml), not skipped without a word
    for outlet in ("a", "b"):
        folder = tmp_path / outlet
        folder.mkdir()
        (folder / "corpus.toml").write_text(f'outlet = "Outlet {outlet.upper()}"\n', encoding="utf-8")
        _write(folder / "one.txt", f"First article of {outlet}.")
        _write(folder / "two.txt", f"Second article of {outlet}.")
    df = corpus.load(str(tmp_path / "*"))
    assert df["outlet"].tolist() == ["Outlet A"] * 2 + ["Outlet B"] * 2
    assert df["text"].tolist() == ["First article of a.", "Second article of a.",
                                   "First article of b.", "Second article of b."]
    # a recursive pattern lists the files itself: each is read once
    assert len(corpus.load(str(tmp_path / "**"))) == 4


def test_saved_corpus_loaded_with_its_sources_keeps_ids_unique(tmp_path):
    _write(tmp_path / "src" / "a.txt", "An article about one thing.")
    saved = corpus.save(corpus.load(tmp_path / "src"), tmp_path / "saved.parquet")
    both = corpus.load([tmp_path / "src", saved])
    first = both["doc_id"].iloc[0]
    assert both["doc_id"].tolist() == [first, f"{first}-2"]
    assert both["duplicate_of"].tolist()[1] == first and pd.isna(both["duplicate_of"].iloc[0])
    assert both["doc_id"].dtype == "string"
    corpus.validate(both)  # the table meets the contract: unique doc_id


@pytest.mark.parametrize("value, expected", [
    ("4 oktober 2017 woensdag", "2017-10-04"),   # the fuzzy parser read 1 April 2017
    ("23. Juli 2021", "2021-07-23"),              # was not understood
    ("23 de julio de 2021", "2021-07-23"),
    ("2021年7月23日", "2021-07-23"),
    ("July 23, 2021 Friday 10:00 AM EST", "2021-07-23 15:00"),  # unchanged: time and zone kept
])
def test_dates_with_month_names_in_other_languages(value, expected):
    report: list = []
    out = corpus._to_datetime([value], ["x.csv#1"], report)
    assert out.tolist() == [pd.Timestamp(expected)] and report == []


def test_numeric_years_and_compact_dates_are_not_epoch_seconds(tmp_path):
    # JSON/Parquet numbers: 2021 and 20210723 were read as seconds after 1970
    rows = [{"text": "A.", "date": 2021}, {"text": "B.", "date": 20210723},
            {"text": "C.", "date": 1627041600}]
    (tmp_path / "a.json").write_text(json.dumps(rows), encoding="utf-8")
    df = corpus.load(tmp_path / "a.json")
    assert df["published"].tolist() == [pd.Timestamp("2021-01-01"), pd.Timestamp("2021-07-23"),
                                        pd.Timestamp("2021-07-23 12:00")]


# ------------------------------------------------------------------ bulk hashing, progress
TRICKY = [
    "",
    "one",
    "two words",
    "Plain ASCII text, with punctuation; and digits 2021 and snake_case.",
    "Curly “quotes” — dashes – and café NAÏVE ½ ² x²",
    "Straße STRASSE ǅemo İstanbul ΣΊΣΥΦΟΣ",
    "東京で2021年7月23日に会議 and Москва заявила",
    "emoji 😀 between 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 words",
    "a" * 300 + " " + "é" * 200 + " end",
    "  \n\t leading and trailing  \r\n",
]


def test_bulk_word_hashes_equal_the_per_word_definition():
    import zlib

    from discourse.corpus._shingling import word_hashes

    hashes, offsets = word_hashes(TRICKY)
    assert len(offsets) == len(TRICKY) + 1
    for i, text in enumerate(TRICKY):
        expected = [zlib.crc32(w.encode()) for w in re.findall(r"\w+", text.casefold())]
        assert hashes[offsets[i] : offsets[i + 1]].tolist() == expected, text
    for block in (1, 40, 400):  # texts read a few at a time give the same arrays
        small_hashes, small_offsets = word_hashes(TRICKY, block=block)
        assert small_hashes.tolist() == hashes.tolist() and small_offsets.tolist() == offsets.tolist()


def test_bulk_shingles_equal_the_per_text_definition():
    from discourse.corpus._duplicates import _shingles
    from discourse.corpus._shingling import shingle_hashes, word_hashes

    for k in (1, 2, 3, 5):
        values, offsets = shingle_hashes(*word_hashes(TRICKY), k)
        for i, text in enumerate(TRICKY):
            norm = " ".join(re.findall(r"\w+", text.casefold()))
            assert np.unique(values[offsets[i] : offsets[i + 1]]).tolist() == _shingles(norm, k).tolist(), (k, text)


def test_texts_without_a_possible_near_copy_are_skipped_and_the_others_kept():
    from discourse.corpus._duplicates import _may_have_near_copies
    from discourse.corpus._shingling import shingle_hashes, word_hashes

    base = " ".join(f"w{i}" for i in range(40))
    texts = [base, base.replace("w20", "changed"), " ".join(f"x{i}" for i in range(40)), "y1 y2 y3 y4"]
    values, offsets = shingle_hashes(*word_hashes(texts), 3)
    # the two near copies must stay; texts of words found nowhere else cannot reach 0.7
    assert _may_have_near_copies(values, offsets, np.ones(4, dtype=bool), 0.7) == [0, 1]
    # shingles of exact copies (not originals) do not count: text 0 then shares nothing
    assert _may_have_near_copies(values, offsets, np.array([True, False, True, True]), 0.7) == []
    # at threshold 0 any two texts are near copies: every text is kept
    assert _may_have_near_copies(values, offsets, np.ones(4, dtype=bool), 0.0) == [0, 1, 2, 3]


def test_find_duplicates_known_answer_with_exact_near_and_unrelated_texts():
    base = " ".join(f"word{i}" for i in range(60))
    texts = [
        "Nothing in common here at all, just one short line.",
        base,
        base.replace("word30", "edited"),               # Jaccard 55/61: a near copy of 1
        base.upper().replace(" ", ", "),                 # the same words: an exact copy of 1
        " ".join(f"other{i}" for i in range(60)),
        # half of each of two texts: Jaccard 28/88 with either, a near copy of neither
        " ".join(f"word{i}" for i in range(30)) + " " + " ".join(f"other{i}" for i in range(30)),
    ]
    assert corpus.find_duplicates(texts).tolist() == [-1, -1, 1, 1, -1, -1]
    assert corpus.find_duplicates(texts, threshold=None).tolist() == [-1, -1, -1, 1, -1, -1]


def test_minhash_blocks_equal_one_set_at_a_time():
    from discourse.corpus._duplicates import _minhash, _splitmix64

    rng = np.random.default_rng(3)
    seeds = rng.integers(0, 2**62, 16).astype(np.uint64)
    sets = [rng.integers(0, 2**62, n) for n in (1, 7, 5000, 2, 300)]
    expected = [_splitmix64(s.astype(np.uint64)[:, None] ^ seeds[None, :]).min(axis=0).tolist() for s in sets]
    assert _minhash(sets, seeds, chunk=1000).tolist() == expected


def test_load_progress_bar_only_when_asked(tmp_path, capsys):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Article number {i} about the river.", encoding="utf-8")
    quiet = corpus.load(tmp_path, progress=False)
    assert capsys.readouterr().err == ""
    assert len(corpus.load(tmp_path)) == 3  # automatic: a short load, and nobody watching
    assert capsys.readouterr().err == ""
    shown = corpus.load(tmp_path, progress=True)
    assert "loading files" in capsys.readouterr().err
    pd.testing.assert_frame_equal(shown, quiet)
    with pytest.raises(TypeError, match="progress must be True, False or None"):
        corpus.load(tmp_path, progress="yes")


def test_long_loads_are_the_ones_with_a_bar_by_default(tmp_path):
    from discourse.corpus._load import _long_load

    small = [(tmp_path / f"{i}.txt", tmp_path) for i in range(3)]
    for f, _ in small:
        f.write_text("x", encoding="utf-8")
    assert not _long_load(small)
    assert _long_load([(tmp_path / f"{i}.txt", tmp_path) for i in range(100)])  # many files (missing ones count 0 bytes)
    (tmp_path / "big.csv").write_bytes(b"a" * 10_000_000)
    assert _long_load(small + [(tmp_path / "big.csv", tmp_path)])


# ------------------------------------------------------------------ issue #15: column choice
TOKENISED = [  # invented articles: a tokenised copy in `content`, the original in `content_original`
    {"title": "Bridge opens", "date": "2021-06-03", "source": "Daily Example",
     "content": "The bridge opened in June . “ It is a photo tool , ” the mayor said . Traffic was light .",
     "content_original": "The bridge opened in June. “It is a photo tool,” the mayor said. Traffic was light."},
    {"title": "Flood warning", "date": "2021-06-04", "source": "Evening Example",
     "content": "Rivers rose on Tuesday . “ We are ready , ” officials said . Schools closed .",
     "content_original": "Rivers rose on Tuesday. “We are ready,” officials said. Schools closed."},
]


def test_tokenised_column_choice_is_reported(tmp_path):
    p = tmp_path / "news.json"
    p.write_text(json.dumps(TOKENISED, ensure_ascii=False), encoding="utf-8")
    df = corpus.load(p)
    assert df["text"].tolist() == [r["content"] for r in TOKENISED]  # the documented order: content first
    rep = df.attrs["load_report"]
    assert rep["reason"].iloc[0] == ("note: columns text='content' (also 'content_original'); title='title'; "
                                     "published='date'; outlet='source'")
    file_warning = rep[(rep["record"] == "") & rep["reason"].str.startswith("warning:")]["reason"].tolist()
    assert len(file_warning) == 1 and "'content' looks tokenised" in file_warning[0]
    assert "'content_original' does not" in file_warning[0]
    per_record = rep[rep["reason"].str.contains("text looks tokenised")]
    assert per_record["record"].tolist() == ["0", "1"]
    s = corpus.summary(df)
    assert "columns: text='content' (also 'content_original')" in s
    assert "warnings: 3 (tokenised text: 3)" in s

    chosen = corpus.load(p, columns={"content_original": "text", "source": "outlet"})
    assert chosen["text"].tolist() == [r["content_original"] for r in TOKENISED]
    assert chosen["outlet"].tolist() == ["Daily Example", "Evening Example"]
    assert chosen.attrs["load_report"]["reason"].tolist() == [
        "note: columns text='content_original' (also 'content'); outlet='source'; title='title'; published='date'"]


def test_columns_apply_to_the_tables_that_have_them(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(TOKENISED, ensure_ascii=False), encoding="utf-8")
    # (b.csv also has a stray byte: its repair is reported once, though the file is read twice)
    (tmp_path / "b.csv").write_bytes(b"title,body\nOld layout,A caf\xc3\xa9 text without the column\xff.\n")
    df = corpus.load(tmp_path, columns={"content_original": "text"})
    assert df["text"].tolist() == [r["content_original"] for r in TOKENISED] + ["A café text without the columnÿ."]
    assert df.attrs["load_report"]["reason"].str.contains("not valid UTF-8").sum() == 1
    with pytest.raises(ReaderError, match=r"columns=: column 'nope' is in none of the files loaded; "
                                          r"columns seen \(in one file\): title, date, source, content"):
        corpus.load(tmp_path, columns={"nope": "text"})
    with pytest.raises(TypeError, match="columns must be a dict"):
        corpus.load(tmp_path, columns=["content_original"])


# ------------------------------------------------------------------ issue #15: ids
RECORDS = [
    {"title": "Bridge opens", "date": "2021-06-03T12:00:00+02:00", "outlet": "Daily Example",
     "text": "The bridge opened.\n\nTraffic was light."},
    {"title": None, "date": "2021-06-04", "outlet": "Daily Example", "text": "Rivers rose on Tuesday."},
    {"title": "Undated", "date": None, "outlet": None, "text": "A third text, without a date."},
]


def _write_all_formats(folder: Path, records: list[dict]) -> list[Path]:
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(records), encoding="utf-8")
    (folder / "b.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    table = pd.DataFrame(records)
    table.to_csv(folder / "c.csv", index=False)
    table.to_parquet(folder / "d.parquet")
    table.assign(date=pd.to_datetime(table["date"], utc=True, format="ISO8601")).to_parquet(folder / "e.parquet")
    return sorted(folder.iterdir())


def test_derived_ids_are_the_same_in_every_table_format(tmp_path):
    files = _write_all_formats(tmp_path / "f", RECORDS)
    ids = [corpus.load(f)["doc_id"].tolist() for f in files]
    assert all(i == ids[0] for i in ids[1:])
    assert ids[0] == [
        corpus.doc_id("The bridge opened.\n\nTraffic was light.", "Bridge opens|2021-06-03T10:00:00|Daily Example"),
        corpus.doc_id("Rivers rose on Tuesday.", "|2021-06-04T00:00:00|Daily Example"),
        corpus.doc_id("A third text, without a date.", "Undated||"),
    ]
    # the same record in a folder: the copies get suffixes, in file order
    both = corpus.load(files[:2])
    assert both["doc_id"].tolist() == ids[0] + [f"{i}-2" for i in ids[0]]


def test_own_ids_are_kept_in_every_format(tmp_path):
    records = [dict(r, id=101 + i) for i, r in enumerate(RECORDS)]
    for f in _write_all_formats(tmp_path / "f", records):
        assert corpus.load(f)["doc_id"].tolist() == ["101", "102", "103"], f.name
    (tmp_path / "g.csv").write_text("doc_id,ID,text\nA-1,9,First.\nA-2,9,Second.\n", encoding="utf-8")
    df = corpus.load(tmp_path / "g.csv")
    assert df["doc_id"].tolist() == ["A-1", "A-2"]  # a doc_id column first, then id
    assert df["doc_id_original"].tolist() == ["A-1", "A-2"]


def test_repeated_own_ids_fall_back_and_are_reported(tmp_path):
    p = tmp_path / "ids.json"
    p.write_text(json.dumps([
        {"id": "x", "title": "t", "text": "One text."}, {"id": "x", "title": "t", "text": "Another text."},
        {"id": "y", "title": "t", "text": "The same text."}, {"id": "y", "title": "t", "text": "The same text."},
    ]), encoding="utf-8")
    df = corpus.load(p)
    assert df["doc_id"].tolist() == [corpus.doc_id("One text.", "t||"), corpus.doc_id("Another text.", "t||"),
                                     "y", "y-2"]
    assert df["duplicate_of"].tolist()[3] == "y"
    rep = df.attrs["load_report"]
    assert rep[["record", "reason"]].values.tolist() == [
        ["0", "warning: repeated id 'x'; doc_id derived from the content instead"],
        ["1", f"warning: repeated id 'x' (first in {p} record 0); doc_id derived from the content instead"],
        ["3", f"warning: repeated id 'y' (first in {p} record 2); the same text: the same article again, "
              "doc_id gets a suffix"],
    ]


# ------------------------------------------------------------------ issue #15: plausibility
def test_implausible_records_are_kept_with_warnings(tmp_path):
    p = tmp_path / "odd.json"
    p.write_text(json.dumps([
        {"title": "Far future", "date": "2999-01-01", "text": "A text from the far future."},
        {"title": "Future", "date": "2200-05-01", "text": "A text from the future."},
        {"title": "Old", "date": "1750-06-01", "text": "A text from long ago."},
        {"title": "", "date": "2021-06-01", "text": "A text without a title."},
        {"title": "Cut", "date": "2021-06-01", "text": "The minister said the plan would… [+2816 chars]"},
        {"title": "Fine", "date": "2021-06-01", "text": "Nothing odd here."},
    ]), encoding="utf-8")
    df = corpus.load(p)
    assert len(df) == 6  # nothing dropped
    assert df["published"].isna().tolist() == [True, False, False, False, False, False]
    got = df.attrs["load_report"][["record", "reason"]].values.tolist()
    assert [r for r, _ in got] == ["0", "1", "2", "3", "4"]
    assert got[0][1] == ("warning: date '2999-01-01' is in the future and outside the years 1677-2262 that can "
                         "be stored; published left empty (NaT); check the date")
    assert got[1][1].startswith("warning: published 2200-05-01 is in the future (after the load, ")
    assert got[2][1] == "warning: published 1750-06-01 is before 1800; check the date"
    assert got[3][1] == "warning: empty title"
    assert got[4][1] == "warning: text looks truncated: it ends in '…', '...' or '[+N chars]'"
    assert "warnings: 5 (date in the future: 2, date before 1800: 1, empty title: 1, truncated text: 1)" in (
        corpus.summary(df))


def test_texts_shorter_than_the_database_count_are_flagged(tmp_path):
    from discourse.corpus._checks import plausibility

    frame = pd.DataFrame({"title": ["a", "b"], "published": [pd.NaT, pd.NaT],
                          "text": ["one two three four", "one two three four"]})
    where = [("f.txt", "1"), ("f.txt", "2")]
    rows = plausibility(frame, [9, 8], where, now=pd.Timestamp("2026-01-01"))
    assert rows == [dict(source="f.txt", record="1",
                         reason="warning: text looks truncated: 4 words where the database counts 9")]
    # a table's length column is not taken for a word count (it may count characters)
    (tmp_path / "t.json").write_text(json.dumps([{"title": "t", "text": "short", "length": 900}]), encoding="utf-8")
    assert len(corpus.load(tmp_path / "t.json").attrs["load_report"]) == 0


def test_non_factiva_xml_in_a_folder_is_skipped(tmp_path):
    (tmp_path / "feed.xml").write_text('<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>',
                                       encoding="utf-8")
    (tmp_path / "a.txt").write_text("A title\n\nSome text.\n", encoding="utf-8")
    df = corpus.load(tmp_path)
    assert len(df) == 1
    assert df.attrs["load_report"][["source", "reason"]].values.tolist() == [
        [str(tmp_path / "feed.xml"), "skipped: XML that is not a Factiva export"]]


# ------------------------------------------------------------------ issue #15: summary
def test_summary_for_many_outlets():
    n = {f"Outlet {chr(65 + i)}": 12 - i for i in range(12)}  # A: 12 ... L: 1
    rows = [dict(text=f"text {o} {k}", outlet=o, published="2021-01-0" + str(1 + k % 9) if k else None)
            for o, c in n.items() for k in range(c)]
    df = corpus.load(pd.DataFrame(rows), duplicates=False)
    lines = corpus.summary(df).splitlines()
    assert lines[0] == f"articles: {sum(n.values())}"
    assert lines[1] == ("outlets: 12 (top 10: Outlet A: 12, Outlet B: 11, Outlet C: 10, Outlet D: 9, Outlet E: 8, "
                        "Outlet F: 7, Outlet G: 6, Outlet H: 5, Outlet I: 4, Outlet J: 3, and 2 more)")
    assert lines[2] == "published: 2021-01-01 to 2021-01-09 (12 undated)"


def test_summary_counts_warnings_by_kind_and_lists_the_first_ten(tmp_path):
    p = tmp_path / "future.json"
    p.write_text(json.dumps([{"title": f"t{i}", "date": "2200-01-01", "text": f"Text {i}."} for i in range(12)]
                            + [{"title": "", "date": "2021-01-01", "text": "Untitled."}]), encoding="utf-8")
    lines = corpus.summary(corpus.load(p)).splitlines()
    at = lines.index("warnings: 13 (date in the future: 12, empty title: 1)")
    assert len(lines) == at + 12 and lines[-1] == "  ... and 3 more (df.attrs['load_report'])"
    assert lines[at + 1].startswith(f"  {p} record 0: warning: published 2200-01-01 is in the future (after ")
    assert "not loaded: 0" in lines and "published: 2021-01-01 to 2200-01-01 (0 undated)" in lines
