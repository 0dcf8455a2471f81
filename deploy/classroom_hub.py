"""JupyterHub pieces for a classroom: a class-code login and a spawner with a memory limit.

Imported by ``deploy/jupyterhub_config.py`` (which puts this folder on ``sys.path``); nothing in
the ``mediakit`` package imports it, so the kit itself never needs JupyterHub.

- :class:`ClassCodeAuthenticator`: a learner types a name of their choice and the class code the
  teacher wrote on the board (``MEDIAKIT_CLASS_CODE``). The name is checked (lower-case letters,
  digits, ``-`` and ``_``, 2-32 characters, starting with a letter) and becomes the learner's
  folder name, so it is never a raw path. The code keeps strangers out, not classmates from each
  other's servers: where that matters, use first-use passwords (``MEDIAKIT_HUB_AUTH=firstuse``).
  Repeated wrong codes from one address are slowed down, then locked out for a while
  (:class:`LoginThrottle`, also used with first-use passwords).
- :class:`ClassroomSpawner`: one single-user server per learner, each in its own folder
  ``<class folder>/learners/<name>/`` with a copy of the lessons, an ``answers/`` folder and a
  parse cache of its own, and a memory limit per learner (see :func:`memory_limit_plan`). When
  the hub runs as root, every learner's server runs as a system account of its own
  (``mk-<name>``, created on first login, no password, no login shell) and the folder is
  theirs alone (0700); otherwise all servers run as the hub's user (see :func:`learners_apart`).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import os
import re
import resource
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jupyterhub.auth import Authenticator
from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from tornado import web
from traitlets import Bool, Float, Integer, Unicode

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


# --------------------------------------------------------------------------- wrong codes


class LoginThrottle(Authenticator):
    """Slows down, then locks out, an address that keeps typing wrong codes or passwords.

    Mixed in before an authenticator (``class X(LoginThrottle, FirstUseAuthenticator)``): it
    wraps ``authenticate``, JupyterHub's hook for checking one login. After ``throttle_free``
    wrong tries from one address (within ``throttle_window`` seconds), each further try waits
    ``throttle_delay`` seconds, doubling, before its answer; after ``lockout_after`` wrong tries
    the address is refused outright (HTTP 429, with how long to wait) for ``lockout_seconds``,
    even with the right code. A right login clears its address's count. The address is the
    browser's, as the proxy forwards it (tornado's ``remote_ip``).
    """

    throttle_free = Integer(3, config=True, help="Wrong tries from one address before slowing.")
    throttle_delay = Float(1.0, config=True, help="Seconds the first slowed try waits (doubles).")
    throttle_max_delay = Float(8.0, config=True, help="The longest wait for one try.")
    throttle_window = Float(600.0, config=True, help="Seconds a wrong try is remembered.")
    lockout_after = Integer(10, config=True, help="Wrong tries from one address before lockout.")
    lockout_seconds = Float(600.0, config=True, help="How long a locked-out address waits.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._wrong: dict[str, list[float]] = {}
        self._locked: dict[str, float] = {}

    @staticmethod
    def address(handler: Any) -> str:
        try:
            return str(handler.request.remote_ip or "unknown")
        except AttributeError:
            return "unknown"

    def _recent(self, addr: str, now: float) -> list[float]:
        kept = [t for t in self._wrong.get(addr, []) if now - t < self.throttle_window]
        if kept:
            self._wrong[addr] = kept
        else:
            self._wrong.pop(addr, None)
        return kept

    async def authenticate(self, handler: Any, data: dict[str, Any]) -> Any:
        addr = self.address(handler)
        now = time.monotonic()
        until = self._locked.get(addr, 0.0)
        if until > now:
            minutes = max(1, round((until - now) / 60))
            self.log.warning("Refused a login from %s: locked out after wrong tries", addr)
            raise web.HTTPError(
                429,
                f"Too many wrong tries from this computer. Please wait {minutes} "
                f"minute{'s' if minutes != 1 else ''}, then try again (or ask your teacher).",
            )
        self._locked.pop(addr, None)
        wrong = len(self._recent(addr, now))
        if wrong >= self.throttle_free:
            delay = self.throttle_delay * 2 ** (wrong - self.throttle_free)
            await asyncio.sleep(min(delay, self.throttle_max_delay))
        result = super().authenticate(handler, data)
        if asyncio.iscoroutine(result) or isinstance(result, asyncio.Future):
            result = await result
        if result is None:
            tries = self._wrong.setdefault(addr, [])
            tries.append(time.monotonic())
            if len(tries) >= self.lockout_after:
                self._locked[addr] = time.monotonic() + self.lockout_seconds
                self._wrong.pop(addr, None)
                self.log.warning(
                    "Locked out %s for %.0f s after %d wrong tries",
                    addr,
                    self.lockout_seconds,
                    self.lockout_after,
                )
        else:
            self._wrong.pop(addr, None)
        return result


class _ClassCode(Authenticator):
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


class ClassCodeAuthenticator(LoginThrottle, _ClassCode):
    """Log in with any valid name and the class code; wrong codes are slowed, then locked out."""


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


# --------------------------------------------------------------------------- learners apart

SHARED_ENV = "MEDIAKIT_SHARED_ACCOUNT"


def shared_account_allowed() -> bool:
    """The teacher said the class may share one system account (``MEDIAKIT_SHARED_ACCOUNT=1``)."""
    return os.environ.get(SHARED_ENV, "").strip().lower() in ("1", "yes", "true")


def learners_apart() -> bool:
    """Whether learners get system accounts of their own: the hub runs as root (it creates the
    accounts and switches to them) and the teacher did not ask for one shared account."""
    return hasattr(os, "geteuid") and os.geteuid() == 0 and not shared_account_allowed()


def system_name(name: str) -> str:
    """The system account of a learner: ``mk-<name>`` (never a name the system already uses for
    itself: a learner who calls themselves 'root' gets ``mk-root``). Names too long for an
    account (32 characters) are shortened with a hash, so two learners never share one."""
    account = f"mk-{name}"
    if len(account) <= 32:
        return account
    return f"mk-{name[:20]}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"


def ensure_account(account: str, home: Path, name: str) -> tuple[int, int]:
    """The learner's system account (created once: a system user with its own group, no
    password, no login shell, home = their class folder); returns (uid, gid)."""
    import pwd

    try:
        entry = pwd.getpwnam(account)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--user-group",
                "--no-create-home",
                "--home-dir",
                str(home),
                "--shell",
                "/usr/sbin/nologin",
                "--comment",
                f"mediakit learner {name}",
                account,
            ],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(account)
    ours = entry.pw_gecos == f"mediakit learner {name}"
    if ours and entry.pw_uid != 0 and Path(entry.pw_dir) != home:
        # the same learner in a new class folder: the account follows them
        subprocess.run(["usermod", "--home", str(home), account], check=True, capture_output=True)
        entry = pwd.getpwnam(account)
    if not ours or Path(entry.pw_dir) != home or entry.pw_uid == 0:
        raise RuntimeError(
            f"the system account {account} exists but is not this class's learner {name} "
            f"(home {entry.pw_dir}): remove it or use another class folder"
        )
    return entry.pw_uid, entry.pw_gid


def _chown_tree(top: Path, uid: int, gid: int) -> None:
    for folder, dirs, files in os.walk(top):
        os.lchown(folder, uid, gid)
        for f in dirs + files:
            os.lchown(os.path.join(folder, f), uid, gid)


def _preexec(
    home: Path,
    cgroup: Path | None,
    address_space: int | None,
    become: Callable[[], None] | None = None,
) -> Callable[[], None]:
    """Run in the child between fork and exec: join the learner's cgroup, or cap address space
    (both as root, before anything else), then become the learner's account, then go home."""

    def apply() -> None:
        if become is None:
            os.makedirs(home, 0o755, exist_ok=True)
        if cgroup is not None:
            with open(cgroup / "cgroup.procs", "w") as fh:
                fh.write(str(os.getpid()))
        if address_space:
            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        if become is not None:
            become()
        os.chdir(home)

    return apply


