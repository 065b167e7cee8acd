"""Quotations: where they are, who speaks, with which reporting verb, and of what kind.

:func:`find` returns one row per quotation with character offsets into the article
``text`` (``start``/``end`` cover the quoted words *without* the quote marks), the
speaker (as written, plus ``speaker_resolved``: a later short reference, a pronoun or a
role noun resolved to the fullest earlier name mention when that is reliable), the
reporting verb as written, and the kind:

``direct``
    attributed speech set off as a sentence of its own (``"We will win," he said``);
``partial``
    an attributed fragment inside the outlet's own sentence
    (``denounced the claim as "an absolute lie"``);
``scare``
    a short quoted phrase with no speaker (``Afghanistan's "reconstruction"``), or a
    phrase held at a distance by construction (``what the Pentagon describes as "..."``,
    ``so-called "..."``) -- then with the speaker when one is named.

The method is rule-based and transparent (see ``docs/quotes.md``): quote marks are
paired per paragraph (straight and curly marks, quotes continued over paragraphs by the
news convention, nested single quotes, apostrophes left alone); quoted text is masked
so that attribution patterns only see the outlet's words; the reporting verbs come from
``discourse/lexicons/reporting_verbs.csv``.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from importlib import resources
from typing import Iterable, Literal

import pandas as pd

__all__ = ["find", "find_in_text", "problems", "reporting_verbs", "COLUMNS"]

COLUMNS = [
    "doc_id", "start", "end", "quote", "speaker", "verb", "kind",
    "speaker_resolved", "verb_lemma", "verb_group", "attribution",
    "para_id", "sent_id", "n_words", "depth", "n_paras",
]
PROBLEM_COLUMNS = ["doc_id", "para_id", "pos", "mark", "problem"]

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"  # capitals
_CONTEXT = 600  # characters of sentence context looked at on each side of a quotation
_FILL = "\x1a"  # stands in for quoted text in the masked copy (not a word char)

# ----------------------------------------------------------------- word lists
_TITLES = (
    "Gen|Lt|Col|Maj|Sgt|Adm|Capt|Cmdr|Cdr|Brig|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof|Rev|"
    "Pres|Sec|Atty|Supt|Insp|Cpl|Pvt|Gens|Sens|Reps|St|Fr|Hon|Amb|Lt\\.Gen|Jr|Sr"
)
_TITLE_SET = set(_TITLES.replace("\\.", ".").split("|"))
_ABBREV = _TITLE_SET | {
    "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Inc", "Corp", "Co", "Ltd", "vs", "etc", "approx", "est", "Fig", "al",
    "Mt", "Ft", "Ave", "Blvd", "Rd", "Univ", "Dept", "Gov't", "U.S", "U.K", "U.N", "E.U",
}
_STOP_LOW = set(
    """and or but nor that which who whom whose when while where whereas as if because to in
    on at by with from into onto about after before than then there here is are was were be
    been being has have had do does did not no will would can could should may might must
    also only just even still however so such very too it he she they we i you him them us me
    its his her their our my your this these those what why how whether though although since
    until unless upon over under between among through during against without within per via
    once again already later earlier now today yesterday tomorrow recently""".split()
)
_DETS = set(
    """the a an his her their its our my your this these those one two three four five six
    several some many most other another both each every all any""".split()
)
_CAP_STOP = set(
    """The A An But And Or Nor So Yet While When Where Whereas Although Though Because If As
    After Before Since Until Unless In On At For From With Without By Of To Into During
    Meanwhile However Moreover Furthermore Also Still Just Yesterday Today Tomorrow Last Next
    Earlier Later Now Then There Here This That These Those It He She They We I You What
    Which Who Whom Why How Some Many Most Asked Speaking Instead Indeed Even Only Such Among
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    June July August September October November December Thus Hence Nevertheless Despite
    Given Under Over Through Within Against Like Unlike Amid Amidst Following""".split()
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_AUX = set(
    """also later then previously has have had would will did does do had has not never
    publicly repeatedly recently again further earlier once always privately reportedly
    subsequently separately simply flatly bluntly""".split()
)
_ROLE = set(
    """official officials spokesman spokeswoman spokesperson spokespeople spokesmen minister
    ministers ministry secretary president chairman chairwoman chair director directors chief
    chiefs commander commanders general generals envoy envoys ambassador ambassadors diplomat
    diplomats officer officers analyst analysts expert experts witness witnesses resident
    residents source sources leader leaders lawmaker lawmakers legislator legislators senator
    senators representative representatives governor governors mayor premier king queen
    prince emperor deputy deputies aide aides adviser advisers advisor advisors negotiator
    negotiators mediator activist activists protester protesters protestor protestors worker
    workers doctor doctors nurse nurses teacher teachers student students farmer farmers
    soldier soldiers troops veteran veterans journalist journalists reporter reporters
    correspondent editor editors columnist commentator commentators economist economists
    historian historians scientist scientists researcher researchers professor scholar
    scholars lawyer lawyers attorney attorneys judge judges prosecutor prosecutors
    investigator investigators police policeman sheriff military army government
    administration department agency office embassy council committee commission court
    parliament congress senate party movement group organization organisation union company
    firm bank board network institute center centre newspaper statement report communique
    memo document study survey poll website channel regime force forces militia insurgents
    rebels militants fighters insurgency authorities observers critics supporters opponents
    family mother father son daughter wife husband brother sister friend friends neighbor
    neighbors neighbour neighbours owner owners manager managers employee employees staff
    member members head founder executive executives candidate nominee campaign delegation
    people man woman men women person official's pentagon police spokesperson""".split()
)
_PERSON_ROLE = set(
    """spokesman spokeswoman spokesperson minister secretary president chairman chairwoman
    chair director chief commander general envoy ambassador diplomat officer governor mayor
    premier king queen prince emperor deputy aide adviser advisor negotiator senator
    representative lawmaker leader prosecutor judge attorney lawyer professor analyst
    economist official""".split()
)
_INSTITUTION_TAIL = set(
    """Ministry Department Network Times Council Committee Office House Party Army Forces Force
    Command Agency Bank Group Press News Post Journal Pentagon Congress Senate Parliament
    Staff Chiefs Court Commission Union Organization Organisation Institute Center Centre
    Administration Government Embassy Police Taliban Kremlin Association Company Corporation
    Reuters AP Agency Service Services Republic States Nations Kingdom""".split()
)
_CONNECTORS = {"of", "for", "from", "at", "by", "in"}
# prepositional cues that introduce the source on their right
_SOURCE_PREP = {"according to", "in the words of"}
# "a source familiar with the matter", "people close to the talks"
_POSTMOD = {"familiar", "close", "briefed", "knowledgeable", "involved", "privy", "aware", "linked", "loyal"}

