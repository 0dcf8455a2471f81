#!/usr/bin/env python3
"""Run the classroom JupyterHub (see deploy/README.md).

    MEDIAKIT_CLASS_CODE=otter-42 .venv/bin/python deploy/hub.py

Sets up JupyterHub's proxy (configurable-http-proxy, from npm) the first time, then runs
``jupyterhub -f deploy/jupyterhub_config.py`` with the Python running this file. Extra
arguments go to jupyterhub. Only the standard library is imported here, so kit.py and the
tests can call :func:`ensure_proxy` before JupyterHub is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "jupyterhub_config.py"
CHP_VERSION = "5.3.0"
INSTALL_HINT = (
    "configurable-http-proxy (JupyterHub's proxy) is not installed and npm is not "
    "available to install it: install Node.js and npm (Debian: apt-get install npm), "
    "or set MEDIAKIT_CHP to a configurable-http-proxy command."
)


class ProxyMissing(RuntimeError):
    pass


def proxy_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mediakit" / "hub-proxy"


def _bin(folder: Path) -> Path:
    return folder / "node_modules" / ".bin" / "configurable-http-proxy"


def proxy_command() -> str | None:
    """configurable-http-proxy: ``MEDIAKIT_CHP``, deploy/node_modules, the user cache, or PATH."""
    env = os.environ.get("MEDIAKIT_CHP")
    if env:
        return env
    for folder in (HERE, proxy_cache_dir()):
        if _bin(folder).exists():
            return str(_bin(folder))
    return shutil.which("configurable-http-proxy")


def ensure_proxy(*, quiet: bool = False) -> str:
    """The proxy's command, installing it with npm into deploy/node_modules (or, when deploy/ is
    read-only, ~/.cache/mediakit/hub-proxy) the first time. Raises ProxyMissing when it cannot."""
    found = proxy_command()
    if found:
        return found
    npm = shutil.which("npm")
    if not npm:
        raise ProxyMissing(INSTALL_HINT)
    for folder in (HERE, proxy_cache_dir()):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not os.access(folder, os.W_OK):
                continue
        except OSError:
            continue
        if not quiet:
            print(
                f"[hub] installing configurable-http-proxy {CHP_VERSION} with npm into "
                f"{folder / 'node_modules'} (first run only)",
                flush=True,
            )
        rc = subprocess.call(
            [
                npm,
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                "--prefix",
                str(folder),
                f"configurable-http-proxy@{CHP_VERSION}",
            ],
            stdout=subprocess.DEVNULL if quiet else None,
        )
        if rc == 0 and _bin(folder).exists():
            return str(_bin(folder))
    raise ProxyMissing(
        "npm could not install configurable-http-proxy (see the messages above); "
        "check the network or npm's registry setting, or set MEDIAKIT_CHP."
    )


PREWARM = """
from mediakit import analyze
from mediakit.lessons import lesson
from mediakit.lessons.exercises import load_lessons
analyze("maarat-al-numan", keep_docs=False)
for les in load_lessons().values():
    for ex in les.exercises:
        if ex.text is not None and ex.machine:
            lesson.inline_machine_spans(ex.text, ex.machine)
"""


def default_class_dir() -> Path:
    """``MEDIAKIT_CLASS_DIR``, else ``/srv/mediakit-class`` for a hub run as root (learners'
    accounts must be able to pass through the folders above theirs, which root's home does not
    let them), else ``~/mediakit-class``."""
    env = os.environ.get("MEDIAKIT_CLASS_DIR")
    if env:
        return Path(env).expanduser()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/srv/mediakit-class")
    return Path.home() / "mediakit-class"


def class_dir() -> Path:
    return default_class_dir()


def prewarm(folder: Path) -> None:
    """Analyse the seed case once into the class's shared cache before learners arrive, so no
    learner's kernel parses, extracts or even imports spaCy to open a lesson."""
    env = dict(
        os.environ,
        MEDIAKIT_CACHE=str(folder / "cache"),
        MEDIAKIT_EXERCISES=str(HERE.parent / "exercises"),
        MPLBACKEND="Agg",
    )
    t = time.perf_counter()
    rc = subprocess.call(
        [sys.executable, "-c", PREWARM], env=env, cwd=HERE.parent, stdout=subprocess.DEVNULL
    )
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # the class's copy is the teacher's: learners get copies of it, never write into it
        for f in [folder / "cache", *(folder / "cache").rglob("*")]:
            if f.exists() and not f.is_symlink():
                os.chmod(f, 0o755 if f.is_dir() else 0o644)
    if rc == 0:
        print(f"[hub] the class cache is ready ({time.perf_counter() - t:.1f} s)", flush=True)
    else:
        print(
            "[hub] warning: could not prepare the class cache; lessons will start slower",
            flush=True,
        )


def main(argv: list[str]) -> int:
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        print(
            "[hub] JupyterHub is not installed in this Python. Install the kit's hub extra "
            "once: .venv/bin/pip install -e '.[hub]'",
            file=sys.stderr,
        )
        return 1
    try:
        chp = ensure_proxy()
    except ProxyMissing as exc:
        print(f"[hub] {exc}", file=sys.stderr)
        return 1
    env = dict(os.environ, MEDIAKIT_CHP=chp)
    # jupyterhub's own command-line tools (and the proxy's node) must be found from this Python
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    if (
        not os.environ.get("MEDIAKIT_CLASS_CODE")
        and os.environ.get("MEDIAKIT_HUB_AUTH", "classcode") == "classcode"
    ):
        print(
            "[hub] set MEDIAKIT_CLASS_CODE to the code your learners will type "
            "(e.g. MEDIAKIT_CLASS_CODE=otter-42); without it nobody can log in.",
            file=sys.stderr,
        )
        return 1
    prewarm(class_dir())
    cmd = [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG), *argv]
    proc = subprocess.Popen(cmd, env=env)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