class ClassroomSpawner(LocalProcessSpawner):
    """A learner's own Jupyter server: own folder, own answers, own cache, capped memory; as root,
    under a system account of its own."""

    class_dir = Unicode(
        os.environ.get("MEDIAKIT_CLASS_DIR", ""),
        config=True,
        help="The class folder: learners/<name>/ for each learner, hub/ for the hub's state.",
    )
    ui = Unicode(
        os.environ.get("MEDIAKIT_HUB_UI", "lab"),
        config=True,
        help="'lab' opens the lessons in JupyterLab, 'voila' as web pages with the code hidden.",
    )
    apart = Bool(
        learners_apart(),
        config=True,
        help="Run every learner's server as a system account of its own (needs root).",
    )
    address_space_factor = 4  # RLIMIT_AS fallback: virtual memory allowed per byte of the limit

    def _class_dir(self) -> Path:
        if self.class_dir:
            return Path(self.class_dir)
        from hub import default_class_dir

        return default_class_dir()

    def learner_dir(self) -> Path:
        return self._class_dir() / "learners" / self.user.name

    def account(self) -> str:
        return system_name(self.user.name) if self.apart else self._hub_user()

    @staticmethod
    def _hub_user() -> str:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name

    def prepare_folder(self) -> Path:
        """Create the learner's folder on first start: a copy of the lessons, an answers folder,
        a cache of their own seeded from the class's parse cache. A learner's own copy of a
        lesson is never overwritten. Learners apart: the folder and all in it are the learner's
        account's, readable by them alone (0700); the folders above it only let them pass."""
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
        shared, own = self._class_dir() / "cache", self.cache_dir()
        own.mkdir(parents=True, exist_ok=True)
        if shared.is_dir():
            # a copy, not the class's folder itself: what one learner writes into their cache is
            # never read by a classmate's kernel (the class's copy stays the teacher's)
            for f in shared.rglob("*"):
                target = own / f.relative_to(shared)
                if f.is_dir():
                    target.mkdir(exist_ok=True)
                elif f.is_file() and not f.is_symlink() and not target.exists():
                    shutil.copyfile(f, target)
        if self.apart:
            uid, gid = ensure_account(self.account(), home, self.user.name)
            for up in (self._class_dir(), home.parent):
                os.chmod(up, 0o711)  # learners pass through, but cannot list classmates
            _chown_tree(home, uid, gid)
            os.chmod(home, 0o700)
        return home

    def cache_dir(self) -> Path:
        """The learner's own parse/analysis cache (``MEDIAKIT_CACHE``), inside their folder."""
        return self.learner_dir() / ".cache" / "mediakit"

    def user_env(self, env: dict[str, str]) -> dict[str, str]:
        env["USER"] = self.account()
        env["HOME"] = str(self.learner_dir())
        env["SHELL"] = "/bin/sh"
        return env

    def get_env(self) -> dict[str, str]:
        env = super().get_env()
        home = self.learner_dir()
        env.update(
            {
                "HOME": str(home),
                "MEDIAKIT_LEARNER": self.user.name,
                "MEDIAKIT_ANSWERS": str(home / "answers"),
                "MEDIAKIT_EXERCISES": str(EXERCISES),
                # the learner's own cache, seeded from the class's (see prepare_folder)
                "MEDIAKIT_CACHE": str(self.cache_dir()),
                "MPLBACKEND": "Agg",
                # the kit's Jupyter settings (read-only, in the installed kit): a closed Voila
                # page shuts its kernel down (mediakit/lessons/serving.py)
                "JUPYTER_CONFIG_PATH": str(ROOT / "mediakit" / "jupyter_config"),
                # kernels talk to their server over unix sockets in a short private folder: with
                # TCP, thirty servers starting kernels at once can pick the same free port
                # ("Address already in use") and a learner's kernel dies at birth
                "JUPYTER_RUNTIME_DIR": str(self.runtime_dir()),
            }
        )
        return env

    def runtime_dir(self) -> Path:
        """A short per-learner folder for kernel sockets (unix socket paths are limited to
        about 100 characters, so not under the learner's folder); the learner's own (0700)."""
        base = (
            Path(tempfile.gettempdir())
            / f"mediakit-hub-{os.getuid() if hasattr(os, 'getuid') else 0}"
        )
        folder = base / self.user.name
        base.mkdir(exist_ok=True)
        if base.is_symlink() or base.stat().st_uid != os.getuid():
            raise RuntimeError(f"{base} is not the hub's own folder: remove it and start again")
        os.chmod(base, 0o711 if self.apart else 0o700)
        # made afresh at every start (it holds only the last server's kernel files): nothing in
        # it can be left over from another account, or planted
        if folder.is_symlink() or folder.is_file():
            folder.unlink()
        elif folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        if self.apart:
            uid, gid = ensure_account(self.account(), self.learner_dir(), self.user.name)
            os.lchown(folder, uid, gid)
        os.chmod(folder, 0o700)
        return folder

    def make_preexec_fn(self, name: str) -> Callable[[], None]:
        limit = self.mem_limit or None
        how, cgroup = memory_limit_plan(name, limit)
        self._limit_how = how
        self._cgroup = cgroup
        space = limit * self.address_space_factor if how == "rlimit" and limit else None
        become = set_user_setuid(self.account(), chdir=False) if self.apart else None
        return _preexec(self.learner_dir(), cgroup, space, become)

    async def start(self) -> Any:
        home = self.prepare_folder()
        self.notebook_dir = str(home)
        if self.ui == "voila":
            self.default_url = "/voila/tree/lessons"
        else:
            self.default_url = "/lab/tree/lessons/00_start_here.ipynb"
        args: list[str] = list(getattr(self, "args", []))
        if not self.apart and hasattr(os, "geteuid") and os.geteuid() == 0:
            if "--allow-root" not in args:
                self.args = [*args, "--allow-root"]
        result = await super().start()
        self.log.info(
            "Started %s's server in %s as %s (memory limit %s by %s)",
            self.user.name,
            home,
            self.account(),
            self.mem_limit,
            getattr(self, "_limit_how", "none"),
        )
        return result

    async def move_certs(self, paths: dict[str, str]) -> dict[str, str]:
        return paths  # internal SSL is not used on one machine

    async def stop(self, now: bool = False) -> None:
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
    "LoginThrottle",
    "learners_apart",
    "shared_account_allowed",
    "system_name",
    "memory_limit_plan",
    "name_problem",
    "parse_bytes",
]
