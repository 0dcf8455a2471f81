"""How fast lessons open in Voila, in headless Chromium, on this machine.

    .venv/bin/python bench/voila_speed.py [--repeat 3] [--lessons 01_sourcing,06_bring_your_own_case]

For each lesson, opens ``/voila/render/<lesson>.ipynb`` of a Voila server on 127.0.0.1 and
measures, from the moment the page is asked for:
- first exercise: the first ``.mediakit-exercise`` visible on screen (goal <= 4 s);
- whole lesson: every cell run and shown (Voila's loading spinner gone, the cells on screen;
  goal for lesson 06 <= 5 s);
in two states: ``warm`` (the lesson was opened before on this machine: parses and analysis
cached) and ``first`` (an empty user cache: only the seed parses shipped with the kit).
Also prints the same lessons run top to bottom by nbclient (kernel time alone, no browser).
Chromium is Debian's (MEDIAKIT_CHROMIUM or /usr/bin/chromium). A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_for(base: Path, cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        d = base / name.lower()
        d.mkdir(parents=True, exist_ok=True)
        env[name] = str(d)
    env["MEDIAKIT_CACHE"] = str(cache)
    env["MEDIAKIT_EXERCISES"] = str(ROOT / "exercises")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("MPLBACKEND", None)
    return env


class Voila:
    def __init__(self, folder: Path, env: dict[str, str], extra: list[str]):
        self.port = free_port()
        self.log = open(folder.parent / f"voila-{self.port}.log", "w")  # noqa: SIM115
        cmd = [
            sys.executable,
            "-m",
            "voila",
            str(folder),
            "--no-browser",
            f"--port={self.port}",
            "--Voila.ip=127.0.0.1",
            *extra,
        ]
        self.proc = subprocess.Popen(
            cmd, cwd=folder, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"voila exited: see {self.log.name}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/voila/static/", timeout=2)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.3)
        self.url = f"http://127.0.0.1:{self.port}/voila/render/"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def expected(nb_path: Path) -> tuple[int, bool]:
    """How many exercises the lesson shows, and whether it ends with its summary."""
    import json

    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    return (
        sum(src.count("lesson.exercise(") for src in code),
        any("lesson.summary(" in src for src in code),
    )


def open_lesson(browser, url: str, nb_path: Path, timeout_ms: int = 180_000) -> tuple[float, float]:
    """Seconds until the first exercise is visible, and until the whole lesson is shown: every
    exercise, and the lesson's summary when it has one (the last cell), on screen."""
    n_ex, summary = expected(nb_path)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        t0 = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.locator(".mediakit-exercise").first.wait_for(state="visible", timeout=timeout_ms)
        first = time.perf_counter() - t0
        page.wait_for_function(
            "([n, summary]) => { const r = document.getElementById('rendered_cells');"
            " if (r && getComputedStyle(r).display === 'none') return false;"
            " if (document.querySelectorAll('.mediakit-exercise').length < n) return false;"
            " return !summary || /exercises done/.test(document.body.innerText); }",
            arg=[n_ex, summary],
            timeout=timeout_ms,
        )
        whole = time.perf_counter() - t0
        errors = page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        ).count()
        if errors:
            print(f"    (the page shows {errors} error output(s))")
        return first, whole
    finally:
        context.close()


def nbclient_time(nb_path: Path, env: dict[str, str]) -> float:
    code = (
        "import nbformat, time, sys\nfrom nbclient import NotebookClient\n"
        f"nb = nbformat.read({str(nb_path)!r}, as_version=4)\n"
        "t = time.perf_counter()\n"
        f"NotebookClient(nb, timeout=300, resources={{'metadata': {{'path': {str(nb_path.parent)!r}}}}}).execute()\n"
        "print(time.perf_counter() - t)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=nb_path.parent,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--lessons", default="01_sourcing,06_bring_your_own_case")
    ap.add_argument(
        "--voila-arg",
        action="append",
        default=[],
        help="extra Voila option, e.g. --voila-arg=--VoilaConfiguration.progressive_rendering=True",
    )
    args = ap.parse_args(argv)
    chromium = (
        os.environ.get("MEDIAKIT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    )
    if not Path(chromium).exists():
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    lessons = [x.strip() for x in args.lessons.split(",") if x.strip()]
    base = Path(tempfile.mkdtemp(prefix="mediakit-voila-speed-"))
    folder = base / "lessons"
    shutil.copytree(NOTEBOOKS, folder)
    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=FLAGS, headless=True)
            try:
                for state in ("first", "warm"):
                    for _ in range(args.repeat):
                        cache = Path(tempfile.mkdtemp(dir=base, prefix="cache-"))
                        server = Voila(folder, env_for(base, cache), args.voila_arg)
                        try:
                            for lesson in lessons:
                                url = server.url + f"{lesson}.ipynb"
                                nb = folder / f"{lesson}.ipynb"
                                if state == "warm":  # a first opening fills the caches
                                    open_lesson(browser, url, nb)
                                results.setdefault((lesson, state), []).append(
                                    open_lesson(browser, url, nb)
                                )
                        finally:
                            server.stop()
            finally:
                browser.close()
        print(
            f"Voila, headless Chromium, median of {args.repeat} "
            f"({' '.join(args.voila_arg) or 'default Voila settings'}):"
        )
        for (lesson, state), vals in results.items():
            first = statistics.median(v[0] for v in vals)
            whole = statistics.median(v[1] for v in vals)
            print(
                f"  {lesson:<28} {state:<5}  first exercise {first:5.1f} s (goal <= 4)"
                f"   whole lesson {whole:5.1f} s"
                + ("  (goal <= 5)" if lesson.startswith("06") else "")
            )
        env = env_for(base, Path(tempfile.mkdtemp(dir=base, prefix="cache-")))
        for lesson in lessons:
            nbclient_time(folder / f"{lesson}.ipynb", env)  # fills the caches
            t = nbclient_time(folder / f"{lesson}.ipynb", env)
            print(f"  {lesson:<28} nbclient, warm: top to bottom {t:5.1f} s (kernel only)")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
