"""Shared passages and lifted quotes."""

from __future__ import annotations

from compare_helpers import case_from, gold, quote, records

from mediakit.compare import compare, shared_passages

WIRE = (
    "Government forces advanced on the northern town on Sunday after three days of heavy "
    "shelling, local officials said, and thousands of residents left their homes overnight."
)


def test_two_reports_sharing_a_wire_story_are_found_despite_punctuation(make_case):
    a = f"Town falls\n\nOur report. {WIRE} The mayor was not available.\n"
    b = (
        "Another outlet\n\nIn other news today. Government forces advanced on the northern town "
        "on Sunday -- after three days of heavy shelling... local officials said; and thousands "
        "of residents left their homes overnight! Weather next.\n"
    )
    case = case_from(make_case, {"a.txt": a, "b.txt": b})
    ps = shared_passages(case)
    assert len(ps) == 1
    p = ps[0]
    assert (p.a, p.b) == ("a", "b")
    assert case.report("a").text[p.a_start : p.a_end].startswith("Government forces advanced")
    assert case.report("b").text[p.b_start : p.b_end].endswith("homes overnight")
    assert p.similarity >= 0.95 and p.words >= 25
    assert p.kind == "text" and not p.boilerplate


def test_small_edits_and_inserted_words_do_not_split_a_passage(make_case):
    a = f"Title one\n\n{WIRE}\n"
    b = WIRE.replace("heavy", "intense").replace(
        "local officials said", "officials in the town said"
    )
    case = case_from(make_case, {"a.txt": a, "b.txt": f"Title two\n\n{b}\n"})
    ps = shared_passages(case)
    assert len(ps) == 1
    assert 0.8 < ps[0].similarity < 1.0


def test_short_stock_phrases_are_not_listed(make_case):
    a = "Report one\n\nThe Syrian Arab Army and its allies moved forward. Nothing else happened here today.\n"
    b = "Report two\n\nWitnesses say the Syrian Arab Army and its allies withdrew. Rain fell all day long.\n"
    case = case_from(make_case, {"a.txt": a, "b.txt": b})
    assert shared_passages(case) == []


QUOTE = "We have no bread and no water left, and nobody is coming to help us now"


def test_quote_copied_with_credit_and_without(make_case):
    orig = (
        f"Siege diary\n\nA resident, speaking to Daily Example, described the siege. "
        f"\u201c{QUOTE},\u201d she said.\n"
    )
    credited = (
        f'Siege goes on\n\nA resident told Daily Example: "{QUOTE}". The council did not comment.\n'
    )
    lifted = (
        f"City in crisis\n\nThe situation is grave. '{QUOTE}' said one local woman. More soon.\n"
    )
    toml = """
[[reports]]
file = "orig.txt"
id = "orig"
outlet = "Daily Example"
[[reports]]
file = "credited.txt"
id = "credited"
outlet = "Other Post"
[[reports]]
file = "lifted.txt"
id = "lifted"
outlet = "Third Times"
"""
    case = case_from(
        make_case, {"orig.txt": orig, "credited.txt": credited, "lifted.txt": lifted}, toml
    )
    recs = {
        "orig": records("orig", quotes=[quote(orig, QUOTE, "A resident")]),
        "credited": records("credited", quotes=[quote(credited, QUOTE, "A resident")]),
        "lifted": records("lifted", quotes=[quote(lifted, QUOTE, "one local woman")]),
    }
    ps = {(p.a, p.b): p for p in shared_passages(case, recs)}
    c = ps[("orig", "credited")]
    assert c.kind == "quote" and c.credited and c.origin == "orig" and c.copy == "credited"
    assert "Daily Example" in (c.credit or "")
    u = ps[("orig", "lifted")]
    assert u.kind == "quote" and not u.credited and u.origin == "orig" and u.copy == "lifted"
    assert u.relabelled and u.a_speakers == ("A resident",) and u.b_speakers == ("one local woman",)
    assert "without naming Daily Example" in u.reason


DISCLAIMER = (
    "Disclaimer: The contents of this article are of sole responsibility of the author. "
    "The Example Centre will not be responsible for any inaccurate or incorrect statement "
    "in this article, and grants permission to cross-post as long as the source is acknowledged."
)


