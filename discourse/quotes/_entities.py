"""Speakers as entities across a corpus: one ``speaker_id`` per person or institution.

A speaker as resolved in its document (``speaker_resolved``, else ``speaker``) is
reduced to a name: caption and credit words before it ("Getty Images", "Hide
caption"), titles ("President", "Sen.", "Mr."), party-state tags ("D-Texas",
"(R-Ohio)") and a possessive are dropped; middle initials do not count. Names that
agree are one speaker; a surname alone ("Trump") joins the full name with that surname
when the corpus has one, or one that holds at least :data:`DOMINANT` of the quotations
of full names with that surname; otherwise it stays its own speaker. Pronouns and
role phrases that were not resolved ("he", "the spokesman", "officials") get no
``speaker_id``: they are never guessed; nor does a place (:data:`discourse.words.PLACES`).
"""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from discourse.quotes._phrases import CAPTION, TITLE_SET
from discourse.words import NAME_TITLES, PLACES, PRONOUN_WORDS

__all__ = ["DOMINANT", "speaker_ids", "speakers", "clean_name"]

#: share of a surname's full-name quotations one full name needs to take the bare surname
DOMINANT = 0.8
_PARTY = re.compile(r",?\s*\(?\b(?:[RDI]|Dem|Rep|Ind)-[A-Z][\w.]*(?:\s[A-Z][a-z]+\.?)?\)?,?")
_POSS = re.compile(r"['’]s?$")
_COURTESY = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "former", "the", "then",
                       "late", "u.s.", "us", "rep", "sen", "gov", "lt", "gen", "rev"})
_INITIAL = re.compile(r"^[A-Z]\.?$")


def clean_name(name) -> str | None:
    """The name of a speaker as written, or None when it is no name (a pronoun, a
    lowercase role phrase, empty).

    Examples
    --------
    >>> clean_name("Getty Images Donald Trump"), clean_name("Rep. Rubén Hinojosa, D-Texas")
    ('Donald Trump', 'Rubén Hinojosa')
    >>> clean_name("President Donald Trump's"), clean_name("the spokesman"), clean_name("he")
    ('Donald Trump', None, None)
    """
    if name is None or (isinstance(name, float) and name != name) or name is pd.NA:
        return None
    s = str(name)
    if "-" in s:  # (a party-state tag has a hyphen)
        s = _PARTY.sub(" ", s)
    words = s.split()
    # caption and credit words before the name ("Getty Images Donald Trump", "Hide caption X")
    for i in range(len(words) - 1, -1, -1):
        if words[i].strip(".,:|").lower() in CAPTION:
            words = words[i + 1:]
            break
    while words and (words[0].rstrip(".").lower() in _COURTESY or words[0].rstrip(".") in TITLE_SET
                     or words[0].lower() in NAME_TITLES or words[0].lower().rstrip(".") in NAME_TITLES):
        words = words[1:]
    if words:
        words[-1] = _POSS.sub("", words[-1])
    words = [w.strip(",;:") for w in words if w.strip(",;:")]
    if not words or " ".join(words) in PLACES or words[0].lower() in PRONOUN_WORDS or not all(w[:1].isupper() or w in ("of", "de", "al", "bin", "van", "von", "for", "and") for w in words):
        return None
    return " ".join(words)


def _missing(x) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and x != x)


def _count(item) -> int:
    return item[1]


def _key(name: str) -> tuple[str, ...]:
    return tuple([x.lower() for x in name.split() if not _INITIAL.match(x)])  # "Donald J. Trump" = "Donald Trump"


def speaker_ids(quotes: pd.DataFrame) -> pd.Series:
    """``speaker_id`` of each row of a quotation table (see the module docstring).

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["President Donald Trump", "Mr. Trump", "he", "Trump"],
    ...                   "speaker_resolved": ["President Donald Trump", "Mr. Trump", "he", "Donald J. Trump"]})
    >>> speaker_ids(q).tolist()
    ['Donald Trump', 'Donald Trump', <NA>, 'Donald Trump']
    """
    if "speaker" not in quotes.columns:
        raise ValueError("quotes needs a 'speaker' column (a table from discourse.quotes.find)")
    raw = quotes["speaker"].tolist()
    if "speaker_resolved" in quotes.columns:
        raw = [s if _missing(r) else r for r, s in zip(quotes["speaker_resolved"].tolist(), raw)]
    return pd.Series(ids_of(raw), index=quotes.index, dtype="string", name="speaker_id")


