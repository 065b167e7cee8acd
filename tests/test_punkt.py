"""FastPunkt gives exactly nltk's Punkt sentence spans: hand-written news, generated texts."""
from __future__ import annotations

import random

import pandas as pd
import pytest
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktTrainer

from discourse import text
from discourse.text._punkt import FastPunkt
from discourse.text._punkt_train import make_trainer
from discourse.text._units import _para_spans, _trained
from discourse.words import ABBREVIATIONS


def _news_params() -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return params


def _nltk_spans(params: PunktParameters, texts: list[str]) -> list[list[tuple[int, int]]]:
    tok = PunktSentenceTokenizer(params)
    return [list(tok.span_tokenize(t)) for t in texts]


def _assert_same(params: PunktParameters, texts: list[str]) -> None:
    fast = FastPunkt(params)
    expected = _nltk_spans(params, texts)
    for t, want in zip(texts, expected):
        assert fast.span_tokenize(t) == want, repr(t)
    assert fast.span_tokenize_many(texts) == expected


HARD = [
    "",
    "   ",
    ".",
    "?!",
    "...",
    ". . .",
    "No punctuation at all",
    "Trailing whitespace.  \n ",
    "  Leading whitespace. Then more.",
    "Gen. Mark Milley met Sen. Ana Ruiz in the U.S. Capitol on Dec. 3. They spoke.",
    "The U.S. The U.K. and the U.N. all agreed. U.S. troops left.",
    "Troops arrived in the U.S. Then they left.",
    "J. R. R. Tolkien wrote it. J.R.R. Tolkien did. Mr. J. Smith agreed.",
    "He paused... Then he spoke. Wait. . . what? It was 3.5 percent.",
    "Prices rose 3.5% to $1,000.50. Analysts were surprised.",
    'He said, "We will fight." Then he left.',
    "She asked, “Why now?” Nobody answered.",
    "It was the ‘end.’ Or was it?",
    "(The vote was close.) Results follow. [See chart.] More later.",
    "the meeting ended. the next began. 2. The list went on.",
    "He finished 2nd. Then 3rd. On Jan. 5 it rained.",
    "THE END. ALL CAPS SENTENCE. NEXT ONE.",
    "Really?! Yes!!! No?? Maybe.",
    "Smith Jr. arrived at 5 p.m. Sunday. He was late.",
    "Ex-Gen. Ruiz spoke. pre-Dec. talks failed.",
    "Line one.\nLine two.\n\nNew paragraph. Last.",
    "Tabs\tand.\tweird\x0bspaces.\x0cHere. Non\u00a0breaking.\u00a0Space.",
    "Naïve café. Éire won. İstanbul voted. Straße closed.",
    "Control\x1cchars. Here\x1f. More.\x1c\nNext.",
    "Dashes end it.--Then this. Or.-- that.",
    "«Non.» Dit-il. ‘Quote.’ ”Odd.”",
    "e.g. this one. i.e. that one. vs. them.",
    "U.S.-backed forces. Well-known.",
    "It cost 5. Not 6. 7.",
    "Ends with a quote.\"",
    "A.B.C. D.E.F. G.",
]


def test_hard_cases_match_nltk():
    _assert_same(_news_params(), HARD)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gen. Mark Milley spoke. He left.", ["Gen. Mark Milley spoke.", "He left."]),
        ("U.S. troops left Kabul. Sen. Ana Ruiz objected.", ["U.S. troops left Kabul.", "Sen. Ana Ruiz objected."]),
        ("It ended on Dec. 3. Talks resume.", ["It ended on Dec. 3.", "Talks resume."]),
        ('He said, "We will fight." Then he left.', ['He said, "We will fight."', "Then he left."]),
        ("(The vote was close.) Results follow.", ["(The vote was close.)", "Results follow."]),
        ("Rates rose 3.5 percent. Markets fell.", ["Rates rose 3.5 percent.", "Markets fell."]),
        ("Trailing.  ", ["Trailing."]),
        ("", []),
    ],
)
def test_known_sentences(sentence, expected):
    got = FastPunkt(_news_params()).span_tokenize(sentence)
    assert [sentence[s:e] for s, e in got] == expected


