"""Tests for discourse.quotes: the seed article checked by hand, and hand-written hard cases."""
from __future__ import annotations

import inspect

import pandas as pd
import pytest

from discourse import quotes

# (quote, speaker, verb, kind, speaker_resolved) for every quotation in the seed, in
# document order, each checked by hand against the article.
SEED_EXPECTED = [
    ("Strategic momentum appears to be sort of with the Taliban", "Milley", "said", "direct", "Gen. Mark Milley"),
    ("a negative outcome, a Taliban automatic military takeover, is not a forgone conclusion",
     "Milley", "insisting", "partial", "Gen. Mark Milley"),
    ("We will continue to monitor the situation closely and make adjustments as necessary.",
     "Milley", "added", "direct", "Gen. Mark Milley"),
    ("adjustments", "the Joint Chiefs chairman", "stated", "partial", "Gen. Mark Milley"),
    ("package of long-range bombers, additional fighter-bombers and troop formations are postured "
     "to quickly respond if necessary and directed", "the Joint Chiefs chairman", "stated", "partial",
     "Gen. Mark Milley"),
    ("reconstruction", None, None, "scare", None),
    ("over the horizon capabilities", "the Pentagon", "describes", "scare", "the Pentagon"),
    ("an absolute lie", "the Kabul regime's Defense Ministry", "denounced", "partial",
     "the Kabul regime's Defense Ministry"),
    ("positive", "Russia's envoy for Afghanistan", "describing", "partial", "Russia's envoy for Afghanistan"),
    ("despite accusations that they want to create an Islamic emirate based on Sharia law",
     "Russian Foreign Minister Sergei Lavrov", "commented", "partial", "Russian Foreign Minister Sergei Lavrov"),
    ("sane people", "Lavrov", "said", "partial", "Russian Foreign Minister Sergei Lavrov"),
    ("maintain uncertainty as long as possible", "the Russian foreign minister", "called", "partial",
     "Russian Foreign Minister Sergei Lavrov"),
    ("monopoly of power", "Taliban spokesman Suhail Shaheen", "told", "partial", "Suhail Shaheen"),
    ("acceptable to us and to other Afghans", "Taliban spokesman Suhail Shaheen", "told", "partial", "Suhail Shaheen"),
    ("great power", None, None, "scare", None),
]


def _none(v):
    return None if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA else v


def _rows(df, cols=("quote", "speaker", "verb", "kind", "speaker_resolved")):
    return [tuple(_none(v) for v in r) for r in df[list(cols)].itertuples(index=False)]


def one(text, **kw):
    """The single quotation found in ``text`` as a dict."""
    q = quotes.find(text, **kw)
    q = q[q["depth"] == 0]
    assert len(q) == 1, q[["quote", "speaker", "kind"]]
    return {k: _none(v) for k, v in q.iloc[0].to_dict().items()}


# ------------------------------------------------------------------ the seed
@pytest.fixture(scope="module")
def seed_quotes(_seed_corpus):
    return quotes.find(_seed_corpus)


def test_seed_exact_set(seed_quotes):
    assert _rows(seed_quotes) == SEED_EXPECTED


def test_seed_offsets_index_text(seed_quotes, seed_text):
    for s, e, quote in zip(seed_quotes["start"], seed_quotes["end"], seed_quotes["quote"]):
        assert seed_text[s:e] == quote
        # the quote marks themselves are outside the span
        assert seed_text[s - 1] == '"'


def test_seed_required_results(seed_quotes):
    q = seed_quotes.set_index("quote")
    lie = q.loc["an absolute lie"]
    assert "Defense Ministry" in lie["speaker"] and lie["verb"] == "denounced" and lie["kind"] == "partial"
    momentum = q.loc["Strategic momentum appears to be sort of with the Taliban"]
    assert (momentum["speaker"], momentum["verb"], momentum["kind"]) == ("Milley", "said", "direct")
    for phrase in ("great power", "reconstruction"):
        assert q.loc[phrase, "kind"] == "scare" and pd.isna(q.loc[phrase, "speaker"])
    assert "Suhail Shaheen" in q.loc["monopoly of power", "speaker"]
    monitor = q.loc["We will continue to monitor the situation closely and make adjustments as necessary."]
    assert (monitor["speaker"], monitor["verb"]) == ("Milley", "added")
    horizon = q.loc["over the horizon capabilities"]
    assert (horizon["kind"], horizon["speaker"], horizon["attribution"]) == ("scare", "the Pentagon", "what-X-calls")
    assert "Lavrov" in q.loc["sane people", "speaker"]


