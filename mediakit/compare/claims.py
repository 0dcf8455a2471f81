"""Claims over time: what each report says happened in the central event, and how sure it is.

The central event has a place (or actor) and verbs:

- the **place**: ``event_place`` in ``case.toml``; else gazetteer GPE/LOC/FAC entries named in
  the case title or summary; else, with spaCy docs, the GPE, LOC or ORG entity (the small model
  may tag an unknown town as ORG) named in the most headlines and lead sentences across
  reports, then in the most reports (:func:`main_places`);
- the **verbs**: ``event_verbs`` in ``case.toml``; else the domain of news-event verbs
  (control of a place, an attack, a disaster, a contest or election, a trial, a law, an office,
  a venture; see ``mediakit/data/compare/lexicon.toml``) that the headlines and lead sentences
  use most, plus root verbs that the headlines and leads of several reports share
  (:func:`event_verbs_of`).

A sentence is a claim when it names the place (or "the town", "the city" right after it)
together with an event verb. Each claim gets a status:

- ``disputed``: the sentence contradicts or withholds confirmation ("denied", "has not been
  confirmed"), or a contrasting source ("others say", "but some suggest") answers another
  source's claim in the same sentence or the next one;
- ``forecast``: the event verb itself is future or possible: a future or modal auxiliary
  governs it ("will storm", "could fall"), it is the complement of "about/expected/set to"
  or of a verb of intention in the present ("is working to capture"), or "on the verge of";
- ``claimed``: it pins the account on a source (an attribution record, or "according to",
  "said", "sources");
- ``fact``: stated by the report in its own voice.

Claims in the headline are marked ``in_headline``; :func:`headline_vs_body` says per report
whether the headline is surer than the body. :func:`find_claims` also says, in plain words,
why nothing was found when nothing was.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz.fuzz import ratio

from ..extract._doc import doc_ents, doc_matches
from ..records import ReportRecords
from ._common import (
    cue_pattern,
    fold,
    lexicon,
    name_key,
    norm,
    report_sentences,
    sentences,
    time_phrase,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..cases.case import Case, Report

STATUSES = ("fact", "claimed", "forecast", "disputed")
_CERTAINTY = {"forecast": 0, "disputed": 1, "claimed": 2, "fact": 3}
_PLACE_LABELS = ("GPE", "LOC", "FAC", "ORG")


@dataclass(frozen=True)
class Claim:
    """One sentence of one report about what happened in the central event."""

    report: str
    what: str
    text: str
    start: int
    end: int
    status: str
    in_headline: bool = False
    event: str = ""
    place: str = ""
    verb: str = ""
    cue: str | None = None
    source: str | None = None
    when: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- verb forms


def verb_forms(lemma: str, *, irregular: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """Every form of a verb by the regular English rules plus the irregular table:
    'capture' -> capture, captures, captured, capturing; 'cut off' -> cuts off, cut off ...;
    'take' -> takes, taking, took, taken."""
    irregular = irregular if irregular is not None else lexicon().get("irregular_verbs", {})
    lemma = lemma.strip().lower()
    if not lemma:
        return []
    first, _, rest = lemma.partition(" ")
    rest = f" {rest}" if rest else ""
    forms = {first}
    if re.search(r"(?:s|x|z|ch|sh|o)$", first):
        forms.add(first + "es")
    elif re.search(r"[^aeiou]y$", first):
        forms.add(first[:-1] + "ies")
    else:
        forms.add(first + "s")
    if first.endswith("e"):
        forms.update({first + "d", first[:-1] + "ing"})
    elif re.search(r"[^aeiou]y$", first):
        forms.update({first[:-1] + "ied", first + "ing"})
    else:
        forms.update({first + "ed", first + "ing"})
        if re.search(
            r"(?:[^aeiou]|qu)[aeiou][bdgklmnprt]$", first
        ):  # acquit -> acquitted, ban -> banned
            forms.update({first + first[-1] + "ed", first + first[-1] + "ing"})
    forms.update(irregular.get(first, ()))
    return sorted(f + rest for f in forms)


def _expand(verbs: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    irregular = lexicon().get("irregular_verbs", {})
    return {
        ev: sorted({f for v in vs for f in verb_forms(v, irregular=irregular)})
        for ev, vs in verbs.items()
    }


# --------------------------------------------------------------------------- the central event


def _lead_spans(r: Report, doc: Doc | None) -> list[tuple[int, int]]:
    """The headline and the first body sentences after it: where a report states its news
    (two sentences, as a headline is not always recognised)."""
    spans = []
    if r.headline:
        spans.append((r.headline.start, r.headline.end))
    after = r.headline.end if r.headline else r.body.start
    body = [(s, e) for s, e in report_sentences(r, doc) if s >= after]
    return spans + body[:2]


def main_places(
    case: Case, *, docs: Mapping[str, Doc] | None = None, top: int = 1
) -> list[tuple[str, tuple[str, ...]]]:
    """The case's central places: [(name, spelling variants)], most central first."""
    docs = docs or {}
    gaz = [e for e in case.gazetteer if e.label in ("GPE", "LOC", "FAC")]
    if case.event_place:
        variants = {case.event_place}
        key = name_key(case.event_place)
        for e in case.gazetteer:
            if key in {name_key(v) for v in (e.name, *e.variants)}:
                variants.update((e.name, *e.variants))
        for d in docs.values():
            for ent in doc_ents(d):
                if ent.label_ in _PLACE_LABELS and ratio(name_key(ent.text), key) >= 88:
                    variants.add(ent.text)
        return [(case.event_place, tuple(sorted(variants, key=len, reverse=True)))]
    if gaz:
        texts = [r.body_text for r in case.reports]
        head = fold(f"{case.title} {case.summary or ''}")
        scored = []
        for e in gaz:
            spellings = tuple(dict.fromkeys([e.name, *e.variants]))
            rx = _names_regex(spellings)
            count = sum(len(rx.findall(t)) for t in texts)
            in_title = bool(rx.search(case.title or ""))
            in_summary = bool(rx.search(head))
            scored.append(((in_title, in_summary, count), e.name, spellings))
        scored.sort(key=lambda s: s[0], reverse=True)
        chosen = [s for s in scored if s[0][0]] or scored[:top]
        return [(n, v) for _, n, v in chosen[: max(top, len([s for s in scored if s[0][0]]))]]
    if not docs:
        return []
    # clusters of spellings ("Maarat al-Numan", "Maaret al-Numan") of GPE/LOC/FAC/ORG entities
    clusters: list[dict[str, Any]] = []
    by_key: dict[str, dict[str, Any]] = {}
    for r in case.reports:
        rdoc = docs.get(r.id)
        if not doc_matches(rdoc, r.text):
            continue
        leads = _lead_spans(r, rdoc)
        for ent in doc_ents(rdoc):
            if ent.label_ not in _PLACE_LABELS or r.in_boilerplate(ent.start_char, ent.end_char):
                continue
            k = name_key(re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE))
            if len(k) < 3:
                continue
            c = by_key.get(k)
            if c is None:
                c = next((c for c in clusters if ratio(k, c["key"]) >= 88), None)
                if c is None:
                    c = {
                        "key": k,
                        "names": Counter(),
                        "labels": Counter(),
                        "reports": set(),
                        "lead": set(),
                        "count": 0,
                    }
                    clusters.append(c)
                by_key[k] = c
            c["names"][ent.text] += 1
            c["labels"][ent.label_] += 1
            c["reports"].add(r.id)
            c["count"] += 1
            if any(s <= ent.start_char and ent.end_char <= e for s, e in leads):
                c["lead"].add(r.id)

    def score(c: dict[str, Any]) -> tuple[float, int]:
        weight = 0.6 if c["labels"].most_common(1)[0][0] == "ORG" else 1.0
        return (weight * (3 * len(c["lead"]) + len(c["reports"])), c["count"])

    clusters = [c for c in clusters if c["lead"] or len(c["reports"]) >= 2]
    clusters.sort(key=score, reverse=True)
    out = []
    for c in clusters[:top]:
        name = c["names"].most_common(1)[0][0]
        out.append((name, tuple(sorted(c["names"], key=len, reverse=True))))
    return out


