"""The classroom JupyterHub of deploy/: a class of three logs in, reads lesson 01 and saves answers.

Runs bench/classroom.py with 3 learners (a real hub, proxy, learner servers and kernels on
127.0.0.1). Needs the kit's hub dependencies (in the test extra) and configurable-http-proxy,
which deploy/hub.py installs once with npm. Without npm the test is skipped with a loud
reason; in CI (env CI) it fails instead.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
DEPLOY = ROOT / "deploy"
sys.path.insert(0, str(DEPLOY))

pytestmark = pytest.mark.hub


def _need(what: str) -> None:
    msg = f"CLASSROOM HUB TEST SKIPPED: {what}"
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the classroom hub test: {what}")
    pytest.skip(msg)


@pytest.fixture(scope="module")
def hub_ready() -> str:
    try:
        import jupyterhub  # noqa: F401
        import jupyterhub_idle_culler  # noqa: F401
    except ImportError as exc:
        _need(f"{exc.name} is not installed (pip install -e '.[test]')")
    import hub

    try:
        return hub.ensure_proxy(quiet=True)
    except hub.ProxyMissing as exc:
        _need(str(exc))
    raise AssertionError("unreachable")


def test_a_class_of_three_logs_in_reads_and_keeps_answers(hub_ready, tmp_path):
    env = dict(os.environ, MEDIAKIT_CHP=hub_ready)
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "classroom.py"),
            "--learners",
            "3",
            "--timeout",
            "420",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = out.stdout + out.stderr
    assert out.returncode == 0, report
    assert "errors: 0" in report, report
    assert "answers saved in the learner's own folder: 3/3" in report, report
    assert "a wrong class code is refused: yes" in report, report
    assert "time to first reader" in report, report


def _run(coro):
    """Run a coroutine to its end, in a thread of its own: the browser tests may leave an event
    loop running in this one."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def test_class_code_login_checks_the_code_and_the_name(hub_ready):
    from classroom_hub import ClassCodeAuthenticator

    auth = ClassCodeAuthenticator(class_code="otter-42")
    login = lambda name, code: _run(  # noqa: E731
        auth.authenticate(None, {"username": name, "password": code})
    )
    assert login("Sam", "otter-42") == "sam"
    assert login("sam", "otter-41") is None
    assert login("../etc", "otter-42") is None  # a name is a folder name, never a path
    assert login("", "otter-42") is None
    assert ClassCodeAuthenticator(class_code="").class_code == ""
    assert (
        _run(
            ClassCodeAuthenticator(class_code="").authenticate(
                None, {"username": "sam", "password": ""}
            )
        )
        is None
    )


def test_a_learner_cannot_use_more_memory_than_the_limit(hub_ready, tmp_path):
    from classroom_hub import _preexec, memory_limit_plan, parse_bytes

    limit = parse_bytes("64M")
    assert limit == 64 * 1024 * 1024
    how, cgroup = memory_limit_plan(f"pytest-{os.getpid()}", limit)
    space = limit * 4 if how == "rlimit" else None
    grab = "b = bytearray(400 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); print('got it')"
    try:
        out = subprocess.run(
            [sys.executable, "-c", grab],
            preexec_fn=_preexec(tmp_path, cgroup, space),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode != 0 and "got it" not in out.stdout, (how, out.stdout, out.stderr)
        fine = subprocess.run(
            [sys.executable, "-c", "b = bytearray(8 * 1024 * 1024); print('ok')"],
            preexec_fn=_preexec(tmp_path, cgroup, space),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert fine.returncode == 0 and "ok" in fine.stdout, (how, fine.stderr)
    finally:
        if cgroup is not None:
            try:
                cgroup.rmdir()
            except OSError:
                pass
