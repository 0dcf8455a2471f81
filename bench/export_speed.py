"""The static page of a case (`mediakit export CASE --html PAGE`): size, build time, open time.

    python bench/export_speed.py [CASE] [--repeat 3]

Prints the page's size (goal for the seed case: under 2 MB), the time to build it from a
finished analysis, and the time Chromium takes to open it from disk until the reader's columns
are on the page (goal: under 1 s; median of --repeat loads, each in a fresh page). Chromium is
Debian's (`$MEDIAKIT_CHROMIUM` or /usr/bin/chromium), driven by Playwright; every request but
the page's own file: URL is refused and counted. A benchmark, not a test: the numbers depend
on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("case", nargs="?", default="maarat-al-numan")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    os.environ.setdefault("MPLBACKEND", "Agg")
    from mediakit import analyze, load_case
    from mediakit.views.export import export_page

    analysis = analyze(load_case(args.case))
    out = Path(tempfile.mkdtemp(prefix="mediakit-export-")) / "page.html"
    t0 = time.perf_counter()
    size = export_page(analysis, str(out))
    build = time.perf_counter() - t0
    print(f"page size:  {size / 1e6:.2f} MB ({size:,} bytes; goal: under 2 MB)")
    print(f"build time: {build:.2f} s (from a finished analysis, charts included)")
    exe = os.environ.get("MEDIAKIT_CHROMIUM") or "/usr/bin/chromium"
    if not Path(exe).exists():
        print(f"open time:  not measured ({exe} is missing; apt-get install chromium)")
        return 0
    from playwright.sync_api import sync_playwright

    times, refused = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=FLAGS, headless=True)
        try:
            for _ in range(max(1, args.repeat)):
                context = browser.new_context(viewport={"width": 1366, "height": 900})
                context.route(
                    "**/*",
                    lambda r: (
                        r.continue_()
                        if r.request.url.startswith("file:")
                        else (refused.append(r.request.url), r.abort())
                    ),
                )
                page = context.new_page()
                t0 = time.perf_counter()
                page.goto(out.as_uri(), wait_until="load")
                page.locator("#mk-reader .mk-report").first.wait_for()
                times.append(time.perf_counter() - t0)
                context.close()
        finally:
            browser.close()
    print(
        f"open time:  {statistics.median(times):.2f} s median of {len(times)} "
        f"(min {min(times):.2f}, max {max(times):.2f}; goal: under 1 s)"
    )
    print(f"requests leaving the page: {len(refused)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
