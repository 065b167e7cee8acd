"""Drawing. Every function takes data first and ``ax=None``, returns the Axes, never
saves and never changes global rcParams. Apply the paper style with
:func:`discourse.style.paper`.
"""
from discourse.plots._structure import *  # noqa: F401,F403
from discourse.plots._terms import *  # noqa: F401,F403
from discourse.plots._quotes import *  # noqa: F401,F403
from discourse.plots._sentiment import *  # noqa: F401,F403
from discourse.plots._topics import *  # noqa: F401,F403
from discourse.plots._framing import *  # noqa: F401,F403
from discourse.plots._validation import *  # noqa: F401,F403
from discourse.plots import _structure, _terms, _quotes, _sentiment, _topics, _framing
from discourse.plots import _validation

__all__ = [*_structure.__all__, *_terms.__all__, *_quotes.__all__, *_sentiment.__all__, *_topics.__all__, *_framing.__all__]
__all__ += _validation.__all__
from discourse.plots._keyness import *  # noqa: F401,F403,E402
from discourse.plots import _keyness  # noqa: E402

__all__ += _keyness.__all__
