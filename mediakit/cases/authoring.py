"""Helping a case author: a case.toml template for a folder of reports."""

from __future__ import annotations

from pathlib import Path

from ..errors import CaseError, ReportError
from .case import REPORT_SUFFIXES, read_report_file, slug


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def case_template(folder: Path, *, title: str | None = None) -> str:
    """A case.toml text listing every report file in ``folder``, metadata left to fill in."""
    if not folder.is_dir():
        raise CaseError(f"The case folder '{folder}' does not exist.", path=str(folder))
    files = sorted(
        p.name
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES and not p.name.startswith(".")
    )
    if not files:
        raise CaseError(
            f"The folder '{folder}' has no .txt, .md or .html reports.", path=str(folder)
        )
    out = [
        "# Case metadata. Record only what each report says about itself; leave unknowns out.",
        f"id = {_toml_str(slug(folder.name))}",
        f"title = {_toml_str(title or folder.name)}",
        'summary = ""  # one or two neutral sentences about the event',
        'language = "en"',
        "",
        "# Optional: the sides of the story and the names used for each, for the wording lesson.",
        "# [[sides]]",
        '# name = "side-a"',
        '# label = "who they are"',
        '# terms = ["name one", "name two"]',
        "",
    ]
    for f in files:
        why = unreadable(folder / f)
        if why:  # listed, commented out, so the author sees why the kit leaves it out
            out += [f"# Left out: {why}", "# [[reports]]", f"# file = {_toml_str(f)}", ""]
            continue
        out += [
            "[[reports]]",
            f"file = {_toml_str(f)}",
            f"id = {_toml_str(slug(Path(f).stem))}",
            '# outlet = ""',
            '# original_author = ""',
            '# date = "YYYY-MM-DD"',
            '# url = ""',
            '# notes = ""',
            "",
        ]
    return "\n".join(out)


def unreadable(path: Path) -> str | None:
    """Why the kit cannot read this report file (binary, empty, ...), or None if it can."""
    try:
        read_report_file(path)
    except ReportError as exc:
        return str(exc)
    return None


def write_case_template(folder: Path, *, title: str | None = None) -> Path:
    path = folder / "case.toml"
    if path.exists():
        raise CaseError(
            f"'{path}' already exists; edit it instead of overwriting it.", path=str(path)
        )
    path.write_text(case_template(folder, title=title), encoding="utf-8")
    return path
