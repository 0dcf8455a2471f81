"""Hand-made records for the seed case, for display tests that must not depend on extractors.

Every record is located by searching its words in the report text, so the offsets stay right
if a record is added; nothing here is used by the kit itself. Also copied next to the browser
test notebook. ``handmade_analysis(case)`` returns a CaseAnalysis without parsing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mediakit.analysis import CaseAnalysis
from mediakit.cases import Case, Report
from mediakit.compare.passages import SharedPassage
from mediakit.records import Attribution, Figure, LoadedTerm, Quote, ReportRecords


@dataclass(frozen=True)
class Member:
    report: str
    start: int
    end: int
    value: float | None


@dataclass(frozen=True)
class Group:
    what: str
    members: tuple[Member, ...]
    verdict: str


@dataclass(frozen=True)
class Comps:
    shared_passages: tuple[Any, ...] = ()
    figure_groups: tuple[Any, ...] = ()
    labels: tuple[Any, ...] = ()
    claims: tuple[Any, ...] = ()


def at(report: Report, words: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``words`` in the report text."""
    pos = -1
    for _ in range(nth + 1):
        pos = report.text.find(words, pos + 1)
        if pos < 0:
            raise ValueError(f"{words!r} not found in {report.id}")
    return pos, pos + len(words)


def q(
    r: Report,
    words: str,
    speaker: str | None,
    kind: str,
    cue: str | None,
    *,
    nth: int = 0,
    partial: bool = False,
    pull: bool = False,
) -> Quote:
    s, e = at(r, words, nth)
    return Quote(words, s, e, speaker, kind, cue, partial, pull_quote=pull)


def a(
    r: Report,
    words: str,
    kind: str,
    cue: str,
    sentence: str = "",
    *,
    nth: int = 0,
    named: bool = False,
) -> Attribution:
    s, e = at(r, words, nth)
    return Attribution(words, s, e, kind, named, cue, sentence or words)


def f(
    r: Report,
    words: str,
    value: float | None,
    what: str,
    source: str | None = None,
    *,
    nth: int = 0,
) -> Figure:
    s, e = at(r, words, nth)
    return Figure(words, s, e, value, what, source, vague=value is None)


def t(r: Report, words: str, category: str, *, nth: int = 0, note: str = "") -> LoadedTerm:
    s, e = at(r, words, nth)
    return LoadedTerm(words, s, e, category, lemma=words.lower(), note=note)


