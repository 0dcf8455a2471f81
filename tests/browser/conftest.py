"""Fixtures for browser tests: a throwaway JupyterLab or Voilà server and headless Chromium.

Chromium is Debian's (``MEDIAKIT_CHROMIUM`` or /usr/bin/chromium), driven through Playwright's
Python API. Tests skip with a reason when ``MEDIAKIT_SKIP_BROWSER`` is set or chromium is
missing, except under CI (env ``CI``), where a missing chromium is a failure. Servers run in
temporary folders with their own config/runtime dirs, and are stopped by their own pid.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
NOTEBOOKS = HERE / "notebooks"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    path = os.environ.get("MEDIAKIT_CHROMIUM") or "/usr/bin/chromium"
    return path if Path(path).exists() else shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in item.nodeid.replace("\\", "/").split("/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_exe() -> str:
    reason = os.environ.get("MEDIAKIT_SKIP_BROWSER")
    if reason:
        pytest.skip(f"browser tests skipped: MEDIAKIT_SKIP_BROWSER is set ({reason})")
    path = chromium_path()
    if path is None:
        msg = (
            "Debian's chromium is not installed (looked at $MEDIAKIT_CHROMIUM, /usr/bin/chromium "
            "and PATH); install it with: apt-get install chromium"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {msg}")
        pytest.skip(msg)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    folder: Path
    proc: subprocess.Popen
    log: Path


def _env(base: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        d = base / name.lower()
        d.mkdir(parents=True, exist_ok=True)
        env[name] = str(d)
    settings = base / "lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    env["JUPYTERLAB_SETTINGS_DIR"] = str(base / "lab-settings")
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(base / "workspaces")
    env["MEDIAKIT_CACHE"] = str(base / "cache")
    env.pop("MPLBACKEND", None)  # let the kernel use the inline backend
    return env


def _prepare(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for nb in NOTEBOOKS.glob("*.ipynb"):
        shutil.copy(nb, folder / nb.name)
    shutil.copy(TESTS / "handmade.py", folder / "handmade.py")


def _wait(url: str, proc: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status < 500:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
            time.sleep(0.3)
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer at {url}:\n{log.read_text()[-3000:]}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory, chromium_exe) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("lab")
    folder = base / "work"
    _prepare(folder)
    port, token = free_port(), secrets.token_hex(12)
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={folder}",
        "--LabApp.news_url=None",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = base / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            cmd, cwd=folder, env=_env(base), stdout=out, stderr=subprocess.STDOUT
        )
    try:
        _wait(f"http://127.0.0.1:{port}/api/status?token={token}", proc, log)
        yield Server(f"http://127.0.0.1:{port}/lab/tree/{{nb}}?token={token}", folder, proc, log)
    finally:
        _stop(proc)


@pytest.fixture()
def voila_server(tmp_path, chromium_exe) -> Iterator[Server]:
    folder = tmp_path / "work"
    _prepare(folder)
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "voila",
        str(folder / "views_demo.ipynb"),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
    ]
    log = tmp_path / "voila.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            cmd, cwd=folder, env=_env(tmp_path), stdout=out, stderr=subprocess.STDOUT
        )
    try:
        _wait(f"http://127.0.0.1:{port}/voila/static/", proc, log)
        yield Server(f"http://127.0.0.1:{port}/", folder, proc, log)
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def browser(chromium_exe):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_exe, args=CHROMIUM_FLAGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    p = context.new_page()
    p.set_default_timeout(90_000)  # a busy shared machine can take a minute to open a notebook
    try:
        yield p
    finally:
        context.close()


# --------------------------------------------------------------------------- Voila as the kit serves it

CONFIG = Path(__file__).resolve().parents[2] / "mediakit" / "jupyter_config"


def _notebook(path: Path, *cells: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nbformat.write(nb, path)


@pytest.fixture()
def voila_served(tmp_path, chromium_exe) -> Iterator[tuple[Server, str]]:
    """A Jupyter server with the kit's settings (mediakit/jupyter_config) and a token, serving
    Voila pages at /voila/render/ as ``kit.py lab`` and a hub do; answers in tmp/answers."""
    folder = tmp_path / "work"
    folder.mkdir()
    _notebook(
        folder / "light.ipynb",
        "import ipywidgets\nprint('ready-' + str(6 * 7))\nipywidgets.IntSlider(3)",
    )
    _notebook(
        folder / "persist.ipynb",
        "from mediakit import lesson\n"
        "print('in voila:', lesson.in_voila(), '| page only:',"
        " 'mediakit-voila-sessions' in str(lesson.progress().path))\n"
        "lesson.learner_box()",
        'lesson.exercise("ex_01_02")',
        'lesson.summary("01")',
    )
    port, token = free_port(), secrets.token_hex(12)
    env = _env(tmp_path)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        [str(CONFIG), *filter(None, [env.get("JUPYTER_CONFIG_PATH")])]
    )
    env["MEDIAKIT_ANSWERS"] = str(tmp_path / "answers")
    for name in ("MEDIAKIT_LEARNER", "MEDIAKIT_PROGRESS", "MEDIAKIT_VOILA"):
        env.pop(name, None)
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "server",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={folder}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = tmp_path / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait(f"http://127.0.0.1:{port}/api/status?token={token}", proc, log)
        yield Server(f"http://127.0.0.1:{port}", folder, proc, log), token
    finally:
        _stop(proc)


@pytest.fixture()
def voila_notebook(tmp_path, chromium_exe) -> Iterator:
    """Serve one notebook with Voila: ``voila_notebook(path)`` starts the server in the
    notebook's folder and returns it (stopped at the end of the test)."""
    procs: list[subprocess.Popen] = []

    def start(nb: Path) -> Server:
        port = free_port()
        cmd = [sys.executable, "-m", "voila", str(nb), "--no-browser", f"--port={port}"]
        log = tmp_path / f"voila-{port}.log"
        with log.open("w") as out:
            proc = subprocess.Popen(
                [*cmd, "--Voila.ip=127.0.0.1"],
                cwd=nb.parent,
                env=_env(tmp_path),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        procs.append(proc)
        _wait(f"http://127.0.0.1:{port}/voila/static/", proc, log)
        return Server(f"http://127.0.0.1:{port}/", nb.parent, proc, log)

    try:
        yield start
    finally:
        for proc in procs:
            _stop(proc)