def test_seed_columns_and_types(seed_quotes, _seed_corpus):
    assert list(seed_quotes.columns) == quotes.COLUMNS
    assert seed_quotes["doc_id"].unique().tolist() == [_seed_corpus["doc_id"].iloc[0]]
    assert seed_quotes["start"].dtype == "int64" and seed_quotes["end"].dtype == "int64"
    assert seed_quotes["para_id"].tolist() == [4, 4, 4, 4, 4, 6, 7, 8, 10, 11, 12, 12, 13, 13, 16]
    assert seed_quotes["verb_group"].tolist()[:3] == ["neutral", "distancing", "neutral"]
    assert seed_quotes.loc[seed_quotes["verb"] == "denounced", "verb_lemma"].tolist() == ["denounce"]
    assert seed_quotes["n_words"].tolist()[:2] == [10, 13]
    assert (seed_quotes["depth"] == 0).all() and (seed_quotes["n_paras"] == 1).all()
    assert seed_quotes.attrs["problems"] == []


def test_seed_sent_ids_follow_text_sentences(seed_quotes, _seed_corpus):
    from discourse import text

    sents = text.sentences(_seed_corpus)
    for s, sid in zip(seed_quotes["start"], seed_quotes["sent_id"]):
        row = sents[sents["sent_id"] == sid].iloc[0]
        assert row["start"] <= s < row["end"]


def test_input_not_mutated(seed_corpus):
    before = seed_corpus.copy()
    quotes.find(seed_corpus)
    pd.testing.assert_frame_equal(seed_corpus, before)


def test_deterministic(seed_corpus):
    pd.testing.assert_frame_equal(quotes.find(seed_corpus), quotes.find(seed_corpus))


# ------------------------------------------------------------ attribution
def test_attribution_after_quote():
    r = one('"We are not leaving," the ministry said in a statement on Monday.')
    assert (r["quote"], r["speaker"], r["verb"], r["kind"], r["attribution"]) == (
        "We are not leaving", "the ministry", "said", "direct", "quote-X-said")


def test_said_x_inversion():
    r = one('"The talks have failed," said Gen. Kenneth McKenzie, the head of Central Command.')
    assert (r["speaker"], r["verb"], r["kind"], r["attribution"]) == (
        "Gen. Kenneth McKenzie", "said", "direct", "quote-said-X")


def test_x_who_said():
    r = one('Smith, who has led the agency since 2019, said, "There is no plan."')
    assert (r["quote"], r["speaker"], r["verb"], r["kind"]) == ("There is no plan.", "Smith", "said", "direct")


def test_told_reuters_that():
    r = one('The senator told Reuters that the bill was "dead on arrival."')
    assert (r["quote"], r["speaker"], r["verb"], r["kind"]) == ("dead on arrival", "The senator", "told", "partial")


def test_dash_attribution():
    r = one('"The era of forever wars is over" — President Joe Biden')
    assert (r["speaker"], r["verb"], r["kind"], r["attribution"]) == ("President Joe Biden", None, "direct", "dash")
    r = one('"We stay," — a spokesman said.')
    assert (r["speaker"], r["verb"]) == ("a spokesman", "said")


def test_according_to_before_and_after():
    r = one('According to the ministry, "the strikes killed 12 civilians."')
    assert (r["speaker"], r["verb"]) == ("the ministry", "according to")
    r = one('"The strikes killed 12 civilians," according to the ministry.')
    assert (r["speaker"], r["verb"], r["kind"], r["attribution"]) == (
        "the ministry", "according to", "direct", "quote-according-to")