def handmade_records(case: Case) -> dict[str, ReportRecords]:
    w = case.report("21wire")
    m = case.report("mee")
    s = case.report("sputnik")
    g = case.report("globalresearch-sf-jan26")
    miracle = "We are in a very desperate position and we need a miracle,"
    recs = {
        w.id: ReportRecords(
            w.id,
            quotes=(
                q(
                    w,
                    "We need new heavy arms to deter Russia’s advanced weaponry …. We possess "
                    "anti-armour missiles but they are old and undeveloped. They cannot counter "
                    "modern Russian tanks,",
                    "one HTS militant",
                    "anonymous_person",
                    "said",
                ),
                q(w, miracle, "one HTS militant", "anonymous_person", "added"),
            ),
            attributions=(
                a(w, "one HTS militant", "anonymous_person", "said"),
                a(w, "pro-government sources", "partisan_unnamed", "According to"),
                a(w, "government sources", "partisan_unnamed", "claimed", nth=1),
                a(w, "Pro-opposition sources", "partisan_unnamed", "blame"),
                a(w, "the Libyan National Army", "official_body", "claims", named=True),
            ),
            figures=(
                f(w, "over 8,000", 8000, "fighters sent to Libya", "the Libyan National Army"),
                f(w, "at least 2,400", 2400, "fighters sent to Libya"),
            ),
            loaded_terms=(
                t(w, "Liberates", "victory_framing"),
                t(w, "terrorist brigades", "actor_labeling"),
                t(w, "all-important", "intensifier"),
                t(w, "militant", "actor_labeling", nth=2),  # inside "one HTS militant"
                t(w, "liberated", "victory_framing"),
                t(w, "so-called", "scare_quotes"),
            ),
        ),
        m.id: ReportRecords(
            m.id,
            quotes=(
                q(
                    m,
                    "We are in a very desperate position and we need a miracle",
                    "Rebel fighter",
                    "anonymous_person",
                    None,
                    pull=True,
                ),
                q(m, "miracle", "One rebel fighter", "anonymous_person", "said", partial=True),
                q(
                    m,
                    "We need new heavy arms to deter Russia’s advanced weaponry,",
                    "One rebel fighter",
                    "anonymous_person",
                    "said",
                ),
                q(m, miracle, "the fighter", "anonymous_person", "said"),
                q(
                    m,
                    "Maarat al-Numan and surrounding towns have been deserted by civilians. "
                    "People are afraid to get killed in the offensive, or get detained,",
                    "Akram al-Masri",
                    "named_person",
                    "said",
                ),
            ),
            attributions=(
                a(m, "Some sources", "unspecified", "have reported"),
                a(m, "One rebel fighter", "anonymous_person", "said"),
                a(m, "displaced activist\u00a0Akram al-Masri", "named_person", "said", named=True),
            ),
            figures=(f(m, "hundreds of thousands", None, "people displaced"),),
            loaded_terms=(
                t(m, "significant victory", "victory_framing"),
                t(m, "reportedly", "hedge"),
                t(m, "obliterated", "violence_framing"),
                t(m, "Assad's troops", "actor_labeling"),
            ),
        ),
        s.id: ReportRecords(
            s.id,
            quotes=(
                q(
                    s,
                    "The Army units began to strengthen their positions in Maarat al-Numan. At "
                    "the same time, the Syrian Army’s engineering troops began to de-mine the "
                    "area,",
                    "a Syrian military source",
                    "official_body",
                    "said",
                ),
                q(
                    s,
                    "in the strongest way, without hesitation,",
                    "Turkey’s Defence Ministry",
                    "official_body",
                    "warned",
                    partial=True,
                ),
            ),
            attributions=(
                a(s, "a Syrian military source", "official_body", "has said"),
                a(s, "A Sputnik photojournalist", "media_outlet", "confirmed"),
                a(s, "the Russian Defence Ministry", "official_body", "warned"),
                a(
                    s,
                    "the Russian Defence Ministry’s Centre for Syrian Reconciliation",
                    "official_body",
                    "reported",
                    named=True,
                ),
            ),
            figures=(
                f(s, "40", 40, "soldiers killed", "Centre for Syrian Reconciliation"),
                f(s, "80", 80, "soldiers wounded", "Centre for Syrian Reconciliation"),
                f(s, "50", 50, "fighters killed", "Centre for Syrian Reconciliation"),
                f(s, "40 villages", 40, "villages taken"),
                f(s, "hundreds of thousands", None, "deaths in the war"),
            ),
            loaded_terms=(
                t(s, "terrorist militants", "actor_labeling"),
                t(s, "‘moderate’", "scare_quotes"),
                t(s, "notorious", "intensifier"),
                t(s, "jihadists", "actor_labeling"),
                t(s, "liberated", "victory_framing"),
            ),
        ),
        g.id: ReportRecords(
            g.id,
            attributions=(a(g, "According to reports", "unspecified", "According to"),),
            figures=(
                f(g, "over 30", 30, "fighters killed", "reports"),
                f(g, "Four", 4, "vehicles destroyed"),
            ),
            loaded_terms=(t(g, "liberated", "victory_framing"), t(g, "reportedly", "hedge")),
        ),
    }
    for r in case.reports:
        recs.setdefault(r.id, ReportRecords(r.id))
    return recs


def handmade_comparisons(case: Case) -> Comps:
    w = case.report("21wire")
    m = case.report("mee")
    miracle = "We are in a very desperate position and we need a miracle,"
    ws, we = at(w, miracle)
    ms, me = at(m, miracle)
    s = case.report("sputnik")
    g = case.report("globalresearch-sf-jan26")
    s40 = at(s, "40")
    g30 = at(g, "over 30")
    return Comps(
        shared_passages=(SharedPassage(w.id, ws, we, m.id, ms, me, 1.0, False),),
        figure_groups=(
            Group(
                "fighters killed",
                (Member(s.id, *at(s, "50"), 50), Member(g.id, *g30, 30)),
                "differ",
            ),
            Group("soldiers killed", (Member(s.id, *s40, 40),), "single source"),
        ),
    )


def handmade_analysis(case: Case, *, comparisons: bool = True) -> CaseAnalysis:
    """A CaseAnalysis of ``case`` with the hand-made records (and comparisons, if asked)."""
    from mediakit.compare import Comparisons

    comps: Any = handmade_comparisons(case) if comparisons else Comparisons()
    return CaseAnalysis(
        case=case, model={"name": "handmade"}, records=handmade_records(case), comparisons=comps
    )