def ids_of(raw) -> list:
    """The ``speaker_id`` of each speaker in ``raw`` (as resolved, else as written; None
    or NaN where there is none), as a list with None where there is no id."""
    raw = list(raw)
    # each distinct value once, with its count, in order of first appearance (counted in C)
    counts = Counter(raw)
    key_memo: dict = {}
    of: dict = {}  # value -> the key of its name (None without a name)
    # full names by surname, with the forms they are written in (counts in plain
    # dicts, in order of first appearance)
    forms: dict[tuple, dict] = {}
    for x, cnt in counts.items():
        n = clean_name(x)
        k = (key_memo[n] if n in key_memo else key_memo.setdefault(n, _key(n))) if n else None
        of[x] = k
        if k:
            c = forms.get(k)
            if c is None:
                forms[k] = {n: cnt}
            else:
                c[n] = c.get(n, 0) + cnt
    by_last: dict[str, dict] = {}
    for k, c in forms.items():
        if len(k) >= 2:
            full = by_last.setdefault(k[-1], {})
            full[k] = full.get(k, 0) + sum(c.values())
    target: dict[tuple, tuple] = {}
    for k in forms:
        if len(k) == 1 and by_last.get(k[0]):
            full = by_last[k[0]]
            best, n = max(full.items(), key=_count)  # the first of the most frequent
            if len(full) == 1 or n >= DOMINANT * sum(full.values()):
                target[k] = best
    display: dict[tuple, str] = {}
    merged: dict[tuple, dict] = {}
    for k, c in forms.items():
        into = merged.get(target.get(k, k))
        if into is None:
            merged[target.get(k, k)] = dict(c)
        else:
            for n, f in c.items():
                into[n] = into.get(n, 0) + f
    for k, c in merged.items():
        # the most frequent full form (the shortest on ties: no middle initial) names the speaker
        full = [(n, f) for n, f in c.items() if len(key_memo[n]) == len(k)] or list(c.items())
        display[k] = min(full, key=lambda x: (-x[1], len(x[0]), x[0]))[0]
    ids = {x: display[target.get(k, k)] if k else None for x, k in of.items()}
    return list(map(ids.__getitem__, raw))


def speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker of a quotation table: who is quoted, under which names.

    Parameters
    ----------
    quotes : DataFrame
        A table from :func:`discourse.quotes.find` (``speaker``, ``speaker_resolved``,
        ``doc_id``; ``speaker_id`` is recomputed over the whole table, so tables found
        in parts and concatenated get one id per person).

    Returns
    -------
    DataFrame
        ``speaker_id``, ``names`` (the names merged, as written, ``"; "`` joined, most
        frequent first), ``n_names``, ``n_quotes``, ``n_docs``; most quoted first.
        Rows without ``speaker_id`` (unresolved pronouns and role phrases) are left out.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["Donald Trump", "Trump", "Mr. Trump"],
    ...                   "speaker_resolved": ["Donald Trump", "Donald Trump", "Mr. Trump"]})
    >>> speakers(q)[["speaker_id", "names", "n_quotes", "n_docs"]].values.tolist()
    [['Donald Trump', 'Donald Trump; Trump; Mr. Trump', 3, 2]]
    """
    ids = speaker_ids(quotes)
    if "doc_id" not in quotes.columns:
        raise ValueError("quotes needs a 'doc_id' column (a table from discourse.quotes.find)")
    t = pd.DataFrame({"speaker_id": ids, "name": quotes["speaker"].astype("string"),
                      "doc_id": quotes["doc_id"].astype(str)})
    t = t[t["speaker_id"].notna()]
    cols = ["speaker_id", "names", "n_names", "n_quotes", "n_docs"]
    if t.empty:
        return pd.DataFrame(columns=cols).astype({"speaker_id": "string", "names": "string", "n_names": "int64",
                                                  "n_quotes": "int64", "n_docs": "int64"})
    rows = []
    for sid, g in t.groupby("speaker_id", sort=False):
        counts = g["name"].value_counts(sort=False)
        order = sorted(counts.items(), key=lambda x: (-x[1], list(g["name"]).index(x[0])))
        rows.append((sid, "; ".join(n for n, _ in order), len(order), len(g), g["doc_id"].nunique()))
    out = pd.DataFrame(rows, columns=cols).sort_values(["n_quotes", "speaker_id"], ascending=[False, True],
                                                      kind="stable")
    return out.astype({"speaker_id": "string", "names": "string"}).reset_index(drop=True)