# -- generated texts ----------------------------------------------------------------------
WORDS = ["the", "The", "said", "he", "He", "THE", "NATO", "a", "A", "i", "I", "x", "Smith", "smith",
         "naïve", "Éire", "straße", "İstanbul", "ﬁne", "e\u0301t", "٣", "²", "Ⅻ", "_x", "well-known",
         "U.S.-backed", "don't", "it's", "Gen", "gen", "U.S", "Dr", "Jan", "No", "no", "St", "vs", "e.g"]
ABBRS = ["Gen.", "U.S.", "Sen.", "Dec.", "Mr.", "Dr.", "Inc.", "Lt.Col.", "e.g.", "i.e.", "No.", "St.",
         "vs.", "Ariz.", "ex-Gen.", "pre-Dec.", "U.S.A.", "D.C."]
INITIALS = ["J.", "R.", "j.", "É.", "X.", "a."]
NUMBERS = ["3.5", "1,000", "2019", "-5", "3.", "12.", ".5", ",5", "1.2.3", "1-2", "4th", "2nd.", "٣.", "100%", "$5"]
PUNCT = [".", "?", "!", "...", "..", ". . .", ".\u00a0.\u00a0.", "--", "-", ",", ";", ":", '"', "'", "(", ")",
         "“", "”", "‘", "’", "«", "»", "[", "]", "{", "}", "*", "@", "&", "#", "`", "?!", "!!!", ".)", '."',
         "?”", ".’", ".”)", ")."]
SPACES = [" "] * 12 + ["  ", "\n", "\n\n", "\t", "\u00a0", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85",
                       "\u2028", "\u3000", " \n ", ""]


def _piece(rng: random.Random) -> str:
    r = rng.random()
    pool = WORDS if r < 0.45 else ABBRS if r < 0.55 else INITIALS if r < 0.62 else NUMBERS if r < 0.70 else PUNCT
    return rng.choice(pool)


def _generated(rng: random.Random, n_texts: int, *, spaces: list[str] = SPACES) -> list[str]:
    texts = []
    for _ in range(n_texts):
        parts = [rng.choice(spaces)] if rng.random() < 0.2 else []
        for _ in range(rng.randint(0, 25)):
            parts.append(_piece(rng))
            if rng.random() < 0.9:
                parts.append(rng.choice(spaces))
        texts.append("".join(parts))
    return texts


def _random_params(rng: random.Random) -> PunktParameters:
    types = sorted({w.lower() for w in WORDS} | {a.lower()[:-1] for a in ABBRS + INITIALS} | {"##number##"})
    params = PunktParameters()
    params.abbrev_types = set(rng.sample(types, 10)) | set(ABBREVIATIONS)
    params.collocations = {(rng.choice(types), rng.choice(types)) for _ in range(40)}
    params.sent_starters = set(rng.sample(types, 10))
    for t in types:
        if rng.random() < 0.7:
            params.ortho_context[t] = rng.randrange(64)
    return params


def test_generated_texts_untrained():
    _assert_same(_news_params(), _generated(random.Random(0), 3000))


def test_generated_texts_any_parameters():
    rng = random.Random(1)
    for _ in range(5):
        _assert_same(_random_params(rng), _generated(rng, 500))


def _learned(trainer: PunktTrainer, texts: list[str]) -> PunktParameters:
    trainer.INCLUDE_ALL_COLLOCS = True
    for t in texts:
        trainer.train(t, finalize=False)
    trainer.finalize_training()
    return trainer.get_params()


def test_generated_texts_trained():
    rng = random.Random(2)
    params = _learned(PunktTrainer(), [" ".join(_generated(rng, 300, spaces=[" "] * 20 + ["\n", "\n\n"]))])
    assert params.ortho_context and params.abbrev_types  # training learned something
    _assert_same(params, _generated(rng, 1500))


def _as_tuple(params: PunktParameters) -> tuple:
    return (params.abbrev_types, params.collocations, params.sent_starters, dict(params.ortho_context))


def _with_starters(rng: random.Random) -> str:
    """Sentences often opened by the same few words: training learns them as starters."""
    words = "the a vote city council water plan budget river road school police".split()
    sents = []
    for _ in range(400):
        opener = rng.choice(["However, ", "Meanwhile, ", "Still, ", "Yet "]) if rng.random() < 0.5 else "It said "
        body = " ".join(rng.choice(words) for _ in range(rng.randint(3, 9)))
        sents.append(opener + body + rng.choice([".", ".", "?", " in Jan.", " by J. Smith."]))
    return " ".join(sents)


