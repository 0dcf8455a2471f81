"""Attributions: every place a report pins a claim on a source.

What counts (each rule is one a learner can apply by hand):

- a reporting verb with a subject that can speak: "X said / claimed / warned / reported /
  confirmed / accused / blamed / speculate / link", "X told MEE" (cue "told MEE"), "said X";
  the agent of a passive ("was described as ... by the fighter");
- "according to X" (and "according to reports by X": the source is X);
- reports as a source: "reports appeared that", "reports suggest" (source "reports",
  unspecified);
- indirect speech is covered by the verb rules ("He added that ...");
- every direct quotation with a speaker, when its cue verb was not already counted;
- a pronoun source ("he", "They also claim") gets ``resolves_to`` = the earlier description it
  stands for, and that description's source type; so does a relative "who" ("Ruiz, who wants
  a recount": the source is "who", standing for Ruiz), unless the noun it describes is already
  a source of the same sentence ("said Ruiz, who chairs the board");
- public acts of speech and stance with what they act on (``act_verbs``: "called for talks",
  "blasted the plan", "defended the vote"; ``object_act_verbs`` only on words or a document:
  "released a statement", not "released the hostages"; "declined to say whether ...", not
  "declined to comment") and the agent of such a verb in the passive ("proposed by the rail
  operator");
- a short name or noun opening a line before a colon ("Coach Duarte: Our defence needs ...",
  a headline or a transcript line).

The writer and the reader ("I", "we", "you") are never sources, and neither is a pronoun inside
what someone else is reported to say ("Ruiz said she plans to ...": one source, Ruiz).

Two decisions, so learners can see them and argue with them:

- a passive reporting verb with no one doing the reporting ("50 jihadists were reported
  killed", "he is said to be") IS an attribution, to an **unspecified** source: the claim is
  pinned on somebody the report does not name. ``source`` is then the verb phrase as written
  ("were reported") and the offsets are those of the verb phrase;
- the hedges "reportedly", "allegedly", "purportedly" are treated the same way: an
  unspecified attribution whose ``source`` is the hedge word itself. They are not named
  sources; the wording lesson also lists them as hedges.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Attribution, Quote
from ._doc import doc_text
from ._spans import SpanIndex
from .marks import quoted_spans
from .quotes import Resolver, cue_text, find_cue, inverted_subject, is_reporting, subject_of
from .speech import (
    PERSONAL_PRONOUNS,
    REPORTING_VERBS,
    Lexicon,
    Mention,
    classify,
    default_lexicon,
    is_source_like,
    make_mention,
    relative_antecedent,
    type_confidence,
)

if TYPE_CHECKING:  # spaCy is imported only where a text is parsed
    from spacy.tokens import Doc, Token

# The words these rules use (hearsay verbs, verbs that need a complement or a clause, report
# nouns, hedge adverbs) are Lexicon fields from data/speech/word_classes.toml. The dependency
# labels below are spaCy's own.
_COMPLEMENT_DEPS = {
    "ccomp",
    "xcomp",
    "dobj",
    "prep",
    "attr",
    "oprd",
    "advcl",
    "dative",
    "parataxis",
}


def _sentence(tok: Token) -> tuple[str, int, int]:
    s = tok.sent
    return s.text, s.start_char, s.end_char


def _inside(spans: SpanIndex, start: int, end: int) -> bool:
    return spans.covers(start, end)


def _has_complement(verb: Token) -> bool:
    return any(c.dep_ in _COMPLEMENT_DEPS for c in verb.children)


def attributions(
    doc: Doc,
    *,
    quotes: Sequence[Quote] = (),
    verbs: Iterable[str] = REPORTING_VERBS,
    lexicon: Lexicon | None = None,
    kinds: Mapping[str, str] | None = None,
) -> list[Attribution]:
    """Every attribution in ``doc``, in text order (see the module notes for what counts)."""
    verbs = frozenset(v.lower() for v in verbs)
    lexicon = (lexicon or default_lexicon()).with_kinds(kinds)
    text = doc_text(doc)
    quoted = SpanIndex(
        (s.inner_start, s.inner_end) for s in quoted_spans(text) if s.kind == "quote"
    )
    resolver = Resolver(doc, verbs, lexicon)
    out: dict[tuple[int, int], Attribution] = {}
    verb_sentences: set[int] = set()
    relatives: dict[tuple[int, int], int] = {}  # a "who" source -> where its noun starts

    def add(m: Mention, cue: str, anchor: Token, kind: str = "speech") -> None:
        if m.pronoun and _inside_own_report(anchor, verbs, lexicon):
            return  # "Ruiz said she plans to ...": part of what Ruiz said, not a second source
        sent, ss, se = _sentence(anchor)
        if (
            m.start <= anchor.idx < m.end
            and m.end > anchor.idx + len(anchor.text)
            and anchor.pos_ == "VERB"
            and m.head < anchor.i
        ):
            m = replace(
                m,
                text=text[m.start : anchor.idx].rstrip(),
                end=m.start + len(text[m.start : anchor.idx].rstrip()),
            )
        elif m.start == anchor.idx and m.end > anchor.idx + len(anchor.text):
            # "Said Ellis:" read by the model as one name: the source starts after the verb
            rest = text[anchor.idx + len(anchor.text) : m.end]
            start = m.end - len(rest.lstrip())
            m = replace(m, text=text[start : m.end], start=start)
        resolves_to = None
        m = resolver.retype(m)
        stype, named, confidence = m.source_type, m.named, m.confidence if not m.pronoun else "low"
        r = resolver.resolve(m)
        rel = relative_antecedent(doc[m.head])
        if rel is not None and not _is_reporting_lemma(anchor, verbs):
            relatives[(m.start, m.end)] = rel.idx
        if rel is not None:
            # "Clinton, who wants ...": the source is "who" as written, standing for the noun
            r = resolver.resolve(make_mention(rel, lexicon=lexicon))
            if r.pronoun:
                r = m
        if r is not m and not r.pronoun:
            # "he", "They", "the source": kept as written, typed as what they stand for
            resolves_to, stype, named, confidence = r.text, r.source_type, r.named, r.confidence
        if not m.pronoun:
            resolver.add(m)
        key = (m.start, m.end)
        if key in out:
            return
        out[key] = Attribution(
            source=m.text,
            start=m.start,
            end=m.end,
            source_type=stype,
            named=named,
            cue=cue,
            sentence=sent,
            sentence_start=ss,
            sentence_end=se,
            resolves_to=resolves_to,
            kind="document" if kind == "speech" and _is_document(doc[m.head], lexicon) else kind,
            type_confidence=confidence,
        )
        verb_sentences.add(ss)

    def unspecified(start: int, end: int, cue: str, anchor: Token) -> None:
        sent, ss, se = _sentence(anchor)
        key = (start, end)
        if key not in out:
            out[key] = Attribution(
                source=text[start:end],
                start=start,
                end=end,
                source_type="unspecified",
                named=False,
                cue=cue,
                sentence=sent,
                sentence_start=ss,
                sentence_end=se,
                type_confidence="high",  # the rule for hearsay decided: no one is named
            )

    for m, cue, anchor in _colon_sources(doc, text, lexicon):
        add(m, cue, anchor)
    for tok in doc:
        if _inside(quoted, tok.idx, tok.idx + len(tok.text)):
            continue
        low = tok.lower_
        # "the plan favoured by Republicans": the agent of a passive verb of stance or speech
        agent = _stance_agent(tok, verbs, lexicon)
        if agent is not None:
            add(
                make_mention(agent, lexicon=lexicon),
                cue_text(tok, lexicon=lexicon),
                tok,
                "belief" if _lemma(tok) in lexicon.belief_verbs else "speech",
            )
        # according to X
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            for g in doc[tok.i + 1].children:
                if g.dep_ == "pobj":
                    src = g
                    if g.lemma_.lower() in lexicon.report_nouns:
                        for p in g.children:
                            if p.dep_ == "prep" and p.lower_ in {"by", "from", "in"}:
                                for gg in p.children:
                                    if gg.dep_ == "pobj" and is_source_like(
                                        doc[gg.i : gg.i + 1], gg, lexicon=lexicon
                                    ):
                                        src = gg
                    add(make_mention(src, lexicon=lexicon), "according to", tok)
            continue
        # reportedly, allegedly
        if low in lexicon.hedge_sources:
            unspecified(tok.idx, tok.idx + len(tok.text), tok.text, tok)
            continue
        if not is_reporting(tok, verbs) and _continues_quote(tok, text, lexicon):
            # "“...,” she continued.", "He continued, “...”": words beside the quotation
            subj = subject_of(tok) or inverted_subject(
                tok, min(len(doc), tok.i + 6), lexicon=lexicon
            )
            if (
                subj is not None
                and subj.lower_ not in {"i", "we", "you"}
                and is_source_like(doc[subj.i : subj.i + 1], subj, lexicon=lexicon)
            ):
                add(make_mention(subj, lexicon=lexicon), cue_text(tok, lexicon=lexicon), tok)
            continue
        if not is_reporting(tok, verbs):
            # "reports appeared that ..."
            if tok.lemma_.lower() in lexicon.report_noun_verbs and tok.pos_ == "VERB":
                for c in tok.children:
                    if (
                        c.dep_ == "nsubj"
                        and c.lemma_.lower() in lexicon.report_nouns
                        and _has_complement(tok)
                    ):
                        add(make_mention(c, lexicon=lexicon), tok.text, tok)
                        break
                else:
                    _document_or_belief(tok, lexicon, add)
            else:
                _document_or_belief(tok, lexicon, add)
            continue
        lemma = tok.lemma_.lower()
        # "The city, thought to be mostly deserted": a hearsay participle with no one named
        if (
            tok.tag_ == "VBN"
            and tok.dep_ in {"acl", "advcl", "relcl"}
            and lemma in lexicon.passive_hearsay
        ):
            xc = [c for c in tok.children if c.dep_ == "xcomp"]
            if xc and not any(c.dep_ == "agent" for c in tok.children):
                last = xc[0] if xc[0].lemma_ == "be" else tok
                for c in xc[0].children:
                    if c.dep_ == "aux" and c.i > tok.i:
                        last = max(last, c, key=lambda t: t.i)
                end_tok = xc[0] if xc[0].lemma_ == "be" else last
                unspecified(
                    tok.idx, end_tok.idx + len(end_tok.text), doc[tok.i : end_tok.i + 1].text, tok
                )
                continue
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children)
        subj = subject_of(tok)
        if subj is None and not passive:
            # "“...,” said one HTS militant"
            subj = inverted_subject(tok, min(len(doc), tok.i + 9), lexicon=lexicon)
            if subj is not None and subj.dep_ not in {
                "nsubj",
                "dobj",
                "attr",
                "npadvmod",
                "appos",
                "dep",
            }:
                subj = None
        if subj is None and passive:
            # "was described as a ... by the fighter": a by-phrase the parser hung elsewhere
            subj = _by_phrase(tok, lexicon)
        if subj is None:
            if passive and lemma in lexicon.passive_hearsay:
                aux = [c for c in tok.children if c.dep_ == "auxpass"]
                start_tok = aux[0] if aux and aux[0].i < tok.i else tok
                unspecified(
                    start_tok.idx, tok.idx + len(tok.text), cue_text(tok, lexicon=lexicon), tok
                )
            continue
        if subj.lower_ == "it" and passive:
            continue
        if subj.lower_ in {"i", "we", "you", "me", "us"}:
            continue  # the writer or the reader: no source the report pins a claim on
        # "an official who asked not to be named": asking for anonymity pins no claim
        if subj.lower_ in {"who", "that"} and lemma == "ask" and not _has_clause(tok):
            continue
        if subj.dep_ == "nsubjpass" and subj.head.i == tok.i:
            continue
        subj_span = doc[subj.i : subj.i + 1]
        if not is_source_like(subj_span, subj, lexicon=lexicon) and not (
            # the subject of a verb of saying is its source, whatever the noun ("Other refugee
            # advocates said", "55 percent of voters say", "the lawsuit alleges")
            lemma in lexicon.say_verbs
            and subj.pos_ in {"NOUN", "PROPN", "NUM"}
            and subj.dep_ == "nsubj"
            or _is_document(subj, lexicon)
            and lemma in lexicon.evidence_verbs
        ):
            _document_or_belief(tok, lexicon, add)  # "The striker believes ..."
            continue
        # "As the Tribune first reported, ...": the clause of what was reported is the sentence
        as_clause = subj.i < tok.i and any(
            doc[j].lower_ == "as" and (j == doc[j].sent.start or doc[j - 1].is_punct)
            for j in range(max(0, subj.i - 5), subj.i)
        )
        if (
            lemma in lexicon.needs_complement
            and not _has_complement(tok)
            and not _next_to_quote(tok, quoted)
            and not as_clause
        ):
            continue
        if lemma in lexicon.needs_clause and not any(
            c.dep_ in {"ccomp", "xcomp"} for c in tok.children
        ):
            continue
        # "did not respond to a request for comment", "have not confirmed the cause": a
        # negated reporting verb with no clause of what was (not) said pins no claim on anyone
        if _negated(tok) and not _has_clause(tok) and not _next_to_quote(tok, quoted):
            continue
        # "will report to prison": "report" with only a place it goes to is not speech
        if (
            lemma == "report"
            and not any(
                c.dep_ in {"ccomp", "dobj", "xcomp", "parataxis"}
                or c.dep_ == "prep"
                and c.lower_ in {"on", "about"}
                for c in tok.children
            )
            and not as_clause
        ):
            continue
        # the verb of a relative clause or a participle modifying something else
        if tok.dep_ in {"amod", "acl"} and subj is None:
            continue
        add(make_mention(subj, lexicon=lexicon), cue_text(tok, lexicon=lexicon), tok)

    # quotes whose speaker was not found through a verb above (split quotes share one)
    spans_by_start = {sp.inner_start: sp for sp in quoted_spans(text) if sp.kind == "quote"}
    for q in quotes:
        if q.pull_quote or q.speaker is None or q.speaker_start is None or q.speaker_end is None:
            continue
        if (q.speaker_start, q.speaker_end) in out:
            continue
        qtok = _token_at(doc, q.start)
        if qtok is None:
            continue
        sent_start = qtok.sent.start_char
        if sent_start in verb_sentences or any(
            a.sentence_start <= q.start < a.sentence_end for a in out.values()
        ):
            continue
        if q.cue is None:
            continue
        stok = _token_at(doc, q.speaker_start)
        if stok is None:
            continue
        # the speaker as written in the quote's own sentence ("she" in "“...,” she sneered"),
        # resolved like any other source, rather than the antecedent the quote reports
        span = spans_by_start.get(q.start)
        if span is not None:
            verb, subj, _ = find_cue(doc, text, span, verbs, lexicon)
            if verb is not None and subj is not None:
                # (a quote of several sentences has its cue in the last one)
                add(make_mention(subj, lexicon=lexicon), q.cue, verb)
                continue
            if verb is None:
                # the quote has no cue of its own: it continues a split or earlier quote whose
                # cue was counted there (one attribution per cue)
                continue
        if any(a.start < q.speaker_end and q.speaker_start < a.end for a in out.values()):
            continue  # the speaker's mention is already a source ("Ilir Dushku" in "A baker, Ilir Dushku")
        out[(q.speaker_start, q.speaker_end)] = Attribution(
            source=q.speaker,
            start=q.speaker_start,
            end=q.speaker_end,
            source_type=q.speaker_type,
            named=q.speaker_type in {"named_person"} or False,
            cue=q.cue,
            sentence=qtok.sent.text,
            sentence_start=qtok.sent.start_char,
            sentence_end=qtok.sent.end_char,
            type_confidence=q.type_confidence,
        )
    # a pull quote repeats, for display, a quote already in the body: its credit line is no
    # second attribution of the speaker (the quote itself stays in the quotes list)
    pulls = _pull_regions(text, quotes)
    # "said Ana Ruiz, who chairs the board": the relative clause describes a source already
    # counted; its "who" is no second source
    for key, ante in list(relatives.items()):
        if any(a.start <= ante < a.end for k, a in out.items() if k != key):
            out.pop(key, None)
    return sorted(
        (a for a in out.values() if not any(s <= a.start < e for s, e in pulls)),
        key=lambda a: (a.start, a.end),
    )


def _is_document(tok: Token, lexicon: Lexicon) -> bool:
    """A report, poll, filing or record ("the lawsuit", "polls", "a statement")."""
    return tok.pos_ in {"NOUN", "PROPN"} and (
        tok.lemma_.lower() in lexicon.document_nouns or tok.lower_ in lexicon.document_nouns
    )


_BELIEF_COMPLEMENTS = {"ccomp", "xcomp", "dobj", "prep", "advcl"}


def _document_or_belief(
    verb: Token, lexicon: Lexicon, add: Callable[[Mention, str, Token, str], None]
) -> None:
    """Attributions beyond verbs of saying, each with what it pins as a complement:

    - a document, poll or record as the source of an evidence verb: "the lawsuit alleges that",
      "polls show Ortiz ahead", "the audit found ..." (kind "document");
    - a view or intention of someone who can hold one: "the coach believes the team can win",
      "the union wants talks", "the board backs the merger" (kind "belief").
    Negated verbs count too ("she does not expect a deal" pins a view on her); a verb inside a
    relative clause counts with the noun it describes only through its own subject.
    """
    if verb.pos_ not in {"VERB", "AUX"} or any(
        c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children
    ):
        return
    lemma = _lemma(verb)
    is_evidence = lemma in lexicon.evidence_verbs
    # "sees the plan as a trap": the "as" phrase may hang on the verb or on its object
    near = list(verb.children) + [g for c in verb.children if c.dep_ == "dobj" for g in c.children]
    is_belief = lemma in lexicon.belief_verbs or any(
        c.dep_ == "prep" and f"{lemma} {c.lower_}" in lexicon.belief_phrases for c in near
    )
    phrase = next(
        (
            f"{lemma} {c.lower_}"
            for c in verb.children
            if c.dep_ in {"prep", "prt"} and f"{lemma} {c.lower_}" in lexicon.act_verb_phrases
        ),
        None,
    )
    is_act = (
        phrase is not None
        or lemma in lexicon.act_verbs
        or lemma in lexicon.object_act_verbs
        and any(
            c.dep_ == "ccomp"
            or c.dep_ == "dobj"
            and (c.lemma_.lower() in lexicon.speech_objects or _is_document(c, lexicon))
            for c in verb.children
        )
        or lemma in lexicon.refusal_verbs
        and any(
            c.dep_ == "xcomp"
            and (
                _lemma(c) in lexicon.act_verbs | lexicon.belief_verbs
                or _lemma(c) in REPORTING_VERBS
            )
            and _has_clause(c)
            for c in verb.children
        )
    )
    if not (is_evidence or is_belief or is_act):
        return
    if phrase is None and not any(
        c.dep_ in _BELIEF_COMPLEMENTS | {"dative"} for c in verb.children
    ):
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in {"it", "there", "this", "that", "which", "what"}:
        return
    if is_evidence and _is_document(subj, lexicon):
        add(make_mention(subj, lexicon=lexicon), cue_text(verb, lexicon=lexicon), verb, "document")
        return
    if not (is_belief or is_act):
        return
    if subj.lower_ in {"i", "we", "you"}:
        return  # the writer or the reader
    # a finite verb or one with its auxiliary ("wants", "will back"), not a participle that
    # describes a noun ("militants planning an attack")
    if verb.tag_ in {"VBG", "VBN"} and not any(c.dep_ == "aux" for c in verb.children):
        return
    # someone who can hold a view: any person, body or named noun; a document or a thing
    # named by a document noun ("the bill supports families") holds none
    source_like = is_source_like(verb.doc[subj.i : subj.i + 1], subj, lexicon=lexicon)
    if _is_document(subj, lexicon) or not (
        source_like or subj.pos_ in {"NOUN", "PROPN"} and is_belief
    ):
        return
    add(
        make_mention(subj, lexicon=lexicon),
        cue_text(verb, lexicon=lexicon),
        verb,
        "belief" if is_belief else "speech",
    )


# lemmas the small English model gets wrong for verbs these rules read ("hopes" -> "hop")
_LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}


def _lemma(tok: Token) -> str:
    return _LEMMA_FIXES.get(tok.lower_, tok.lemma_.lower())


def _inside_own_report(verb: Token, verbs: frozenset[str], lexicon: Lexicon) -> bool:
    """True if ``verb`` stands in the clause of what someone else is reported to say or think
    ("Ruiz said she plans to ...", "Ortiz told the crowd that he knows ..."): its pronoun
    subject is that speaker again, and the clause is the content of the outer attribution."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or tok.head is tok:
            return False
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"} and (
            is_reporting(tok, verbs) or _lemma(tok) in lexicon.belief_verbs
        ):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            return subj is not None and subj.pos_ in {"PROPN", "NOUN"}
    return False


