"""Shared fixtures. Parses are cached in a per-session temporary folder (never the home folder)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_CACHE = tempfile.mkdtemp(prefix="mediakit-test-cache-")
os.environ.setdefault("MEDIAKIT_CACHE", _CACHE)
os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "mediakit" / "data" / "cases" / "maarat-al-numan"


@pytest.fixture(scope="session")
def seed_case():
    from mediakit import load_case

    return load_case("maarat-al-numan")


@pytest.fixture(scope="session")
def seed_analysis(seed_case):
    from mediakit import analyze

    return analyze(seed_case)


@pytest.fixture(scope="session")
def nlp():
    from mediakit import load_pipeline

    return load_pipeline()


@pytest.fixture()
def make_case(tmp_path):
    """Write a case folder from {file name: text or bytes} and return its path."""

    def _make(files: dict[str, str | bytes], toml: str | None = None) -> Path:
        folder = tmp_path / "case"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            p = folder / name
            if isinstance(content, bytes):
                p.write_bytes(content)
            else:
                p.write_text(content, encoding="utf-8")
        if toml is not None:
            (folder / "case.toml").write_text(toml, encoding="utf-8")
        return folder

    return _make