def test_colon_attribution_previous_sentence_and_paragraph():
    r = one('The governor said on Tuesday:\n\n"This is a disaster. We need help now."')
    assert (r["speaker"], r["verb"], r["kind"], r["attribution"]) == (
        "The governor", "said", "direct", "previous-sentence-colon")
    r = one('The spokesman: "We deny everything."')
    assert (r["speaker"], r["verb"], r["attribution"]) == ("The spokesman", None, "X-colon")


def test_continuation_sentence_inherits_speaker():
    q = quotes.find('"There will be no retreat," Ms. Karzai said. "We will fight on."')
    assert _rows(q, ("quote", "speaker", "verb", "attribution")) == [
        ("There will be no retreat", "Ms. Karzai", "said", "quote-X-said"),
        ("We will fight on.", "Ms. Karzai", "said", "continuation"),
    ]


def test_pronoun_attribution_in_following_sentence():
    r = one('Sen. Ana Ruiz voted no. "The country is finished." She said the decision was taken in Washington.')
    assert (r["speaker"], r["verb"], r["attribution"], r["speaker_resolved"]) == (
        "She", "said", "next-sentence", "Sen. Ana Ruiz")


def test_pronoun_resolved_only_when_a_person_is_near():
    r = one('Defense Secretary Lloyd Austin spoke on Monday. "We are ready," he said.')
    assert (r["speaker"], r["speaker_resolved"]) == ("he", "Defense Secretary Lloyd Austin")
    r = one('"We are ready," he said.')
    assert (r["speaker"], r["speaker_resolved"]) == ("he", "he")


def test_role_noun_and_surname_resolution():
    q = quotes.find('Lloyd Austin, the defense secretary, met reporters.\n\n'
                    '"We are ready," the defense secretary said. "And we will act," Austin added.')
    assert _rows(q, ("speaker", "speaker_resolved", "verb")) == [
        ("the defense secretary", "Lloyd Austin", "said"), ("Austin", "Lloyd Austin", "added")]


def test_participle_takes_main_clause_subject():
    r = one('Insisting that "nothing has changed," the minister left the room.')
    assert (r["speaker"], r["verb"], r["kind"], r["attribution"]) == (
        "the minister", "insisting", "partial", "participle-main-subject")
    q = quotes.find('Denying that "anything was wrong," Smith added that the review was over.')
    assert _rows(q, ("speaker", "verb", "kind")) == [("Smith", "denying", "partial")]


def test_distancing_constructions():
    r = one('Officials praised the so-called "peace process" as a success.')
    assert (r["kind"], r["speaker"], r["attribution"]) == ("scare", None, "so-called")
    r = one('The raids used what the Pentagon calls "precision munitions," officials said.')
    assert (r["kind"], r["speaker"], r["verb"]) == ("scare", "the Pentagon", "calls")
    r = one('It was what has been described as "a reset" of relations.')
    assert (r["kind"], r["speaker"]) == ("scare", None)


def test_unattributed_short_is_scare_long_is_not():
    assert one('The war on "terror" continued for two decades.')["kind"] == "scare"
    r = one('The slogan "we will never forget the fallen of the war" was painted in red letters.')
    assert (r["kind"], r["speaker"]) == ("partial", None)
    assert one('The slogan "we will never forget" was painted in red.')["kind"] == "scare"
    assert one('The slogan "we will never forget" was painted in red.', scare_max_words=3)["kind"] == "partial"


# -------------------------------------------------------------- quote marks
def test_curly_quotes_and_apostrophes():
    r = one("“It’s the army’s job,” said the soldiers’ commander.")
    assert (r["quote"], r["speaker"], r["verb"]) == ("It’s the army’s job", "the soldiers’ commander", "said")
    assert len(quotes.find("It’s the ’90s again, and the Taliban’s fighters aren’t stopping.")) == 0
    assert len(quotes.find("Afghanistan's war and the soldiers' families can't rest.")) == 0


def test_nested_single_quotes():
    q = quotes.find('"He told me \'we are finished,\' and then he left," the witness said.')
    assert _rows(q, ("quote", "speaker", "verb", "kind", "depth")) == [
        ("He told me 'we are finished,' and then he left", "the witness", "said", "direct", 0),
        ("we are finished", "He", "told", "partial", 1),
    ]
    assert len(quotes.find('"He told me \'no,\'" she said.', nested=False)) == 1