def _continues_quote(verb: Token, text: str, lexicon: Lexicon) -> bool:
    """``“...,” she continued.`` / ``He continued, “...”`` / ``Ruiz went on: “...”``: a verb of
    going on (``continue_verbs``) reports words only right beside a quotation mark."""
    if verb.pos_ not in {"VERB", "AUX"} or _lemma(verb) not in lexicon.continue_verbs:
        return False
    if any(c.dep_ in {"dobj", "xcomp"} for c in verb.children):
        return False  # "continued the tour", "continued to campaign"
    if _lemma(verb) == "go" and not any(
        c.dep_ == "prt" and c.lower_ == "on" for c in verb.children
    ):
        return False  # only "went on"
    doc = verb.doc
    last = max([verb] + [c for c in verb.children if c.dep_ == "prt"], key=lambda t: t.i)
    after = text[last.idx + len(last.text) : last.idx + len(last.text) + 4].lstrip(" ,:")
    before = text[max(0, verb.idx - 40) : verb.idx].rstrip()
    subj = subject_of(verb)
    if subj is not None and subj.i < verb.i:
        before = text[max(0, doc[subj.left_edge.i].idx - 4) : doc[subj.left_edge.i].idx].rstrip()
    return after[:1] in _QUOTE_MARKS or before[-1:] in _QUOTE_MARKS


