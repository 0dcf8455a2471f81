"""Long, dense and numerous reports: no hang, no runaway memory (issue 12).

Speed targets live in bench/long_reports.py and bench/speed.py; these tests count operations
or guard against a hang with a bound far above the expected time (seconds where the old code
took many minutes)."""

from __future__ import annotations

import io
import json
import random
import signal
from contextlib import contextmanager

import pytest

from mediakit.cases import Case, Report
from mediakit.records import Figure, Region, ReportRecords


@contextmanager
def hang_guard(seconds: int = 60):
    def boom(*_):
        raise TimeoutError(f"still running after {seconds} s: quadratic again?")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def quote_marks(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    marks = ['"', "“", "”", "'", "‘", "’", "«", "»"]
    out, size = [], 0
    while size < n:
        chunk = "".join(rng.choice(marks) for _ in range(rng.randint(1, 6)))
        chunk += rng.choice([" ", " ", " said ", " a ", "s' b "])
        out.append(chunk)
        size += len(chunk)
    return "".join(out)[:n]


def test_pairing_150k_characters_of_quote_marks_does_not_hang():
    # the old pairing scanned the text per pair of marks: 150 kB never finished
    from mediakit.extract.marks import quoted_spans

    text = quote_marks(150_000)
    with hang_guard(60):
        spans = quoted_spans(text)
    assert spans and all(0 <= s.start < s.end <= len(text) for s in spans)


def test_a_sentence_of_quote_marks_without_any_stop_is_read_in_bounded_windows(monkeypatch):
    """No full stop and no line break: the sentence around each pair is the whole text. The
    look-around per pair is bounded, so the characters read grow linearly."""
    import mediakit.extract.marks as marks

    sizes = []
    real = marks._words
    monkeypatch.setattr(marks, "_words", lambda s: sizes.append(len(s)) or real(s))
    text = '"a" ' * 10_000
    with hang_guard(60):
        marks.quoted_spans(text)
    # at most the bounded window on each side of each of the 10,000 pairs; the old code read
    # the whole 40,000-character sentence for each pair (and scanned it character by character)
    assert sum(sizes) < 3 * marks._CONTEXT * 10_000 < 10_000 * len(text) / 10


def test_doc_sentences_read_the_doc_text_once(nlp):
    """spaCy rebuilds Doc.text from the tokens on every access; reading it once per sentence
    made long reports quadratic."""
    from mediakit.compare._common import doc_sentences, report_sentences

    text = "The army said 40 villages were taken. Rebels denied it. " * 200
    doc = nlp(text)

    class Counting:
        reads = 0

        def __getattr__(self, name):
            if name == "text":
                Counting.reads += 1
            return getattr(doc, name)

    proxy = Counting()
    spans = doc_sentences(proxy)
    assert len(spans) >= 400
    report = Report(id="r", file="r.txt", text=text, body=Region(0, len(text)))
    report_sentences(report, proxy)
    assert Counting.reads <= 3  # the old code: once per sentence (over 800 here)


def _number_case(n_chars: int) -> tuple[Case, dict[str, ReportRecords]]:
    rng = random.Random(2)
    rows, size = [], 0
    while size < n_chars:
        row = f"{rng.randint(1990, 2024)} | {rng.randint(1, 99_999):,} killed | {rng.randint(1, 500)} fighters\n"
        rows.append(row)
        size += len(row)
    text = "".join(rows)
    figs = []
    import re

    for m in re.finditer(r"(\d[\d,]*) (killed|fighters)", text):
        figs.append(
            Figure(
                text=m.group(),
                start=m.start(),
                end=m.end(),
                value=float(m.group(1).replace(",", "")),
                what=m.group(2),
                source=None,
            )
        )
    report = Report(id="table", file="table.txt", text=text, body=Region(0, len(text)))
    case = Case(id="t", title="t", path=None, reports=(report,))
    return case, {"table": ReportRecords(report_id="table", figures=tuple(figs))}


def test_grouping_the_figures_of_a_pasted_table_does_not_hang():
    # 300 kB of numbers never finished; here 150 kB of them (about 9,000 figures)
    from mediakit.compare import figure_groups

    case, records = _number_case(150_000)
    assert len(records["table"].figures) > 8_000
    with hang_guard(90):
        groups = figure_groups(case, records)
    assert groups


def test_figure_word_lists_are_prepared_once_not_per_figure(monkeypatch):
    """Grouping folded every listed word again for every figure (about 200 folds a figure):
    a pasted table of thousands of numbers took minutes."""
    import mediakit.compare.figures as F

    case, records = _number_case(20_000)
    n = len(records["table"].figures)
    calls = []
    real = F.fold
    monkeypatch.setattr(F, "fold", lambda s: calls.append(1) or real(s))
    monkeypatch.setattr(F, "_PHRASES", {}, raising=False)
    F.figure_groups(case, records)
    assert len(calls) < 10 * n


def _folder(tmp_path, texts):
    for i, t in enumerate(texts):
        (tmp_path / f"r{i}.txt").write_text(t, encoding="utf-8")
    return tmp_path


def test_a_report_beyond_the_token_budget_is_skipped_with_one_line(tmp_path, monkeypatch):
    import mediakit.analysis as an

    monkeypatch.setattr(an, "MAX_TOKENS", 200)
    folder = _folder(
        tmp_path,
        [
            "Officials said 300 people left the town on Monday, the UN said.",
            "The army said 40 villages were taken. " * 40,
        ],
    )
    a = an.analyze(folder, cache=False)
    assert [r.file for r in a.case.reports] == ["r0.txt"]
    ((f, why),) = a.case.skipped
    assert f == "r1.txt" and "\n" not in why and "split it" in why
    assert a.to_dict()["skipped"] == [{"file": "r1.txt", "reason": why}]


def test_a_report_past_the_time_budget_is_skipped_between_stages(tmp_path, monkeypatch):
    import mediakit.analysis as an

    monkeypatch.setattr(an, "REPORT_SECONDS", -1.0)  # every report is already late
    folder = _folder(
        tmp_path,
        [
            "Officials said 300 people left the town on Monday.",
            "The army said 40 villages were taken.",
        ],
    )
    with pytest.raises(an.CaseError, match="took over"):
        an.analyze(folder, cache=False)


def test_many_reports_do_not_hold_every_parse(tmp_path, monkeypatch):
    """Above KEEP_DOCS_UP_TO reports the parses are not all kept: docs are read back lazily,
    and the results are those of a small case."""
    import mediakit.analysis as an

    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "case"
    folder.mkdir()
    _folder(
        folder,
        [f"Officials said {100 + i} people left Idlib on Monday, the UN said." for i in range(7)],
    )
    small = an.analyze(folder)
    monkeypatch.setattr(an, "KEEP_DOCS_UP_TO", 2)
    big = an.analyze(folder)
    assert isinstance(big.docs, an.LazyDocs) and len(big.docs._recent) <= 4 < len(big.docs) == 7
    assert big.to_dict() == small.to_dict()
    assert big.docs["r6"].text == small.docs["r6"].text


def test_the_json_is_written_in_pieces_and_equals_to_json(tmp_path):
    import mediakit

    a = mediakit.analyze("maarat-al-numan")
    buf = io.StringIO()
    a.write_json(buf)
    assert buf.getvalue() == a.to_json()
    assert json.loads(buf.getvalue())["comparisons"]["shared_passages_omitted"] is None


def test_shared_passages_are_capped_per_pair_and_the_rest_counted():
    from mediakit.compare import SharedPassage, cap_passages

    ps = [
        SharedPassage(
            a="r0",
            a_start=i,
            a_end=i + 1,
            b="r1",
            b_start=i,
            b_end=i + 1,
            similarity=100.0,
            credited=False,
            words=i,
        )
        for i in range(25)
    ]
    ps += [
        SharedPassage(
            a="r0",
            a_start=0,
            a_end=1,
            b=f"r{k}",
            b_start=0,
            b_end=1,
            similarity=100.0,
            credited=False,
            words=1,
        )
        for k in range(2, 6)
    ]
    kept, omitted = cap_passages(ps, per_pair=10, total=12)
    assert len(kept) == 12
    assert [p.words for p in kept if p.b == "r1"] == list(range(15, 25))  # the longest, in order
    assert omitted["passages"] == len(ps) - 12
    assert omitted["pairs"] == [{"a": "r0", "b": "r1", "passages": 15}]
    assert omitted["other_pairs"] == 2
    assert cap_passages(ps[:3]) == (ps[:3], None)


def test_compare_caps_passages_while_finding_them(monkeypatch):
    """Many similar reports: the comparison keeps the longest passages per pair and in all as
    it finds them (never the whole list), and says how many more there are."""
    import mediakit.compare as cmp
    from mediakit.compare import compare, shared_passages

    rng = random.Random(5)
    pool = [
        " ".join(f"w{rng.randint(0, 9999)}" for _ in range(rng.randint(14, 30))) + "."
        for _ in range(40)
    ]
    reports = []
    for i in range(8):
        text = "\n\n".join(" ".join(rng.sample(pool, 3)) for _ in range(4))
        reports.append(Report(id=f"r{i}", file=f"r{i}.txt", text=text, body=Region(0, len(text))))
    case = Case(id="c", title="c", path=None, reports=tuple(reports))
    full = shared_passages(case, {}, max_reports_per_shingle=8)
    monkeypatch.setattr(cmp, "PASSAGES_PER_PAIR", 2)
    monkeypatch.setattr(cmp, "MAX_PASSAGES", 15)
    monkeypatch.setattr(
        cmp, "shared_passages", lambda *a, **k: shared_passages(*a, max_reports_per_shingle=8, **k)
    )
    comps = compare(case, {})
    kept = comps.shared_passages
    assert len(full) > 30 and len(kept) == 15
    per_pair: dict[tuple[str, str], list[int]] = {}
    for p in kept:
        per_pair.setdefault((p.a, p.b), []).append(p.words)
    assert max(len(v) for v in per_pair.values()) <= 2
    omitted = comps.shared_passages_omitted
    assert omitted["passages"] == len(full) - 15
    assert omitted["per_pair_limit"] == 2 and omitted["limit"] == 15
    shown_more = sum(x["passages"] for x in omitted["pairs"])
    all_pairs = {(p.a, p.b) for p in full}
    assert omitted["other_pairs"] == len(all_pairs - set(per_pair))
    assert shown_more + sum(1 for p in full if (p.a, p.b) not in per_pair) == len(full) - 15
    for (a, b), ws in per_pair.items():  # the longest of each pair are the ones shown
        dropped = sorted((p.words for p in full if (p.a, p.b) == (a, b)), reverse=True)
        assert sorted(ws, reverse=True) == dropped[: len(ws)]