def event_verbs_of(
    case: Case,
    *,
    docs: Mapping[str, Doc] | None = None,
    domains: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
    not_event: Sequence[str] | None = None,
) -> dict[str, list[str]]:
    """The verbs of the central event: {what happened: [lemmas]}.

    ``event_verbs`` of the case when it names them; else the domain(s) of news-event verbs
    that the most reports use in their headline or lead sentence, plus root verbs that the
    headlines and leads of several reports share. Empty when the reports give no clue.
    """
    lex = lexicon()
    domains = domains if domains is not None else lex["event_domains"]
    if case.event_verbs:
        known = {fold(v): ev for dom in domains.values() for ev, vs in dom.items() for v in vs}
        out: dict[str, list[str]] = {}
        for v in case.event_verbs:
            out.setdefault(known.get(fold(v), fold(v)), []).append(v)
        return out
    docs = docs or {}
    skip = {
        fold(v) for v in (not_event if not_event is not None else lex.get("not_event_verbs", ()))
    }
    dom_rx = {
        name: cue_pattern(tuple(f for fs in _expand(dom).values() for f in fs))
        for name, dom in domains.items()
    }
    per_domain: Counter[str] = Counter()
    roots: dict[str, set[str]] = {}
    for r in case.reports:
        d = docs.get(r.id)
        d = d if doc_matches(d, r.text) else None
        leads = _lead_spans(r, d) if d is not None else _plain_leads(r)
        seen = set()
        for s, e in leads:
            chunk = r.text[s:e]
            for name, rx in dom_rx.items():
                if rx is not None and rx.search(chunk):
                    seen.add(name)
            if d is not None:
                span = d.char_span(s, e, alignment_mode="expand")
                for tok in span or ():
                    if tok.dep_ == "ROOT" and tok.pos_ == "VERB" and fold(tok.lemma_) not in skip:
                        roots.setdefault(fold(tok.lemma_), set()).add(r.id)
        per_domain.update(seen)
    if not per_domain:
        # no headline or lead says it: the domain the bodies use in the most reports
        for r in case.reports:
            per_domain.update(
                name for name, rx in dom_rx.items() if rx is not None and rx.search(r.body_text)
            )
    out = {}
    if per_domain:
        best = max(per_domain.values())
        for name, n in per_domain.items():
            if n == best:
                for ev, vs in domains[name].items():
                    out.setdefault(ev, []).extend(v for v in vs if v not in out.get(ev, []))
    listed = {fold(v) for vs in out.values() for v in vs}
    for lemma, ids in sorted(roots.items()):
        if len(ids) >= 2 and lemma not in listed:
            out.setdefault(lemma, []).append(lemma)
    return out


