"""Wrong class codes from one address are slowed down, then locked out (deploy/classroom_hub.py).

Drives the hub's own authenticator the way JupyterHub's login handler does (``authenticate``
with the browser's address on the request), with short delays so the test is quick.
"""

from __future__ import annotations

import asyncio
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "deploy"))

pytestmark = pytest.mark.hub

jupyterhub = pytest.importorskip("jupyterhub")
web = pytest.importorskip("tornado.web")


def _auth() -> Any:
    from classroom_hub import ClassCodeAuthenticator

    return ClassCodeAuthenticator(
        class_code="otter-42",
        throttle_free=2,
        throttle_delay=0.2,
        throttle_max_delay=0.4,
        lockout_after=5,
        lockout_seconds=60,
    )


def _from(ip: str) -> Any:
    return SimpleNamespace(request=SimpleNamespace(remote_ip=ip))


def _try(auth: Any, ip: str, code: str, name: str = "sam") -> tuple[Any, float]:
    t = time.perf_counter()
    # in a thread of its own: the browser tests may leave an event loop running in this one
    with ThreadPoolExecutor(1) as pool:
        coro = auth.authenticate(_from(ip), {"username": name, "password": code})
        got = pool.submit(asyncio.run, coro).result()
    return got, time.perf_counter() - t


def test_wrong_codes_are_slowed_then_locked_out_for_that_address_only() -> None:
    auth = _auth()
    # the first wrong tries answer at once
    for _ in range(2):
        got, took = _try(auth, "10.0.0.7", "guess")
        assert got is None and took < 0.15
    # then each try waits before its answer
    got, took = _try(auth, "10.0.0.7", "guess")
    assert got is None and took >= 0.19
    got, took = _try(auth, "10.0.0.7", "guess")
    assert got is None and took >= 0.39
    got, _ = _try(auth, "10.0.0.7", "guess")  # the fifth wrong try: locked out
    assert got is None
    # locked out: even the right code is refused, with a plain reason
    with pytest.raises(web.HTTPError) as refused:
        _try(auth, "10.0.0.7", "otter-42")
    assert refused.value.status_code == 429
    assert "Too many wrong tries" in (refused.value.log_message or "")
    # a classmate at another computer logs in at once
    got, took = _try(auth, "10.0.0.8", "otter-42", name="kim")
    assert got == "kim" and took < 0.15


def test_a_right_login_clears_the_count_and_the_lockout_ends(monkeypatch) -> None:
    auth = _auth()
    for _ in range(2):
        assert _try(auth, "10.0.0.9", "guess")[0] is None
    assert _try(auth, "10.0.0.9", "otter-42")[0] == "sam"
    got, took = _try(auth, "10.0.0.9", "guess")  # counted from zero again: no wait
    assert got is None and took < 0.15
    for _ in range(4):
        _try(auth, "10.0.0.9", "guess")
    with pytest.raises(web.HTTPError):
        _try(auth, "10.0.0.9", "otter-42")
    later = time.monotonic() + 61
    monkeypatch.setattr(time, "monotonic", lambda: later)
    assert _try(auth, "10.0.0.9", "otter-42")[0] == "sam"
