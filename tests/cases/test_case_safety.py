"""A case downloaded from anywhere: nothing outside its folder, no hang on odd files (issue 12)."""

from __future__ import annotations

import os
import signal

import pytest

from mediakit.cases.case import load_case
from mediakit.errors import CaseError

TEXT = "Officials said 300 people left the town on Monday, the ministry said.\n"


def _case(tmp_path, toml: str = "", files: dict[str, str] | None = None):
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    for name, text in (files or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    if toml:
        (folder / "case.toml").write_text(toml, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "name", ["../../../../../../etc/hostname", "/etc/hostname", "../secret.txt"]
)
def test_a_report_outside_the_case_folder_is_refused(tmp_path, name):
    (tmp_path / "secret.txt").write_text("the machine's secret", encoding="utf-8")
    folder = _case(tmp_path, f'[[reports]]\nfile = "a.txt"\n[[reports]]\nfile = "{name}"\n')
    case = load_case(folder)
    assert [r.file for r in case.reports] == ["a.txt"]
    ((f, why),) = case.skipped
    assert f == name and "outside the case folder" in why and "\n" not in why
    assert all("secret" not in r.text for r in case.reports)


def test_a_symlinked_report_pointing_outside_is_refused(tmp_path):
    (tmp_path / "secret.txt").write_text("the machine's secret", encoding="utf-8")
    folder = _case(tmp_path)
    (folder / "report.txt").symlink_to(tmp_path / "secret.txt")
    case = load_case(folder)
    assert [r.file for r in case.reports] == ["a.txt"]
    assert "outside the case folder" in dict(case.skipped)["report.txt"]


def test_a_symlink_inside_the_folder_is_fine(tmp_path):
    folder = _case(tmp_path, '[[reports]]\nfile = "b.txt"\n')
    (folder / "b.txt").symlink_to(folder / "a.txt")
    assert load_case(folder).reports[0].text == TEXT


@pytest.mark.parametrize("key", ["gazetteer", "lexicon"])
@pytest.mark.parametrize("name", ["../outside.toml", "/etc/hostname"])
def test_gazetteer_and_lexicon_outside_the_folder_are_refused(tmp_path, key, name):
    (tmp_path / "outside.toml").write_text(
        "[[entity]]\nname = 'X'\nlabel = 'ORG'\n", encoding="utf-8"
    )
    folder = _case(tmp_path, f'{key} = "{name}"\n')
    with pytest.raises(CaseError, match="outside the case folder"):
        load_case(folder)


@pytest.fixture
def hang_guard():
    def boom(*_):
        raise TimeoutError("blocked")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_a_fifo_named_as_report_does_not_block(tmp_path, hang_guard):
    folder = _case(tmp_path, '[[reports]]\nfile = "a.txt"\n[[reports]]\nfile = "pipe.txt"\n')
    os.mkfifo(folder / "pipe.txt")
    case = load_case(folder)
    assert "not a regular file" in dict(case.skipped)["pipe.txt"]


@pytest.mark.parametrize("key", ["gazetteer", "lexicon"])
def test_a_device_named_as_gazetteer_or_lexicon_is_refused(tmp_path, hang_guard, key):
    folder = _case(tmp_path)
    (folder / "zero.toml").symlink_to("/dev/zero")  # inside by name, a device in fact
    (folder / "case.toml").write_text(f'{key} = "zero.toml"\n', encoding="utf-8")
    with pytest.raises(CaseError, match="not a regular file|outside the case folder"):
        load_case(folder)


def test_a_report_that_grows_past_the_limit_while_read_is_refused(tmp_path, monkeypatch):
    import mediakit.cases.case as c

    folder = _case(tmp_path, files={"b.txt": TEXT * 50})
    real_stat = os.stat

    class Small:  # the size on disk says small; the reading finds more
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 10

    monkeypatch.setattr(c.os, "stat", lambda p, *a, **k: Small(real_stat(p, *a, **k)))
    monkeypatch.setattr(c, "MAX_REPORT_BYTES", 1000)
    case = load_case(folder)
    assert "too large" in dict(case.skipped)["b.txt"]


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_case_name_is_refused(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(CaseError, match="No case given"):
        load_case(name)


@pytest.mark.parametrize(
    "toml, expected",
    [
        (
            '[[report]]\nfile = "a.txt"\n',
            "'report' is not one the kit reads; did you mean 'reports'?",
        ),
        (
            '[[reports]]\nfile = "a.txt"\noutlt = "X"\n',
            "'outlt' is not one the kit reads; did you mean 'outlet'?",
        ),
        ("gazetteer = 5\n", "'gazetteer' should be the name of a file"),
        ("lexicon = 5\n", "'lexicon' should be the name of a file"),
        ('[[entity]]\nname = "X"\nkind = 5\n', "the kind of 'X' should be text"),
        ('[[entity]]\nname = "X"\nkind = ["x"]\n', "the kind of 'X' should be text"),
        ('[[entity]]\nname = "X"\nside = ["a"]\n', "the side of 'X' should be text"),
        ('[[entity]]\nname = ""\n', "entity number 1 needs a name"),
        ('[[entity]]\nname = "X"\nvariant = ["Y"]\n', "did you mean 'variants'?"),
    ],
)
def test_unknown_keys_and_wrong_types_are_said_in_one_line(tmp_path, toml, expected):
    folder = _case(tmp_path, toml)
    with pytest.raises(CaseError) as exc:
        load_case(folder)
    assert expected in str(exc.value)
    assert all(
        line.startswith("In ") or "entity number" in line for line in str(exc.value).splitlines()
    )


def test_every_unknown_key_gets_its_own_line(tmp_path):
    folder = _case(tmp_path, 'titel = "T"\nsumary = "S"\n[[reports]]\nfile = "a.txt"\n')
    with pytest.raises(CaseError) as exc:
        load_case(folder)
    lines = str(exc.value).splitlines()
    assert len(lines) == 2 and "'title'" in lines[0] and "'summary'" in lines[1]


def test_an_unknown_key_in_a_gazetteer_file_is_said(tmp_path):
    folder = _case(
        tmp_path, 'gazetteer = "g.toml"\n', files={"g.toml": '[[entities]]\nname = "X"\n'}
    )
    with pytest.raises(CaseError, match="did you mean 'entity'"):
        load_case(folder)


def test_a_file_name_that_is_not_utf8_does_not_break_json(tmp_path):
    from mediakit.cli import main

    folder = _case(tmp_path)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9 report.txt"), "wb") as fh:
        fh.write(TEXT.encode("utf-8"))
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as fh:
        fh.write(b"\x00\x01\x02" * 100)  # skipped: its reason names the file too
    out = tmp_path / "out.json"
    assert main(["analyze", str(folder), "--json", str(out), "--no-cache"]) == 0
    import json

    data = json.loads(out.read_text(encoding="utf-8"))
    assert "caf\ufffd report.txt" in [r["file"] for r in data["reports"]]
    assert [s["file"] for s in data["skipped"]] == ["bad\ufffd.txt"]


def test_one_stray_byte_keeps_a_utf8_report_utf8_with_a_note():
    from mediakit.cases.case import decode_report

    good = "Fighters left Ma’arat al-Numan, “the town”, on Monday. " * 20
    raw = good.encode("utf-8")
    raw = raw[:500] + b"\x92" + raw[500:]  # one Windows-1252 apostrophe pasted in
    text, encoding, normalised = decode_report(raw, name="r.txt")
    assert encoding == "utf-8"
    assert "Ma’arat" in text and "â€" not in text and text.count("\ufffd") == 1
    (note,) = [n for n in normalised if "not UTF-8" in n]
    assert "byte 500" in note and "\n" not in note


def test_a_windows_1252_report_still_reads_as_windows_1252():
    from mediakit.cases.case import decode_report

    raw = "Fighters left Ma’arat al-Numan on Monday, “the town”.".encode("cp1252")
    text, encoding, _ = decode_report(raw, name="r.txt")
    assert encoding == "cp1252" and "Ma’arat" in text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected(codec):
    from mediakit.cases.case import decode_report

    raw = "Fighters left Ma’arat al-Numan on Monday.\n".encode(codec)
    text, encoding, _ = decode_report(raw, name="r.txt")
    assert encoding == codec and text.startswith("Fighters left Ma’arat")
