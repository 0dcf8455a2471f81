"""Places of a case, for a simple labelled map: ``places.toml`` in the case folder (optional).

The file lists each place with approximate coordinates entered by hand, the spellings the
reports use, and roads as lists of places they pass; a ``source`` line says where the
coordinates come from. Nothing is downloaded. :func:`load_places` reads it and notes, for each
place, which reports name it (a whole-word match of one of its spellings in the report text).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import CaseError

if TYPE_CHECKING:
    from .case import Case

PLACES_FILE = "places.toml"


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    spellings: tuple[str, ...] = ()
    main: bool = False
    named_in: tuple[str, ...] = ()  # ids of the reports that name the place


@dataclass(frozen=True)
class Road:
    name: str
    through: tuple[str, ...]


@dataclass(frozen=True)
class Places:
    places: tuple[Place, ...]
    roads: tuple[Road, ...]
    source: str
    region: str = ""

    def place(self, name: str) -> Place | None:
        return next((p for p in self.places if p.name == name), None)


def load_places(case: Case) -> Places | None:
    """The case's places, or None when the case has no ``places.toml``.

    Raises :class:`CaseError` in plain words when the file is there but cannot be used.
    """
    if case.path is None:
        return None
    f = case.path / PLACES_FILE
    if not f.is_file():
        return None
    try:
        data = tomllib.loads(f.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CaseError(
            f"The places file of this case cannot be read ({exc}).",
            path=str(f),
            hint="Open places.toml in a text editor and fix the line named.",
        ) from None
    places = []
    for i, p in enumerate(data.get("place", []), 1):
        try:
            name = str(p["name"])
            lat, lon = float(p["lat"]), float(p["lon"])
        except (KeyError, TypeError, ValueError):
            raise CaseError(
                f"Place number {i} in places.toml needs a name, and lat and lon as numbers.",
                path=str(f),
                hint='Write it as: name = "Town", lat = 35.6, lon = 36.7',
            ) from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise CaseError(
                f"The place '{name}' in places.toml has a latitude or longitude out of range.",
                path=str(f),
                hint="Latitude is between -90 and 90, longitude between -180 and 180.",
            )
        spellings = tuple(str(s) for s in p.get("spellings", ()))
        named = tuple(r.id for r in case.reports if any(_names(r.text, s) for s in spellings))
        places.append(Place(name, lat, lon, spellings, bool(p.get("main", False)), named))
    known = {p.name for p in places}
    roads = []
    for r in data.get("road", []):
        through = tuple(str(x) for x in r.get("through", ()))
        unknown = [x for x in through if x not in known]
        if unknown:
            raise CaseError(
                f"The road '{r.get('name', '?')}' in places.toml passes a place that is not listed: "
                f"{', '.join(unknown)}.",
                path=str(f),
                hint="Add the place, or remove it from 'through'.",
            )
        roads.append(Road(str(r.get("name", "")), through))
    return Places(
        tuple(places), tuple(roads), str(data.get("source", "")), str(data.get("region", ""))
    )


def _names(text: str, spelling: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(spelling) + r"(?![\w-])", text) is not None
