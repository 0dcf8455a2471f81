"""Loading a case: a folder of report files plus an optional ``case.toml``.

A plain folder of ``.txt``/``.md``/``.html`` files is a valid case: ids and titles come from
the file names and outlets stay unknown. Unknown metadata stays ``None``; nothing is invented.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import CaseError, MediakitError, ReportError
from ..records import Region
from .boilerplate import find_headline, split_boilerplate
from .review import Review, load_review
from .webpage import SavedPage, read_saved_page

REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_REPORT_BYTES = 5_000_000
# spaCy refuses texts over 1,000,000 characters; a long news report has about 10,000.
MAX_REPORT_CHARS = 300_000


@dataclass(frozen=True)
class Report:
    """One report of a case: its text exactly as decoded, its metadata, body and boilerplate."""

    id: str
    file: str
    text: str
    outlet: str | None = None
    original_author: str | None = None
    date: str | None = None
    url: str | None = None
    notes: str | None = None
    title: str | None = None
    encoding: str = "utf-8"
    normalised: tuple[str, ...] = ()
    body: Region = Region(0, 0)
    boilerplate: tuple[Region, ...] = ()
    headline: Region | None = None

    @property
    def body_text(self) -> str:
        return self.text[self.body.start : self.body.end]

    def in_boilerplate(self, start: int, end: int | None = None) -> bool:
        """True if the span [start, end) lies outside the body or inside a boilerplate region."""
        end = start + 1 if end is None else end
        if start < self.body.start or end > self.body.end:
            return True
        return any(b.start <= start and end <= b.end for b in self.boilerplate)

    @property
    def label(self) -> str:
        """A short human label: the outlet when known, else the id."""
        return self.outlet or self.id


@dataclass(frozen=True)
class Side:
    """One side of a conflict as a case defines it, with the names used for it."""

    name: str
    label: str
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    label: str
    variants: tuple[str, ...] = ()
    side: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Case:
    """A set of reports about one event."""

    id: str
    title: str
    path: Path | None
    reports: tuple[Report, ...]
    summary: str | None = None
    language: str = "en"
    sides: tuple[Side, ...] = ()
    gazetteer: tuple[GazetteerEntry, ...] = ()
    lexicon: dict[str, Any] = field(default_factory=dict)
    skipped: tuple[tuple[str, str], ...] = ()
    # the central event, when the case author names it (else the comparisons find it)
    event: str | None = None
    event_place: str | None = None
    event_verbs: tuple[str, ...] = ()
    # the teacher's review.toml (docs/review.md), None when the folder has none
    review: Review | None = None

    def report(self, key: str | int) -> Report:
        """A report by id, file name or position."""
        if isinstance(key, int):
            return self.reports[key]
        for r in self.reports:
            if key in (r.id, r.file):
                return r
        known = ", ".join(r.id for r in self.reports)
        raise CaseError(f"There is no report called '{key}' in case '{self.id}'. Known: {known}.")

    @property
    def report_ids(self) -> list[str]:
        return [r.id for r in self.reports]


# --------------------------------------------------------------------------- reading files


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text saved without a byte order mark (every
    other byte zero in mostly-Latin text), else None."""
    if len(raw) < 8 or len(raw) % 2:
        return None
    sample = raw[:4096]
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > 0.3 * half and other < 0.02 * half:
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec if _control_ratio(text[:2048].encode("utf-8")) < 0.05 else None
    return None


