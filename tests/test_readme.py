"""The README's Python examples run as written (from the repository root)."""
from __future__ import annotations

import os
import re

from conftest import ROOT


def test_readme_python_blocks_run(monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) >= 2
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(compile("\n".join(blocks), "README.md", "exec"), namespace)
    df, q, m = namespace["df"], namespace["q"], namespace["m"]
    assert len(df) == 200 and set(q["kind"]) <= {"direct", "partial", "scare"}
    assert set(m["voice"].dropna()) <= {"authorial", "quoted", "scare"}
    assert {"term", "estimate", "ci_low", "ci_high"} <= set(namespace["est"].columns)