def test_british_single_quotes_as_primary():
    q = quotes.find("The prime minister said the deal was ‘a betrayal’ of voters. ‘We will not accept it,’ she said.")
    assert _rows(q, ("quote", "speaker", "kind")) == [
        ("a betrayal", "The prime minister", "partial"), ("We will not accept it", "she", "direct")]


def test_multi_paragraph_quote():
    text = '"We have been abandoned.\n\n"Nobody came to help us," said Ahmad Zia, a farmer.\n\nThe village is empty.'
    r = one(text)
    assert r["n_paras"] == 2 and r["para_id"] == 0
    assert text[r["start"]:r["end"]] == r["quote"] == 'We have been abandoned.\n\n"Nobody came to help us'
    assert (r["speaker"], r["verb"], r["kind"]) == ("Ahmad Zia", "said", "direct")
    assert quotes.find(text).attrs["problems"] == []


def test_unbalanced_marks_are_reported_not_raised():
    q = quotes.find('He said "we will win.\n\nNobody believed him.')
    assert len(q) == 0
    assert q.attrs["problems"] == [{"doc_id": "0", "para_id": 0, "pos": 8, "mark": '"', "problem": "unclosed quote"}]
    p = quotes.problems('Nobody believed "him.” And then ” something.')
    assert p[["pos", "problem"]].values.tolist() == [[32, "closing mark without opening"]]
    assert quotes.problems('An "" empty one.')["problem"].tolist() == ["empty quote"]
    with pytest.raises(ValueError, match="unclosed quote at offset 8"):
        quotes.find('He said "we will win.', errors="raise")
    assert "problems" not in quotes.find('He said "we will win.', errors="ignore").attrs


def test_straight_quote_pairing_in_odd_spacing():
    q = quotes.find('He said"no"and left. She said "yes."')
    assert q["quote"].tolist() == ["no", "yes"]


# ------------------------------------------------------------------- input
def test_inputs_string_list_and_empty():
    assert quotes.find('a "b" c')["doc_id"].tolist() == ["0"]
    assert quotes.find(['no quotes', 'a "b" c'])["doc_id"].tolist() == ["1"]
    assert quotes.find_in_text('x "y" z')["quote"].tolist() == ["y"]
    empty = quotes.find(pd.DataFrame({"doc_id": ["a"], "text": ["Nothing quoted here."]}))
    assert list(empty.columns) == quotes.COLUMNS and len(empty) == 0


def test_bad_input():
    with pytest.raises(ValueError, match="needs a 'text' column"):
        quotes.find(pd.DataFrame({"doc_id": ["a"]}))
    with pytest.raises(ValueError, match="errors must be"):
        quotes.find("x", errors="loud")
    with pytest.raises(ValueError, match="scare_max_words"):
        quotes.find("x", scare_max_words=-1)
    with pytest.raises(TypeError, match="must be a str"):
        quotes.find_in_text(3)


def test_reporting_verbs_table():
    v = quotes.reporting_verbs()
    assert list(v.columns) == ["verb", "lemma", "group", "note"]
    assert set(v["group"]) == {"neutral", "distancing", "endorsing"}
    assert not v["verb"].duplicated().any()
    g = dict(zip(v["verb"], v["group"]))
    assert (g["said"], g["told"], g["claimed"], g["insisted"], g["alleged"], g["acknowledged"], g["noted"]) == (
        "neutral", "neutral", "distancing", "distancing", "distancing", "endorsing", "endorsing")


def test_capitalised_verb_forms_are_not_verbs():
    # "States" in "United States" is not the verb "states"
    r = one('The United States "will respond," officials said.')
    assert (r["speaker"], r["verb"]) == ("officials", "said")


