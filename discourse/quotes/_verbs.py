"""Reporting verbs: the bundled table, custom tables, and a fast matcher."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterable, NamedTuple

import pandas as pd

__all__ = ["reporting_verbs", "VerbTables", "bundled_tables", "custom_tables"]

# prepositional cues that introduce the source on their right
SOURCE_PREPS = frozenset({"according to", "in the words of"})


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


# a word of ASCII letters (the first letter comes first so the regex engine can skip to it)
_WORDS = re.compile(r"[A-Za-z](?<![\w\-’'][A-Za-z])[A-Za-z]*(?![\w\-’'])")
_LAST_WORD = re.compile(r"([A-Za-z]+)(?:\s+(?:to|out|it))?\s*$")


class VerbMatcher:
    """Finds reporting-verb forms by scanning words and looking them up in a dict:
    much faster than one big alternation for Python's regex engine."""

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
        single, multi = self.single, self.multi
        for m in _WORDS.finditer(string, pos, endpos):
            w = m.group().lower()
            if w in multi or w in single:  # (the test of :meth:`_at`, inlined: most words fail it)
                hit = self._at(m, string)
                if hit is not None:
                    yield hit

    def match_at(self, string: str, pos: int):
        m = _WORDS.match(string, pos)
        return self._at(m, string) if m else None

    def ends_with_verb(self, string: str) -> bool:
        m = _LAST_WORD.search(string)
        if not m:
            return False
        return any(e == len(string.rstrip()) for _, e, _ in self.finditer(string, m.start()))


class VerbTables(NamedTuple):
    """A verb matcher with the lemma and group of each form (lowercase)."""

    matcher: VerbMatcher
    lemma: dict
    group: dict


@lru_cache(maxsize=1)
def bundled_tables() -> VerbTables:
    return _tables_from(_verbs())


def _tables_from(df: pd.DataFrame) -> VerbTables:
    verbs = [" ".join(str(v).lower().split()) for v in df["verb"]]
    lemma = dict(zip(verbs, df["lemma"].astype(str))) if "lemma" in df.columns else {v: v for v in verbs}
    group = dict(zip(verbs, df["group"].astype(str))) if "group" in df.columns else {}
    return VerbTables(VerbMatcher(verbs), lemma, group)


def custom_tables(verbs) -> VerbTables:
    """Tables from the ``verbs=`` option of :func:`discourse.quotes.find`."""
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
