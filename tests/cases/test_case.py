"""Loading cases: the seed case, plain folders, and every kind of bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from mediakit import CaseError, ReportError, load_case
from mediakit.cases import decode_report

SEED_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def test_seed_case_ships_the_five_reports_byte_for_byte(seed_case):
    assert [r.file for r in seed_case.reports] == sorted(r.file for r in seed_case.reports)
    assert len(seed_case.reports) == 5
    folder = seed_case.path
    for r in seed_case.reports:
        shipped = (folder / r.file).read_bytes()
        assert r.text == shipped.decode("utf-8")
        original = SEED_DIR / r.file
        if original.exists():  # ../shared is beside the repo on dev machines and in CI
            assert (
                hashlib.sha256(shipped).digest() == hashlib.sha256(original.read_bytes()).digest()
            )


def test_seed_metadata_says_only_what_the_copies_say(seed_case):
    by_id = {r.id: r for r in seed_case.reports}
    assert by_id["mee"].outlet == "Middle East Eye"
    assert by_id["globalresearch-sf-jan31"].date == "2020-02-03"
    assert by_id["globalresearch-sf-jan26"].original_author == "South Front"
    # No copy of these states a date: unknown stays unknown.
    assert by_id["mee"].date is None and by_id["sputnik"].date is None
    assert {s.name for s in seed_case.sides} == {"fighters", "government"}
    assert any("Saraqeb" in e.variants for e in seed_case.gazetteer)


def test_plain_folder_is_a_case(make_case):
    folder = make_case(
        {
            "b-report.txt": "Second report. The mayor said so.",
            "a_report.md": "# First\n\nThe council met on Monday.",
            "notes.csv": "ignored",
        }
    )
    case = load_case(folder)
    assert [r.id for r in case.reports] == ["a-report", "b-report"]
    assert all(r.outlet is None and r.date is None for r in case.reports)
    assert case.title == "case"


def test_html_report_is_reduced_to_text(make_case):
    html = (
        "<html><head><title>x</title><script>alert(1)</script></head><body>"
        "<p>Flood waters rose &amp; 300 people left.</p><p>Officials said more rain is due.</p>"
        "</body></html>"
    )
    case = load_case(make_case({"page.html": html}))
    text = case.reports[0].text
    assert "Flood waters rose & 300 people left." in text
    assert "alert" not in text and "<p>" not in text


def test_bom_crlf_and_cp1252_are_read_not_rejected(make_case):
    folder = make_case(
        {
            "bom.txt": b"\xef\xbb\xbfThe minister said it.\r\nSecond line.\r\n",
            "win.txt": "The “minister” said – it’s done.".encode("cp1252"),
        }
    )
    case = load_case(folder)
    bom, win = case.report("bom"), case.report("win")
    assert bom.text == "The minister said it.\nSecond line.\n"
    assert set(bom.normalised) == {"bom", "crlf"}
    assert win.encoding == "cp1252"
    assert win.text == "The “minister” said – it’s done."


@pytest.mark.parametrize(
    "raw, words",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_bad_report_bytes_get_plain_errors(raw, words):
    with pytest.raises(ReportError, match=words):
        decode_report(raw, name="r.txt")


def test_one_bad_report_does_not_stop_the_others(make_case):
    folder = make_case({"good.txt": "The council voted 7 to 2.", "empty.txt": ""})
    case = load_case(folder)
    assert [r.id for r in case.reports] == ["good"]
    assert case.skipped and case.skipped[0][0] == "empty.txt"
    assert "empty" in case.skipped[0][1]
    with pytest.raises(ReportError, match="empty.txt"):
        load_case(folder, strict=True)


def test_missing_and_empty_folders(tmp_path):
    with pytest.raises(CaseError, match="does not exist"):
        load_case(tmp_path / "nope")
    with pytest.raises(CaseError, match="no shipped case"):
        load_case("no-such-case")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CaseError, match="has no reports"):
        load_case(tmp_path / "empty")


def test_broken_case_toml_names_its_line(make_case):
    folder = make_case({"a.txt": "Text."}, toml='id = "x"\ntitle = "unclosed\n')
    with pytest.raises(CaseError) as info:
        load_case(folder)
    msg = str(info.value)
    assert "case.toml" in msg and "line 2" in msg
    assert "Traceback" not in msg


def test_case_toml_pointing_at_a_missing_file(make_case):
    folder = make_case({"a.txt": "Text."}, toml='[[reports]]\nfile = "b.txt"\n')
    with pytest.raises(CaseError, match="b.txt"):
        load_case(folder)


def test_case_toml_with_wrong_types(make_case):
    folder = make_case({"a.txt": "Text."}, toml='[[reports]]\nfile = "a.txt"\noutlet = 3\n')
    with pytest.raises(CaseError, match="outlet"):
        load_case(folder)


def test_duplicate_ids_are_refused(make_case):
    toml = '[[reports]]\nfile = "a.txt"\nid = "x"\n[[reports]]\nfile = "b.txt"\nid = "x"\n'
    folder = make_case({"a.txt": "One.", "b.txt": "Two."}, toml=toml)
    with pytest.raises(CaseError, match="two reports have the id 'x'"):
        load_case(folder)


def test_utf16_text_from_notepad_is_read(make_case):
    text = "The minister said 12 schools would close.\n"
    folder = make_case(
        {"u16.txt": text.encode("utf-16"), "u16be.txt": b"\xfe\xff" + text.encode("utf-16-be")}
    )
    case = load_case(folder)
    assert [r.text for r in case.reports] == [text, text]
    assert case.report("u16").encoding == "utf-16"


def test_an_oversized_report_is_skipped_in_plain_words(make_case):
    folder = make_case({"ok.txt": "The council met.", "huge.txt": "Word " * 100_000})
    case = load_case(folder)
    assert [r.id for r in case.reports] == ["ok"]
    assert "too long" in case.skipped[0][1] and "huge.txt" in case.skipped[0][1]


def test_file_names_that_slug_alike_get_distinct_ids(make_case):
    folder = make_case({"Storm report.txt": "One.", "storm-report.md": "Two."})
    case = load_case(folder)
    assert sorted(r.id for r in case.reports) == ["storm-report", "storm-report-2"]
