"""Without root the hub cannot keep learners apart: it says so and stays on loopback.

Loads deploy/jupyterhub_config.py the way JupyterHub does (with ``get_config``), as an ordinary
account (``nobody`` via runuser when the test runs as root), in a throw-away class folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CONFIG = ROOT / "deploy" / "jupyterhub_config.py"

pytestmark = pytest.mark.hub

LOAD = f"""
import sys
from traitlets.config import Config
c = Config()
path = {str(CONFIG)!r}
code = compile(open(path).read(), path, "exec")
exec(code, {{"get_config": lambda: c, "load_subconfig": lambda p: None, "__file__": path}})
print("SPAWNER-APART", c.ClassroomSpawner.apart)
print("BIND", c.JupyterHub.bind_url)
"""


def _load(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("jupyterhub")
    # a folder an ordinary account can reach (pytest's tmp_path lies under a root-only folder)
    top = Path(tempfile.mkdtemp(prefix="mediakit-sepcfg-"))
    folder = top / "class"
    folder.mkdir()
    os.chmod(top, 0o755)
    os.chmod(folder, 0o777)
    full = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(folder),
        "MEDIAKIT_CLASS_DIR": str(folder),
        "MEDIAKIT_CLASS_CODE": "otter-42",
        "MEDIAKIT_CHP": "/bin/true",
        **env,
    }
    cmd = [sys.executable, "-c", LOAD]
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            pytest.skip("runuser is not available to drop root")
        cmd = ["runuser", "-u", "nobody", "--", *cmd]
    try:
        return subprocess.run(
            cmd, env=full, capture_output=True, text=True, timeout=120, cwd=folder
        )
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_without_root_the_hub_says_so_and_stays_on_loopback(tmp_path: Path) -> None:
    out = _load(tmp_path, MEDIAKIT_HUB_URL="http://127.0.0.1:8000")
    assert out.returncode == 0, out.stderr
    lines = [x for x in out.stdout.splitlines() if "NOT kept apart" in x]
    assert len(lines) == 1, out.stdout
    assert "not running as root" in lines[0]
    assert "SPAWNER-APART False" in out.stdout


def test_without_root_a_class_network_is_refused(tmp_path: Path) -> None:
    out = _load(tmp_path, MEDIAKIT_HUB_URL="http://0.0.0.0:8000")
    assert out.returncode != 0
    assert "refusing to listen on http://0.0.0.0:8000" in out.stdout + out.stderr
    assert "MEDIAKIT_SHARED_ACCOUNT=1" in out.stdout + out.stderr


def test_the_teacher_can_allow_one_shared_account(tmp_path: Path) -> None:
    out = _load(tmp_path, MEDIAKIT_HUB_URL="http://0.0.0.0:8000", MEDIAKIT_SHARED_ACCOUNT="1")
    assert out.returncode == 0, out.stderr
    assert "BIND http://0.0.0.0:8000" in out.stdout
    assert "asked for" in out.stdout
