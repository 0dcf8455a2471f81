"""The labelled map of places (lesson 00): drawn from the case's places.toml, offline."""

from __future__ import annotations

import socket

import pytest

from mediakit import load_case
from mediakit.cases.places import load_places
from mediakit.errors import CaseError
from mediakit.views.plots import plot_place_map


def test_seed_places_are_named_in_the_reports_that_name_them(seed_case):
    places = load_places(seed_case)
    assert places is not None and places.source
    town = places.place("Maarat al-Numan")
    assert town.main and len(town.named_in) == 5  # every report names the town
    # Khan Tuman is only in the 31 January report; Hish only in Middle East Eye
    assert places.place("Khan Tuman").named_in == ("globalresearch-sf-jan31",)
    assert places.place("Hish").named_in == ("mee",)
    # "Hama-Aleppo highway" does not name Hama on its own: a place glued by a hyphen is not named
    assert places.place("Hama").named_in == ()
    for p in places.places:  # north-western Syria, roughly
        assert 34.5 < p.lat < 37 and 35.5 < p.lon < 38, p.name


def test_map_draws_every_place_with_its_label_and_the_roads_without_network(
    seed_analysis, monkeypatch
):
    def no_network(*a, **k):
        raise AssertionError("the map must not use the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    ax = plot_place_map(seed_analysis)
    places = load_places(seed_analysis.case)
    labels = [t.get_text() for t in ax.texts]
    for p in places.places:
        assert any(t.startswith(p.name) for t in labels), p.name
    assert any(t == "Maarat al-Numan (5 of 5 reports)" for t in labels)
    assert any(t.endswith("(for orientation)") for t in labels)  # not named in any report
    assert len(ax.lines) == len(places.roads)
    assert "Approximate" in ax.get_xlabel()  # the source note is on the map


def test_a_case_without_places_gets_a_sentence_and_a_broken_file_a_plain_error(make_case):
    from mediakit import analyze

    folder = make_case({"a.txt": "A town\n\nThe river rose in Millford on Sunday.\n"})
    an = analyze(load_case(folder))
    ax = plot_place_map(an)
    assert "no places.toml" in ax.texts[0].get_text()
    (folder / "places.toml").write_text(
        '[[place]]\nname = "Millford"\nlat = "north"\n', encoding="utf-8"
    )
    with pytest.raises(CaseError, match="lat and lon as numbers"):
        load_places(load_case(folder))
    (folder / "places.toml").write_text(
        '[[place]]\nname = "Millford"\nlat = 52\nlon = -1\n'
        '[[road]]\nname = "A1"\nthrough = ["Millford", "Nowhere"]\n',
        encoding="utf-8",
    )
    with pytest.raises(CaseError, match="Nowhere"):
        load_places(load_case(folder))


def test_map_labels_do_not_overlap_and_the_map_fits_a_classroom_screen(seed_analysis):
    """Kafranbel lies next to Maarat al-Numan: its label used to sit under the town's. And the
    map (title and caption included) was about 1,000 px tall at the notebook's 100 dpi."""
    import matplotlib.pyplot as plt

    ax = plot_place_map(seed_analysis)
    fig = ax.figure
    fig.set_dpi(100)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts]

    def covered(x, y) -> float:  # share of the smaller label that the other covers
        w = min(x.x1, y.x1) - max(x.x0, y.x0)
        h = min(x.y1, y.y1) - max(x.y0, y.y0)
        return max(w, 0) * max(h, 0) / min(x.width * x.height, y.width * y.height)

    # label boxes may touch at their padding, but no label may hide a tenth of another
    clashes = [
        (a, b, round(covered(x, y), 2))
        for i, (a, x) in enumerate(boxes)
        for b, y in boxes[i + 1 :]
        if covered(x, y) > 0.1
    ]
    assert clashes == []
    tight = fig.get_tightbbox(renderer)
    assert tight.height * 100 <= 760, tight.height * 100  # inches -> px at 100 dpi
    plt.close(fig)