# -------------------------------------------------------------------- CLI
def test_cli_quotes(seed_path, tmp_path):
    from discourse import cli

    out = tmp_path / "q.csv"
    assert cli.main(["quotes", str(seed_path), "--out", str(out), "--quiet"]) == 0
    df = pd.read_csv(out)
    assert len(df) == len(SEED_EXPECTED)
    assert df["quote"].tolist() == [r[0] for r in SEED_EXPECTED]
    pq = tmp_path / "q.parquet"
    assert cli.main(["quotes", str(seed_path), "--out", str(pq), "--quiet"]) == 0
    assert [_none(s) for s in pd.read_parquet(pq)["speaker"]] == [r[1] for r in SEED_EXPECTED]


def test_relative_clause_is_not_an_attribution():
    r = one('Opponents rallied behind talk of "militarism", which the government rejects.')
    assert (r["kind"], r["speaker"]) == ("scare", None)


def test_period_inside_closing_mark_keeps_scare():
    r = one('The government presented the measures as "reforms."')
    assert (r["quote"], r["kind"], r["speaker"]) == ("reforms", "scare", None)


def test_speaker_with_from_phrase():
    r = one('Reports from Lake Imber describe "massacre" after shelling.')
    assert (r["speaker"], r["verb"], r["kind"]) == ("Reports from Lake Imber", "describe", "partial")


# ------------------------------------------------------------------ plots
def test_plots_sources_and_reporting_verbs(seed_quotes):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from discourse import plots

    fig, ax = plt.subplots()
    assert plots.sources(seed_quotes, n=3, ax=ax) is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Gen. Mark Milley", "Russian Foreign Minister Sergei…", "Suhail Shaheen"]
    # Milley: 2 direct + 3 partial, stacked
    widths = sorted(p.get_width() for p in ax.patches if p.get_y() < 0.5 and p.get_width() > 0)
    assert widths == [2.0, 3.0]
    ax2 = plots.reporting_verbs(seed_quotes)
    labels = [t.get_text() for t in ax2.get_yticklabels()]
    assert labels[:4] == ["describe", "say", "state", "tell"] and len(labels) == 9
    q = seed_quotes.assign(outlet=["A"] * 8 + ["B"] * 7)
    ax3 = plots.reporting_verbs(q, by="outlet")
    assert [t.get_text() for t in ax3.get_yticklabels()] == ["A", "B"]
    ax4 = plots.sources(q, by="outlet", n=2)
    assert len(ax4.patches) == 4
    with pytest.raises(KeyError, match="needs columns"):
        plots.sources(q.drop(columns="kind"))
    with pytest.raises(ValueError, match="n must be"):
        plots.reporting_verbs(q, n=0)
    plt.close("all")


def test_figures_registered():
    from discourse import figures

    names = set(figures.list_figures()["name"])
    assert {"seed-sources", "seed-reporting-verbs", "sources-by-outlet",
            "reporting-verbs-by-outlet"} <= names


@pytest.mark.parametrize("text, expected", [
    ('"We\'re going to get this done," Biden told reporters at the White House on Friday.',
     ("We're going to get this done", "Biden", "told", "direct")),
    ('The official, who spoke on condition of anonymity because he was not authorized to speak '
     'publicly, said the strikes were "precise."', ("precise", "The official", "said", "partial")),
    ('In a statement, Taliban spokesman Zabihullah Mujahid said: "The war is over."',
     ("The war is over.", "Taliban spokesman Zabihullah Mujahid", "said", "direct")),
    ('The group\'s spokesman, Zabihullah Mujahid, told Reuters: "We have no plans to attack Kabul."',
     ("We have no plans to attack Kabul.", "Zabihullah Mujahid", "told", "direct")),
    ('Asked whether the U.S. would intervene, Psaki said, "The president has been clear."',
     ("The president has been clear.", "Psaki", "said", "direct")),
    ('Biden, speaking at the White House, said the U.S. "did not go to Afghanistan to nation-build."',
     ("did not go to Afghanistan to nation-build", "Biden", "said", "partial")),
    ('"We are not going anywhere," said Col. Ahmad Shah, a police commander in Kandahar, adding that '
     'reinforcements had arrived.', ("We are not going anywhere", "Col. Ahmad Shah", "said", "direct")),
    ('U.S. officials said the Taliban had "momentum."', ("momentum", "U.S. officials", "said", "partial")),
    ('A senior administration official told reporters Thursday that the evacuation was "on track."',
     ("on track", "A senior administration official", "told", "partial")),
    ('"Our mission is over," declared Gen. Frank McKenzie.',
     ("Our mission is over", "Gen. Frank McKenzie", "declared", "direct")),
    ('“We will never surrender,” the statement read.', ("We will never surrender", "the statement", "read", "direct")),
    ('As Mr. Biden put it last week, "The buck stops with me."', ("The buck stops with me.", "Mr. Biden", "put it", "direct")),
])
def test_wire_copy_patterns(text, expected):
    r = one(text)
    assert (r["quote"], r["speaker"], r["verb"], r["kind"]) == expected


