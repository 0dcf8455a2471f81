"""The classroom hub keeps learners apart, tried as an attacker would (bench/classroom.py --probe).

Two learners on a real hub; code run in learner 1's real kernel tries to read and change
learner 2's answers, read the hub's secrets, plant files learner 2's kernel would read, signal
learner 2's kernel and write into the installed kit. Needs root (the hub then gives each learner
a system account; CI runs as root). Elsewhere the test is skipped with a loud reason.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "deploy"))

pytestmark = pytest.mark.hub


@pytest.fixture(scope="module")
def chp() -> str:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        if os.environ.get("CI"):
            pytest.fail("CI must run the isolation probe as root")
        pytest.skip("ISOLATION PROBE SKIPPED: needs root (the hub creates learner accounts)")
    pytest.importorskip("jupyterhub")
    import hub

    try:
        return hub.ensure_proxy(quiet=True)
    except hub.ProxyMissing as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(f"ISOLATION PROBE SKIPPED: {exc}")
    raise AssertionError("unreachable")


def _probe(chp: str, **extra: str) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if k != "MEDIAKIT_SHARED_ACCOUNT"}
    env.update(MEDIAKIT_CHP=chp, **extra)
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "classroom.py"), "--probe", "--timeout", "300"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=480,
    )
    return out.returncode, out.stdout + out.stderr


def test_learner_one_cannot_reach_learner_two_or_the_hub(chp: str) -> None:
    rc, report = _probe(chp)
    m = re.search(r"isolation: (\d+) of (\d+) attempts refused", report)
    assert m, report
    refused, attempts = int(m.group(1)), int(m.group(2))
    assert attempts >= 8, report
    assert refused == attempts, report
    assert "SUCCEEDED" not in report, report
    assert "learner 2's answers changed: same" in report, report
    assert "answers saved in the learner's own folder: 2/2" in report, report
    assert rc == 0, report


def test_the_probe_catches_a_shared_account(chp: str) -> None:
    """Against the old setup (every learner as the hub's account) the same probe gets in."""
    rc, report = _probe(chp, MEDIAKIT_SHARED_ACCOUNT="1")
    assert rc == 1, report
    for what in (
        "read learner 2's answers",
        "read the hub's cookie secret",
        "read the class code from the hub's environment",
        "planted code ran, or planted data showed, in learner 2's lesson",
    ):
        assert f"SUCCEEDED {what}" in report, report
