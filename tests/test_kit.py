"""kit.py, the two commands: one install for both, quiet, and offline once set up (issue 11).

kit.py is imported and run against a fake .venv in a temporary folder; pip and the imports check
are replaced, so nothing is installed and nothing touches the network."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIP_WARNINGS = "\n".join(f"SetuptoolsDeprecationWarning: line {i}" for i in range(70))
OFFLINE = (
    "WARNING: Retrying after connection broken by 'NewConnectionError(... Failed to "
    "establish a new connection: [Errno 101] Network is unreachable')\nERROR: Could not "
    "find a version that satisfies the requirement spacy<3.9,>=3.8 (from mediakit)\n"
)


@pytest.fixture()
def kit(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("kit_under_test", ROOT / "kit.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").write_text("")  # the venv exists
    monkeypatch.setattr(mod, "VENV", venv)
    monkeypatch.setattr(mod, "BIN", venv / "bin")
    monkeypatch.setattr(mod, "PY", venv / "bin" / "python")
    monkeypatch.setattr(mod, "STAMP", venv / ".mediakit-installed")
    monkeypatch.setattr(mod, "LOG", venv / "kit-install.log")
    monkeypatch.setattr(mod, "ROOT", tmp_path)
    monkeypatch.setattr(mod, "LAB_SETTINGS", venv / "share/jupyter/lab/settings/overrides.json")
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    mod.calls = []
    mod.pip_result = (0, PIP_WARNINGS)
    mod.importable = set()

    def capture(cmd, **kw):
        cmd = [str(c) for c in cmd]
        mod.calls.append(cmd)
        if cmd[1:3] == ["-m", "pip"]:
            rc, out = mod.pip_result
            if rc == 0:
                mod.importable |= {m for ms in mod.KEY_IMPORTS.values() for m in ms}
            return rc, out
        if cmd[1] == "-c":  # the imports check
            names = [n for e in mod.KEY_IMPORTS.values() for n in e]
            return 0, " ".join(n for n in names if n not in mod.importable and n in cmd[2])
        raise AssertionError(f"unexpected command {cmd}")

    monkeypatch.setattr(mod, "capture", capture)
    return mod


def pip_calls(kit):
    return [c for c in kit.calls if c[1:3] == ["-m", "pip"]]


def test_lab_after_test_does_not_reinstall_and_is_quiet(kit, capsys):
    kit.setup("test")
    assert len(pip_calls(kit)) == 1 and pip_calls(kit)[0][-1] == ".[test]"
    kit.setup("")  # lab after test: the test install has everything lab needs
    kit.setup("test")
    assert len(pip_calls(kit)) == 1
    out = capsys.readouterr().out
    assert "SetuptoolsDeprecationWarning" not in out and len(out.splitlines()) == 1
    assert "SetuptoolsDeprecationWarning" in kit.LOG.read_text()  # kept for when it matters


def test_test_after_lab_installs_the_extras_once_and_keeps_them(kit):
    kit.setup("")
    kit.setup("test")
    assert [c[-1] for c in pip_calls(kit)] == [".", ".[test]"]
    kit.setup("")
    kit.setup("test")
    assert len(pip_calls(kit)) == 2


def test_an_old_stamp_is_still_understood(kit):
    pyproject = (kit.ROOT / "pyproject.toml").read_bytes()
    kit.STAMP.write_text(hashlib.sha256(pyproject + b"test").hexdigest() + "\n")
    kit.setup("")
    kit.setup("test")
    assert pip_calls(kit) == []


def test_offline_with_everything_installed_starts_with_one_line(kit, capsys):
    kit.importable = {m for ms in kit.KEY_IMPORTS.values() for m in ms}
    kit.STAMP.write_text("0" * 64 + " test\n")  # pyproject.toml changed since the install
    kit.pip_result = (1, OFFLINE)
    kit.setup("")  # no SystemExit
    out = capsys.readouterr().out
    assert "package index cannot be reached" in out and "starting" in out
    assert "--retries" in pip_calls(kit)[0]  # gives up fast when there is nothing to gain


def test_offline_with_something_missing_says_what_and_how_in_one_line(kit, capsys):
    kit.importable = set(kit.KEY_IMPORTS[""]) - {"spacy"}
    kit.pip_result = (1, OFFLINE)
    with pytest.raises(SystemExit) as exc:
        kit.setup("")
    msg = str(exc.value)
    assert "\n" not in msg and "missing spacy" in msg and "package index cannot be reached" in msg
    assert "PIP_INDEX_URL" in msg
    assert "Retrying" not in capsys.readouterr().out


def test_a_real_pip_failure_shows_the_end_of_pips_output(kit):
    kit.pip_result = (1, PIP_WARNINGS + "\nERROR: Failed building wheel for rapidfuzz")
    with pytest.raises(SystemExit) as exc:
        kit.setup("")
    assert "Failed building wheel for rapidfuzz" in str(exc.value)
    assert len(str(exc.value).splitlines()) <= 16


def test_jupyterlab_opens_without_the_news_question_and_with_the_server_settings(kit, monkeypatch):
    kit.LAB_SETTINGS.parent.mkdir(parents=True)
    kit.LAB_SETTINGS.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"x": 1}}))
    kit.STAMP.write_text(f"{kit.pyproject_hash()} test\n")
    launched = []
    monkeypatch.setattr(kit, "run", lambda cmd, **kw: launched.append((cmd, kw)) or 0)
    assert kit.lab([]) == 0
    data = json.loads(kit.LAB_SETTINGS.read_text())
    assert data["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert data["@jupyterlab/apputils-extension:themes"] == {"x": 1}
    cmd, kw = launched[0]
    assert "--LabApp.news_url=None" in [str(c) for c in cmd] and pip_calls(kit) == []
    assert str(kit.JUPYTER_CONFIG) in kw["env"]["JUPYTER_CONFIG_PATH"]
    assert (kit.JUPYTER_CONFIG / "jupyter_server_config.py").exists()
