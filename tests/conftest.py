"""Shared fixtures. Parses are cached in a per-session temporary folder (never the home folder)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

_CACHE = tempfile.mkdtemp(prefix="mediakit-test-cache-")
os.environ.setdefault("MEDIAKIT_CACHE", _CACHE)
os.environ.setdefault("MPLBACKEND", "Agg")
# a JupyterHub may name the learner; tests start with nobody named (tests that need it set it)
for _name in ("MEDIAKIT_LEARNER", "MEDIAKIT_ANSWERS", "MEDIAKIT_PROGRESS"):
    os.environ.pop(_name, None)

ROOT = Path(__file__).resolve().parent.parent
# the shared helper modules (handmade, htmlcheck, compare_helpers, speech_texts) live here and
# are imported by tests in every sub-folder
sys.path.insert(0, str(Path(__file__).resolve().parent))
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


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden files in tests/golden/ from the current output",
    )


@pytest.fixture()
def golden(request):
    """Compare text with tests/golden/NAME, or rewrite it when run with --update-goldens."""
    folder = Path(__file__).resolve().parent / "golden"
    update = request.config.getoption("--update-goldens")

    def _check(name: str, text: str) -> None:
        path = folder / name
        if update:
            folder.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path.name}; run pytest --update-goldens"
        want = path.read_text(encoding="utf-8")
        assert text == want, (
            f"{name} differs from its golden file; if the change is intended, "
            "rerun with --update-goldens and review the diff"
        )

    return _check
