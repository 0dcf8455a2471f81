"""The mediakit command and the JSON contract of `mediakit analyze`."""

from __future__ import annotations

import json

import pytest

from mediakit.cli import main
from mediakit.errors import ModelError
from mediakit.nlp import load_pipeline

REPORT_KEYS = {
    "id",
    "file",
    "outlet",
    "original_author",
    "date",
    "url",
    "text",
    "body",
    "boilerplate",
    "quotes",
    "attributions",
    "figures",
    "loaded_terms",
}
RECORD_KEYS = {
    "quotes": {"text", "start", "end", "speaker", "speaker_type", "cue", "partial"},
    "attributions": {"source", "start", "end", "source_type", "named", "cue", "sentence"},
    "figures": {"text", "start", "end", "value", "what", "source"},
    "loaded_terms": {"text", "start", "end", "category"},
}


def test_analyze_writes_the_json_contract(tmp_path, capsys):
    out = tmp_path / "a.json"
    assert main(["analyze", "maarat-al-numan", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["case"]["id"] == "maarat-al-numan"
    assert {"name", "version"} <= set(data["model"])
    assert len(data["reports"]) == 5
    for rep in data["reports"]:
        assert REPORT_KEYS <= set(rep)
        text = rep["text"]
        assert 0 <= rep["body"]["start"] < rep["body"]["end"] <= len(text)
        for kind, keys in RECORD_KEYS.items():
            for rec in rep[kind]:
                assert keys <= set(rec)
                # offsets index the exported text
                if kind in ("quotes", "loaded_terms", "figures"):
                    assert text[rec["start"] : rec["end"]] == rec["text"]
                else:
                    assert text[rec["start"] : rec["end"]] == rec["source"]
    assert {"shared_passages", "figure_groups", "labels", "claims"} <= set(data["comparisons"])


def test_analyze_to_stdout_on_a_plain_folder(make_case, capsys):
    folder = make_case(
        {
            "one.txt": "The mayor said the bridge would open in May.",
            "two.txt": "Officials said 200 people attended the opening.",
        }
    )
    assert main(["analyze", str(folder), "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in data["reports"]] == ["one", "two"]
    assert data["reports"][0]["outlet"] is None


def test_summary_without_json(capsys):
    assert main(["analyze", "maarat-al-numan"]) == 0
    out = capsys.readouterr().out
    assert "Middle East Eye" in out and "5 reports" in out


def test_bad_input_is_one_plain_line(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mediakit: ") and "does not exist" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_skipped_report_is_reported(make_case, capsys):
    folder = make_case(
        {"ok.txt": "The minister resigned on Friday.", "bad.txt": b"\x00\x01\x02" * 50}
    )
    assert main(["analyze", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "skipped bad.txt" in err and "binary" in err
    assert (out + err).count("skipped bad.txt") == 1  # told once, not in the summary as well


def test_missing_model_says_what_to_install(monkeypatch):
    with pytest.raises(ModelError) as info:
        load_pipeline("en_core_web_nonexistent")
    assert "pip install" in str(info.value)


def test_new_case_template_round_trips(make_case, capsys):
    from mediakit import load_case

    folder = make_case({"a.txt": "One report.", "b.txt": "Another report."})
    assert main(["new-case", str(folder), "--title", 'A "quoted" title']) == 0
    case = load_case(folder)
    assert case.title == 'A "quoted" title' and len(case.reports) == 2
    assert main(["new-case", str(folder)]) == 2  # never overwrites


def test_new_case_leaves_out_unreadable_files_and_says_why(make_case, capsys):
    from mediakit import load_case

    folder = make_case({"a.txt": "One report.", "bad.txt": b"\x00\x01\x02" * 50})
    (folder / "empty.txt").write_text("", encoding="utf-8")
    assert main(["new-case", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "bad.txt" in err and "binary" in err and "empty.txt" in err
    toml = (folder / "case.toml").read_text(encoding="utf-8")
    assert "# Left out: " in toml and '# file = "bad.txt"' in toml
    case = load_case(folder)  # the template lists only what the kit can read
    assert [r.file for r in case.reports] == ["a.txt"] and case.skipped == ()


def test_cases_lists_the_seed(capsys):
    assert main(["cases"]) == 0
    assert "maarat-al-numan" in capsys.readouterr().out