def _plain_leads(r: Report) -> list[tuple[int, int]]:
    spans = []
    if r.headline:
        spans.append((r.headline.start, r.headline.end))
    after = r.headline.end if r.headline else r.body.start
    body = [(s, e) for s, e in sentences(r.text, after, r.body.end) if not r.in_boilerplate(s, e)]
    return spans + body[:2]


def _names_regex(variants: Sequence[str]) -> re.Pattern[str]:
    alts = "|".join(
        re.escape(v).replace(r"\ ", r"\s+").replace("'", "['’]").replace("’", "['’]")
        for v in sorted(variants, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w])", re.IGNORECASE)


# --------------------------------------------------------------------------- claims


def claims(
    case: Case,
    records: Mapping[str, ReportRecords] | None = None,
    **options: Any,
) -> list[Claim]:
    """Every sentence of every report that says what happened in the central event.

    Options (keyword-only) as for :func:`find_claims`.
    """
    return find_claims(case, records, **options)[0]


def find_claims(
    case: Case,
    records: Mapping[str, ReportRecords] | None = None,
    *,
    docs: Mapping[str, Doc] | None = None,
    places: Sequence[tuple[str, Sequence[str]]] | None = None,
    event_verbs: Mapping[str, Sequence[str]] | None = None,
    forecast_auxiliaries: Sequence[str] | None = None,
    forecast_to_words: Sequence[str] | None = None,
    intention_verbs: Sequence[str] | None = None,
    forecast_phrases: Sequence[str] | None = None,
    dispute_cues: Sequence[str] | None = None,
    contrast_sources: Sequence[str] | None = None,
    contrast_markers: Sequence[str] | None = None,
    contrast_verbs: Sequence[str] | None = None,
    claim_cues: Sequence[str] | None = None,
    place_nouns: Sequence[str] | None = None,
    relation_words: Sequence[str] | None = None,
    event_nouns: Sequence[str] | None = None,
) -> tuple[list[Claim], str | None]:
    """Claims, and when there are none a plain reason why (else None).

    ``event_verbs`` maps what happened to verbs (lemmas or forms; every form is matched).
    """
    lex = lexicon()
    records = records or {}
    docs = docs or {}
    verbs = event_verbs if event_verbs is not None else event_verbs_of(case, docs=docs)
    central = list(places) if places is not None else main_places(case, docs=docs)
    forms = _expand(verbs)
    verb_to_event = {fold(f): ev for ev, fs in forms.items() for f in fs}
    verb_rx = cue_pattern(tuple(f for fs in forms.values() for f in fs))
    if not central or verb_rx is None:
        return [], _no_claims_reason(case, central, verbs, docs)
    fc = _ForecastRules(
        aux=[
            fold(a)
            for a in (
                forecast_auxiliaries
                if forecast_auxiliaries is not None
                else lex["forecast_auxiliaries"]
            )
        ],
        to_words=list(
            forecast_to_words if forecast_to_words is not None else lex["forecast_to_words"]
        ),
        intent=list(intention_verbs if intention_verbs is not None else lex["intention_verbs"]),
        phrases=list(forecast_phrases if forecast_phrases is not None else lex["forecast_phrases"]),
    )
    d_rx = cue_pattern(tuple(dispute_cues if dispute_cues is not None else lex["dispute_cues"]))
    contrast_rx = _contrast_regex(
        contrast_sources if contrast_sources is not None else lex["contrast_sources"],
        contrast_markers if contrast_markers is not None else lex["contrast_markers"],
        contrast_verbs if contrast_verbs is not None else lex["contrast_verbs"],
    )
    c_rx = cue_pattern(tuple(claim_cues if claim_cues is not None else lex["claim_cues"]))
    nouns = place_nouns if place_nouns is not None else lex["place_nouns"]
    ref_rx = re.compile(
        r"\bthe\s+(?:[\w-]+\s+)?(?:" + "|".join(map(re.escape, nouns)) + r")\b(?!\s+of\b)",
        re.IGNORECASE,
    )
    event_nouns = event_nouns if event_nouns is not None else lex["event_nouns"]
    noun_set = {fold(n) for n in event_nouns}
    rel = relation_words if relation_words is not None else lex["relation_words"]
    rel_rx = (
        re.compile(
            r"(?:" + "|".join(_phrase_rx(w) for w in rel) + r")\s*(?:the\s+)?$", re.IGNORECASE
        )
        if rel
        else None
    )
    central_rx = [(name, _names_regex(tuple(v))) for name, v in central]
    any_place_rx = _names_regex(
        tuple(
            v
            for e in case.gazetteer
            if e.label in ("GPE", "LOC", "FAC")
            for v in (e.name, *e.variants)
        )
        or ("\x00",)
    )

    out: list[Claim] = []
    for r in case.reports:
        rec = records.get(r.id)
        doc = docs.get(r.id)
        doc = doc if doc_matches(doc, r.text) else None
        head_norm = norm(r.text[r.headline.start : r.headline.end]) if r.headline else None
        last_place: str | None = None
        sents = report_sentences(r, doc)
        for i, (s, e) in enumerate(sents):
            sent = r.text[s:e]
            place = None
            for name, rx in central_rx:
                if rx.search(sent):
                    place = name
                    break
            ref = ref_rx.search(sent)
            if place is None and ref and last_place:
                place = last_place
            # remember the last place named, central or not, for "the town" in later sentences
            mentions: dict[int, str | None] = {
                m.start(): name for name, rx in central_rx for m in rx.finditer(sent)
            }
            for m in any_place_rx.finditer(sent):
                mentions.setdefault(m.start(), None)
            prev_place = last_place
            if mentions:
                last_place = mentions[max(mentions)]
            if place is None:
                continue
            # where the place is named: the place itself, or "the town" pointing back to it
            spots = [m for _, rx in central_rx for m in rx.finditer(sent)]
            if not spots and prev_place:
                spots = list(ref_rx.finditer(sent))
            vm = _event_verb(
                sent,
                verb_rx,
                spots,
                verb_to_event,
                rel_rx,
                pos_ok=_pos_checker(doc, r.text, s, event_nouns),
            )
            if vm is None:
                continue
            event = verb_to_event.get(fold(re.sub(r"\s+", " ", vm.group())), "")
            nxt = r.text[sents[i + 1][0] : sents[i + 1][1]] if i + 1 < len(sents) else ""
            status, cue, source = _status(
                sent,
                s,
                e,
                rec,
                vm=vm,
                doc=doc,
                fc=fc,
                noun_set=noun_set,
                d_rx=d_rx,
                contrast_rx=contrast_rx,
                c_rx=c_rx,
                next_sent=nxt,
            )
            in_head = bool(r.headline and r.headline.start < e and s < r.headline.end) or (
                head_norm is not None and norm(sent) == head_norm
            )
            out.append(
                Claim(
                    report=r.id,
                    what=f"{event} {place}",
                    text=sent,
                    start=s,
                    end=e,
                    status=status,
                    in_headline=in_head,
                    event=event,
                    place=place,
                    verb=vm.group(),
                    cue=cue,
                    source=source,
                    when=_last_time(r.text, s, s + vm.end()) or time_phrase(r.text, s, e),
                )
            )
    if not out:
        return [], _no_claims_reason(case, central, verbs, docs)
    return out, None


