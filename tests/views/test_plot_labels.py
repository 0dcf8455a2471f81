"""Outlet names with "$" are drawn as plain text in every chart (issue 12)."""

from __future__ import annotations

import dataclasses

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from handmade import handmade_analysis  # noqa: E402

from mediakit.views import plots  # noqa: E402

NAMES = ("$5 News", "A $\\frac$ B", "Cost $x^2$ Daily")


@pytest.mark.parametrize(
    "draw", [plots.plot_source_mix, plots.plot_loaded_terms, plots.plot_figures]
)
def test_dollar_signs_in_outlet_names_are_plain_text(seed_case, draw):
    reports = tuple(
        dataclasses.replace(r, outlet=NAMES[i % len(NAMES)])
        for i, r in enumerate(seed_case.reports)
    )
    analysis = handmade_analysis(dataclasses.replace(seed_case, reports=reports))
    fig, ax = plt.subplots(figsize=(10, 8))
    try:
        draw(analysis, ax=ax)
        fig.canvas.draw()  # mathtext fails here on "\\frac" (and sets "x^2" as a formula)
        shown = [t.get_text() for t in fig.findobj(matplotlib.text.Text) if "$" in t.get_text()]
        assert any("Cost" in s for s in shown)
        # every dollar is escaped: mathtext draws "\\$" as a plain dollar sign
        assert all(s.count("$") == s.count("\\$") for s in shown)
    finally:
        plt.close(fig)
