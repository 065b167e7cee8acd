"""Progress bars (tqdm) for steps that can take more than a few seconds.

One rule for every module: ``progress=True`` shows a bar, ``progress=False`` never
does, and ``progress=None`` (the default of the functions that take it) shows one
only for a long step, and only when someone can see it: standard error is a terminal
or the code runs in a Jupyter kernel, and the environment variable
``DISCOURSE_PROGRESS`` is not ``"0"``. Tests, pipes and logs stay quiet.
"""
from __future__ import annotations

import os
import sys
from typing import Iterable, TypeVar

T = TypeVar("T")

__all__ = ["progress", "wanted"]


def _visible() -> bool:
    """True when a bar can be seen: a Jupyter kernel, or standard error is a terminal."""
    if os.environ.get("DISCOURSE_PROGRESS", "").strip() == "0":
        return False
    ipython = sys.modules.get("IPython")
    if ipython is not None:
        shell = getattr(ipython, "get_ipython", lambda: None)()
        if shell is not None and getattr(shell, "kernel", None) is not None:
            return True
    stream = sys.stderr
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def wanted(option: bool | None, *, long: bool) -> bool | None:
    """The ``enabled`` value for :func:`progress` from a function's ``progress=`` option.

    ``True`` and ``False`` stand; ``None`` (automatic) becomes ``None`` for a long
    step and ``False`` for a short one.

    Examples
    --------
    >>> wanted(None, long=False), wanted(None, long=True), wanted(True, long=False)
    (False, None, True)
    """
    if option is None:
        return None if long else False
    if not isinstance(option, (bool, int)):
        raise TypeError(f"progress must be True, False or None (automatic), not {option!r}")
    return bool(option)


def progress(iterable: Iterable[T], *, total: int | None = None, desc: str | None = None,
             enabled: bool | None = None) -> Iterable[T]:
    """Iterate over ``iterable``, showing a tqdm bar (``tqdm.auto``) when enabled.

    Parameters
    ----------
    iterable : iterable
        What to iterate over; returned unchanged when no bar is shown.
    total : int, optional
        Number of items, when ``len(iterable)`` does not say.
    desc : str, optional
        The bar's label.
    enabled : bool or None
        ``True`` always shows the bar, ``False`` never does; ``None`` shows it when
        standard error is a terminal or the code runs in a Jupyter kernel, unless the
        environment variable ``DISCOURSE_PROGRESS`` is ``"0"``.

    Returns
    -------
    iterable
        The same items in the same order.

    Examples
    --------
    >>> list(progress(range(3), desc="counting", enabled=False))
    [0, 1, 2]
    """
    if enabled is None:
        enabled = _visible()
    if not enabled:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, leave=False, file=sys.stderr)