def _no_claims_reason(
    case: Case,
    central: Sequence[tuple[str, Sequence[str]]],
    verbs: Mapping[str, Sequence[str]],
    docs: Mapping[str, Doc],
) -> str:
    intro = (
        "No claims found: the kit looks for sentences that report the central event (a "
        "place or organisation named in several headlines or first sentences, together "
        "with an event verb such as captured, elected, convicted or passed)."
    )
    if not central:
        why = (
            "It found no central place: no place is named in the case title"
            + ("" if docs else ", and without the language model it cannot find names itself")
            + ", and no place or organisation recurs in the headlines and first sentences."
        )
    elif not verbs:
        why = (
            f"The central place seems to be {central[0][0]}, but the headlines and first "
            "sentences use no news-event verb the kit knows."
        )
    else:
        shown = ", ".join(sorted({v for vs in verbs.values() for v in vs})[:8])
        why = f"No sentence names {central[0][0]} together with one of the event verbs ({shown})."
    fix = (
        ' A case author can name the event in case.toml, e.g. event_place = "Springfield" '
        'and event_verbs = ["elect", "win"].'
    )
    return f"{intro} {why}{fix}"


def _phrase_rx(w: str) -> str:
    return r"(?<![\w-])" + re.escape(w).replace(r"\ ", r"\s+")