# ------------------------------------------------------------------- regexes
_DQ = re.compile(r'["“”„«»″‶]')
_SQ = re.compile(r"['‘’‚]")
_DOUBLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–]))[\"“„«″‶]\w", re.MULTILINE)
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–]))[‘'‚](?![nN]['’]\s)[^\W\d_]", re.MULTILINE)
_PARA_SEP = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENT_END = re.compile(r"[.!?…]+[\"”’'“‘»«›‹″)\]]*\s+(?=[\"“‘'„‚«»‹›″‶(\[]?\s?[" + _UP + r"0-9" + _FILL + r"])")
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[’'\-.]\w+)*(?:['’]s?)?\.?|" + _FILL + r"+|[^\w\s]")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_NAME = re.compile(
    r"(?<![\w.’'\-])(?:(?:[" + _UP + r"]\.){2,}\s+)?(?:(?:(?:" + _TITLES + r")\.|[" + _UP + r"]\.)\s+)*[" + _UP + r"][\w’'\-]*\w"
    r"(?:\s+(?:(?:(?:" + _TITLES + r")\.|[" + _UP + r"]\.)\s+)*(?:(?:of|for|de|al|bin|ibn|van|von|der|du|da|la|le|al-)\s+)?"
    r"[" + _UP + r"][\w’'\-]*\w)*"
)
_APPOS_NAME = re.compile(r",\s+(" + _NAME.pattern + r")(?=\s*(?:[,.;]|$))")
_SO_CALLED = re.compile(
    r"(?:\bso[- ]called|\bself[- ](?:styled|proclaimed|described)|\bsupposed|\bpurported|"
    r"\bwould-be|\bquote[- ]unquote)\s*[(\[]?\s*$",
    re.IGNORECASE,
)
_WHAT_CALLS = re.compile(
    r"\b(?:what|which|as)\b[^.;:!?" + _FILL + r"]{0,80}?\b(?:calls?|called|calling|describes?|described|"
    r"describing|terms?|termed|dubs?|dubbed|labell?ed|labels?|brands?|branded|refers?\s+to|"
    r"referred\s+to|known|likes\s+to\s+call|chose\s+to\s+call|characteri[sz]e[sd]?)"
    r"(?:\s+(?:it|them|this|that|[" + _UP + r"][\w.\-]*['’]s))?(?:\s+as)?\s*[,:]?\s*$",
    re.IGNORECASE,
)
_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+([^;:" + _FILL + r"]{2,120}?),?\s+as\s+$", re.IGNORECASE)
_ELIDED = re.compile(r"[nN](['’])(?=\s)")  # rock 'n' roll
_DECADE = re.compile(r"\d0s\b|(?:em|til|cause|bout|round|tis|twas|nother)\b(?!['’])", re.IGNORECASE)  # '90s, 'em, 'Tis
# "WASHINGTON — ", "KABUL (Reuters) - ", "NEW YORK, March 3 (Reuters) - "
_DATELINE = re.compile(r"[" + _UP + r"][" + _UP + r" .,'’\-]+(?:,[^—–()\n]{1,40})?(?:\s*\([^)\n]{1,30}\))?\s*(?:—|–|--|-)\s+")
_NEW_CLAUSE = re.compile(r"\s+(?:and|but|or|before|after|then|as|when|while)\s+[a-z]")
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lady|Lord)\.?\s+(?:[" + _UP + r"]\.\s+)?(?:[" + _UP + r"][\w’'\-]+\s+)?([" + _UP + r"][\w’'\-]*\w)")
_DASH_RIGHT = re.compile(r"^\s*[,.]?\s*(?:—|–|--)\s*")
_APPOSITIVE_ROLE = re.compile(
    r"\s*,\s*(?:[\w'’\-]+\s+){0,6}?(?:" + "|".join(sorted(_PERSON_ROLE)) + r")\b", re.IGNORECASE
)
_APPOS_TEXT = re.compile(r"\s*,([^,.;" + _FILL + r"]{1,80}),")
_POSS = re.compile(r"['’]s?$")
_RELATIVE_END = re.compile(r"\b(?:which|who|whom|whose|that)\s*$", re.IGNORECASE)
_PARTY = re.compile(r"^[RDI]-[A-Z]")  # "Sen. X, R-Ky., said": party and state, not a name
_COLON_END = re.compile(r":\s*$")
_UPPER_START = re.compile(r"^[\s.…'‘’‚\"“„«»‹›″‶(\[\-–—]*(?:[" + _UP + r"0-9]|" + _FILL + r")")
# "…," he said, "and …": the second half of a direct quotation split by its attribution
_SPLIT_DIRECT = re.compile(r"[\"”“»«″][^\"“”„«»″" + _FILL + r"]{1,80},\s*$")


# ------------------------------------------------------------- verb lexicon
def reporting_verbs() -> pd.DataFrame:
    """The bundled reporting verbs: ``verb`` (form as written), ``lemma``, ``group``, ``note``.

    ``group`` is ``neutral`` ("said", "told"), ``distancing`` ("claimed", "insisted",
    "alleged": the reporter withholds commitment) or ``endorsing`` ("acknowledged",
    "confirmed", "noted": factive verbs that presuppose the truth of what is reported).
    Sources: ``discourse/lexicons/SOURCES-reporting-verbs.md``.

    Examples
    --------
    >>> v = reporting_verbs()
    >>> v.loc[v["verb"] == "insisted", ["lemma", "group"]].values.tolist()
    [['insist', 'distancing']]
    """
    return _verbs().copy()


@lru_cache(maxsize=1)
def _verbs() -> pd.DataFrame:
    with resources.files("discourse").joinpath("lexicons", "reporting_verbs.csv").open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=str, keep_default_na=False)
    return df


class _VerbMatcher:
    """Finds reporting-verb forms by scanning words and looking them up in a dict:
    much faster than one big alternation for Python's regex engine."""

    _WORDS = re.compile(r"(?<![\w\-’'])[A-Za-z]+(?![\w\-’'])")

    def __init__(self, forms: Iterable[str]):
        self.single: set[str] = set()
        self.multi: dict[str, list[tuple[re.Pattern, str]]] = {}
        for f in forms:
            parts = f.split()
            if len(parts) == 1:
                self.single.add(f)
            else:
                rest = r"".join(r"\s+" + re.escape(p) for p in parts[1:]) + r"(?![\w\-])"
                self.multi.setdefault(parts[0], []).append((re.compile(rest, re.IGNORECASE), f))

    def _at(self, m: re.Match, string: str):
        w = m.group().lower()
        for rx, form in self.multi.get(w, ()):
            x = rx.match(string, m.end())
            if x:
                return m.start(), x.end(), string[m.start():x.end()]
        if w in self.single:
            return m.start(), m.end(), m.group()
        return None

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        """Yield ``(start, end, form_as_written)``."""
        endpos = len(string) if endpos is None else endpos
        for m in self._WORDS.finditer(string, pos, endpos):
            hit = self._at(m, string)
            if hit is not None:
                yield hit

    def match_at(self, string: str, pos: int):
        m = self._WORDS.match(string, pos)
        return self._at(m, string) if m else None

    def ends_with_verb(self, string: str) -> bool:
        m = re.search(r"([A-Za-z]+)(?:\s+(?:to|out|it))?\s*$", string)
        if not m:
            return False
        return any(e == len(string.rstrip()) for _, e, _ in self.finditer(string, m.start()))


@lru_cache(maxsize=1)
def _verb_tables():
    return _tables_from(_verbs())


def _tables_from(df: pd.DataFrame):
    verbs = [" ".join(str(v).lower().split()) for v in df["verb"]]
    lemma = dict(zip(verbs, df["lemma"].astype(str))) if "lemma" in df.columns else {v: v for v in verbs}
    group = dict(zip(verbs, df["group"].astype(str))) if "group" in df.columns else {}
    return _VerbMatcher(verbs), lemma, group


def _custom_verbs(verbs):
    if isinstance(verbs, (str, bytes)) or hasattr(verbs, "__fspath__"):
        verbs = pd.read_csv(verbs, dtype=str, keep_default_na=False)
    elif not isinstance(verbs, pd.DataFrame):
        verbs = pd.DataFrame({"verb": list(verbs)})
    if "verb" not in verbs.columns:
        raise ValueError("verbs needs a 'verb' column (and optionally 'lemma' and 'group')")
    verbs = verbs[verbs["verb"].astype(str).str.strip() != ""]
    if not len(verbs):
        raise ValueError("verbs is empty")
    return _tables_from(verbs)


