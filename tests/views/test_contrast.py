"""Every text colour of the kit's stylesheet is readable on every background it defines.

A mark can sit inside any other (a loaded term inside boilerplate inside a quote), so each text
colour is checked against each background, not only the pairs of one rule: WCAG 2.1 AA asks for
4.5:1 for normal text.
"""

from __future__ import annotations

import re
from importlib.resources import files

AA = 4.5


def _css() -> str:
    return (files("mediakit") / "views" / "static" / "mediakit.css").read_text(encoding="utf-8")


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _palette(css: str) -> tuple[set[str], set[str]]:
    text = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})\b", css))
    backgrounds: set[str] = {"#fff"}  # the page itself
    for value in re.findall(r"(?<![-\w])background(?:-color)?:\s*([^;}]+)", css):
        backgrounds.update(re.findall(r"#[0-9a-fA-F]{3,6}\b", value))
    return {c.lower() for c in text}, {c.lower() for c in backgrounds}


def test_the_contrast_formula_matches_wcag() -> None:
    assert round(contrast("#000", "#fff"), 1) == 21.0
    assert 4.36 <= contrast("#6b6b6b", "#d6ecf8") < 4.37  # the pair a review found too faint


def test_every_text_colour_meets_aa_on_every_background() -> None:
    text, backgrounds = _palette(_css())
    assert len(text) >= 3 and len(backgrounds) >= 10, (text, backgrounds)  # the parse found them
    faint = sorted(
        f"{t} on {b}: {contrast(t, b):.2f}:1"
        for t in text
        for b in backgrounds
        if contrast(t, b) < AA
    )
    assert not faint, "text below WCAG AA contrast:\n" + "\n".join(faint)