def _event_verb(
    sent: str,
    verb_rx: re.Pattern[str],
    spots: list[re.Match[str]],
    verb_to_event: dict[str, str],
    rel_rx: re.Pattern[str] | None,
    pos_ok: Callable[[int], bool] | None = None,
) -> re.Match[str] | None:
    """The event verb that speaks of the place: the one nearest a mention of the place that is
    not only a landmark ("near X", "in the vicinity of X", "south of X")."""
    best: tuple[int, re.Match[str]] | None = None
    for vm in verb_rx.finditer(sent):
        if pos_ok is not None and not pos_ok(vm.start()):
            continue
        event = verb_to_event.get(fold(re.sub(r"\s+", " ", vm.group())), "")
        for spot in spots:
            before = sent[max(0, spot.start() - 40) : spot.start()]
            if rel_rx is not None:
                rm = rel_rx.search(before)
                if rm and not (event == "withdrew" and fold(rm.group()).strip().startswith("from")):
                    continue
            dist = spot.start() - vm.end() if spot.start() >= vm.end() else vm.start() - spot.end()
            if best is None or dist < best[0]:
                best = (dist, vm)
    return best[1] if best else None


def _pos_checker(
    doc: Doc | None, text: str, offset: int, nouns: Sequence[str]
) -> Callable[[int], bool] | None:
    """With a parse: an event word must be a verb (or one of the event nouns, "the fall of")."""
    if not doc_matches(doc, text):
        return None
    allowed = {fold(n) for n in nouns}

    def ok(pos: int) -> bool:
        span = doc.char_span(offset + pos, offset + pos + 1, alignment_mode="expand")
        if span is None or not len(span):
            return True
        tok = span[0]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():
            return True  # Title Case Headlines confuse the tagger
        if tok.dep_ == "amod":
            return False  # "surrounding towns", "the remaining corridor": an adjective
        return (
            tok.pos_ in ("VERB", "AUX")
            or tok.tag_ in ("VBN", "VBD", "VBG", "VBZ", "VBP", "VB")
            or fold(tok.lemma_) in allowed
            or fold(tok.text) in allowed
        )

    return ok


