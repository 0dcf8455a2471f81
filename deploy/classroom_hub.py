"""JupyterHub pieces for a classroom: a class-code login and a spawner with a memory limit.

Imported by ``deploy/jupyterhub_config.py`` (which puts this folder on ``sys.path``); nothing in
the ``mediakit`` package imports it, so the kit itself never needs JupyterHub.

- :class:`ClassCodeAuthenticator`: a learner types a name of their choice and the class code the
  teacher wrote on the board (``MEDIAKIT_CLASS_CODE``). The name is checked (lower-case letters,
  digits, ``-`` and ``_``, 2-32 characters, starting with a letter) and becomes the learner's
  folder name, so it is never a raw path. The code keeps strangers out, not classmates from each
  other's servers: where that matters, use first-use passwords (``MEDIAKIT_HUB_AUTH=firstuse``).
- :class:`ClassroomSpawner`: one single-user server per learner, all running as the hub's own
  system user (JupyterHub's ``SimpleLocalProcessSpawner``: no system accounts to create), each in
  its own folder ``<class folder>/learners/<name>/`` with a copy of the lessons and an
  ``answers/`` folder, and a memory limit per learner (see :func:`memory_limit_plan`).
"""

from __future__ import annotations

import hmac
import os
import re
import resource
import shutil
import tempfile
from pathlib import Path

from jupyterhub.auth import Authenticator
from jupyterhub.spawner import SimpleLocalProcessSpawner
from traitlets import Unicode

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXERCISES = ROOT / "exercises"

NAME_RULE = re.compile(r"^[a-z][a-z0-9_-]{1,31}$")
NAME_HELP = (
    "Use 2 to 32 lower-case letters, digits, '-' or '_', starting with a letter "
    "(for example: sam or sam-k)."
)


def normalize_name(raw: str) -> str:
    """A learner's name as typed, trimmed and lower-cased (the hub compares names this way)."""
    return (raw or "").strip().lower()


def name_problem(name: str) -> str | None:
    """What is wrong with a learner name, in plain words (None when it is fine)."""
    if not name:
        return "Please type your name."
    if not NAME_RULE.match(name):
        return f"'{name[:40]}' cannot be used as a name here. {NAME_HELP}"
    return None


class ClassCodeAuthenticator(Authenticator):
    """Log in with any valid name and the class code (``MEDIAKIT_CLASS_CODE``)."""

    class_code = Unicode(
        os.environ.get("MEDIAKIT_CLASS_CODE", ""),
        config=True,
        help="The code every learner of the class types as the password.",
    )
    login_service = "your class"

    def normalize_username(self, username: str) -> str:
        return normalize_name(username)

    def validate_username(self, username: str) -> bool:
        return name_problem(username) is None and super().validate_username(username)

    async def authenticate(self, handler, data):
        name = normalize_name(data.get("username", ""))
        code = (data.get("password") or "").strip()
        if not self.class_code:
            self.log.error("MEDIAKIT_CLASS_CODE is not set: nobody can log in.")
            return None
        problem = name_problem(name)
        if problem:
            self.log.warning("Refused a login: %s", problem)
            return None
        if not hmac.compare_digest(code.encode(), self.class_code.encode()):
            self.log.warning("Refused a login for %s: wrong class code", name)
            return None
        return name


# --------------------------------------------------------------------------- memory limits


def parse_bytes(text: str | int | None) -> int | None:
    """'1G', '800M', '512K' or a number of bytes; None or '' means no limit."""
    if text in (None, "", 0):
        return None
    if isinstance(text, int):
        return text
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*", str(text), re.I)
    if not m:
        raise ValueError(f"'{text}' is not a memory size (examples: 1G, 800M)")
    scale = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}[m.group(2).upper()]
    return int(float(m.group(1)) * scale)


def _cgroup_v2_root() -> Path | None:
    root = Path("/sys/fs/cgroup")
    if (root / "cgroup.controllers").exists() and "memory" in (
        root / "cgroup.controllers"
    ).read_text().split():
        return root
    return None


def _cgroup_v1_root() -> Path | None:
    root = Path("/sys/fs/cgroup/memory")
    return root if (root / "memory.limit_in_bytes").exists() else None


def memory_limit_plan(name: str, limit: int | None) -> tuple[str, Path | None]:
    """How a learner's memory limit is enforced here: ``("cgroup", folder)`` or ``("rlimit", None)``.

    A cgroup (v2, or v1's memory controller) caps the learner's server and every kernel it
    starts together, on resident memory: the fair limit, and what Kubernetes does in Zero to
    JupyterHub. It needs a writable cgroup tree (root, or a delegated subtree). Where there is
    none, each process of the learner gets ``RLIMIT_AS`` (``ulimit -v``): a cap on virtual
    address space, per process, which is looser (a Python process with spaCy reserves more
    address space than it uses) and counts each kernel separately. systemd-run would do the
    cgroup part too, but needs systemd as the init system, which containers often lack.
    """
    if not limit:
        return ("none", None)
    for root, base in (
        (_cgroup_v2_root(), "mediakit-class"),
        (_cgroup_v1_root(), "mediakit-class"),
    ):
        if root is None:
            continue
        folder = root / base / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if (folder / "memory.max").exists():
                (folder / "memory.max").write_text(str(limit))
                if (folder / "memory.swap.max").exists():
                    (folder / "memory.swap.max").write_text("0")
            else:
                (folder / "memory.limit_in_bytes").write_text(str(limit))
            return ("cgroup", folder)
        except OSError:
            continue
    return ("rlimit", None)