def test_participle_after_quote_takes_earlier_subject():
    q = quotes.find('"We did it," Mujahid said, before adding: "Now we rebuild."')
    assert _rows(q, ("quote", "speaker", "verb", "attribution")) == [
        ("We did it", "Mujahid", "said", "quote-X-said"),
        ("Now we rebuild.", "Mujahid", "adding", "participle-left-subject"),
    ]


def test_inch_mark_is_reported_not_paired():
    q = quotes.find('The 6\'2" soldier said nothing.')
    assert len(q) == 0 and [p["problem"] for p in q.attrs["problems"]] == ["closing mark without opening"]


def test_custom_verbs():
    text = '"We stay," the minister harrumphed.'
    assert one(text)["speaker"] is None
    r = one(text, lexicon=["harrumphed"])
    assert (r["speaker"], r["verb"], r["verb_lemma"], r["verb_group"]) == ("the minister", "harrumphed", "harrumphed", None)
    table = pd.DataFrame({"verb": ["harrumphed"], "lemma": ["harrumph"], "group": ["neutral"]})
    r = one(text, lexicon=table)
    assert (r["verb_lemma"], r["verb_group"]) == ("harrumph", "neutral")
    with pytest.raises(ValueError, match="needs a 'verb' column"):
        quotes.find(text, lexicon=pd.DataFrame({"lemma": ["x"]}))


def test_british_style_with_nested_double_quotes():
    q = quotes.find("The minister said it was ‘a betrayal’. ‘We heard him say \"never\" twice,’ she said.")
    assert _rows(q, ("quote", "speaker", "kind", "depth")) == [
        ("a betrayal", "The minister", "partial", 0),
        ('We heard him say "never" twice', "she", "direct", 0),
        ("never", None, "partial", 1),
    ]


def test_direct_quote_split_by_its_attribution():
    q = quotes.find('"We will win," he said, "and we will rebuild."')
    assert _rows(q, ("quote", "speaker", "kind")) == [
        ("We will win", "he", "direct"), ("and we will rebuild.", "he", "direct")]


def test_non_ascii_names_and_acronyms_resolve():
    q = quotes.find('U.N. Secretary-General António Guterres spoke. "We are alarmed," Guterres said.')
    assert _rows(q, ("speaker", "speaker_resolved")) == [("Guterres", "U.N. Secretary-General António Guterres")]


def test_party_state_parenthetical():
    assert one('"It is a mistake," Sen. Mitch McConnell, R-Ky., said.')["speaker"] == "Sen. Mitch McConnell"