def _last_time(text: str, start: int, end: int) -> str | None:
    """The last time phrase in text[start:end] (the one closest to the verb)."""
    found = None
    pos = start
    while pos < end:
        t = time_phrase(text, pos, end)
        if not t:
            break
        found = t
        idx = text.find(t, pos, end)
        if idx < 0:
            break
        pos = idx + len(t)
    return found


@dataclass(frozen=True)
class _ForecastRules:
    aux: list[str]
    to_words: list[str]
    intent: list[str]
    phrases: list[str]

    def before_rx(self) -> re.Pattern[str]:
        return _forecast_before_regex(
            tuple(self.aux), tuple(self.to_words), tuple(self.intent), tuple(self.phrases)
        )


_ADV = r"(?:[\w-]+ly\s+|not\s+|n['’]t\s+|still\s+|soon\s+|also\s+|now\s+|finally\s+)*"


def _re_alts(words: Sequence[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
        for w in sorted(set(words), key=len, reverse=True)
    )


_BEFORE_CACHE: dict[tuple[Any, ...], re.Pattern[str]] = {}


def _forecast_before_regex(
    aux: tuple[str, ...],
    to_words: tuple[str, ...],
    intent: tuple[str, ...],
    phrases: tuple[str, ...],
) -> re.Pattern[str]:
    """What may stand right before an event verb that is forecast (matched at the end of the
    text before the verb): "will (not) (be able to)", "is about to", "is working to", "plans to",
    "on the verge of"."""
    key = (aux, to_words, intent, phrases)
    if key in _BEFORE_CACHE:
        return _BEFORE_CACHE[key]
    be = r"(?:is|are|am|was|were|be|been|being|['’]s|['’]re|['’]m)"
    present_be = r"(?:is|are|am|['’]s|['’]re|['’]m)"
    intent_ing = "|".join(_ing(v) for v in intent)
    intent_3rd = "|".join(
        verb + "s" if not verb.endswith(("s", "sh", "ch")) else verb + "es" for verb in intent
    )
    alts = [
        rf"(?<![\w'’])(?:{_re_alts(aux)})\s+{_ADV}(?:(?:be|have)\s+{_ADV}(?:able\s+to\s+{_ADV})?)?",
        rf"(?:{be}\s+{_ADV})?(?:{_re_alts(to_words)})\s+to\s+{_ADV}(?:be\s+)?",
        rf"{present_be}\s+{_ADV}(?:{intent_ing})\s+(?:[\w-]+\s+)?to\s+{_ADV}",
        rf"(?<![\w-])(?:{intent_3rd}|{'|'.join(intent)})\s+to\s+{_ADV}",
        rf"(?:{_re_alts(phrases)})\s+(?:the\s+)?{_ADV}",
    ]
    rx = re.compile(r"(?:" + "|".join(alts) + r")$", re.IGNORECASE)
    _BEFORE_CACHE[key] = rx
    return rx


def _ing(v: str) -> str:
    if v.endswith("e") and not v.endswith("ee"):
        return v[:-1] + "ing"
    return v + "ing"


_CONTRAST_CACHE: dict[tuple[Any, ...], re.Pattern[str] | None] = {}


def _contrast_regex(
    sources: Sequence[str], markers: Sequence[str], verbs: Sequence[str]
) -> re.Pattern[str] | None:
    """A contrasting source and its reporting verb: "others suggest", "but some say",
    "however, other sources claimed"."""
    key = (tuple(sources), tuple(markers), tuple(verbs))
    if key in _CONTRAST_CACHE:
        return _CONTRAST_CACHE[key]
    if not sources or not verbs:
        return None
    who = rf"(?:(?<![\w-])(?:{_re_alts(sources)})"
    if markers:
        who += rf"|(?<![\w-])(?:{_re_alts(markers)}),?\s+(?:some|many)(?:\s+[\w-]+)?"
    who += ")"
    rx = re.compile(who + rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{_re_alts(verbs)})(?![\w-])", re.IGNORECASE)
    _CONTRAST_CACHE[key] = rx
    return rx


_TENSE_OK = {"VBZ", "VBP"}


def _forecast_by_parse(tok: Token, fc: _ForecastRules) -> str | None:
    """With a parse: a future or modal auxiliary on the event verb or on the verb whose clause
    holds it (through advcl, xcomp, conj; from an event noun, its governing verb), or a verb of
    intention in the present whose complement is the event verb."""
    aux = set(fc.aux)
    intent = {fold(v) for v in fc.intent}
    t = tok
    for _ in range(8):
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            # an event noun ("the fall of X will ...") or a clause hung on a noun ("militants
            # withdraw ..." misread as acl): the verb that governs the noun
            if (
                t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "compound", "poss")
                and t.head is not t
            ):
                t = t.head
                continue
            break
        for c in t.children:
            if c.dep_ in ("aux", "auxpass") and fold(c.text) in aux:
                return c.text
        if t.dep_ == "xcomp" and fold(t.head.lemma_) in intent:
            h = t.head
            present = h.tag_ in _TENSE_OK or (
                h.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in _TENSE_OK for c in h.children)
            )
            if present:
                return f"{h.text} to"
        if t.dep_ in ("advcl", "xcomp", "conj", "acl", "prep", "pcomp") and t.head is not t:
            t = t.head
            continue
        break
    return None