def test_shared_boilerplate_is_flagged_and_can_be_dropped(make_case):
    a = f"First story\n\nThe army shelled the valley on Monday and then moved on.\n\n{DISCLAIMER}\n"
    b = f"Second story\n\nFloods hit the coast after a week of storms in the south.\n\n{DISCLAIMER}\n"
    case = case_from(make_case, {"a.txt": a, "b.txt": b})
    ps = shared_passages(case)
    assert len(ps) == 1 and ps[0].boilerplate
    assert shared_passages(case, include_boilerplate=False) == []


def test_a_single_report_shares_nothing(make_case):
    case = case_from(make_case, {"a.txt": f"Only one\n\n{WIRE}\n"})
    assert shared_passages(case) == []


def test_seed_mee_quotes_reused_by_21wire_uncredited_and_relabelled(seed_analysis):
    comps = seed_analysis.comparisons
    lifted = [p for p in comps.shared_passages if {p.a, p.b} == {"21wire", "mee"}]
    assert lifted, "the rebel fighter's words in 21st Century Wire were not found"
    heavy = [p for p in lifted if "heavy arms" in p.a_text]
    assert heavy and all(
        not p.credited and p.origin == "mee" and p.copy == "21wire" for p in lifted
    )
    p = heavy[0]
    assert "undeveloped" in p.a_text and "undeveloped" in p.b_text  # the ellipsis joins both parts
    assert p.kind == "quote"
    assert any("HTS" in s for s in p.a_speakers)
    assert any("rebel" in s.lower() for s in p.b_speakers)
    assert p.relabelled
    assert "Middle East Eye" in p.reason


def test_seed_boilerplate_does_not_flood_the_list(seed_analysis):
    ps = seed_analysis.comparisons.shared_passages
    real = [p for p in ps if not p.boilerplate]
    assert len(real) <= 6
    gr = [p for p in ps if {p.a, p.b} == {"globalresearch-sf-jan26", "globalresearch-sf-jan31"}]
    assert gr and all(p.boilerplate for p in gr)


def test_seed_matches_the_gold_passages(seed_analysis):
    case = seed_analysis.case
    ps = seed_analysis.comparisons.shared_passages
    by_file = {r.file: r for r in case.reports}
    missed = []
    for g in gold()["shared_passages"]:
        ra, rb = by_file[g["a"]], by_file[g["b"]]
        ga = _occ(ra.text, g["a_text"], g.get("a_occurrence", 0))
        gb = _occ(rb.text, g["b_text"], g.get("b_occurrence", 0))
        hit = None
        for p in ps:
            spans = {p.a: (p.a_start, p.a_end), p.b: (p.b_start, p.b_end)}
            if set(spans) != {ra.id, rb.id}:
                continue
            if _overlaps(spans[ra.id], ga) and _overlaps(spans[rb.id], gb):
                hit = p
                break
        if hit is None:
            if len(g["a_text"].split()) >= 5:
                missed.append(g["a_text"][:50])
            continue
        assert hit.credited == g["credited"], g["a_text"][:60]
        assert hit.boilerplate == g["boilerplate"], g["a_text"][:60]
    assert not missed, missed
    # nothing substantive beyond the gold
    gold_pairs = {
        frozenset((by_file[g["a"]].id, by_file[g["b"]].id)) for g in gold()["shared_passages"]
    }
    assert all(frozenset((p.a, p.b)) in gold_pairs for p in ps)


def _occ(text: str, part: str, n: int) -> tuple[int, int]:
    i = -1
    for _ in range(n + 1):
        i = text.index(part, i + 1)
    return i, i + len(part)


def _overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def test_compare_exposes_the_contract_keys(seed_analysis):
    d = seed_analysis.comparisons.to_dict()
    for key in (
        "shared_passages",
        "figure_groups",
        "labels",
        "claims",
        "same_author_groups",
        "source_mix",
    ):
        assert key in d
    p = d["shared_passages"][0]
    for key in ("a", "a_start", "a_end", "b", "b_start", "b_end", "similarity", "credited"):
        assert key in p


def test_compare_on_a_case_without_records(seed_case):
    comps = compare(seed_case, {})
    assert comps.shared_passages and comps.labels and comps.same_author_groups
    assert comps.figure_groups == () and comps.source_mix == ()