def _preexec(home: Path, cgroup: Path | None, address_space: int | None):
    """Run in the child between fork and exec: join the learner's cgroup, or cap address space."""

    def apply() -> None:
        os.makedirs(home, 0o755, exist_ok=True)
        os.chdir(home)
        if cgroup is not None:
            with open(cgroup / "cgroup.procs", "w") as fh:
                fh.write(str(os.getpid()))
        if address_space:
            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))

    return apply


class ClassroomSpawner(SimpleLocalProcessSpawner):
    """A learner's own Jupyter server: own folder, own answers, capped memory."""

    class_dir = Unicode(
        os.environ.get("MEDIAKIT_CLASS_DIR", str(Path.home() / "mediakit-class")),
        config=True,
        help="The class folder: learners/<name>/ for each learner, hub/ for the hub's state.",
    )
    ui = Unicode(
        os.environ.get("MEDIAKIT_HUB_UI", "lab"),
        config=True,
        help="'lab' opens the lessons in JupyterLab, 'voila' as web pages with the code hidden.",
    )
    address_space_factor = 4  # RLIMIT_AS fallback: virtual memory allowed per byte of the limit

    def learner_dir(self) -> Path:
        return Path(self.class_dir) / "learners" / self.user.name

    def prepare_folder(self) -> Path:
        """Create the learner's folder on first start: a copy of the lessons, an answers folder.
        A learner's own copy of a lesson is never overwritten."""
        home = self.learner_dir()
        lessons = home / "lessons"
        (home / "answers").mkdir(parents=True, exist_ok=True)
        lessons.mkdir(parents=True, exist_ok=True)
        for nb in sorted(NOTEBOOKS.glob("*.ipynb")):
            if not (lessons / nb.name).exists():
                shutil.copy2(nb, lessons / nb.name)
        for extra in NOTEBOOKS.iterdir():
            if (
                extra.is_dir()
                and not extra.name.startswith(".")
                and not (lessons / extra.name).exists()
            ):
                shutil.copytree(extra, lessons / extra.name)
        return home

    def get_env(self):
        env = super().get_env()
        home = self.learner_dir()
        env.update(
            {
                "HOME": str(home),
                "MEDIAKIT_LEARNER": self.user.name,
                "MEDIAKIT_ANSWERS": str(home / "answers"),
                "MEDIAKIT_EXERCISES": str(EXERCISES),
                # one parse cache for the class: the first learner's parses serve everyone
                "MEDIAKIT_CACHE": str(Path(self.class_dir) / "cache"),
                "MPLBACKEND": "Agg",
                # kernels talk to their server over unix sockets in a short private folder: with
                # TCP, thirty servers starting kernels at once can pick the same free port
                # ("Address already in use") and a learner's kernel dies at birth
                "JUPYTER_RUNTIME_DIR": str(self.runtime_dir()),
            }
        )
        return env

    def runtime_dir(self) -> Path:
        """A short per-learner folder for kernel sockets (unix socket paths are limited to
        about 100 characters, so not under the learner's folder)."""
        base = (
            Path(tempfile.gettempdir())
            / f"mediakit-hub-{os.getuid() if hasattr(os, 'getuid') else 0}"
        )
        folder = base / self.user.name
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(base, 0o700)
        return folder

    def make_preexec_fn(self, name):
        limit = self.mem_limit or None
        how, cgroup = memory_limit_plan(name, limit)
        self._limit_how = how
        self._cgroup = cgroup
        space = limit * self.address_space_factor if how == "rlimit" else None
        return _preexec(self.learner_dir(), cgroup, space)

    async def start(self):
        home = self.prepare_folder()
        self.notebook_dir = str(home)
        self.home_dir_template = str(home)
        self.home_dir = str(home)
        if self.ui == "voila":
            self.default_url = "/voila/tree/lessons"
        else:
            self.default_url = "/lab/tree/lessons/00_start_here.ipynb"
        if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in self.args:
            self.args = [*self.args, "--allow-root"]
        result = await super().start()
        self.log.info(
            "Started %s's server in %s (memory limit %s by %s)",
            self.user.name,
            home,
            self.mem_limit,
            getattr(self, "_limit_how", "none"),
        )
        return result

    async def stop(self, now=False):
        await super().stop(now=now)
        cgroup = getattr(self, "_cgroup", None)
        if cgroup is not None:
            try:
                cgroup.rmdir()  # only once empty: the server and its kernels have ended
            except OSError:
                pass


__all__ = [
    "ClassCodeAuthenticator",
    "ClassroomSpawner",
    "memory_limit_plan",
    "name_problem",
    "parse_bytes",
]