def _status(
    sent: str,
    s: int,
    e: int,
    rec: ReportRecords | None,
    *,
    vm: re.Match[str],
    doc: Doc | None,
    fc: _ForecastRules,
    noun_set: set[str],
    d_rx: re.Pattern[str] | None,
    contrast_rx: re.Pattern[str] | None,
    c_rx: re.Pattern[str] | None,
    next_sent: str = "",
) -> tuple[str, str | None, str | None]:
    m = d_rx.search(sent) if d_rx else None
    if m:
        return "disputed", m.group(), None
    # another source's claim in this sentence (outside the contrasting source itself)
    cm = contrast_rx.search(sent) if contrast_rx else None
    src = _source_in(sent, s, e, rec, c_rx, skip=(cm.start(), cm.end()) if cm else None)
    if cm and src is not None:
        return "disputed", cm.group(), src[1]
    # forecast: the event verb itself
    before = sent[: vm.start()]
    fm = fc.before_rx().search(before[-80:])
    if fm:
        return "forecast", re.sub(r"\s+", " ", fm.group()).strip(), None
    if doc is not None:
        span = doc.char_span(s + vm.start(), s + vm.end(), alignment_mode="expand")
        if span is not None and len(span):
            cue = _forecast_by_parse(span[0], fc)
            if cue:
                return "forecast", cue, None
    elif fold(vm.group()) in noun_set:
        am = re.search(
            r"(?<![\w'’])(?:" + _re_alts(fc.aux) + r")(?![\w-])", sent[vm.end() :], re.IGNORECASE
        )
        if am:
            return "forecast", am.group(), None
    if src is None and cm is not None:
        src = (cm.group(), None)
    if src is not None:
        # a contrasting source right after a source's claim disputes it
        nm = contrast_rx.search(next_sent) if contrast_rx and next_sent else None
        if nm and not cm:
            return "disputed", nm.group(), src[1]
        return "claimed", src[0], src[1]
    return "fact", None, None


