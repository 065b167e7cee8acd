"""Frame lexicons: the bundled ones by name (the frame dictionaries), or any lexicon, as a lexicon table."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal, Mapping

import pandas as pd

#: the package's bundled lexicons (``discourse/lexicons/``)
_LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"

#: bundled frame lexicons ("frame dictionaries") by name
DICTIONARIES = {
    "generic": _LEXICONS / "frames_generic.csv",
    "policy": _LEXICONS / "frames_policy.csv",
}


def dictionary(name: str | Path | pd.DataFrame | Mapping | None = None, *,
               match: Literal["fixed", "glob", "regex"] = "glob") -> pd.DataFrame:
    """Return a frame lexicon (a bundled one by name, or any lexicon) as a lexicon table.

    Parameters
    ----------
    name : str, Path, DataFrame or dict, optional
        ``None`` or ``"generic"``: the five generic news frames (Semetko &
        Valkenburg 2000). ``"policy"``: the Policy Frames Codebook dimensions
        (Boydstun et al. 2014). ``"all"``: both, categories prefixed
        ``generic:`` and ``policy:``. A path reads a lexicon file with
        :func:`discourse.lexicon.read`; a DataFrame is validated as a lexicon; a dict
        ``{frame: [patterns]}`` goes through :func:`discourse.lexicon.from_dict`.
    match : {"fixed", "glob", "regex"}
        How patterns match where the lexicon does not say (a dict, a file or table
        without a ``match`` value).

    Returns
    -------
    DataFrame
        ``pattern``, ``category`` (the frame), ``weight``, ``note``, ``match``.

    Examples
    --------
    >>> sorted(dictionary()["category"].unique())
    ['conflict', 'economic', 'human_interest', 'morality', 'responsibility']
    """
    from discourse import lexicon

    if name is None:
        name = "generic"
    if match not in ("fixed", "glob", "regex"):
        raise ValueError(f"match must be 'fixed', 'glob' or 'regex', not {match!r}")
    if isinstance(name, pd.DataFrame):
        if "match" not in name.columns:
            name = name.assign(match=match)
        return _per_category(name)
    if isinstance(name, Mapping):
        parts = [lexicon.from_dict({k: v}, match=match) for k, v in name.items()]
        return pd.concat(parts, ignore_index=True) if parts else lexicon.from_dict(name, match=match)
    if isinstance(name, str) and name in DICTIONARIES:
        return _bundled(name).copy()
    if isinstance(name, str) and name == "all":
        parts = []
        for key in DICTIONARIES:
            lex = _bundled(key).copy()
            parts.append(lex.assign(category=key + ":" + lex["category"]))
        return pd.concat(parts, ignore_index=True)
    path = Path(name)
    if not path.exists():
        raise FileNotFoundError(
            f"lexicon {str(name)!r} is neither a bundled name ({', '.join([*DICTIONARIES, 'all'])}) "
            "nor an existing file"
        )
    return _read(path, match)


def _per_category(lex: pd.DataFrame) -> pd.DataFrame:
    """Validate a lexicon one category at a time, so that a pattern may indicate
    several frames (a lexicon keeps one row per pattern)."""
    from discourse import lexicon

    if "category" not in lex.columns:
        return lexicon.validate(lex)
    parts = [lexicon.validate(sub.reset_index(drop=True))
             for _, sub in lex.groupby(lex["category"].astype(str), sort=False)]
    return pd.concat(parts, ignore_index=True) if parts else lexicon.validate(lex)


@lru_cache(maxsize=len(DICTIONARIES))
def _bundled(name: str) -> pd.DataFrame:
    """A bundled frame lexicon, read once per process (the package's files do not
    change while it runs; callers get a copy)."""
    return _read(DICTIONARIES[name])


def _read(path: Path, match: str = "glob") -> pd.DataFrame:
    from discourse import lexicon

    lex = lexicon.read(path, match=match)  # validates and reports bad rows by line
    if path.suffix.lower() in (".csv", ".tsv"):
        raw = pd.read_csv(path, sep="\t" if path.suffix.lower() == ".tsv" else ",", dtype=str,
                          keep_default_na=False, comment=None)
        if "category" in raw.columns and len(raw) > len(lex):
            raw = raw[raw["pattern"].str.strip() != ""]
            for col in ("weight", "note", "match"):
                if col in raw.columns and (raw[col] == "").all():
                    raw = raw.drop(columns=col)
            raw = raw.replace({"": None})
            if "match" not in raw.columns:
                raw["match"] = match
            return _per_category(raw)
    return lex
