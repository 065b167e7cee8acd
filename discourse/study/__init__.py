"""A study: the researcher's folder (repository) with a ``discourse.toml``.

``discourse.toml`` names the study's corpora, lexicons, parameters and figure options;
its figures are functions in ``figures/*.py`` (or ``figures.py``) decorated with
:func:`discourse.figure`. ``discourse figures`` run anywhere inside the folder builds
them into ``figures/`` with a manifest; ``discourse init PATH`` creates a working
study. See ``docs/study.md``.

Examples
--------
>>> from discourse import study
>>> s = study.load()          # the study holding the working directory  # doctest: +SKIP
>>> s.params["k"]             # doctest: +SKIP
5
"""
from __future__ import annotations

from discourse.study._init import init
from discourse.study._study import CONFIG, Study, StudyError, find_study, load

__all__ = ["CONFIG", "Study", "StudyError", "find_study", "load", "init"]