# A hand-written wire-style article (tests/fixtures/quotes/wire_article.txt): every
# quotation checked by hand. (quote, speaker, verb, kind, speaker_resolved)
WIRE_EXPECTED = [
    ("The situation is very bad", "Abdul Karim", "said", "direct", "Abdul Karim"),
    ("The Taliban are in the city, and government forces have retreated to the airport.",
     "Abdul Karim", "said", "direct", "Abdul Karim"),
    ("nobody knows", "He", "added", "partial", "Abdul Karim"),
    ("the enemies of the nation", "he", "called", "scare", "Afghan President Ashraf Ghani"),
    ("We will not surrender", "Ghani", "said", "direct", "Afghan President Ashraf Ghani"),
    ("Our forces are ready.", "Ghani", "said", "direct", "Afghan President Ashraf Ghani"),
    ("deeply troubling", "Ned Price", "told", "partial", "Ned Price"),
    ("inconsistent", "Ned Price", "told", "partial", "Ned Price"),
    ("These are the wishes of the people", "he", "wrote", "direct", "Zabihullah Mujahid"),
    ("anti-government elements", "The report", "blamed", "partial", "The report"),
    ("where and when feasible", "Pentagon press secretary John Kirby", "said", "partial", "John Kirby"),
    ("It's their country to defend now", "Kirby", "said", "direct", "John Kirby"),
    ("It's their struggle.", "Kirby", "said", "direct", "John Kirby"),
    ("disaster", "Critics", "say", "partial", "Critics"),
    ("a stain on this presidency", "Rep. Michael McCaul", "called", "partial", "Rep. Michael McCaul"),
    ("It's too early to say the government will collapse", "Andrew Watkins", "said", "direct", "Andrew Watkins"),
    ("But the trend lines are clearly negative.", "Andrew Watkins", "said", "direct", "Andrew Watkins"),
]


def test_wire_article_fixture(root):
    text = (root / "tests" / "fixtures" / "quotes" / "wire_article.txt").read_text(encoding="utf-8")
    q = quotes.find(pd.DataFrame({"doc_id": ["wire"], "text": [text]}))
    assert _rows(q) == WIRE_EXPECTED
    assert q.attrs["problems"] == []


def test_find_reads_the_shared_annotations(seed_corpus):
    from discourse import text

    text.clear_cache()
    ann = text.annotate(seed_corpus)
    pd.testing.assert_frame_equal(quotes.find(ann), ann.quotes)
    pd.testing.assert_frame_equal(quotes.find(seed_corpus), ann.quotes)  # the corpus table: the same texts, cached
    assert "sentences" not in inspect.signature(quotes.find).parameters  # no side channel


# ------------------------------------------------------- Series input and records
def test_series_index_is_the_doc_id():
    texts = pd.Series(['"We will stay," the minister said.', "No quotes here.",
                       'Critics called it a "disaster."'], index=[10, "b", 7])
    q = quotes.find(texts)
    assert q["doc_id"].tolist() == ["10", "7"]
    assert str(q["doc_id"].dtype) == "string"
    assert q[["quote", "speaker"]].values.tolist() == [["We will stay", "the minister"], ["disaster", "Critics"]]
    p = quotes.problems(pd.Series(['He said "we will win.'], index=["x"]))
    assert p[["doc_id", "pos", "problem"]].values.tolist() == [["x", 8, "unclosed quote"]]


def test_series_matches_the_corpus_table():
    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ['"Yes," she said.', 'He called it "absurd."']})
    pd.testing.assert_frame_equal(quotes.find(df["text"].set_axis(df["doc_id"])), quotes.find(df))


def test_quotation_record_fields_are_the_columns():
    from dataclasses import fields

    assert [f.name for f in fields(quotes.Quotation)] == quotes.COLUMNS
    assert quotes.PROBLEM_COLUMNS == ["doc_id", "para_id", "pos", "mark", "problem"]


def test_marks_at_line_starts_and_british_style():
    # single marks open more quotations than double ones: British style; marks open at
    # the very start of the text and of a line; elisions stay apostrophes
    text = "‘We will win,’ he said.\n‘It is over,’ said Ms Rahimi, who runs the clinic. It's the 90's 'rock 'n' roll'."
    q = quotes.find(text)
    assert q[["start", "end", "quote", "speaker", "verb", "kind", "attribution"]].values.tolist()[:2] == [
        [1, 12, "We will win", "he", "said", "direct", "quote-X-said"],
        [25, 35, "It is over", "Ms Rahimi", "said", "direct", "quote-said-X"],
    ]
    assert q["quote"].tolist()[2] == "rock 'n' roll" and q["kind"].tolist()[2] == "scare"
    q = quotes.find('"Yes," she said.\n"No," he said.')
    assert q[["quote", "speaker"]].values.tolist() == [["Yes", "she"], ["No", "he"]]
