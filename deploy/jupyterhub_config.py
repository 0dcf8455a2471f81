# JupyterHub configuration for one class on one machine (see deploy/README.md).
#
#     .venv/bin/python deploy/hub.py          # sets up the proxy once, then runs this file
#
# Everything a teacher may want to change is an environment variable:
#   MEDIAKIT_CLASS_CODE   the code learners type as their password (required for the class code login)
#   MEDIAKIT_CLASS_DIR    the class folder (default ~/mediakit-class): learners/<name>/, hub/, cache/
#   MEDIAKIT_HUB_URL      where the hub listens (default http://127.0.0.1:8000; a class on a
#                         network needs the machine's address and, outside a lab, HTTPS)
#   MEDIAKIT_HUB_UI       lab (JupyterLab, default) or voila (lessons as pages, code hidden)
#   MEDIAKIT_HUB_AUTH     classcode (default) or firstuse (each learner on the roster sets a
#                         password on first login)
#   MEDIAKIT_ROSTER       for firstuse: a text file with one learner name a line (required)
#   MEDIAKIT_MEM_LIMIT    memory per learner, server and kernels together (default 1G)
#   MEDIAKIT_IDLE_TIMEOUT seconds before an idle learner server is stopped (default 3600)
#   MEDIAKIT_TEACHERS     comma-separated names that are hub admins
#   MEDIAKIT_SHARED_ACCOUNT  1: all learners share the hub's system account (no separation;
#                         see deploy/README.md). Without root this is the only way to listen
#                         on anything but loopback.
# ruff: noqa: F821  (c is given by JupyterHub)

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from urllib.parse import urlparse  # noqa: E402

from classroom_hub import (  # noqa: E402
    SHARED_ENV,
    ClassCodeAuthenticator,
    ClassroomSpawner,
    LoginThrottle,
    learners_apart,
    name_problem,
    normalize_name,
    shared_account_allowed,
)
from hub import default_class_dir, proxy_command  # noqa: E402

class_dir = default_class_dir()
state = class_dir / "hub"
state.mkdir(parents=True, exist_ok=True)
# the hub's database, cookie secret and proxy pid: the hub's alone
os.chmod(state, 0o700)

c = get_config()  # noqa: F821

# ---------------------------------------------------------------- learners apart, or not
bind_url = os.environ.get("MEDIAKIT_HUB_URL", "http://127.0.0.1:8000")
apart = learners_apart()
if not apart:
    import getpass

    why = "asked for" if shared_account_allowed() else "not running as root"
    print(
        f"[hub] learners are NOT kept apart ({why}): every learner's server runs as "
        f"{getpass.getuser()}, so any learner's code can read and change classmates' answers "
        "and the hub's secrets.",
        flush=True,
    )
    host = urlparse(bind_url).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1") and not shared_account_allowed():
        raise SystemExit(
            f"[hub] refusing to listen on {bind_url}: without root the learners cannot be kept "
            f"apart. Run the hub as root, or set {SHARED_ENV}=1 to let the class share one "
            "account (see deploy/README.md for what that gives away)."
        )

# ---------------------------------------------------------------- the hub and its proxy
c.JupyterHub.bind_url = bind_url
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
chp = proxy_command()
if chp:
    c.ConfigurableHTTPProxy.command = [chp]
# a class arrives at once: start up to 30 servers in parallel, allow a slow first start
c.JupyterHub.concurrent_spawn_limit = int(os.environ.get("MEDIAKIT_SPAWN_LIMIT", "40"))
c.JupyterHub.tornado_settings = {"slow_spawn_timeout": 30}

# ---------------------------------------------------------------- login
auth = os.environ.get("MEDIAKIT_HUB_AUTH", "classcode")
if auth not in ("classcode", "firstuse"):
    raise SystemExit(f"MEDIAKIT_HUB_AUTH is '{auth}': use classcode or firstuse.")
if auth == "firstuse":
    from firstuseauthenticator import FirstUseAuthenticator

    class ClassFirstUseAuthenticator(LoginThrottle, FirstUseAuthenticator):
        """First-use passwords, with the kit's name rule (names become folder names)."""

        def normalize_username(self, username):
            return normalize_name(username)

        def validate_username(self, username):
            return name_problem(username) is None and super().validate_username(username)

    roster_file = os.environ.get("MEDIAKIT_ROSTER", "")
    if not roster_file or not Path(roster_file).expanduser().is_file():
        raise SystemExit(
            "MEDIAKIT_HUB_AUTH=firstuse needs MEDIAKIT_ROSTER: a text file with one "
            "learner name a line (only those names can log in)."
        )
    roster = set()
    for line in Path(roster_file).expanduser().read_text(encoding="utf-8").splitlines():
        name = normalize_name(line.split("#", 1)[0])
        if not name:
            continue
        problem = name_problem(name)
        if problem:
            raise SystemExit(f"{roster_file}: {problem}")
        roster.add(name)
    c.JupyterHub.authenticator_class = ClassFirstUseAuthenticator
    c.FirstUseAuthenticator.dbm_path = str(state / "passwords.dbm")
    c.FirstUseAuthenticator.create_users = False  # only names on the roster
    c.FirstUseAuthenticator.min_password_length = 6
    c.Authenticator.allowed_users = roster
else:
    c.JupyterHub.authenticator_class = ClassCodeAuthenticator
    c.Authenticator.allow_all = True  # the class code is the gate
teachers = {
    normalize_name(t) for t in os.environ.get("MEDIAKIT_TEACHERS", "").split(",") if t.strip()
}
c.Authenticator.admin_users = teachers

# ---------------------------------------------------------------- one server per learner
c.JupyterHub.spawner_class = ClassroomSpawner
c.ClassroomSpawner.class_dir = str(class_dir)
c.ClassroomSpawner.ui = os.environ.get("MEDIAKIT_HUB_UI", "lab")
c.ClassroomSpawner.apart = apart
# the kit's own Python (the one running the hub): installed once, used by every learner
# (jupyterhub-singleuser without a grammar nobody uses: a second less CPU per server start)
c.Spawner.cmd = [sys.executable, str(HERE / "learner_server.py")]
c.Spawner.mem_limit = os.environ.get("MEDIAKIT_MEM_LIMIT", "1G")
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.args = [
    "--LabApp.news_url=None",  # no "official Jupyter news?" pop-up
    "--LabApp.extension_manager=readonly",  # no extension listing fetched from PyPI
    # no language servers for learners: a lighter, faster server start
    "--ServerApp.jpserver_extensions=jupyter_lsp=False",
    # start only what a learner's server needs: no terminal (a shell is no part of a lesson),
    # no classic-notebook shim
    "--ServerApp.jpserver_extensions=jupyter_server_terminals=False",
    "--ServerApp.jpserver_extensions=notebook_shim=False",
    "--ServerApp.terminals_enabled=False",
    # kernels of closed pages and idle kernels go (each holds the spaCy pipeline)
    "--KernelManager.transport=ipc",  # see ClassroomSpawner.get_env: no port races
    "--MappingKernelManager.cull_idle_timeout=1200",
    "--MappingKernelManager.cull_interval=120",
    "--MappingKernelManager.cull_connected=False",
    "--VoilaConfiguration.show_tracebacks=False",
]

# ---------------------------------------------------------------- idle culling
idle = int(os.environ.get("MEDIAKIT_IDLE_TIMEOUT", "3600"))
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={idle}",
            "--cull-every=300",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]

# extra settings for a benchmark or a test (a service token, another port...)
extra = os.environ.get("MEDIAKIT_HUB_EXTRA_CONFIG")
if extra:
    load_subconfig(extra)  # noqa: F821
