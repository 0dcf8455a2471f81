#!/usr/bin/env python3
"""The kit's two commands. Needs only Python 3.11+; sets up everything else itself.

    python3 kit.py lab     set up (first time only) and open JupyterLab on the lessons
    python3 kit.py test    set up (first time only) and run the whole test suite, as CI does

Set-up means: a virtual environment in .venv with the kit and its dependencies (the English
spaCy pipeline included), and, for the tests, Debian's chromium for the browser tests.
Extra arguments after 'test' go to pytest (e.g. python3 kit.py test -k quotes).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".mediakit-installed"


def say(msg: str) -> None:
    print(f"[kit] {msg}", flush=True)


def run(cmd: list[str], **kw) -> int:
    return subprocess.call([str(c) for c in cmd], **kw)


def setup(extras: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - kit.py runs before the venv exists
        sys.exit(f"[kit] mediakit needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PY.exists():
        say(f"creating the virtual environment in {VENV.name}/ (first run only)")
        venv.EnvBuilder(with_pip=True).create(VENV)
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    have = STAMP.read_text().strip() if STAMP.exists() else ""
    if want not in have.split():
        say("installing mediakit and its dependencies into .venv (first run: a few minutes)")
        rc = run([PY, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--upgrade", "pip"])
        spec = f".[{extras}]" if extras else "."
        rc = rc or run([PY, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", spec],
                       cwd=ROOT)
        if rc:
            sys.exit("[kit] installing the dependencies failed; see the messages above.")
        STAMP.write_text("\n".join([have, want]).strip() + "\n")


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_chromium() -> str | None:
    """Path of Debian's chromium, installing it when we are root; None if it cannot be had."""
    path = find_chromium()
    if path:
        return path
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing Debian's chromium for the browser tests (apt-get, first run only)")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        quiet = {"stdout": subprocess.DEVNULL}
        if run(["apt-get", "update", "-q"], env=env, **quiet) == 0:
            run(["apt-get", "install", "-y", "-q", "chromium"], env=env, **quiet)
        return find_chromium()
    return None


def lab(args: list[str]) -> int:
    setup("")
    cmd = [BIN / "jupyter", "lab", "--ServerApp.root_dir", ROOT / "notebooks",
           "--LabApp.news_url=None"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    say("opening JupyterLab on the lessons; start with 00_start_here.ipynb. Ctrl+C stops it.")
    return run(cmd + args, cwd=ROOT / "notebooks")


def test(args: list[str]) -> int:
    setup("test")
    env = dict(os.environ)
    chromium = ensure_chromium()
    if chromium:
        env["MEDIAKIT_CHROMIUM"] = chromium
    else:
        reason = "Debian's chromium is not installed and could not be installed (not root?)"
        if env.get("CI"):
            say(f"ERROR: {reason}; CI must run the browser tests.")
            return 1
        bar = "!" * 78
        say(f"\n{bar}\n  BROWSER TESTS WILL BE SKIPPED: {reason}.\n"
            f"  Install it with: sudo apt-get install chromium\n{bar}")
        env["MEDIAKIT_SKIP_BROWSER"] = reason
    say("ruff (lint)")
    rc = run([BIN / "ruff", "check", "mediakit", "tests", "bench", "kit.py"], cwd=ROOT)
    if rc:
        return rc
    say("pytest")
    return run([PY, "-m", "pytest", *args], cwd=ROOT, env=env)


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("lab", "test", "setup"):
        print(__doc__)
        return 2
    cmd, rest = sys.argv[1], sys.argv[2:]
    if cmd == "setup":
        setup("test")
        return 0
    return lab(rest) if cmd == "lab" else test(rest)


if __name__ == "__main__":
    sys.exit(main())