def test_make_trainer_learns_what_nltk_learns(seed_text):
    rng = random.Random(3)
    texts = [seed_text, "Mr. Smith left. Mr. Jones stayed. Mr. Brown came. Mr. Smith returned."]
    texts += [_with_starters(rng)] + _generated(rng, 300)
    want = _as_tuple(_learned(PunktTrainer(), texts))
    assert _as_tuple(_learned(make_trainer(), texts)) == want
    abbrevs, collocations, starters, ortho = want
    assert "mr" in abbrevs and collocations and {"however", "meanwhile"} <= starters and ortho


# -- the splitter inside discourse.text ---------------------------------------------------
def _nltk_table(corpus: pd.DataFrame, params: PunktParameters) -> list[str]:
    tok = PunktSentenceTokenizer(params)
    out = []
    for t in corpus["text"]:
        for ps, pe in _para_spans(t):
            out += [t[ps + s: ps + e] for s, e in tok.span_tokenize(t[ps:pe])]
    return out


def test_seed_article_same_34_sentences(seed_corpus):
    got = text.sentences(seed_corpus)["text"].tolist()
    assert len(got) == 34
    assert got == _nltk_table(seed_corpus, _news_params())


def test_trained_splitter_equals_nltk_with_same_parameters(seed_corpus):
    fast = _trained(seed_corpus["text"])
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    for t in seed_corpus["text"]:
        trainer.train(t, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    params.abbrev_types |= set(ABBREVIATIONS)
    got = text.sentences(seed_corpus, train=True)["text"].tolist()
    assert got == _nltk_table(seed_corpus, params)
    t = str(seed_corpus["text"].iloc[0])
    assert fast.span_tokenize(t) == list(PunktSentenceTokenizer(params).span_tokenize(t))


def _paragraphed(rng: random.Random, n_texts: int) -> list[str]:
    """Generated texts joined into articles of several paragraphs (blank lines, with
    spaces, tabs and odd whitespace around them)."""
    seps = ["\n\n", "\n \n", "\n\t\n  ", "  \n\n\n", "\n\n\x1c", "\r\n\r\n"]
    pieces = _generated(rng, n_texts)
    out = []
    while pieces:
        k = rng.randint(1, 6)
        out.append("".join(p + rng.choice(seps) for p in pieces[:k]))
        pieces = pieces[k:]
    return out


def test_spans_in_splits_each_paragraph_as_a_text_of_its_own():
    rng = random.Random(4)
    texts = HARD + ["\n\n".join(HARD), "A. B.\n\nC. D.\n\n(E.) F.", "U.S.\n\nIt ended."] + _paragraphed(rng, 3000)
    for params in (_news_params(), _random_params(rng)):
        fast = FastPunkt(params)
        for t in texts:
            regions = _para_spans(t)
            want = [[(ps + a, ps + b) for a, b in fast.span_tokenize(t[ps:pe])] for ps, pe in regions]
            flat, counts = fast.spans_in(t, regions)
            assert counts == [len(w) for w in want], repr(t)
            assert flat == [s for w in want for s in w], repr(t)


def test_split_sentences_uses_the_news_abbreviations():
    t = "Gen. Mark Milley met U.S. troops. They cheered."
    assert text.split_sentences(t) == [(0, 33), (34, 47)]


def test_parameters_are_a_snapshot():
    params = _news_params()
    fast = FastPunkt(params)
    params.abbrev_types.discard("gen")
    assert fast.span_tokenize("Gen. Smith left. He ran.") == [(0, 16), (17, 24)]


def test_empty_parameters_by_default():
    t = "Gen. Smith left. He ran."
    assert FastPunkt().span_tokenize(t) == list(PunktSentenceTokenizer().span_tokenize(t))
    assert FastPunkt().span_tokenize(t)[0] == (0, 4)


def test_not_a_string_raises():
    with pytest.raises(TypeError, match="text must be a str, not bytes"):
        FastPunkt().span_tokenize(b"Not text.")
