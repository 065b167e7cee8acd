"""The paper style: sizes, fonts, palette, no global rcParams changes."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from discourse import style  # noqa: E402

OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


def test_palette_is_okabe_ito_without_repeats():
    assert set(style.PALETTE) == OKABE_ITO
    assert len(style.PALETTE) == 8
    assert style.PALETTE[:2] == ["#0072B2", "#E69F00"]
    from discourse.voice import VOICES
    from discourse.plots._common import VOICE_MARKERS

    assert set(style.VOICE_COLORS) == set(VOICES) == set(VOICE_MARKERS)  # every voice, one colour and marker
    assert len(set(style.VOICE_COLORS.values())) == len(VOICES)
    assert len(set(VOICE_MARKERS.values())) == len(VOICES)
    assert set(style.KIND_COLORS) == {"direct", "partial", "scare"}
    assert set(style.VOICE_COLORS.values()) | set(style.KIND_COLORS.values()) <= OKABE_ITO


@pytest.mark.parametrize("width, aspect, expected", [
    ("single", 0.7, (3.5, 2.45)), ("double", 0.5, (7.2, 3.6)), (5, 1.0, (5.0, 5.0)),
])
def test_figsize(width, aspect, expected):
    assert style.figsize(width, aspect=aspect) == expected


def test_figsize_errors():
    with pytest.raises(ValueError, match="width must be one of \\['double', 'single'\\]"):
        style.figsize("triple")
    with pytest.raises(ValueError, match="width must be positive"):
        style.figsize(0)
    with pytest.raises(ValueError, match="aspect must be positive"):
        style.figsize("single", aspect=-1)


def test_paper_applies_style_and_restores_rcparams():
    before = dict(matplotlib.rcParams)
    with style.paper("double", aspect=0.5) as params:
        assert matplotlib.rcParams["figure.figsize"] == [7.2, 3.6]
        assert matplotlib.rcParams["font.sans-serif"][0] == "DejaVu Sans"
        assert matplotlib.rcParams["svg.hashsalt"] == "discourse"
        assert matplotlib.rcParams["axes.prop_cycle"].by_key()["color"] == style.PALETTE
        assert params["font.size"] == 8.0
        fig, ax = plt.subplots()
        line, = ax.plot([0, 1], [0, 1])
        assert line.get_color() == "#0072B2"
        assert not ax.spines["top"].get_visible()
    plt.close(fig)
    assert dict(matplotlib.rcParams) == before


def test_paper_rc_extra_overrides():
    with style.paper("single", rc_extra={"font.size": 11}):
        assert matplotlib.rcParams["font.size"] == 11
        assert matplotlib.rcParams["figure.figsize"] == [3.5, 2.45]


def test_save_metadata_removes_dates():
    assert style.SAVE_METADATA["pdf"]["CreationDate"] is None
    assert style.SAVE_METADATA["svg"]["Date"] is None
    assert style.SAVE_METADATA["png"] == {"Software": None}


def test_color_map_is_sorted_and_stable():
    assert style.color_map(["zeta", "alpha", "zeta", None]) == {"alpha": "#0072B2", "zeta": "#E69F00"}
    many = style.color_map([f"o{i:02d}" for i in range(10)])
    assert many["o08"] == many["o00"]  # the palette wraps after 8 colours
    assert style.color_map(["scare", "quoted"]) == {"quoted": "#0072B2", "scare": "#E69F00"}
    assert style.color_map(["partial", "direct"]) == {"direct": "#0072B2", "partial": "#56B4E9"}


def test_label():
    assert style.label("published") == "Date"
    assert style.label("rate") == "Rate per 1,000 words"
    assert style.label("n_quotes") == "N quotes"
    assert style.label("para_length", "words") == "Para length (words)"
