"""A figure that fails: a mistake in the study's input (one line naming the figure, the
parameter and what to do; `discourse figures` exits 2) or a bug (its traceback; exit 1)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable

from discourse.figures._registry import FigureSpec

if TYPE_CHECKING:
    from discourse.figures._corpora import _Corpora

__all__ = ["FigureError", "USER_ERRORS", "user_error"]


def _not_a_figure(message: str) -> TypeError:
    """The error for a figure function that returned something else than a Figure: a
    TypeError, marked as a bug in its code (not a mistake in the study's input)."""
    exc = TypeError(message)
    exc._discourse_bug = True
    return exc


#: what a figure raises for a mistake in the study's input (a parameter, a column, a
#: corpus path in discourse.toml): `discourse figures` exits 2 with one line per figure
USER_ERRORS = (ValueError, KeyError, TypeError, FileNotFoundError)

#: TypeErrors Python raises for a wrong call or operation: bugs, whatever the input
_PYTHON_TYPE_ERROR = re.compile(r"positional argument|keyword argument|takes \d+|object is not (?:callable|"
                                r"subscriptable|iterable)|unsupported operand|not supported between|"
                                r"can only concatenate|must be (?:str|int|real number), not")


def user_error(exc: BaseException) -> bool:
    """True when ``exc`` is a mistake in the study's input (see :data:`USER_ERRORS`), False
    for a bug (any other exception, a function that returned no Figure, a TypeError of
    a wrong call)."""
    if getattr(exc, "_discourse_bug", False) or not isinstance(exc, USER_ERRORS):
        return False
    return not (type(exc) is TypeError and _PYTHON_TYPE_ERROR.search(str(exc)))


def _short(params: dict[str, Any], limit: int = 40) -> str:
    parts = []
    for k, v in params.items():
        text = repr(v)
        parts.append(f"{k}={text if len(text) <= limit else text[:limit - 3] + '...'}")
    return ", ".join(parts) or "none"


class FigureError(RuntimeError):
    """One or more figures failed to build; ``failures`` maps name -> traceback text,
    ``params`` maps name -> the parameters it was drawn with, ``lines`` maps name -> one
    line naming the figure, the parameter and what to do, and ``user_errors`` lists the
    figures that failed for a mistake in the study's input (the others hit a bug)."""

    def __init__(self, failures: dict[str, str], params: dict[str, dict[str, Any]] | None = None,
                 lines: dict[str, str] | None = None, user_errors: Iterable[str] = ()):
        self.failures = dict(failures)
        self.params = dict(params or {})
        self.lines = dict(lines or {})
        self.user_errors = [n for n in self.failures if n in set(user_errors)]
        last = [tb.strip().splitlines()[-1] for tb in self.failures.values()]
        super().__init__("; ".join(f"{n}: {ln}" for n, ln in zip(self.failures, last)))

    def summary(self, name: str) -> str:
        """One line: the figure, the parameters it was drawn with, the error."""
        last = self.failures[name].strip().splitlines()[-1]
        return f"figure {name!r} failed with parameters {_short(self.params.get(name, {}))}: {last}"


def _message(exc: BaseException) -> str:
    """``Type: first line of the message`` (a KeyError's message without its quotes)."""
    text = exc.args[0] if isinstance(exc, KeyError) and len(exc.args) == 1 and isinstance(exc.args[0], str) \
        else str(exc)
    text = text.strip().splitlines()[0] if text.strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _blame(message: str, params: dict[str, Any]) -> str | None:
    """The parameter an error message is about: one it names, else one whose value
    (a string, then a number) it quotes; None when it names none."""
    for key in params:
        if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", message):
            return key
    for key, value in params.items():
        if isinstance(value, str) and len(value) >= 2 and value in message:
            return key
    for key, value in params.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool) \
                and re.search(rf"(?<![\w.]){re.escape(repr(value))}(?![\w.])", message):
            return key
    return None


def _failure_line(name: str, exc: BaseException, stage: str, spec: FigureSpec, corpora: "_Corpora") -> str:
    """One line for a figure that failed on the study's input: the figure, the error, the
    parameter (or corpus) of discourse.toml it comes from and what to do."""
    what = _message(exc)
    again = f"then run `discourse figures --only {name}`"
    if stage == "corpus":
        corpus = corpora.corpus_name(spec)
        if corpora.replaced(spec):
            return f"figure {name!r}: {what}; check the corpus given with --corpus, {again}"
        return (f"figure {name!r}: {what}; correct [corpora.{corpus}] path or columns in discourse.toml, {again}")
    key = _blame(what, spec.params)
    if key is None:
        corpus = corpora.corpus_name(spec)
        where = f"[figures.{name}]" + (f" or the columns of [corpora.{corpus}]" if corpus else "")
        return (f"figure {name!r}: {what}; its parameters are {_short(spec.params)}: correct the one at fault "
                f"in [parameters] or {where} of discourse.toml, {again}")
    config = corpora.study.config
    value = _short({key: spec.params[key]})
    if key in config.get("figures", {}).get(name, {}):
        todo = f"correct [figures.{name}] {key} in discourse.toml"
    elif key in config.get("parameters", {}):
        todo = f"correct [parameters] {key} in discourse.toml (or set {key} in [figures.{name}] for this figure)"
    else:
        todo = f"set {key} in [figures.{name}] of discourse.toml (the figure's default is used)"
    return f"figure {name!r}: {what}; parameter {value}: {todo}, {again}"