def decode_report(raw: bytes, *, name: str) -> tuple[str, str, tuple[str, ...]]:
    """Decode report bytes: UTF-8 (a BOM is dropped), else Windows-1252. CRLF becomes LF.

    Returns (text, encoding, what was normalised). Raises ReportError for binary or empty files.
    """
    if not raw.strip():
        raise ReportError(f"The report '{name}' is empty.", path=name)
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):  # Notepad's and Word's "Unicode" text
            try:
                raw = raw.decode(codec).encode("utf-8")
            except UnicodeDecodeError:
                raise ReportError(
                    f"The report '{name}' is damaged {codec.upper()} text.",
                    path=name,
                    hint="Open it in a text editor and save it as UTF-8.",
                ) from None
            text, encoding, inner = decode_report(raw, name=name)
            return text, codec, ("bom",) + inner
    sample = raw[:4096]
    codec16 = _utf16_without_bom(raw)
    if codec16:
        text, _, inner = decode_report(raw.decode(codec16).encode("utf-8"), name=name)
        return text, codec16, inner
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise ReportError(
            f"The report '{name}' looks like a binary file, not text.",
            path=name,
            hint="Save it as plain text (.txt), Markdown (.md) or a web page (.html).",
        )
    normalised: list[str] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        normalised.append("bom")
    try:
        text = raw.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        # One stray byte must not turn a whole UTF-8 report into Windows-1252 mojibake
        # ("Maâ€™arat"): Windows-1252 only when the text as a whole reads better that way (no
        # more well-formed UTF-8 characters than bad bytes), else UTF-8 with the bad bytes
        # replaced and a note naming where.
        as_utf8 = raw.decode("utf-8", "replace")
        bad = as_utf8.count("\ufffd") - raw.count("\ufffd".encode())
        good = sum(1 for c in as_utf8 if ord(c) > 127 and c != "\ufffd")
        try:
            as_1252: str | None = raw.decode("cp1252")
        except UnicodeDecodeError:
            as_1252 = None
        if as_1252 is not None and good <= bad:
            text, encoding = as_1252, "cp1252"
        else:
            text, encoding = as_utf8, "utf-8"
            normalised.append(
                f"{bad} byte{'s' if bad != 1 else ''} that are not UTF-8 replaced "
                f"by \ufffd (the first at byte {exc.start})"
            )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        normalised.append("crlf")
    if not text.strip():
        raise ReportError(f"The report '{name}' is empty.", path=name)
    return text, encoding, tuple(normalised)


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def html_to_text(html: str) -> str:
    """Reduce a saved web page to its article text, one block per paragraph (the title first).

    The article is told from the page's menus, banners, related links and comments by
    trafilatura (see :mod:`mediakit.cases.webpage`); scripts and styles never reach the text.
    """
    return read_saved_page(html).text


def inside_case(folder: Path, name: str, what: str, error: type[MediakitError] = CaseError) -> Path:
    """``folder / name`` if it lies inside the case folder once every symbolic link is followed;
    else ``error`` with a one-line reason (a case downloaded from anywhere must not read
    ``/etc/passwd`` through ``../..``, an absolute path or a link)."""
    path = folder / name
    try:
        root = folder.resolve()
        real = path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        raise error(
            f"The {what} '{name}' cannot be found inside the case folder (a broken link).",
            path=str(path),
        ) from None
    if real != root and root not in real.parents:
        raise error(
            f"The {what} '{name}' lies outside the case folder; a case may only name files "
            "inside its own folder.",
            path=str(path),
        )
    return path


