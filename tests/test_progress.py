"""discourse._progress: one rule for progress bars (on, off, or automatic and quiet in tests)."""
from __future__ import annotations

import io
import sys

import pytest

from discourse._progress import progress, wanted


class _Terminal(io.StringIO):
    """A captured stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_disabled_returns_the_iterable_itself(capsys):
    items = [3, 1, 2]
    assert progress(items, desc="counting", enabled=False) is items
    assert capsys.readouterr().err == ""


def test_enabled_shows_a_bar_with_its_label(capsys):
    assert list(progress(range(5), desc="counting", enabled=True)) == [0, 1, 2, 3, 4]
    err = capsys.readouterr().err
    assert "counting" in err and "0/5" in err  # (the bar is cleared at the end)


def test_automatic_is_quiet_when_nobody_can_see_it(capsys):
    # under pytest standard error is captured, not a terminal
    assert list(progress(range(3), desc="counting")) == [0, 1, 2]
    assert capsys.readouterr().err == ""


def test_automatic_shows_on_a_terminal_unless_turned_off(monkeypatch):
    monkeypatch.delenv("DISCOURSE_PROGRESS", raising=False)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(progress(["a", "b"], desc="reading")) == ["a", "b"]
    assert "reading" in terminal.getvalue()
    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    monkeypatch.setenv("DISCOURSE_PROGRESS", "0")
    assert list(progress(["a", "b"], desc="reading")) == ["a", "b"]
    assert quiet.getvalue() == ""


def test_total_is_shown_for_a_generator(capsys):
    assert sum(progress((i for i in range(4)), total=4, desc="summing", enabled=True)) == 6
    assert "0/4" in capsys.readouterr().err


def test_wanted_turns_the_option_into_enabled():
    assert [wanted(None, long=False), wanted(None, long=True)] == [False, None]
    assert [wanted(True, long=False), wanted(False, long=True)] == [True, False]
    with pytest.raises(TypeError, match="progress must be True, False or None"):
        wanted("yes", long=True)