def _stance_agent(verb: Token, verbs: frozenset[str], lexicon: Lexicon) -> Token | None:
    """``favoured by Republicans``, ``rejected by 59 percent of voters``: the agent of a passive
    verb of stance or public speech (a reporting verb's agent is read with the verb rules)."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN" or is_reporting(verb, verbs):
        return None
    lemma = _lemma(verb)
    if lemma not in lexicon.act_verbs and lemma not in lexicon.belief_verbs:
        return None
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj" and (g.pos_ in {"NOUN", "PROPN", "NUM"}):
                    return g
    return None


_QUOTE_MARKS = "\"“”‘’'«»„"


def _colon_sources(doc: Doc, text: str, lexicon: Lexicon) -> list[tuple[Mention, str, Token]]:
    """``Ruiz: Budget will pass`` (a headline), ``MODERATOR: Thank you all`` (a transcript): a
    short name or noun that opens a line and ends at a colon gives the words after it."""
    out = []
    for mt in re.finditer(r"(?m)^[ \t]*([^\n:]{1,60}?):[ \t]+\S", text):
        s, e = mt.start(1), mt.end(1)
        span = doc.char_span(s, e, alignment_mode="expand")
        if (
            span is None
            or not 1 <= len(span) <= 6
            or text[s:e].strip().lower() in lexicon.colon_non_sources
        ):
            continue
        line_end = text.find("\n", e)
        after = text[e + 1 : len(text) if line_end < 0 else line_end]
        if len(after.split()) < 4 or "@" in after or text[s] in _QUOTE_MARKS:
            continue  # a list of short items ("Ruiz: hold on."), a contact line, a transcript
        words = [t for t in span if not t.is_punct]
        if (
            not words
            or words[0].lower_.rstrip(".") in lexicon.colon_non_sources
            and len(words) == 1
        ):
            continue
        if any(t.pos_ in {"VERB", "AUX"} and t.tag_ in {"VBD", "VBZ", "VBP"} for t in span):
            continue  # a clause ("The answer is:"), not a name
        if not any(t.text[:1].isupper() for t in words):
            continue
        head = span.root
        if head.lower_ in lexicon.colon_non_sources:
            continue  # "Editor's note:"
        if not (
            head.pos_ in {"PROPN", "NOUN"}
            and is_source_like(doc[head.i : head.i + 1], head, lexicon=lexicon)
            or head.text.isupper()
            and len(head.text) > 1
        ):
            continue
        colon = doc.char_span(e, e + 1, alignment_mode="expand")
        anchor = colon[0] if colon is not None and len(colon) else head
        stype, named = classify(span, head, lexicon=lexicon)
        m = Mention(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            source_type=stype,
            named=named,
            head=head.i,
            confidence=type_confidence(span, head, lexicon=lexicon),
        )
        out.append((m, ":", anchor))
    return out


def _is_reporting_lemma(tok: Token, verbs: frozenset[str]) -> bool:
    return tok.lemma_.lower() in verbs


def _pull_regions(text: str, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """The display lines of each pull quote: from the start of its line to the end of its
    credit line ("- Rebel fighter")."""
    regions = []
    for q in quotes:
        if not q.pull_quote:
            continue
        start = text.rfind("\n", 0, q.start) + 1
        last = max(q.end, q.speaker_end or q.end)
        end = text.find("\n", last)
        regions.append((start, len(text) if end < 0 else end))
    return regions


def _by_phrase(verb: Token, lexicon: Lexicon | None) -> Token | None:
    doc = verb.doc
    for t in doc[verb.i + 1 : verb.sent.end]:
        if t.lower_ == "by" and verb in t.ancestors:
            for g in t.children:
                if g.dep_ == "pobj" and is_source_like(doc[g.i : g.i + 1], g, lexicon=lexicon):
                    return g
    return None


def _negated(verb: Token) -> bool:
    """``did not respond``, ``would not comment``, ``have never confirmed``; for a verb joined to
    another by "and"/"but", its own negation only."""
    return any(c.dep_ == "neg" for c in verb.children)


def _has_clause(verb: Token) -> bool:
    """A finite clause of what was said ("asked whether ...", "asked that ...")."""
    return any(c.dep_ == "ccomp" for c in verb.children)


def _next_to_quote(tok: Token, quoted: SpanIndex) -> bool:
    s = tok.sent
    return quoted.touches(s.start_char - 2, s.end_char + 2)


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


__all__ = ["attributions", "PERSONAL_PRONOUNS"]