def read_limited(
    path: Path, limit: int, what: str, error: type[MediakitError] = ReportError
) -> bytes:
    """The bytes of a regular file, read up to ``limit`` (the size is checked while reading, so
    a file that grows, or /dev/zero, cannot fill the memory); a FIFO, a device or a folder is
    refused without opening it (a FIFO would block for ever)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise error(f"The {what} '{path}' does not exist.", path=str(path)) from None
    if stat.S_ISDIR(st.st_mode):
        raise error(f"'{path}' is a folder, not a {what}.", path=str(path))
    if not stat.S_ISREG(st.st_mode):
        raise error(
            f"The {what} '{path.name}' is not a regular file (a device, a pipe or a "
            "socket); the kit reads only ordinary files.",
            path=str(path),
        )
    too_big = error(
        f"The {what} '{path.name}' is too large (over {limit // 1_000_000 or 1} MB); "
        "a news report is usually under 100 kB.",
        path=str(path),
    )
    if st.st_size > limit:
        raise too_big
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise too_big
    return data


def read_report_file(path: Path) -> tuple[str, str, tuple[str, ...]]:
    """Read one report file (txt, md or html) and return (text, encoding, normalised)."""
    text, encoding, normalised, _page = read_report_and_page(path)
    return text, encoding, normalised


def read_report_and_page(path: Path) -> tuple[str, str, tuple[str, ...], SavedPage | None]:
    """Read one report file as :func:`read_report_file` does, with what a saved web page
    (``.html``, ``.htm``) states about itself (title, author, date; None for other files)."""
    name = path.name
    try:
        raw = read_limited(path, MAX_REPORT_BYTES, "report file")
    except PermissionError:
        raise ReportError(
            f"The report '{name}' cannot be read (permission denied).", path=str(path)
        ) from None
    except OSError as exc:
        raise ReportError(
            f"The report '{name}' cannot be read ({exc.strerror}).", path=str(path)
        ) from None
    text, encoding, normalised = decode_report(raw, name=name)
    page: SavedPage | None = None
    if path.suffix.lower() in (".html", ".htm"):
        page = read_saved_page(text)
        text = page.text
        normalised = normalised + ("html",)
        if not text.strip():
            raise ReportError(f"The web page '{name}' has no readable text.", path=str(path))
    if len(text) > MAX_REPORT_CHARS:
        raise ReportError(
            f"The report '{name}' is too long ({len(text):,} characters); the kit reads reports of "
            f"up to {MAX_REPORT_CHARS:,} characters (a long news report has about 10,000).",
            path=str(path),
            hint="Is it several reports in one file? Split it, one report a file.",
        )
    return text, encoding, normalised, page


# --------------------------------------------------------------------------- case.toml


MAX_TOML_BYTES = 2_000_000


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = read_limited(path, MAX_TOML_BYTES, "file", CaseError)
    except OSError as exc:
        raise CaseError(f"'{path}' cannot be read ({exc.strerror}).", path=str(path)) from None
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CaseError(
            f"'{path.name}' is not UTF-8 text.",
            path=str(path),
            hint="Save it as UTF-8 in a text editor.",
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise CaseError(
            f"'{path.name}' is not valid TOML: {exc}.",
            path=str(path),
            hint='Check quotes and brackets on that line; text values need "double quotes".',
        ) from None


def _opt_str(entry: dict[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if hasattr(value, "isoformat"):  # TOML dates
        return value.isoformat()
    if not isinstance(value, str):
        raise CaseError(f"In {where}, '{key}' should be text in quotes, not {value!r}.")
    value = value.strip()
    return value or None


def shown_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 on disk (kept by Python as surrogates,
    which no UTF-8 file or JSON can hold) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def slug(name: str) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()
    return s or "report"


CASE_KEYS = (
    "id",
    "title",
    "summary",
    "language",
    "reports",
    "entity",
    "gazetteer",
    "lexicon",
    "sides",
    "event",
    "event_place",
    "event_verbs",
)
REPORT_KEYS = ("file", "id", "outlet", "original_author", "date", "url", "notes", "title")
ENTITY_KEYS = ("name", "label", "variants", "side", "kind")
SIDE_KEYS = ("name", "label", "terms")
GAZETTEER_KEYS = ("entity",)


def unknown_keys(table: Any, known: Sequence[str], where: str) -> list[str]:
    """One line per key of ``table`` that the kit does not read, with a "did you mean" for a
    near miss ("outlt", "[[report]]")."""
    if not isinstance(table, dict):
        return []
    out = []
    for key in table:
        if key in known:
            continue
        near = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = f"; did you mean '{near[0]}'?" if near else f" (the keys are: {', '.join(known)})"
        out.append(f"In {where}, the key '{key}' is not one the kit reads{hint}")
    return out


def _raise_all(problems: list[str]) -> None:
    if problems:
        raise CaseError("\n".join(problems))


def _gazetteer_from(data: Any, where: str) -> tuple[GazetteerEntry, ...]:
    entries = []
    if data is None:
        return ()
    if not isinstance(data, list):
        raise CaseError(f"In {where}, 'entity' should be a list of [[entity]] tables.")
    for i, item in enumerate(data, 1):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("name"), str)
            or not item["name"].strip()
        ):
            raise CaseError(f'In {where}, entity number {i} needs a name = "...".')
        problems = unknown_keys(item, ENTITY_KEYS, f"{where}, entity '{item['name']}'")
        for key in ("label", "side", "kind"):
            if key in item and not isinstance(item[key], str):
                problems.append(
                    f"In {where}, the {key} of '{item['name']}' should be text in "
                    f"quotes, not {item[key]!r}."
                )
        _raise_all(problems)
        variants = item.get("variants", [])
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise CaseError(
                f"In {where}, the variants of '{item['name']}' should be a list of text."
            )
        entries.append(
            GazetteerEntry(
                name=item["name"],
                label=str(item.get("label", "ORG")).upper(),
                variants=tuple(variants),
                side=item.get("side"),
                kind=item.get("kind"),
            )
        )
    return tuple(entries)


def _sides_from(data: Any, where: str) -> tuple[Side, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        raise CaseError(f"In {where}, 'sides' should be a list of [[sides]] tables.")
    sides = []
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise CaseError(f'In {where}, side number {i} needs a name = "...".')
        _raise_all(unknown_keys(item, SIDE_KEYS, f"{where}, side '{item['name']}'"))
        terms = item.get("terms", [])
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise CaseError(
                f"In {where}, the terms of side '{item['name']}' should be a list of text."
            )
        sides.append(
            Side(name=item["name"], label=str(item.get("label", item["name"])), terms=tuple(terms))
        )
    return tuple(sides)


# --------------------------------------------------------------------------- loading


def shipped_cases() -> list[str]:
    """Ids of the cases that ship inside the package."""
    root = resources.files("mediakit") / "data" / "cases"
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


def case_path(case: str | Path) -> Path:
    """Resolve a shipped case id or a folder path to a folder."""
    if isinstance(case, str) and not case.strip():
        raise CaseError(
            "No case given: name a shipped case (see 'mediakit cases') or a folder of reports."
        )
    p = Path(case).expanduser()
    if p.exists():
        return p
    if isinstance(case, str) and "/" not in case and "\\" not in case:
        shipped = resources.files("mediakit") / "data" / "cases" / case
        if shipped.is_dir():
            return Path(str(shipped))
        raise CaseError(
            f"There is no case folder '{case}' and no shipped case with that id.",
            hint=f"Shipped cases: {', '.join(shipped_cases())}.",
        )
    raise CaseError(f"The case folder '{p}' does not exist.", path=str(p))


def load_case(case: str | Path, *, strict: bool = False) -> Case:
    """Load a case from a shipped id or a folder.

    A report that cannot be read is skipped with its reason in ``Case.skipped`` unless
    ``strict`` is true; a case with no readable report at all raises :class:`CaseError`.
    """
    folder = case_path(case)
    if not folder.is_dir():
        raise CaseError(f"'{folder}' is a file; a case is a folder of reports.", path=str(folder))
    meta: dict[str, Any] = {}
    toml_path = folder / "case.toml"
    if toml_path.exists() or toml_path.is_symlink():
        toml_path = inside_case(folder, "case.toml", "case description")
        meta = _read_toml(toml_path)
    where = "case.toml"
    _raise_all(unknown_keys(meta, CASE_KEYS, where))
    for key in ("gazetteer", "lexicon"):
        if (
            key in meta
            and not isinstance(meta[key], str)
            and not (key == "lexicon" and isinstance(meta[key], dict))
        ):
            raise CaseError(
                f"In {where}, '{key}' should be the name of a file in the case folder, "
                f'in quotes (like {key} = "{key}.toml"), not {meta[key]!r}.'
            )

    entries = meta.get("reports")
    if entries is None:
        files = sorted(
            p
            for p in folder.iterdir()
            if p.is_file()
            and p.suffix.lower() in REPORT_SUFFIXES
            and not p.name.startswith(".")
            and p.name.lower() not in ("readme.md", "readme.txt")
        )
        entries = [{"file": p.name} for p in files]
    elif not isinstance(entries, list):
        raise CaseError("In case.toml, 'reports' should be a list of [[reports]] tables.")
    if not entries:
        raise CaseError(
            f"The case folder '{folder}' has no reports.",
            path=str(folder),
            hint="Add .txt, .md or .html files, one report each.",
        )

    reports: list[Report] = []
    skipped: list[tuple[str, str]] = []
    seen_ids: set[str] = set()
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise CaseError(f'In {where}, report number {i} needs file = "name-of-the-file.txt".')
        on_disk = entry["file"]
        # a file name that is not UTF-8 on disk: shown (and written to JSON) with U+FFFD
        fname = shown_name(on_disk)
        rwhere = f"{where}, report '{fname}'"
        _raise_all(unknown_keys(entry, REPORT_KEYS, rwhere))
        try:
            text, encoding, normalised, page = read_report_and_page(
                inside_case(folder, on_disk, "report file", ReportError)
            )
        except ReportError as exc:
            if strict:
                raise
            skipped.append((fname, shown_name(str(exc))))
            continue
        given = _opt_str(entry, "id", rwhere)
        if given is not None and given in seen_ids:
            raise CaseError(f"In {where}, two reports have the id '{given}'; ids must differ.")
        rid = given or slug(Path(fname).stem.replace("\ufffd", "-"))
        if given is None:  # ids made from file names: "Storm report.txt", "storm-report.md"
            base, k = rid, 2
            while rid in seen_ids:
                rid, k = f"{base}-{k}", k + 1
        seen_ids.add(rid)
        body, boiler = split_boilerplate(text)
        reports.append(
            Report(
                id=rid,
                file=fname,
                text=text,
                outlet=_opt_str(entry, "outlet", rwhere),
                # case.toml first; else what a saved web page states itself (else unknown)
                original_author=_opt_str(entry, "original_author", rwhere)
                or (page.author if page else None),
                date=_opt_str(entry, "date", rwhere) or (page.date if page else None),
                url=_opt_str(entry, "url", rwhere),
                notes=_opt_str(entry, "notes", rwhere),
                title=_opt_str(entry, "title", rwhere) or (page.title if page else None),
                encoding=encoding,
                normalised=normalised,
                body=body,
                boilerplate=tuple(boiler),
                headline=find_headline(text, body),
            )
        )
    if not reports:
        reasons = "; ".join(r for _, r in skipped)
        raise CaseError(f"No report in '{folder}' could be read: {reasons}", path=str(folder))

    gazetteer = _gazetteer_from(meta.get("entity"), where)
    gz_file = meta.get("gazetteer")
    if isinstance(gz_file, str):
        gz_path = inside_case(folder, gz_file, "gazetteer")
        if not gz_path.exists():
            raise CaseError(
                f"case.toml names the gazetteer '{gz_file}', but there is no such file."
            )
        gz_data = _read_toml(gz_path)
        _raise_all(unknown_keys(gz_data, GAZETTEER_KEYS, gz_file))
        gazetteer += _gazetteer_from(gz_data.get("entity"), gz_file)
    lexicon: dict[str, Any] = {}
    lex = meta.get("lexicon")
    if isinstance(lex, str):
        lex_path = inside_case(folder, lex, "lexicon")
        if not lex_path.exists():
            raise CaseError(f"case.toml names the lexicon '{lex}', but there is no such file.")
        lexicon = _read_toml(lex_path)
    elif isinstance(lex, dict):
        lexicon = lex

    event_verbs = meta.get("event_verbs", [])
    if isinstance(event_verbs, str):
        event_verbs = [event_verbs]
    if not isinstance(event_verbs, list) or not all(isinstance(v, str) for v in event_verbs):
        raise CaseError(
            "In case.toml, 'event_verbs' should be a list of verbs in quotes, "
            'like event_verbs = ["capture", "enter"].'
        )

    cid = _opt_str(meta, "id", where) or slug(shown_name(folder.name))
    return Case(
        id=cid,
        title=_opt_str(meta, "title", where) or shown_name(folder.name),
        path=folder,
        reports=tuple(reports),
        summary=_opt_str(meta, "summary", where),
        language=_opt_str(meta, "language", where) or "en",
        sides=_sides_from(meta.get("sides"), where),
        gazetteer=gazetteer,
        lexicon=lexicon,
        skipped=tuple(skipped),
        event=_opt_str(meta, "event", where),
        event_place=_opt_str(meta, "event_place", where),
        event_verbs=tuple(v.strip() for v in event_verbs if v.strip()),
        review=load_review(folder),
    )