# ---------------------------------------------------------------- the API
def find(
    corpus: pd.DataFrame | str | Iterable[str],
    *,
    scare_max_words: int = 5,
    nested: bool = True,
    errors: Literal["report", "ignore", "raise"] = "report",
    verbs: pd.DataFrame | str | Iterable[str] | None = None,
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Find quotations with speaker, reporting verb and kind.

    Parameters
    ----------
    corpus : DataFrame, str or iterable of str
        A corpus table with ``doc_id`` and ``text`` (as :func:`discourse.corpus.load`);
        a single string (``doc_id`` ``"0"``) or a list of strings (``"0"``, ``"1"``, ...).
    scare_max_words : int, default 5
        An unattributed quotation of at most this many words that is not a full
        sentence is a scare quote; longer unattributed ones are ``partial`` (or
        ``direct`` when sentence-like).
    nested : bool, default True
        Also return quotations nested inside quotations (single quotes inside double
        ones), with ``depth`` 1.
    errors : {"report", "ignore", "raise"}, default "report"
        Quote marks that cannot be paired: ``"report"`` puts them in
        ``df.attrs["problems"]`` as a list of records (``doc_id``, ``para_id``,
        ``pos``, ``mark``, ``problem``; :func:`problems` gives them as a table),
        ``"ignore"`` drops them, ``"raise"`` raises ``ValueError`` on the first one.
    verbs : DataFrame, path, list of str, optional
        Reporting verbs to use instead of the bundled table (:func:`reporting_verbs`):
        a table or CSV with ``verb`` and optionally ``lemma`` and ``group``, or a
        plain list of forms.
    sentences : DataFrame, optional
        :func:`discourse.text.sentences` of the same corpus, for ``sent_id``; computed
        when not given (pass it to avoid splitting the corpus twice).

    Returns
    -------
    DataFrame
        One row per quotation, in document order: ``doc_id``, ``start``, ``end``
        (offsets into ``text``, quote marks excluded), ``quote`` (``text[start:end]``),
        ``speaker`` (as written, or missing), ``verb`` (reporting verb as written,
        lowercase), ``kind`` (``direct`` | ``partial`` | ``scare``),
        ``speaker_resolved``, ``verb_lemma``, ``verb_group`` (``neutral`` |
        ``distancing`` | ``endorsing``), ``attribution`` (the rule that fired),
        ``para_id``, ``sent_id``, ``n_words``, ``depth`` (0, or 1 when nested),
        ``n_paras`` (paragraphs the quotation spans).

    Examples
    --------
    >>> q = find('"We will stay," the minister said. Critics called it a "disaster."')
    >>> q[["quote", "speaker", "verb", "kind"]].values.tolist()
    [['We will stay', 'the minister', 'said', 'direct'], ['disaster', 'Critics', 'called', 'partial']]
    """
    if errors not in ("report", "ignore", "raise"):
        raise ValueError(f"errors must be 'report', 'ignore' or 'raise', not {errors!r}")
    if not isinstance(scare_max_words, int) or scare_max_words < 0:
        raise ValueError(f"scare_max_words must be a non-negative integer, not {scare_max_words!r}")
    tables = _verb_tables() if verbs is None else _custom_verbs(verbs)
    ids, texts = _documents(corpus)
    rows: list[tuple] = []
    probs: list[tuple] = []
    for doc_id, text in zip(ids, texts):
        if not isinstance(text, str) or not text or (_DQ.search(text) is None and _SQ.search(text) is None):
            continue
        doc = _Doc(doc_id, text, scare_max_words=scare_max_words, nested=nested, tables=tables)
        rows.extend(doc.rows)
        if doc.problems:
            if errors == "raise":
                p = doc.problems[0]
                raise ValueError(f"document {p[0]}: {p[4]} at offset {p[2]} ({p[3]!r})")
            probs.extend(doc.problems)
    out = pd.DataFrame(rows, columns=COLUMNS)
    out = _finish(out, ids, texts, sentences)
    if errors == "report":
        # plain records, so that the table still writes to Parquet (attrs go to JSON)
        out.attrs["problems"] = [
            {"doc_id": str(d), "para_id": int(pa), "pos": int(po), "mark": str(mk), "problem": str(pr)}
            for d, pa, po, mk, pr in probs
        ]
    return out


def find_in_text(text: str, **kwargs) -> pd.DataFrame:
    """:func:`find` on one string (``doc_id`` ``"0"``).

    Examples
    --------
    >>> find_in_text('"It is sad," according to aides.')[["speaker", "verb"]].values.tolist()
    [['aides', 'according to']]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return find(text, **kwargs)


def problems(corpus: pd.DataFrame | str | Iterable[str]) -> pd.DataFrame:
    """Quote marks that cannot be paired: ``doc_id``, ``para_id``, ``pos``, ``mark``, ``problem``.

    ``problem`` is ``"unclosed quote"`` (an opening mark never closed in its paragraph,
    and the next paragraph does not continue it), ``"closing mark without opening"``
    or ``"empty quote"``. Nothing is raised.

    Examples
    --------
    >>> problems('He said "we will win. Nobody believed him.')[["pos", "problem"]].values.tolist()
    [[8, 'unclosed quote']]
    """
    records = find(corpus, errors="report").attrs["problems"]
    return pd.DataFrame(records, columns=PROBLEM_COLUMNS).astype(
        {"doc_id": "str", "para_id": "int64", "pos": "int64", "mark": "str", "problem": "str"})


# ------------------------------------------------------------ input helpers
def _documents(corpus):
    if isinstance(corpus, str):
        return ["0"], [corpus]
    if isinstance(corpus, pd.DataFrame):
        if "text" not in corpus.columns:
            raise ValueError("corpus needs a 'text' column (a table from discourse.corpus.load)")
        ids = corpus["doc_id"] if "doc_id" in corpus.columns else pd.Series(corpus.index)
        return [str(i) for i in ids], list(corpus["text"])
    if isinstance(corpus, pd.Series):
        return [str(i) for i in corpus.index], list(corpus)
    try:
        texts = list(corpus)
    except TypeError:
        raise TypeError(f"corpus must be a DataFrame, a str or an iterable of str, not {type(corpus).__name__}") from None
    return [str(i) for i in range(len(texts))], texts


def _finish(out: pd.DataFrame, ids, texts, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    out = out.astype({"start": "int64", "end": "int64", "para_id": "int64", "n_words": "int64",
                      "depth": "int64", "n_paras": "int64"})
    out["sent_id"] = _sentence_ids(out, ids, texts, sentences)
    out["doc_id"] = out["doc_id"].astype("string")  # the corpus's id dtype: merges stay lossless
    for c in ("quote", "kind", "attribution"):
        out[c] = out[c].astype("str")
    for c in ("speaker", "verb", "speaker_resolved", "verb_lemma", "verb_group"):
        out[c] = pd.Series(out[c].tolist(), index=out.index, dtype="str")
    return out.reset_index(drop=True)


def _sentence_ids(out: pd.DataFrame, ids, texts, sents: pd.DataFrame | None = None) -> pd.Series:
    """sent_id from :func:`discourse.text.sentences` (or the table passed as ``sents``)."""
    if not len(out):
        return pd.Series([], dtype="int64")
    docs = set(out["doc_id"])
    if sents is None:
        from discourse import text as _text

        sub = pd.DataFrame({"doc_id": [i for i in ids if i in docs],
                            "text": [t for i, t in zip(ids, texts) if i in docs]})
        sents = _text.sentences(sub.drop_duplicates("doc_id"))
    else:
        sents = sents.assign(doc_id=sents["doc_id"].astype(str))
        sents = sents[sents["doc_id"].isin(docs)]
    starts = {d: g["start"].to_numpy() for d, g in sents.sort_values(["doc_id", "start"]).groupby("doc_id")}
    sids = {d: g["sent_id"].to_numpy() for d, g in sents.sort_values(["doc_id", "start"]).groupby("doc_id")}
    res = []
    for d, s in zip(out["doc_id"], out["start"]):
        st = starts.get(d)
        if st is None or not len(st):
            res.append(-1)
            continue
        k = max(int(st.searchsorted(s, side="right")) - 1, 0)
        res.append(int(sids[d][k]))
    return pd.Series(res, index=out.index, dtype="int64")


# ------------------------------------------------------------ one document
class _Doc:
    """All the work for one document; results in ``rows`` and ``problems``."""

    def __init__(self, doc_id: str, text: str, *, scare_max_words: int, nested: bool, tables):
        self.doc_id = doc_id
        self.orig = text
        if "``" in text:
            # TeX/ASCII quotes (``…''): read as curly marks, same length, same offsets
            text = text.replace("``", " “").replace("''", "” ")
        self.text = text
        self.scare_max_words = scare_max_words
        self.rows: list[tuple] = []
        self.problems: list[tuple] = []
        self.para_starts = [0] + [m.end() for m in _PARA_SEP.finditer(text)]
        # British style uses single marks for quotations and double ones inside them:
        # single marks are primary when they open more quotations than double marks do
        n_double_open = len(_DOUBLE_OPEN.findall(text))
        n_single_open = len(_SINGLE_OPEN.findall(text))
        self.primary = "single" if n_single_open > n_double_open else "double"
        spans = self._pair_top()
        if not spans:
            return
        self.spans = spans  # (open_pos, close_pos, n_paras)
        self.masked = self._mask(spans)
        self._split_sentences()
        self.verb_rx, self.lemma, self.group = tables
        self._cands: dict[int, list] = {}
        self._cand_starts: dict[int, list] = {}
        self._mentions = None
        results = [self._attribute(o, c) for o, c, _ in spans]
        # second pass: continuation and next-sentence attribution need neighbours
        results = self._cross_sentence(results)
        for (o, c, npara), res in zip(spans, results):
            self._emit(o, c, npara, res, depth=0)
        if nested:
            for o, c, npara in spans:
                self._nested(o, c)
        self.rows.sort(key=lambda r: (r[1], -r[2]))

    # ------------------------------------------------------------- pairing
    def _para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1

    def _role(self, pos: int, ch: str) -> str:
        text = self.text
        prev = text[pos - 1] if pos > 0 else "\n"
        nxt = text[pos + 1] if pos + 1 < len(text) else "\n"
        open_ctx = prev.isspace() or prev in "([{—–-/\u2018\u201c'" or pos == 0
        close_ctx = nxt.isspace() or nxt in ".,;:!?)]}—–-…\u2019\u201d'" or pos + 1 == len(text)
        if ch in "“„«":
            return "close" if (close_ctx and not prev.isspace() and not open_ctx) else "open"
        if ch in "”»":
            return "open" if (open_ctx and not nxt.isspace() and not close_ctx) else "close"
        if open_ctx and not close_ctx:
            return "open"
        if close_ctx and not open_ctx:
            return "close"
        return "either"

    def _pair_top(self) -> list[tuple[int, int, int]]:
        text = self.text
        if self.primary == "double":
            spans = self._pair_double()
            # single marks outside double quotes: a paragraph without double marks may
            # still quote with single ones (headlines: Mayor calls plan 'a disgrace')
            ends = self.para_starts[1:] + [len(text)]
            extra = []
            for ps, pe in zip(self.para_starts, ends):
                if _DQ.search(text, ps, pe) is None and _SQ.search(text, ps, pe) is not None:
                    for o, c in _pair_single(text, ps, pe):
                        inner = text[o + 1:c]
                        if not inner[:1].isdigit() and re.search(r"[^\W\d_]{2}", inner):
                            extra.append((o, c, 1))
            return sorted(spans + extra) if extra else spans
        # single-quote primary (British style): pair per paragraph, never report; a
        # paragraph that leaves a quotation open continues into the next one when that
        # one opens with a single mark (the news convention for long quotations)
        spans = []
        ends = self.para_starts[1:] + [len(text)]
        carry = None  # (open position, first paragraph)
        for k, (ps, pe) in enumerate(zip(self.para_starts, ends)):
            start_pend, begin = None, ps
            if carry is not None:
                first = _first_nonspace(text, ps)
                if first is not None and first < pe and text[first] in "‘'" and first + 1 < pe and not text[first + 1].isspace():
                    start_pend, begin = carry[0], first + 1
                else:
                    carry = None
            pairs, pend = _pair_single(text, begin, pe, pend=start_pend, with_pending=True)
            for o, c in pairs:
                spans.append((o, c, k - carry[1] + 1 if (carry is not None and o == carry[0]) else 1))
            if pend is None:
                carry = None
            elif carry is None or pend != carry[0]:
                carry = (pend, k)
        return spans

    def _pair_double(self) -> list[tuple[int, int, int]]:
        text = self.text
        spans: list[tuple[int, int, int]] = []
        marks = [(m.start(), m.group()) for m in _DQ.finditer(text)]
        pend = None  # (position, first paragraph, current paragraph)
        skip = -1
        for pos, ch in marks:
            if pos == skip:
                continue
            para = self._para_of(pos)
            # close the paragraphs passed since the pending mark
            while pend is not None and para > pend[2]:
                nxt_para = pend[2] + 1
                first = _first_nonspace(text, self.para_starts[nxt_para])
                if first is not None and text[first] in '"“«„' and self._role(first, text[first]) != "close":
                    pend = (pend[0], pend[1], nxt_para)
                    if first == pos:
                        skip = pos
                    continue
                self._problem(pend[0], "unclosed quote")
                pend = None
            if pos == skip:
                continue
            role = self._role(pos, ch)
            if pend is None:
                if role == "close":
                    self._problem(pos, "closing mark without opening")
                else:
                    pend = (pos, para, para)
            else:
                if role == "open" and ch in "“„«" and pend[2] == para:
                    self._problem(pend[0], "unclosed quote")
                    pend = (pos, para, para)
                elif pos == pend[0] + 1:
                    self._problem(pend[0], "empty quote")
                    pend = None
                else:
                    spans.append((pend[0], pos, pend[2] - pend[1] + 1))
                    pend = None
        if pend is not None:
            self._problem(pend[0], "unclosed quote")
        return spans

    def _problem(self, pos: int, what: str) -> None:
        self.problems.append((self.doc_id, self._para_of(pos), pos, self.text[pos], what))

    # -------------------------------------------------------------- masking
    def _mask(self, spans) -> str:
        text = self.text
        parts = []
        last = 0
        for o, c, _ in spans:
            a = o + 1
            b = c
            k = b
            while k > a and text[k - 1] in ".,;:!?…—–- \n":
                k -= 1
            parts.append(text[last:a])
            parts.append(_FILL * (k - a))
            parts.append(text[k:b].replace("\n", " "))
            last = b
        parts.append(text[last:])
        return "".join(parts)

    # ----------------------------------------------------------- sentences
    def _split_sentences(self) -> None:
        m = self.masked
        starts = []
        ends = []
        block_starts = [0] + [x.end() for x in _PARA_SEP.finditer(m)]
        block_ends = [x.start() for x in _PARA_SEP.finditer(m)] + [len(m)]
        self.block_starts = block_starts
        for bs, be in zip(block_starts, block_ends):
            s = bs
            for x in _SENT_END.finditer(m, bs, be):
                w = _last_word(m, x.start())
                if w in _ABBREV or (len(w) == 1 and w.isupper()) or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", w or "-"):
                    continue
                e = x.start() + len(x.group().rstrip())
                starts.append(s)
                ends.append(e)
                s = x.end()
            starts.append(s)
            ends.append(be)
        self.sent_starts = starts
        self.sent_ends = ends

    def _sent_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def _block_of(self, pos: int) -> int:
        return bisect.bisect_right(self.block_starts, pos) - 1

    # ---------------------------------------------------- verb candidates
    def _candidates(self, si: int) -> list:
        """Reporting verbs in sentence ``si`` as (start, end, verb, np_span, how).

        ``how`` is ``subject`` (a subject noun phrase on the left), ``according-to``
        (the source on the right), ``participle`` (an -ing form without subject) or
        ``bare`` (no subject; ``np_span`` is then a noun phrase on the right, used only
        for the inversion ``"…," said X``).
        """
        if si in self._cands:
            return self._cands[si]
        m = self.masked
        ss, se = self.sent_starts[si], self.sent_ends[si]
        out = []
        for vs, ve, form in self.verb_rx.finditer(m, ss, se):
            form = " ".join(form.split())
            low = form.lower()
            toks = _tokens_before(m, ss, vs, 12)
            prev = toks[-1][2] if toks else ""
            if form[0].isupper() and toks and prev not in {'"', "“", "”", ":", "—", "–", "("}:
                continue  # capitalised mid-sentence: a name ("United States"), not a verb
            if low not in _SOURCE_PREP and (prev.lower() in _DETS or (prev[:1].isalpha() and re.search(r"['’]s?$", prev))):
                continue  # "the claims", "the Taliban's claims": a noun
            if prev.lower() in {"not", "never"} or prev.lower().endswith("n't"):
                continue  # negated: "a number she did not recognize: "…""
            if prev.lower() in {"is", "are", "was", "were", "be", "been", "being"} and not low.endswith("ing"):
                continue  # passive ("was denounced as")
            if low not in _SOURCE_PREP and re.match(r"\s+by\b", m[ve:ve + 4]):
                continue  # passive with agent
            if low in _SOURCE_PREP:
                out.append((vs, ve, low, _np_right(m, ve, se), "according-to"))
                continue
            subj = _np_left(m, ss, vs)
            if subj is not None:
                out.append((vs, ve, low, subj, "subject"))
            elif low.endswith("ing") and prev.lower() != "to":
                out.append((vs, ve, low, None, "participle"))
            else:
                out.append((vs, ve, low, _np_right(m, ve, se), "bare"))
        self._cands[si] = out
        self._cand_starts[si] = [cd[0] for cd in out]
        return out

    # ----------------------------------------------------------- attribution
    def _attribute(self, o: int, c: int) -> dict:
        m = self.masked
        si = self._sent_of(o)
        si2 = self._sent_of(c)
        ss = self.sent_starts[si]
        se = self.sent_ends[si2]
        left = m[max(ss, o - _CONTEXT):o]
        right = m[c + 1:min(se, c + 1 + _CONTEXT)]
        res = {"span": None, "verb": None, "attribution": "none", "distancing": False,
               "si": si, "si2": si2, "adjacent": False}
        cands = self._candidates(si) if si == si2 else self._candidates(si) + self._candidates(si2)
        if len(cands) > 8:  # only verbs within the context window (long sentences)
            starts = self._cand_starts[si] if si == si2 else [cd[0] for cd in cands]
            cands = cands[bisect.bisect_left(starts, o - _CONTEXT):bisect.bisect_right(starts, c + _CONTEXT)]
        governing = [cd for cd in cands if cd[1] <= o and cd[4] != "bare"]
        with_subject = [cd for cd in cands if cd[4] in ("subject", "according-to") and cd[3] is not None]
        right_c = [cd for cd in cands if cd[0] > c]
        # distancing constructions: so-called "…", what X calls "…"
        if _SO_CALLED.search(left[-40:]):
            res.update(distancing=True, attribution="so-called")
            return res
        if _WHAT_CALLS.search(left[-120:]):
            res.update(distancing=True, attribution="what-X-calls")
            if governing:
                cd = max(governing, key=lambda cd: cd[1])
                if cd[1] >= o - 25:
                    res["verb"] = cd[2]
                    if cd[4] == "subject":
                        res["span"] = cd[3]
            return res
        gov = max(governing, key=lambda cd: cd[1]) if governing else None
        if gov is not None and gov[4] == "participle" and m[gov[0] - 2:gov[0]] == ", " and "," in m[gov[1]:o]:
            # a parenthetical participle: "X told AFP, asking not to be named, that …"
            earlier = [cd for cd in governing if cd[1] < gov[0] and cd[4] != "participle"]
            if earlier:
                gov = max(earlier, key=lambda cd: cd[1])
        # the governing verb is close on the left ("X denounced the claim as "…"",
        # "Insisting that "…"", "X said, "…""): no clause break in between
        gov_close = gov is not None and re.fullmatch(r"[^,;" + _FILL + r"]*,?\s*", m[gov[1]:o]) is not None
        if gov is not None and gov_close:
            return self._from_governor(res, gov, with_subject, o)
        # "…," said X / "…," X said / "…" according to X: attribution right after the quote
        if right_c:
            first = right_c[0]
            if first[3] is not None:
                anchor = first[0] if first[4] in ("bare", "according-to") else first[3][0]
                if re.fullmatch(r"[\s,—–-]*", m[c + 1:anchor]):
                    how = {"bare": "quote-said-X", "subject": "quote-X-said", "according-to": "quote-according-to"}.get(first[4])
                    if how:
                        res.update(verb=first[2], span=first[3], attribution=how, adjacent=True)
                        return res
        # dash attribution: "…" — X (said)
        dm = _DASH_RIGHT.match(right)
        if dm:
            sp = _np_right(m, c + 1 + dm.end(), se)
            if sp is not None:
                after = self.verb_rx.match_at(m, _skip_space(m, sp[1]))
                res.update(span=sp, verb=(" ".join(after[2].split()).lower() if after else None),
                           attribution="dash", adjacent=True)
                return res
        if gov is not None:
            return self._from_governor(res, gov, with_subject, o)
        # a speaker and verb later in the sentence ("Spelling out what such "…" would
        # entail, the chairman stated …")
        sub_right = [d for d in right_c if d[4] in ("subject", "according-to") and d[3] is not None
                     and not _RELATIVE_END.search(m[c + 1:d[3][0] if d[4] == "subject" else d[0]])]
        if sub_right:
            d = sub_right[0]
            res.update(verb=d[2], span=d[3], attribution="X-verb-later-in-sentence")
            return res
        # transcript style: X: "…"
        if _COLON_END.search(left):
            head = left.rstrip()[:-1].rstrip()
            sp = _np_left(m, ss, o - len(left) + len(head))
            if sp is not None and m[ss:sp[0]].strip() == "":
                res.update(span=sp, attribution="X-colon")
        return res

    def _from_governor(self, res: dict, gov, with_subject, o: int) -> dict:
        m = self.masked
        res["verb"] = gov[2]
        if gov[4] in ("subject", "according-to") and gov[3] is not None:
            direct = re.fullmatch(r"[^\w" + _FILL + r"]*", m[gov[1]:o]) is not None or m[gov[1]:o].rstrip().endswith(":")
            res.update(span=gov[3], attribution="X-said-quote" if direct else "X-verb-in-sentence")
            return res
        # a participle ("Insisting that "…," Milley added", "…, describing it as "…"")
        # takes the subject of the nearest finite reporting verb: on its left first,
        # else the main clause that follows
        qa = _QUOTED_AS.search(m, max(self.sent_starts[self._sent_of(gov[0])], gov[0] - 200), gov[0])
        if qa is not None:
            # "X quoted the ambassador, Dmitry Zhirnov, as saying …": the object speaks
            sp = _np_right(m, qa.start(1), qa.end(1))
            if sp is not None:
                res.update(span=sp, attribution="quoted-as-saying")
                return res
        lefts = [d for d in with_subject if d[1] <= gov[0]]
        rights = [d for d in with_subject if d[0] > gov[1]]
        if lefts:
            res.update(span=max(lefts, key=lambda d: d[1])[3], attribution="participle-left-subject")
        elif rights:
            res.update(span=min(rights, key=lambda d: d[0])[3], attribution="participle-main-subject")
        else:
            res.update(attribution="participle-no-subject")
            ss = self.sent_starts[self._sent_of(gov[0])]
            if m[ss:gov[0]].strip(" \"“‘'") == "":
                # a sentence-initial participial clause shares the main clause's subject:
                # "Insisting that "…," the minister left" -> the minister
                comma = m.find(",", max(gov[1], o), self.sent_ends[self._sent_of(gov[0])])
                if comma != -1:
                    k = comma + 1
                    while k < len(m) and m[k] in " \t\"”’'":
                        k += 1
                    sp = _np_right(m, k, self.sent_ends[self._sent_of(gov[0])])
                    if sp is not None and re.match(r"\s+[a-z]", m[sp[1]:sp[1] + 3]):
                        res.update(span=sp, attribution="participle-main-subject")
            elif re.search(r",\s*$", m[ss:gov[0]]):
                # "…, citing "…"", "A judge blocked the plan, calling it "…"": a participle
                # after a comma shares the subject of the main clause
                k = ss
                dl = _DATELINE.match(m, ss, gov[0])
                if dl:
                    k = dl.end()
                w = re.match(r"[A-Za-z]+", m[k:k + 20])
                if w and w.group() in _CAP_STOP and w.group() not in ("The", "A", "An"):
                    comma = m.find(",", k, gov[0])  # "On Tuesday, the company …"
                    k = _skip_space(m, comma + 1) if comma != -1 else k
                sp = _np_right(m, k, gov[0])
                if sp is not None and re.match(r"\s+[a-z]", m[sp[1]:sp[1] + 3]):
                    res.update(span=sp, attribution="participle-main-subject")
        return res

    def _cross_sentence(self, results: list[dict]) -> list[dict]:
        m = self.masked
        for i, ((o, c, _), res) in enumerate(zip(self.spans, results)):
            if res["span"] is not None or res["distancing"] or res["verb"] is not None:
                continue
            si, si2 = res["si"], res["si2"]
            ss, se = self.sent_starts[si], self.sent_ends[si2]
            alone = (m[max(ss, o - _CONTEXT):o].strip(" \t\n\"“‘'") == ""
                     and re.fullmatch(r"[\s.,!?…\"”’'“]*", m[c + 1:min(se, c + 1 + _CONTEXT)]))
            if not alone:
                continue
            # (a) previous sentence ends with a colon and has a speaker
            prev_si = si - 1
            if prev_si >= 0:
                ps, pe = self.sent_starts[prev_si], self.sent_ends[prev_si]
                if m[ps:pe].rstrip().endswith(":"):
                    cds = [d for d in self._candidates(prev_si) if d[3] is not None and d[4] in ("subject", "according-to")]
                    if cds:
                        d = cds[-1]
                        res.update(span=d[3], verb=d[2], attribution="previous-sentence-colon")
                        continue
            # (b) continuation of the previous sentence's attributed quotation; when
            # the quotation opens a new paragraph, (c) comes first
            cont = None
            if i > 0:
                pr = results[i - 1]
                po, pc, _ = self.spans[i - 1]
                if pr["span"] is not None and not pr["distancing"] and pr["si2"] in (si - 1, si):
                    gap = self._block_of(o) - self._block_of(pc)
                    if gap <= 1:
                        cont = dict(span=pr["span"], verb=pr["verb"], attribution="continuation")
                        if gap == 0:
                            res.update(cont)
                            continue
            # (c) the next sentence begins with "X said" / "He added"; (d) below
            nxt = si2 + 1
            if nxt < len(self.sent_starts) and self._block_of(self.sent_starts[nxt]) == self._block_of(c):
                ns = self.sent_starts[nxt]
                for d in self._candidates(nxt):
                    if d[4] == "subject" and d[3] is not None and re.fullmatch(
                            r"\s*(?:[^,;:." + _FILL + r"]{1,40},\s*)?", m[ns:d[3][0]]):
                        res.update(span=d[3], verb=d[2], attribution="next-sentence")
                    break
            if res["span"] is None and cont is not None:
                res.update(cont)
            # (d) an action beat: the previous sentence, in the same paragraph and
            # without quotation, is about a person ("Ms Haidari paused. "…"")
            if res["span"] is None and prev_si >= 0 and self._block_of(self.sent_starts[prev_si]) == self._block_of(o):
                ps, pe = self.sent_starts[prev_si], self.sent_ends[prev_si]
                if _FILL not in m[ps:pe]:
                    sub = self._sentence_subject(pe)
                    if sub is not None and sub[0] >= ps:
                        res.update(span=sub, attribution="previous-sentence-subject")
        return results

    # --------------------------------------------------------------- rows
    def _emit(self, o: int, c: int, npara: int, res: dict, *, depth: int) -> None:
        text = self.text
        a, b = o + 1, c
        full = text[a:b]
        n_words = len(_WORD.findall(full))
        speaker = self.orig[res["span"][0]:res["span"][1]] if res.get("span") else None
        verb = res.get("verb")
        if res.get("distancing"):
            kind = "scare"
        else:
            si = res.get("si")
            if si is not None and depth == 0:
                ss = self.sent_starts[si]
                left = self.masked[max(ss, o - _CONTEXT):o]
                right = self.masked[c + 1:min(self.sent_ends[res["si2"]], c + 1 + _CONTEXT)]
            else:
                left, right = res.get("left", ""), res.get("right", "")
            left_s = left.rstrip()
            left_ok = (left_s.strip("\"“‘'( ") == "" or left_s[-1:] in ",:—–-(" or
                       self.verb_rx.ends_with_verb(left_s[-30:]))
            right_ok = (bool(re.search(r"[.,!?…;:—–-]\s*$", full)) or
                        (res.get("attribution") == "X-said-quote" and _NEW_CLAUSE.match(right) is not None) or
                        bool(re.match(r"\s*(?:[,.;:!?—–)]|$)", right)) or res.get("adjacent", False))
            upper = bool(_UPPER_START.match(full)) or (
                res.get("attribution") == "X-said-quote" and _SPLIT_DIRECT.search(left_s) is not None)
            sentence_like = left_ok and right_ok and (upper or (left_s == "" and res.get("adjacent", False)))
            if speaker is not None or verb is not None:
                kind = "direct" if sentence_like else "partial"
            elif n_words <= self.scare_max_words and not sentence_like:
                kind = "scare"
            elif sentence_like:
                kind = "direct"
            else:
                kind = "partial"
        # trim the span: quote marks excluded; a trailing comma/colon/semicolon (and a
        # final period of a fragment) belongs to the outlet's sentence
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1] in ",;:":
            b -= 1
        if kind != "direct":
            while b > a and text[b - 1] == "." and text[b - 3:b] != "...":
                b -= 1
        if b <= a:
            return
        resolved = self._resolve(speaker, res.get("span"), o) if speaker else None
        lemma = self.lemma.get(verb) if verb else None
        group = self.group.get(verb) if verb else None
        para = self._para_of(o)
        sent = self._sent_of(o) if hasattr(self, "sent_starts") else -1
        self.rows.append((
            self.doc_id, a, b, self.orig[a:b], speaker, verb, kind, resolved, lemma, group,
            res.get("attribution", "none"), para, sent, len(_WORD.findall(text[a:b])), depth, npara,
        ))

    # ---------------------------------------------------------- nested quotes
    def _nested(self, o: int, c: int) -> None:
        text = self.text
        inner = _pair_single(text, o + 1, c) if self.primary == "double" else _pair_double_simple(text, o + 1, c)
        if not inner:
            return
        seg_start = o + 1
        seg = text[seg_start:c]
        vrx = self.verb_rx
        for io, ic in inner:
            lo, hi = io - seg_start, ic - seg_start
            res = {"speaker": None, "span": None, "verb": None, "attribution": "none",
                   "distancing": False, "left": seg[:lo], "right": seg[hi + 1:]}
            lseg = seg[:lo]
            if _SO_CALLED.search(lseg[-40:]) or _WHAT_CALLS.search(lseg[-120:]):
                res.update(distancing=True, attribution="so-called" if _SO_CALLED.search(lseg[-40:]) else "what-X-calls")
            else:
                # a reporting verb inside the quotation, with its subject
                best = None
                for hit in vrx.finditer(seg, 0, lo):
                    before = _WORD.findall(seg[max(0, hit[0] - 30):hit[0]])
                    pw = before[-1] if before else ""
                    if pw.lower() in _DETS or _POSS.search(pw) or (hit[2][0].isupper() and before):
                        continue  # a noun ("a state", "the claims") or a name
                    best = hit
                if best is not None and re.search(r"[.!?…][\"”’')\]]*\s", seg[best[1]:lo]):
                    best = None  # the verb belongs to an earlier sentence of the quotation
                if best is not None:
                    sp = _np_left(seg, 0, best[0])
                    res["verb"] = " ".join(best[2].split()).lower()
                    if sp is not None:
                        res["span"] = (sp[0] + seg_start, sp[1] + seg_start)
                    res["attribution"] = "inside-quote"
            self._emit(io, ic, 1, res, depth=1)

    # --------------------------------------------------------------- speakers
    def _mentions_list(self):
        if self._mentions is None:
            m = self.masked
            ments = []
            for x in _NAME.finditer(m):
                s, e = x.start(), x.end()
                words = x.group().split()
                # drop sentence-initial function words ("While", "In", "The")
                while words and words[0].rstrip(".") in _CAP_STOP:
                    s = m.index(words[1], s + len(words[0])) if len(words) > 1 else e
                    words = words[1:]
                if not words:
                    continue
                last = re.sub(r"['’]s?$", "", words[-1])
                if last in _CAP_STOP:
                    continue
                ments.append((s, e, " ".join(words), last))
            self._mentions = ments
            self._by_last = {}
            for s, e, name, last in ments:
                self._by_last.setdefault(last, []).append((s, name))
            self._bags = {}
            self._mention_starts = [x[0] for x in ments]
        return self._mentions

    def _resolve(self, speaker: str, span, quote_pos: int) -> str:
        words = speaker.split()
        low0 = words[0].lower()
        if len(words) == 1 and low0 in ("they", "it"):
            # "Lawmakers denounced what they called …": the subject of an earlier
            # reporting verb in the same sentence
            si = self._sent_of(span[0])
            for d in reversed(self._candidates(si)):
                if d[4] == "subject" and d[3] is not None and d[3][1] <= span[0]:
                    sub = self.orig[d[3][0]:d[3][1]]
                    head = _POSS.sub("", sub.split()[-1])
                    if head.lower() in _PRONOUNS:
                        continue
                    plural = head.endswith("s") and not head.endswith("ss") and not head[:1].isupper()
                    if (low0 == "they") == plural:
                        return sub
                    break
        if len(words) == 1 and low0 in ("he", "she"):
            sub = self._sentence_subject(span[0])
            if sub is not None:
                return self._resolve(self.orig[sub[0]:sub[1]], sub, quote_pos)
        if len(words) == 1 and low0 in _PRONOUNS:
            return self._resolve_pronoun(low0, min(span[0], quote_pos)) or speaker
        sp_start = span[0]
        # trailing capitalised run = the name part
        run = []
        for w in reversed(words):
            if (w[:1].isupper() or w.rstrip(".") in _TITLE_SET) and w.lower() not in _CONNECTORS:
                run.append(w)
            else:
                break
        run.reverse()
        before_run = words[: len(words) - len(run)]
        has_connector = any(w.lower() in _CONNECTORS for w in words)
        is_name = (
            run and not has_connector and low0 not in _DETS
            and re.sub(r"['’]s?$", "", run[-1]) not in _INSTITUTION_TAIL
            and not (before_run and before_run[-1].lower() in _DETS)
        )
        if is_name:
            last = re.sub(r"['’]s?$", "", run[-1])
            return self._fullest(last, sp_start + len(speaker)) or " ".join(run)
        # a role noun phrase ("the Joint Chiefs chairman") -> earlier name in that role
        head = re.sub(r"['’]s$", "", words[-1]).lower()
        if head in _PERSON_ROLE:
            content = {re.sub(r"['’]s?$", "", w).lower() for w in words if w.lower() not in _DETS}
            found = self._resolve_role(content, sp_start)
            if found:
                return found
        return speaker

    def _sentence_subject(self, pos: int):
        """The subject noun phrase opening the sentence at ``pos`` when it ends before
        ``pos`` and is a person (a titled name, a name used with a title elsewhere, or
        a person role: "The Pentagon's press secretary"); else None."""
        m = self.masked
        si = self._sent_of(pos)
        k = self.sent_starts[si]
        dl = _DATELINE.match(m, k, pos)
        if dl:
            k = dl.end()
        w = re.match(r"[A-Za-z]+", m[k:k + 20])
        if w and w.group() in _CAP_STOP and w.group() not in ("The", "A", "An"):
            comma = m.find(",", k, pos)  # "Asked whether …, Ms Haidari paused"
            if comma == -1:
                return None
            k = _skip_space(m, comma + 1)
        sp = _np_right(m, k, pos)
        if sp is None or sp[1] >= pos or not re.match(r"\s+[a-z]", m[sp[1]:sp[1] + 3]):
            return None
        words = m[sp[0]:sp[1]].split()
        head = _POSS.sub("", words[-1])
        if words[0].lower() in _PRONOUNS:
            return None
        if head.lower() in _PERSON_ROLE:
            return sp
        if _is_cap(head) and self._is_person(sp[0], sp[1], " ".join(words)):
            return sp
        return None

    def _resolve_role(self, content: set, before: int) -> str | None:
        m = self.masked
        ments = self._mentions_list()
        for s, e, name, last in reversed(ments):
            if s >= before:
                continue
            if last in _INSTITUTION_TAIL or len(name.split()) < 2:
                continue
            words = self._bags.get(s)
            if words is None:
                si = self._sent_of(s)
                ctx_l = m[max(self.sent_starts[si], s - 90):s]
                ctx_r = m[e:min(self.sent_ends[si], e + 90)]
                appos = _APPOS_TEXT.match(ctx_r)
                ctx = ctx_l.split(",")[-2:] if ctx_l.rstrip().endswith(",") else [ctx_l]
                bag = " ".join(ctx) + " " + name + " " + (appos.group(1) if appos else "")
                words = {_POSS.sub("", w).lower() for w in _WORD.findall(bag)}
                self._bags[s] = words
            if content <= words:
                return self._fullest(last, e)
        return None

    def _fullest(self, last: str, until: int) -> str | None:
        """The longest mention ending in ``last`` that starts before ``until``."""
        self._mentions_list()
        best = None
        for s, name in self._by_last.get(last, ()):
            if s > until:
                break
            if best is None or len(name.split()) > len(best.split()):
                best = name
        return best

    def _titled_surnames(self) -> set:
        """Surnames that the document uses with a courtesy title ("Ms Haidari"), or
        alone after a full name whose first word is not a title or function word
        ("Nadia Rahimi" … "Rahimi, who …"): news style for people, not places."""
        if getattr(self, "_titled", None) is None:
            titled = {re.sub(r"['’]s?$", "", x.group(1)) for x in _TITLED.finditer(self.masked)}
            ments = self._mentions_list()
            alone = {last for _, _, name, last in ments if " " not in name}
            for _, _, name, last in ments:
                w = name.split()
                if (len(w) in (2, 3) and last in alone and last not in _INSTITUTION_TAIL
                        and all(_is_cap(x) and x.isalpha() for x in w)):
                    titled.add(last)
            self._titled = titled
        return self._titled

    def _is_person(self, s: int, e: int, name: str) -> bool:
        """A name mention that is a person: titled, or next to a person role noun."""
        toks = name.split()
        if re.sub(r"['’]s?$", "", toks[-1]) in _INSTITUTION_TAIL:
            return False
        if any(t.rstrip(".") in _TITLE_SET or t.lower() in _PERSON_ROLE for t in toks[:-1]):
            return True
        if re.sub(r"['’]s?$", "", toks[-1]) in self._titled_surnames():
            return True  # "Fatima Haidari … Ms Haidari"; "Nadia Rahimi … Rahimi said"
        before = _WORD.findall(self.masked[max(0, s - 30):s])
        if before and before[-1].lower() in _PERSON_ROLE:
            return True
        return _APPOSITIVE_ROLE.match(self.masked, e) is not None

    def _resolve_pronoun(self, pron: str, pos: int) -> str | None:
        """he/she: the most recent person named in this or the previous paragraph;
        it/they: the most recent non-person speaker there. None when nothing fits."""
        para = self._para_of(pos)
        lo = self.para_starts[max(para - 1, 0)]
        cands = []
        want_person = pron in ("he", "she")
        for back, r in enumerate(reversed(self.rows)):
            if r[2] < lo or back >= 50:
                break
            if r[14] == 0 and r[4] is not None and r[1] < pos:
                name = r[7] or r[4]
                words = name.split()
                if words[0].lower() in _PRONOUNS:
                    continue
                person = all(w[:1].isupper() for w in words) and _POSS.sub("", words[-1]) not in _INSTITUTION_TAIL
                if person == want_person:
                    cands.append((r[1], name, person))
                    break  # rows are in document order: this is the most recent
        if pron in ("he", "she"):
            ments = self._mentions_list()
            k = bisect.bisect_left(self._mention_starts, pos)
            while k > 0 and ments[k - 1][0] >= lo:
                k -= 1
                s, e, name, last = ments[k]
                if self._is_person(s, e, name):
                    cands.append((s, self._fullest(last, pos), True))
                    break
            people = [c for c in cands if c[2]]
            return max(people, key=lambda c: c[0])[1] if people else None
        others = [c for c in cands if not c[2]]
        return max(others, key=lambda c: c[0])[1] if others else None


# --------------------------------------------------------------- helpers
def _first_nonspace(text: str, pos: int):
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return pos if pos < n else None


def _skip_space(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] in " \t,":
        pos += 1
    return pos


def _last_word(m: str, pos: int) -> str:
    k = pos
    while k > 0 and (m[k - 1].isalnum() or m[k - 1] in ".'’"):
        k -= 1
    return m[k:pos].rstrip(".")


def _pair_single(text: str, a: int, b: int, pend: int | None = None, with_pending: bool = False):
    """Pair single quote marks in ``text[a:b]``; apostrophes are left alone.

    A mark between two letters or digits is an apostrophe ("Afghanistan's", "can't");
    ’ never opens ("’90s" is an elision); ‘ or ' opens after a space, an opening
    bracket, a dash or a double quote mark; ’ or ' closes before a space or
    punctuation, and only when a quotation is open (so "the soldiers’ families" stays
    an apostrophe unless a ‘ came before); elisions are apostrophes too ("the '90s",
    "rock 'n' roll"). A plural possessive inside an open
    quotation ("'We owe it to our veterans' families,' he said") is an apostrophe
    when another closing mark follows before the next opening one.

    ``pend`` is a quotation left open by the previous paragraph; with
    ``with_pending`` the result is ``(pairs, position of a still open mark or None)``.
    """
    out = []
    skip_to = None
    marks = list(_SQ.finditer(text, a, b))
    for k, x in enumerate(marks):
        p = x.start()
        ch = x.group()
        prev = text[p - 1] if p > a else " "
        nxt = text[p + 1] if p + 1 < b else " "
        if prev.isalnum() and nxt.isalnum():
            continue
        opening = ch != "’" and (prev.isspace() or prev in "([{—–-\"“„«»/") and not nxt.isspace()
        # ‘ closes only the German ‚…‘
        closing = ((ch != "‘" or (pend is not None and text[pend] == "‚"))
                   and (nxt.isspace() or nxt in ".,;:!?)]}—–-…\"”“»«") and not prev.isspace())
        if skip_to is not None and p <= skip_to:
            continue
        if opening and _DECADE.match(text, p + 1, min(b, p + 6)):
            continue  # an elision, not a quotation: "the '90s", "let 'em go", "'Tis"
        el = _ELIDED.match(text, p + 1, min(b, p + 5)) if opening else None
        if el is not None:
            skip_to = el.start(1)
            continue  # an elided word inside a quotation: "rock 'n' roll"
        if pend is None:
            if opening:
                pend = p
        elif closing and p > pend + 1:
            if prev in "sS" and nxt == " " and p + 2 < b and text[p + 2].islower() and _closes_later(text, marks, k, a, b):
                continue  # "veterans' families": an apostrophe, the quotation closes later
            out.append((pend, p))
            pend = None
        elif opening and ch in "‘‚":
            pend = p
    return (out, pend) if with_pending else out


def _closes_later(text: str, marks, k: int, a: int, b: int) -> bool:
    """Another closing-looking single mark follows mark ``k`` before any opening one."""
    for x in marks[k + 1:]:
        p = x.start()
        prev = text[p - 1] if p > a else " "
        nxt = text[p + 1] if p + 1 < b else " "
        if prev.isalnum() and nxt.isalnum():
            continue
        if x.group() != "’" and (prev.isspace() or prev in "([{—–-\"“„«»/") and not nxt.isspace():
            return False
        if (nxt.isspace() or nxt in ".,;:!?)]}—–-…\"”“»«") and not prev.isspace():
            return True
    return False


def _pair_double_simple(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    pend = None
    for x in _DQ.finditer(text, a, b):
        if pend is None:
            pend = x.start()
        else:
            if x.start() > pend + 1:
                out.append((pend, x.start()))
            pend = None
    return out


def _tokens_before(m: str, ss: int, pos: int, n: int) -> list[tuple[int, int, str]]:
    lo = max(ss, pos - 200)
    toks = [(x.start(), x.end(), x.group()) for x in _TOKEN.finditer(m, lo, pos)]
    if lo > ss and toks:
        toks = toks[1:]
    return toks[-n:] if n else toks


def _is_cap(w: str) -> bool:
    return w[:1].isupper() and w.rstrip(".").replace("’", "'").split("'")[0] not in _CAP_STOP


def _np_left(m: str, ss: int, vs: int):
    """Subject noun phrase ending right before a verb at ``vs`` (span) or None."""
    toks = _tokens_before(m, ss, vs, 30)
    i = len(toks) - 1
    skipped = 0
    while i >= 0 and skipped < 3 and (toks[i][2].lower() in _AUX or (toks[i][2].endswith("ly") and toks[i][2].islower())):
        i -= 1
        skipped += 1
    if i < 0:
        return None
    t = toks[i][2]
    if t.lower() in _PRONOUNS and (t.islower() or t in ("He", "She", "They", "It", "We", "I")):
        return (toks[i][0], toks[i][1])
    if t.lower() in ("who", "that") and i >= 1:
        # a relative clause: "the chief of the defence staff, who described …"
        j = i - 1 if toks[i - 1][2] != "," else i - 2
        return _collect_left(toks, j) if j >= 0 else None
    if t == "and" and i >= 2:
        # a coordinated verb phrase: "a man stood up and shouted" -> the clause subject
        j = i - 1
        while j >= 0 and toks[j][2] not in {",", ";", ":", "(", ")"} and not toks[j][2].startswith(_FILL) and i - j < 10:
            j -= 1
        cs = toks[j + 1][0]
        sp = _np_right(m, cs, toks[i][0])
        if sp is not None and toks[i][0] - sp[1] > 1 and m[sp[1]:sp[1] + 2].strip()[:1].islower():
            rest = m[sp[1]:toks[i][0]]
            if len(rest.split()) <= 5 and not re.search(r"\b(?:and|or|but|said|says)\b", rest):
                return sp
        return None
    # "X, who …, said" / "X, the chairman of Y, said" / "X, 45, said"
    if t == ",":
        j = i - 1
        while j >= 0 and toks[j][2] not in {",", ".", ";", ":", "(", ")"} and not toks[j][2].startswith(_FILL) and i - j < 25:
            j -= 1
        if j >= 0 and toks[j][2] == "," and j + 1 < i:
            lead = toks[j + 1][2]
            if (_is_cap(lead) or lead.rstrip(".") in _TITLE_SET) and not _PARTY.match(lead):
                # a name in apposition: "The group's spokesman, Zabihullah Mujahid, told"
                sp = _collect_left(toks, i - 1)
                if sp is not None and sp[0] == toks[j + 1][0]:
                    return sp
            # a parenthetical between subject and verb: "X, who …, said",
            # "X, the head of Y, said", "X, 45, said", "X, speaking at Y, said",
            # "Sen. X, R-Ky., said"
            sp = _collect_left(toks, j - 1)
            if sp is not None:
                return sp
        return None
    return _collect_left(toks, i)


def _collect_left(toks, i):
    if i < 0:
        return None
    end_i = i
    n_low = 0
    start_i = None
    head = toks[i][2]
    while i >= 0:
        t = toks[i][2]
        tl = t.lower()
        if t.startswith(_FILL) or (not t[0].isalnum() and t not in {"-"}):
            break
        if t.endswith(".") and t.rstrip(".") not in _TITLE_SET and not re.fullmatch(r"(?:[A-Z]\.)+", t):
            break
        if tl == "the" and start_i is not None and i - 1 >= 0 and toks[i - 1][2].lower() in _CONNECTORS:
            start_i = i  # "a spokeswoman for the Pharmaceutical Research …"
            i -= 1
            continue
        if tl in _DETS and not t[0].isupper():
            start_i = i
            break
        if t in {"The", "A", "An"} or (t[0].isupper() and tl in _DETS):
            start_i = i
            break
        if (tl == "and" and start_i is not None and i - 1 >= 0 and _is_cap(toks[i - 1][2])
                and _is_cap(toks[start_i][2])):
            start_i = i
            i -= 1
            continue
        if tl in _CONNECTORS and start_i is not None:
            # "envoy for Afghanistan", "chairman of the Joint Chiefs"
            if i - 1 >= 0 and (toks[i - 1][2].lower() in _ROLE or _is_cap(toks[i - 1][2])):
                start_i = i
                i -= 1
                continue
            break
        if tl == "the" and start_i is not None and i - 1 >= 0 and toks[i - 1][2].lower() in _CONNECTORS:
            start_i = i
            i -= 1
            continue
        if _is_cap(t) or t.rstrip(".") in _TITLE_SET or re.fullmatch(r"(?:[A-Z]\.)+", t):
            start_i = i
            i -= 1
            continue
        if t[0].islower() and tl not in _STOP_LOW and t.isascii() is not None and n_low < 4 and not t.endswith("ly"):
            n_low += 1
            start_i = i
            i -= 1
            continue
        break
    if start_i is None:
        return None
    # leading lowercase words without a determiner: keep only a role head
    first = toks[start_i][2]
    head_l = re.sub(r"['’]s?$", "", head.lower())
    head_ok = _is_cap(head) or head_l in _ROLE
    # a determiner, or a possessive name as determiner ("Washington's establishment")
    has_det = first.lower() in _DETS or (start_i < end_i and _is_cap(first) and _POSS.search(first) is not None)
    if not head_ok and not has_det:
        return None
    if not head_ok and has_det and (head_l in _STOP_LOW or re.fullmatch(r"[a-z]{3,}ed", head_l)):
        return None  # "the think tanks produced reports": a verb, not a head noun
    if not has_det and first[0].islower():
        # drop lowercase lead-ins that are not part of a role phrase ("reportedly", "also")
        k = start_i
        while k < end_i and toks[k][2][0].islower() and toks[k][2].lower() not in _ROLE and not _is_cap(toks[k + 1][2]) and toks[k + 1][2].lower() not in _ROLE:
            k += 1
        start_i = k
    if re.search(r"['’]s?$", head) and head[0].isalpha() and head.lower() not in _PRONOUNS:
        return None  # a possessive is not a subject ("Milley's")
    if (start_i >= 3 and toks[start_i - 1][2].lower() in {"with", "to", "on", "about", "in", "of"}
            and toks[start_i - 2][2].lower() in _POSTMOD):
        # "a source familiar with the matter", "people close to the talks"
        sp = _collect_left(toks, start_i - 3)
        if sp is not None and _POSS.sub("", toks[start_i - 3][2]).lower() in _ROLE:
            return (sp[0], toks[end_i][1])
    return (toks[start_i][0], toks[end_i][1])


def _np_right(m: str, pos: int, se: int):
    """Noun phrase starting at ``pos`` (after "said" or "according to"), or None.

    The phrase ends at its last capitalised word or role noun ("said one senior US
    official", "according to the Pentagon"); without either, a determiner and one
    lowercase noun ("according to the statement").
    """
    toks = [(x.start(), x.end(), x.group()) for x in _TOKEN.finditer(m, pos, min(se, pos + 200))]
    if not toks:
        return None
    t0 = toks[0][2]
    if t0.lower() in _PRONOUNS and t0.lower() != "it":
        return (toks[0][0], toks[0][1])
    start = toks[0][0]
    strong = None
    first_low = None
    n_low = 0
    has_det = False
    i = 0
    while i < len(toks):
        s_, e_, t = toks[i]
        if t.startswith(_FILL) or not t[0].isalnum():
            break
        final = t.endswith(".") and t.rstrip(".") not in _TITLE_SET and not re.fullmatch(r"(?:[A-Z]\.)+", t)
        if final:  # the word before a sentence-final period
            t = t.rstrip(".")
            e_ = s_ + len(t)
            if not t:
                break
        tl = t.lower()
        if i == 0 and tl in _DETS:
            has_det = True
        elif i > 0 and tl in _DETS and not (toks[i - 1][2].lower() in _CONNECTORS and tl == "the"):
            break
        elif _is_cap(t) or t.rstrip(".") in _TITLE_SET or re.fullmatch(r"(?:[A-Z]\.)+", t):
            strong = e_
        elif tl in _CONNECTORS and strong is not None and not final and i + 1 < len(toks):
            nx = toks[i + 1][2]
            if not (_is_cap(nx) or (nx.lower() == "the" and i + 2 < len(toks) and _is_cap(toks[i + 2][2]))):
                break
        elif tl == "the" and i > 0 and toks[i - 1][2].lower() in _CONNECTORS:
            pass
        elif t[0].islower() and tl not in _STOP_LOW and n_low < 4:
            n_low += 1
            if _POSS.sub("", tl) in _ROLE:
                strong = e_
            elif first_low is None:
                first_low = e_
        else:
            break
        i += 1
        if final:
            break
    if strong is not None:
        head = _POSS.sub("", m[start:strong].split()[-1]).lower()
        if head in _ROLE:
            x = _APPOS_NAME.match(m, strong)
            if x is not None and _is_cap(x.group(1).split()[0]):
                return (start, x.end(1))
        return (start, strong)
    if has_det and first_low is not None:
        return (start, first_low)
    return None
