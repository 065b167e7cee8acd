"""Lexicons: a documented table format for dictionaries of terms, and its reader.

A lexicon is a DataFrame with one row per pattern and the columns

========== ======== ==================================================================
column     required meaning
========== ======== ==================================================================
pattern    yes      the term as written: one word or a phrase (``puppet government``)
category   yes      the group the pattern belongs to (``delegitimizing``, ``euphemism``)
weight     no       a number (default ``1.0``); free for users' own weighting
note       no       a short explanation or source (default empty)
match      no       ``fixed`` | ``glob`` | ``regex`` (default ``glob``)
========== ======== ==================================================================

File format
-----------
CSV (UTF-8, header row, ``"`` quoting) is the primary format::

    pattern,category,weight,note,match
    puppet government,delegitimizing,1,denies a government its sovereignty,glob
    imperialis*,ideological,1,imperialism/imperialist(s),glob
    regime[s]?,delegitimizing,1,,regex

Lines starting with ``#`` are comments; ``.tsv`` is tab-separated; YAML (needs PyYAML)
is a list of mappings with the same keys, or a mapping ``category -> patterns``.

Matching modes (the same names everywhere in ``discourse``)
-----------------------------------------------------------
All modes are case-insensitive (Unicode case folding) and match whole words
(``regime`` never matches inside ``regimen``).

``fixed``
    The pattern is literal text. Spaces in the pattern match one whitespace
    character in the text; a hyphen between two letters also matches a space
    (``so-called`` finds ``so called``). Curly and straight apostrophes are
    the same character, and so are the various Unicode hyphens.
``glob``
    Like ``fixed``, plus ``*`` = zero or more word characters and ``?`` = exactly
    one word character: ``regime*`` finds ``regime``, ``regimes``, ``regimen``;
    ``*-backed`` finds ``US-backed``. Without ``*`` or ``?`` it is ``fixed``.
``regex``
    A Python regular expression (:mod:`re`), matched case-insensitively with word
    boundaries added at both ends; ``regimes?`` finds ``regime`` and ``regimes``.

Exclusions: names and fixed expressions that veto a match
---------------------------------------------------------
Rows whose category is ``exclude`` (:data:`EXCLUDE`) are *veto phrases*: names and
fixed expressions that contain a loaded word without being loaded language
(``Department of Homeland Security``, ``International Criminal Court``,
``natural disaster``, ``sanctions regime``)::

    pattern,category,weight,note,match
    homeland,flag_waving,1,appeal to the nation,glob
    Department of Homeland Security,exclude,1,a US ministry's name,fixed

A veto phrase is matched like any other pattern: the longest match wins, and
:func:`apply_exclusions` then removes the veto matches (and, after ``overlap="all"``,
every match inside one); a longer loaded phrase still wins (``so-called Islamic
State``). Context conditions: the neutral fixed uses of a loaded word are veto phrases
(``looming deadline``, ``criminal code``); other conditions can be ``regex`` rows with
lookarounds (``criminal(?! court| code)``). Extend with your own ``exclude`` rows
(``pd.concat([lexicon.read(), lexicon.read("my_exclusions.csv")])``).

Weights
-------
``weight`` travels with every match (``terms.find``), so a researcher can keep the more
reliable patterns (``matches[matches["weight"] >= 0.5]``). In the bundled lexicon it is
the pattern's measured precision against annotated news (``SOURCES-loaded-language.md``);
``terms.find_loaded`` keeps ``weight >= 0.25`` (and weaker matches in a sentence with two
such matches or in an article dense with them) and extends matches to their phrases.
In a user's lexicon it means whatever the user decides (default 1.0).

Validation
----------
:func:`read` raises :class:`LexiconError` (a ``ValueError``) listing each bad row as
``file:line: problem`` (empty pattern or category, unknown match mode, invalid regular
expression, non-numeric weight, a glob of only wildcards); duplicates keep the first.

Examples
--------
>>> from discourse import lexicon
>>> lex = lexicon.read()  # the bundled loaded-language lexicon
>>> sorted(lex.columns)
['category', 'match', 'note', 'pattern', 'weight']
>>> mine = lexicon.from_dict({"delegitimizing": ["regime", "junta"], "euphemism": ["collateral damage"]})
>>> mine[["pattern", "category", "match"]]
             pattern        category match
0             regime  delegitimizing  glob
1              junta  delegitimizing  glob
2  collateral damage       euphemism  glob
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Iterable, Literal, Mapping

import pandas as pd

__all__ = ["read", "from_dict", "from_records", "validate", "apply_exclusions", "LexiconError", "MATCH_MODES",
           "DEFAULT", "EXCLUDE"]

MATCH_MODES = ("fixed", "glob", "regex")
COLUMNS = ["pattern", "category", "weight", "note", "match"]
#: name of the bundled default lexicon (in ``discourse/lexicons/``)
DEFAULT = "loaded_language.csv"
#: category of veto rows: names and fixed expressions that are never loaded language
EXCLUDE = "exclude"

MatchMode = Literal["fixed", "glob", "regex"]


class LexiconError(ValueError):
    """A lexicon file or table has bad rows; the message lists each with its line."""


def _where(source: str | None, line: int | None) -> str:
    if source is None and line is None:
        return ""
    if line is None:
        return f"{source}: "
    return f"{source or '<lexicon>'}:{line}: "


def _missing(value) -> bool:  # None, NaN or pd.NA (a nullable column's missing value)
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _check_rows(rows: list[dict], source: str | None, lines: list[int | None], match: str | None) -> pd.DataFrame:
    """Validate and normalize row dicts; raise LexiconError listing every problem."""
    problems: list[str] = []
    out = []
    if match is not None and match not in MATCH_MODES:
        raise LexiconError(f"match must be one of {'|'.join(MATCH_MODES)}, not {match!r}")
    for row, line in zip(rows, lines):
        where = _where(source, line)
        pat = row.get("pattern")
        pat = "" if _missing(pat) else str(pat)
        pat = unicodedata.normalize("NFC", pat.strip())
        cat = row.get("category")
        cat = "" if _missing(cat) else str(cat).strip()
        mode = row.get("match")
        mode = "" if _missing(mode) else str(mode).strip().lower()
        mode = mode or match or "glob"
        w = row.get("weight")
        note = row.get("note")
        note = "" if _missing(note) else str(note).strip()
        bad = False
        if not pat:
            problems.append(f"{where}empty pattern")
            bad = True
        if not cat:
            problems.append(f"{where}empty category for pattern {pat!r}")
            bad = True
        if mode not in MATCH_MODES:
            problems.append(f"{where}unknown match mode {mode!r} for pattern {pat!r} (use fixed, glob or regex)")
            bad = True
        if _missing(w) or (isinstance(w, str) and not w.strip()):
            weight = 1.0
        else:
            try:
                weight = float(w)
                if weight != weight:
                    raise ValueError
            except (TypeError, ValueError):
                problems.append(f"{where}weight {w!r} is not a number (pattern {pat!r})")
                bad = True
                weight = float("nan")
        if pat and mode == "regex":
            try:
                re.compile(pat)
            except re.error as exc:
                problems.append(f"{where}invalid regular expression {pat!r}: {exc}")
                bad = True
        if pat and mode == "glob" and not pat.replace("*", "").replace("?", "").strip():
            problems.append(f"{where}glob pattern {pat!r} has no literal text")
            bad = True
        if not bad:
            out.append({"pattern": pat, "category": cat, "weight": weight, "note": note, "match": mode})
    if problems:
        n = len(problems)
        raise LexiconError(f"{n} bad lexicon row{'s' if n > 1 else ''}:\n" + "\n".join(problems))
    df = pd.DataFrame(out, columns=COLUMNS)
    if len(df):
        df = df.drop_duplicates(["pattern", "category", "match"], keep="first").reset_index(drop=True)
        veto = df["category"] == EXCLUDE
        keys = list(zip(df["pattern"], df["match"]))
        both = {k for k, v in zip(keys, veto) if v} & {k for k, v in zip(keys, veto) if not v}
        if both:
            raise LexiconError(f"{_where(source, None)}pattern(s) {sorted(p for p, _ in both)} are both exclusions "
                               f"and loaded terms; keep one row (an exclusion must contain a loaded term, not equal it)")
    df["weight"] = df["weight"].astype(float)
    for c in ("pattern", "category", "note", "match"):
        df[c] = df[c].astype(object)
    return df


def validate(lexicon: pd.DataFrame) -> pd.DataFrame:
    """Check a lexicon DataFrame and return a normalized copy.

    Missing optional columns are added (``weight`` 1.0, ``note`` "", ``match``
    "glob"); row numbers in error messages are 0-based DataFrame positions.

    Examples
    --------
    >>> validate(pd.DataFrame({"pattern": ["junta"], "category": ["label"]}))["match"].tolist()
    ['glob']
    """
    if not isinstance(lexicon, pd.DataFrame):
        raise TypeError(f"lexicon must be a DataFrame, not {type(lexicon).__name__}")
    missing = [c for c in ("pattern", "category") if c not in lexicon.columns]
    if missing:
        raise LexiconError(f"lexicon is missing column(s) {missing}; needs pattern and category")
    # the same table is validated once: every analysis validates its lexicon, and a
    # session passes the same one again and again (keyed by the values' repr, so 1, 1.0
    # and "1" are told apart and an edited table is validated anew)
    key = (None if lexicon.columns.duplicated().any() else
           tuple((c, tuple(map(repr, lexicon[c].tolist()))) for c in COLUMNS if c in lexicon.columns))
    done = _VALID.get(key) if key is not None else None
    if done is None:
        rows = lexicon.to_dict("records")
        done = _check_rows(rows, "<DataFrame>", [f"row {i}" for i in range(len(rows))], None)  # type: ignore[list-item]
        if key is not None:
            _VALID[key] = done
        while len(_VALID) > _VALID_SIZE:
            del _VALID[next(iter(_VALID))]
    return done.copy()


#: lexicon tables validated lately (:func:`validate`), oldest first
_VALID: dict[tuple, pd.DataFrame] = {}
_VALID_SIZE = 16


def from_records(records: Iterable[Mapping], *, match: MatchMode | None = None) -> pd.DataFrame:
    """Build a lexicon from dicts with keys ``pattern``, ``category`` and optionally
    ``weight``, ``note``, ``match``.

    ``match`` sets the mode of rows that do not give one (default ``glob``).

    Examples
    --------
    >>> from_records([{"pattern": "regimes?", "category": "label", "match": "regex"}])["match"][0]
    'regex'
    """
    rows = [dict(r) for r in records]
    return _check_rows(rows, "<records>", [f"record {i}" for i in range(len(rows))], match)  # type: ignore[list-item]


def from_dict(mapping: Mapping[str, Iterable[str]], *, match: MatchMode | None = None) -> pd.DataFrame:
    """Build a lexicon from ``{category: [pattern, ...]}``.

    Examples
    --------
    >>> from_dict({"fear": ["menace", "existential threat"]}, match="fixed")["pattern"].tolist()
    ['menace', 'existential threat']
    """
    rows = []
    for cat, pats in mapping.items():
        if isinstance(pats, str):
            pats = [pats]
        rows.extend({"pattern": p, "category": cat} for p in pats)
    return from_records(rows, match=match)


def _read_delimited(text: str, source: str, sep: str, match: str | None) -> pd.DataFrame:
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    header: list[str] | None = None
    rows: list[dict] = []
    lines: list[int | None] = []
    problems: list[str] = []
    for rec in reader:
        line = reader.line_num
        if not rec or all(not f.strip() for f in rec):
            continue
        if rec[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [h.strip().lower().lstrip("\ufeff") for h in rec]
            missing = [c for c in ("pattern", "category") if c not in header]
            if missing:
                raise LexiconError(f"{source}:{line}: header must name pattern and category columns (got {rec})")
            unknown = [h for h in header if h not in COLUMNS]
            if unknown:
                raise LexiconError(f"{source}:{line}: unknown column(s) {unknown}; allowed: {', '.join(COLUMNS)}")
            continue
        if len(rec) > len(header):
            problems.append(f"{source}:{line}: {len(rec)} fields but the header has {len(header)} (quote fields that contain '{sep}')")
            continue
        rows.append(dict(zip(header, rec)))
        lines.append(line)
    if header is None:
        raise LexiconError(f"{source}: empty lexicon file (no header row)")
    try:
        df = _check_rows(rows, source, lines, match)
    except LexiconError as exc:
        if problems:
            raise LexiconError(str(exc) + "\n" + "\n".join(problems)) from None
        raise
    if problems:
        n = len(problems)
        raise LexiconError(f"{n} bad lexicon row{'s' if n > 1 else ''}:\n" + "\n".join(problems))
    return df


def _read_yaml(text: str, source: str, match: str | None) -> pd.DataFrame:
    try:
        import yaml  # type: ignore
    except ImportError:  # pragma: no cover
        raise LexiconError(f"{source}: reading YAML lexicons needs PyYAML (pip install pyyaml); or use CSV") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{source}: invalid YAML: {exc}") from None
    if isinstance(data, Mapping):
        rows, lines = [], []
        for cat, pats in data.items():
            for j, p in enumerate([pats] if isinstance(pats, str) else pats or []):
                rows.append(p if isinstance(p, Mapping) else {"pattern": p, "category": cat})
                rows[-1] = {"category": cat, **rows[-1]}
                lines.append(f"{cat}[{j}]")  # the item's position in its category's list
    elif isinstance(data, list):
        rows = [dict(r) if isinstance(r, Mapping) else {"pattern": r} for r in data]
        lines = [f"item {i}" for i in range(len(rows))]
    else:
        raise LexiconError(f"{source}: YAML lexicon must be a list of mappings or a mapping category -> patterns")
    return _check_rows(rows, source, lines, match)  # type: ignore[arg-type]


def read(path: str | Path | None = None, *, match: MatchMode | None = None) -> pd.DataFrame:
    """Read and validate a lexicon file.

    Parameters
    ----------
    path : str or Path, optional
        A ``.csv``, ``.tsv`` or ``.yaml``/``.yml`` file (format in the module
        docstring). ``None`` reads the bundled loaded-language lexicon
        (``discourse/lexicons/loaded_language.csv``; sources in
        ``SOURCES-loaded-language.md`` next to it).
    match : {"fixed", "glob", "regex"}, optional
        Mode for rows without a ``match`` value (default ``glob``).

    Returns
    -------
    DataFrame
        ``pattern``, ``category``, ``weight``, ``note``, ``match``; one row per
        pattern and category in file order, exact duplicate rows removed (a
        pattern may belong to several categories: each match is reported once per category).

    Raises
    ------
    LexiconError
        Listing every bad row as ``file:line: problem``.

    Examples
    --------
    >>> lex = read()
    >>> lex.loc[lex["pattern"] == "puppet government", "category"].item()
    'delegitimizing'
    """
    if path is None:
        ref = resources.files("discourse") / "lexicons" / DEFAULT
        return _read_delimited(ref.read_text(encoding="utf-8"), f"lexicons/{DEFAULT}", ",", match)
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"lexicon file not found: {p}")
    text = p.read_text(encoding="utf-8-sig")
    suffix = p.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        return _read_yaml(text, str(p), match)
    return _read_delimited(text, str(p), "\t" if suffix == ".tsv" else ",", match)


def apply_exclusions(matches: pd.DataFrame) -> pd.DataFrame:
    """Drop veto matches (category :data:`EXCLUDE`) and every match inside one.

    Parameters
    ----------
    matches : DataFrame
        Lexicon matches with ``doc_id``, ``start``, ``end`` and ``category``
        (:func:`discourse.terms.find`). With the default ``overlap="longest"`` the
        matcher has already dropped the shorter matches a veto phrase overlaps; after
        ``overlap="all"`` the matches lying within a veto match (same document,
        ``start >= veto.start`` and ``end <= veto.end``) are dropped here.

    Returns
    -------
    DataFrame
        A copy of ``matches`` without the veto matches and the matches they contain,
        in the same order, with a fresh index.

    Examples
    --------
    >>> m = pd.DataFrame({"doc_id": ["a", "a", "a"], "start": [0, 11, 40], "end": [31, 19, 48],
    ...                   "category": ["exclude", "flag_waving", "flag_waving"]})
    >>> apply_exclusions(m)[["start", "category"]]
       start     category
    0     40  flag_waving
    """
    if not isinstance(matches, pd.DataFrame):
        raise TypeError(f"matches must be a DataFrame (terms.find output), not {type(matches).__name__}")
    missing = [c for c in ("doc_id", "start", "end", "category") if c not in matches.columns]
    if missing:
        raise KeyError(f"matches needs column(s) {missing} (has {list(matches.columns)}); pass terms.find output")
    veto = (matches["category"] == EXCLUDE).fillna(False).to_numpy(dtype=bool)
    drop = veto.copy()
    if veto.any():
        spans: dict[object, list[tuple[int, int]]] = {}
        for d, a, b in zip(matches["doc_id"][veto], matches["start"][veto], matches["end"][veto]):
            spans.setdefault(d, []).append((int(a), int(b)))
        for i, (d, a, b) in enumerate(zip(matches["doc_id"], matches["start"], matches["end"])):
            if not drop[i] and d in spans:
                drop[i] = any(va <= a and b <= vb for va, vb in spans[d])
    return matches.loc[~drop].reset_index(drop=True)