def _source_in(
    sent: str,
    s: int,
    e: int,
    rec: ReportRecords | None,
    c_rx: re.Pattern[str] | None,
    skip: tuple[int, int] | None,
) -> tuple[str, str | None] | None:
    """(cue, source) of a source this sentence cites, outside ``skip`` (sentence offsets)."""
    if rec is not None:
        for a in rec.attributions:
            # the source or its cue must sit in this sentence (a parser's sentence can run
            # over a headline and the next line)
            if a.start < e and s < a.end:
                if skip and skip[0] <= a.start - s and a.end - s <= skip[1]:
                    continue
                return a.cue, a.source
    if c_rx is not None:
        for m in c_rx.finditer(sent):
            if skip and skip[0] <= m.start() and m.end() <= skip[1]:
                continue
            return m.group(), None
    return None


def headline_vs_body(case: Case, found: Sequence[Claim]) -> list[dict[str, Any]]:
    """Per report with a headline claim: the headline's status against the body's surest one."""
    out = []
    for r in case.reports:
        mine = [c for c in found if c.report == r.id]
        head = [c for c in mine if c.in_headline]
        body = [c for c in mine if not c.in_headline]
        if not head:
            continue
        h = max(head, key=lambda c: _CERTAINTY[c.status])
        b = max(body, key=lambda c: _CERTAINTY[c.status]) if body else None
        differs = b is None or _CERTAINTY[h.status] != _CERTAINTY[b.status]
        if b is None:
            why = f"The headline says '{h.status}', and the body never repeats the claim."
        elif _CERTAINTY[h.status] > _CERTAINTY[b.status]:
            why = f"The headline states it as {h.status}; the body at most as {b.status}."
        elif _CERTAINTY[h.status] < _CERTAINTY[b.status]:
            why = f"The body is surer ({b.status}) than the headline ({h.status})."
        else:
            why = f"Headline and body agree ({h.status})."
        out.append(
            {
                "report": r.id,
                "headline": h.status,
                "body": b.status if b else None,
                "differs": differs,
                "reason": why,
            }
        )
    return out
