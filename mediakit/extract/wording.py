"""Loaded wording: words from a lexicon of loaded terms, found by lemma in a parsed report.

The lexicon is data (``mediakit/data/lexicon/*.toml``, one file per category; README.md there
says where every entry comes from). Categories: victory_framing, violence_framing,
actor_labeling, hedge, intensifier, scare_quotes, loaded_verb, evaluative, doubt_casting,
dismissive.

How a word is matched:

- **By lemma.** An entry is written in its base form; "liberate" finds liberate, liberates,
  liberated, liberating (spaCy's lemma, and for words the tagger took for names, as in
  Title Case headlines, the regular inflections of the entry). Entries of several words
  ("regain control", "thought to be") match word by word.
- **Whole hyphenated words only.** spaCy splits "pro-militant" into three tokens, but
  "pro-militant" is not "militant", "Rebel-backer" is not "rebel" and "anti-terrorist" is
  not "terrorist": a match glued by a hyphen to another word is dropped. A hyphenated entry
  ("all-important", "so-called") matches as a whole, and ``*-linked`` stands for any word
  ending in "-linked" ("al-Qaeda-linked").
- **The longest match wins** where matches overlap ("regained control", not "regained").
- **Senses the parse can tell apart** (an entry's ``pos`` and ``sense`` keys): "free" only
  as a verb ("free the town", not "free of charge"); "storm" only as a verb; "may" only as
  the modal; "fall" only when a place falls ("the town fell", "about to fall to the army",
  "the fall of Kabul"), not prices falling or autumn; "clear" only with "of" and a place
  ("cleared the area of terrorists", not "cleared a backlog of samples" or "cleared of
  wrongdoing"); "regime" not after a common noun ("ceasefire regime"); "could" not before
  "not" nor in a time clause ("once crews could enter": ability); "crushing" before a noun
  is victory framing, "crush" as a verb violence framing; "landslide" only in a sentence
  about an election; "boss" not as the job title before a name ("union bosses", not "Rovers
  boss Ann Lee"); "reduce to rubble" and "demolish" not of buildings. An entry's ``not_next`` words also rule it out as the noun it modifies
  ("suspected cholera cases") or as the verb's object ("regained consciousness").
- **Adverbs by rule.** The -ly adverb of a one-word adjective the lexicon lists is loaded
  the same way ("radical" -> "radically"); so is a manner adverb on a verb whose adjective
  is strongly subjective in Pattern's lexicon (``data/lexicon/subjective_adjectives.txt``:
  "angrily rejected", "harshly criticised"), but not adverbs of time and order ("finally").
- **Coined compounds** before a noun ("a gun-toting crowd", "a cradle-to-grave scheme")
  are judging words; compounds with a prefix, a number or a fixed "and"/"of" are not.
- **Senses by the doer.** "threaten" only of people and bodies ("the senator threatened
  to", not "rising seas threaten homes"); "suggest" a hedge only of evidence ("the data
  suggest"; a person who suggests is an attribution); "virus", "flu" and the like only
  with a place's or a people's name before them ("the Wuhan virus").
- **The writer's own words.** Words inside quotations (quote marks of kind "quote") are the
  speaker's, not the outlet's, and are skipped unless ``in_quotes=True``.
- **Scare quotes** come from :func:`mediakit.extract.marks.quoted_spans` (kind "scare"): the
  term is the words inside the marks. Lexicon words inside a scare quote are not listed a
  second time. Marks right after "so-called" (or "self-styled") are scare quotes whatever
  kind the pairing gave them: 'the so-called "peaceful protesters"'.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..errors import MediakitError
from ..records import LoadedTerm
from ._doc import doc_text, ent_of
from ._spans import SpanIndex
from .speech import load_list

if TYPE_CHECKING:  # spaCy is imported only where a text is parsed
    from spacy.tokens import Doc, Token

from .marks import quoted_spans as _quoted_spans

__all__ = ["Term", "default_lexicon", "load_lexicon", "loaded_terms", "merge_lexicon"]

SENSES = (
    "place_falls",
    "clear_of",
    "not_compound_noun",
    "not_negated",
    "possibility",
    "not_legal",
    "epistemic",
    "modifier",
    "not_modifier",
    "electoral",
    "possible",
    "figurative",
    "not_title",
    "reporting",
    "group_label",
    "framing_noun",
    "place_named",
    "human_agent",
    "not_human_agent",
)
NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "NORP"})
PLACE_NOUNS = frozenset(
    """town city village stronghold capital base district province region area airport port
    bastion enclave neighbourhood neighborhood suburb outpost garrison fortress citadel hill
    hilltop position positions front line territory county state country nation island
    government regime valley road highway street square coast coastline border mountain forest
    camp zone sector pocket corridor quarter strip desert countryside compound settlement
    ridge""".split()
)
LEGAL_WORDS = frozenset(
    "charge charged convict convicted accuse accused trial case count guilty plead acquit".split()
)
# "cleared of wrongdoing": the of-object of a legal or official clearing, not of fighters
CLEARED_OF_NOT = LEGAL_WORDS | frozenset(
    "wrongdoing misconduct allegation suspicion blame involvement liability fault".split()
)
ELECTION_WORDS = frozenset(
    """election vote poll polls ballot win won victory result results seat seats majority
    electoral candidate referendum re-election reelection landslide voter voters""".split()
)
BUILDINGS = frozenset(
    """building house home tower block bridge wall structure stadium school church mosque
    temple synagogue hospital factory plant property shed garage barn hotel office warehouse
    flat apartment estate chimney street road dormitory""".split()
)
# "an Iran-backed militia", "Russian-occupied towns": a label on people or a place, not on
# money or goods ("state-backed loans", "asset-backed securities")
GROUP_NOUNS = frozenset(
    """group groups militia militias force forces rebel rebels fighter fighters government
    governments regime regimes troop troops separatist separatists faction factions candidate
    candidates coalition party parties movement movements proxy proxies insurgent insurgents
    gunman gunmen protester protesters protestor protestors organisation organization
    organisations organizations outfit network networks cell cells politician politicians
    lawmaker lawmakers activist activists leader leaders administration militant militants
    army armies junta president prime minister ruler rulers coup uprising opposition
    authorities authority official officials puppet""".split()
)
# verbs whose object a framing noun is: "push a narrative", "peddle the narrative that"
FRAMING_VERBS = frozenset(
    """push peddle spin control fit feed counter challenge change shape fuel promote craft
    build drive sell spread buy adopt embrace perpetuate advance reinforce""".split()
)
# "the Wuhan virus", "the Mexican flu": a disease named after a place or a people (the WHO's
# 2015 best practices for naming new human infectious diseases advise against it)
DISEASE_NOUNS = frozenset(
    "virus flu influenza disease plague pandemic epidemic fever pox variant".split()
)
# the subject of "threaten" as a statement: people, groups and bodies, not floods or debts
AGENT_PRONOUNS = frozenset("he she they we i you who".split())
# people and bodies by the nouns the attribution lists know them by (senator, resident,
# police, union, party ...)
AGENT_NOUNS = frozenset().union(
    *(load_list(n) for n in ("titles", "anonymous", "officials", "partisan", "media", "ngo"))
)
# the categories whose adjectives also count as adverbs ("radical" -> "radically"); hedges
# and intensifiers are lists of their own adverbs
ADVERB_CATEGORIES = frozenset(
    """evaluative actor_labeling violence_framing dismissive doubt_casting victory_framing
    loaded_verb""".split()
)
# adverbs of time, order and frequency: they place an act, they do not judge it
TIME_ADVERBS = frozenset(
    """finally immediately eventually ultimately initially originally recently previously
    lately currently subsequently suddenly instantly promptly shortly briefly constantly
    continually frequently regularly routinely repeatedly rarely occasionally usually
    normally typically generally daily weekly monthly yearly annually early newly""".split()
)
# coined compounds before a noun ("a gun-toting crowd", "a cradle-to-grave scheme"): prefixes
# and numbers make plain compounds ("pre-existing", "three-year-old"), and so do the nouns of
# kinship and age in fixed ones ("son-in-law", "stay-at-home")
COMPOUND_PREFIXES = frozenset(
    """pre re de non anti pro co self well un over under ex post multi semi mid inter sub
    super cross counter""".split()
)
# the small words that make a phrase of a compound; "and", "or" and "of" mostly make fixed
# names of things ("search-and-rescue", "rank-and-file", "cost-of-living")
COMPOUND_LINKS = frozenset("to the for than in a on at by".split())
COMPOUND_PLAIN = frozenset(
    """one two three four five six seven eight nine ten eleven twelve hundred thousand
    million year years month months week weeks day days old law home state art""".split()
)
# "once crews could safely enter": could in a time or purpose clause is past ability
ABILITY_MARKS = frozenset("once when whenever until till before after so".split())


class LexiconError(MediakitError):
    """A lexicon (the shipped one, a case's or a learner's) cannot be used."""


@dataclass(frozen=True)
class Term:
    """One lexicon entry: ``text`` in base form, with optional sense restrictions."""

    text: str
    category: str
    pos: tuple[str, ...] = ()
    not_next: tuple[str, ...] = ()
    sense: str = ""
    source: str = ""
    note: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return _split(self.text)


@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for piece in text.lower().replace("’", "'").replace("'s", " 's").split():
        if piece == "'s":
            out.append(piece)
            continue
        parts = piece.split("-")
        for k, p in enumerate(parts):
            if k:
                out.append("-")
            if p:
                out.append(p)
    return tuple(out)


def _words_of(entry: Mapping[str, Any], key: str, text: str, where: str) -> tuple[str, ...]:
    """An entry's list of words (``pos = ["VERB"]``; one word alone is taken as a list of one)."""
    value = entry.get(key, ())
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise LexiconError(
            f"In {where}, '{key}' of the entry '{text}' must be a list of words, "
            f'such as {key} = ["VERB"]; found {value!r}.'
        )
    return tuple(value)


def _term_from(category: str, entry: Any, where: str) -> Term:
    if isinstance(entry, str):
        text = entry
        entry = {}
    elif isinstance(entry, Mapping) and isinstance(entry.get("text"), str):
        text = entry["text"]
    else:
        raise LexiconError(
            f"In {where}, every entry of '{category}' must be a word or a table with a 'text' key;"
            f" found {entry!r}."
        )
    if not text.strip():
        raise LexiconError(f"In {where}, '{category}' has an empty entry.")
    sense = str(entry.get("sense", ""))
    if sense and sense not in SENSES:
        raise LexiconError(
            f"In {where}, the entry '{text}' has the sense '{sense}', which the kit does not know.",
            hint=f"Known senses: {', '.join(SENSES)}.",
        )
    return Term(
        text=text.strip(),
        category=category,
        pos=_words_of(entry, "pos", text, where),
        not_next=tuple(w.lower() for w in _words_of(entry, "not_next", text, where)),
        sense=sense,
        source=str(entry.get("source", "")),
        note=str(entry.get("note", "")),
    )


def load_lexicon(
    data: Mapping[str, Any], *, where: str = "the lexicon"
) -> dict[str, tuple[Term, ...]]:
    """A lexicon from a mapping ``category -> [word or {text, pos, sense, ...}, ...]``."""
    if not isinstance(data, Mapping):
        raise LexiconError(f"{where} must be a table of categories, each with a list of words.")
    out: dict[str, tuple[Term, ...]] = {}
    for category, entries in data.items():
        if isinstance(entries, Mapping) and "terms" in entries:
            entries = entries["terms"]
        if isinstance(entries, str):
            entries = [entries]
        if not isinstance(entries, Sequence):
            raise LexiconError(f"In {where}, '{category}' must be a list of words.")
        out[str(category)] = tuple(_term_from(str(category), e, where) for e in entries)
    return out


def merge_lexicon(
    base: Mapping[str, Sequence[Term]], extra: Mapping[str, Any] | None
) -> dict[str, tuple[Term, ...]]:
    """``base`` with ``extra``'s entries added (a case's or a learner's words).

    A word the extra entries file under another category moves there: the case author's
    judgement wins over the shipped lexicon for that case. An unknown category is refused in
    plain words (a typo would otherwise make a category no view shows).
    """
    merged = {k: tuple(v) for k, v in base.items()}
    if not extra:
        return merged
    from ..records import TERM_CATEGORIES

    added = load_lexicon(extra, where="the extra lexicon")
    for cat in added:
        if cat not in TERM_CATEGORIES:
            raise LexiconError(
                f"The lexicon names the category '{cat}', which the kit does not know.",
                hint=f"Known categories: {', '.join(TERM_CATEGORIES)}.",
            )
    moved = {t.text.lower() for terms in added.values() for t in terms}
    for cat in merged:
        merged[cat] = tuple(t for t in merged[cat] if t.text.lower() not in moved)
    for cat, terms in added.items():
        merged[cat] = merged.get(cat, ()) + terms
    return merged


@lru_cache(maxsize=1)
def default_lexicon() -> dict[str, tuple[Term, ...]]:
    """The shipped lexicon: every ``mediakit/data/lexicon/*.toml`` file."""
    folder = resources.files("mediakit").joinpath("data/lexicon")
    out: dict[str, tuple[Term, ...]] = {}
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".toml"):
            continue
        data = tomllib.loads(f.read_text(encoding="utf-8"))
        cat = data.get("category") or f.name.removesuffix(".toml")
        out.update(load_lexicon({cat: data.get("terms", [])}, where=f"lexicon/{f.name}"))
    return out


# ---------------------------------------------------------------------------------- matching


@lru_cache(maxsize=8192)
def _forms(word: str) -> frozenset[str]:
    """Regular inflections of a base form (for tokens whose lemma the model got wrong)."""
    w = word
    forms = {w, w + "s", w + "ed", w + "ing"}
    # "-es" only after a hissing sound or o ("crushes", "heroes"): "rout" + "es" is "routes"
    if re.search(r"(s|x|z|ch|sh|o)$", w):
        forms.add(w + "es")
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if re.fullmatch(r".*[^aeiou][aeiou][bdglmnprt]", w):
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return frozenset(forms)


def _tok_matches(tok: Token, w: str) -> bool:
    if w == "*":
        return tok.is_alpha
    if w == "<person>":
        return tok.ent_type_ == "PERSON" and tok.is_alpha
    if w == "'s":
        return tok.lower_ in ("'s", "’s")
    if w == "-":
        return tok.text in ("-", "‐", "‑")
    low = tok.lower_
    return low == w or tok.lemma_.lower() == w or low in _forms(w)


@dataclass(frozen=True)
class _Cand:
    start: int  # token indices
    end: int
    term: Term


def _glued(doc: Doc, i: int) -> bool:
    """True if token i and token i + 1 touch (no space between them)."""
    return doc[i].whitespace_ == ""


def _match_at(doc: Doc, i: int, term: Term) -> _Cand | None:
    words = term.words
    if i + len(words) > len(doc):
        return None
    for k, w in enumerate(words):
        tok = doc[i + k]
        if not _tok_matches(tok, w):
            return None
        if w == "-" and (k == 0 or not (_glued(doc, i + k - 1) and _glued(doc, i + k))):
            return None
    start = i
    if words[0] == "*":  # extend over the whole hyphenated word: al-Qaeda-linked
        while (
            start >= 2
            and doc[start - 1].text == "-"
            and _glued(doc, start - 1)
            and _glued(doc, start - 2)
        ):
            start -= 2
    return _Cand(start, i + len(words), term)


def _hyphen_bound(doc: Doc, c: _Cand) -> bool:
    """True if the match is part of a longer hyphenated word (pro-militant, Rebel-backer)."""
    text = doc_text(doc)
    s = doc[c.start].idx
    last = doc[c.end - 1]
    e = last.idx + len(last.text)
    if s >= 2 and text[s - 1] in "-‐‑" and text[s - 2].isalnum():
        return True
    return e + 1 < len(text) and text[e] in "-‐‑" and text[e + 1].isalnum()


def _sense_ok(doc: Doc, c: _Cand) -> bool:
    term = c.term
    tok = doc[c.start]
    single = c.end - c.start == 1
    if term.pos and single and tok.pos_ not in term.pos and tok.tag_ not in term.pos:
        # Title Case headlines: the tagger calls verbs names; accept a regular verb form
        if not ("VERB" in term.pos and tok.pos_ == "PROPN" and tok.lower_ != term.text.lower()):
            return False
    if term.not_next:
        if c.end < len(doc) and doc[c.end].lower_ in term.not_next:
            return False
        # a modifier is also judged by its noun ("suspected cholera cases"), a verb by its
        # object ("regained her consciousness")
        nouns = [tok.head] if tok.dep_ == "amod" else []
        nouns += [ch for ch in tok.children if ch.dep_ == "dobj"]
        if single and any(
            n.lower_ in term.not_next or n.lemma_.lower() in term.not_next for n in nouns
        ):
            return False
    sense = term.sense
    if not sense:
        return True
    if sense == "place_falls":
        return _place_falls(doc, tok)
    if sense == "clear_of":
        return _clear_of(tok)
    if sense == "epistemic":  # "appeared to be unable", "it appears that"; not "reports appeared"
        return any(ch.dep_ in ("xcomp", "acomp", "oprd") for ch in tok.children) or any(
            ch.dep_ in ("nsubj", "expl") and ch.lower_ == "it" for ch in tok.children
        )
    if sense == "not_compound_noun":
        return not any(
            ch.dep_ in ("compound", "amod") and ch.pos_ == "NOUN" and ch.i < tok.i
            for ch in tok.children
        )
    if sense == "not_negated":
        return not (c.end < len(doc) and doc[c.end].lower_ in ("not", "n't", "never"))
    if sense == "possibility":  # "could spread"; not "could not" nor "once crews could enter"
        if c.end < len(doc) and doc[c.end].lower_ in ("not", "n't", "never"):
            return False
        verb = tok.head if tok.dep_ in ("aux", "auxpass") else tok
        return not any(
            ch.dep_ == "mark" and ch.lower_ in ABILITY_MARKS for ch in verb.children
        ) and not (tok.i >= 2 and doc[tok.i - 2].lower_ == "so" and doc[tok.i - 1].lower_ == "that")
    if sense == "modifier":  # "a crushing victory"
        return single and (tok.dep_ in ("amod", "compound") or tok.pos_ == "ADJ")
    if sense == "not_modifier":  # "crushed the protest", not "a crushing win"
        return not (single and tok.dep_ in ("amod", "compound"))
    if sense == "possible":  # "a possible cause"; not "as soon as possible", "made possible"
        prev = doc[tok.i - 1] if tok.i else None
        if prev is not None and (
            prev.lower_ in ("as", "if", "where", "wherever", "when", "whenever")
            or prev.tag_ in ("JJS", "RBS")
        ):
            return False
        return tok.head.lemma_.lower() != "make"
    if sense == "figurative":  # "demolished the champions"; not "demolished the old stadium"
        things = [ch for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")]
        return not any(t.lemma_.lower() in BUILDINGS for t in things)
    if (
        sense == "not_title"
    ):  # "union bosses"; not the job title before a name, "Rovers boss Ann Lee"
        nxt = doc[c.end] if c.end < len(doc) else None
        return not (nxt is not None and (nxt.ent_type_ == "PERSON" or nxt.pos_ == "PROPN"))
    if sense == "reporting":
        return _reporting(tok)
    if sense == "group_label":
        return _group_label(doc, c)
    if sense == "framing_noun":  # "the narrative that...", "a false narrative", "push a narrative"
        if tok.pos_ != "NOUN":
            return False
        if any(ch.dep_ in ("acl", "ccomp", "amod", "relcl") for ch in tok.children):
            return True
        return (
            tok.dep_ in ("dobj", "pobj", "nsubjpass") and tok.head.lemma_.lower() in FRAMING_VERBS
        )
    if sense == "electoral":  # "won by a landslide"; not "a landslide buried the road"
        return any(
            t.lemma_.lower() in ELECTION_WORDS or t.lower_ in ELECTION_WORDS
            for t in tok.sent
            if t.i != tok.i
        )
    if sense == "place_named":
        return _place_modifier(tok) is not None
    if sense == "human_agent":
        return _human_agent(tok)
    if sense == "not_human_agent":  # "the data suggest"; not "the senator suggested"
        return not _human_agent(tok)
    if sense == "not_legal":
        near = [t.lemma_.lower() for t in doc[max(0, c.start - 3) : c.end + 2]]
        return not any(w in LEGAL_WORDS for w in near)
    return True


def _place_modifier(tok: Token) -> Token | None:
    """The place or people a disease noun is named after ("the Wuhan virus"), if any. Not a
    noun that itself modifies another ("U.S. coronavirus cases" counts cases in a place)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
        return None
    for ch in tok.children:
        if (
            ch.i < tok.i
            and ch.dep_ in ("amod", "compound", "nmod")
            and ch.ent_type_ in ("NORP", "GPE", "LOC")
        ):
            return ch
    return None


def _human_agent(tok: Token) -> bool:
    """ "the senator threatened to resign", "they threatened him": a person, a group or a body
    does it. Not "floods threaten homes" nor "debts threaten the firm"."""
    subj = [ch for ch in tok.children if ch.dep_ == "nsubj"]
    if not subj and tok.dep_ in ("conj", "xcomp", "advcl"):
        subj = [ch for ch in tok.head.children if ch.dep_ == "nsubj"]
    if not subj and tok.dep_ == "acl":
        subj = [tok.head]
    for s in subj:
        if s.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return True
        if s.lower_ in AGENT_PRONOUNS or s.pos_ == "PROPN":
            return True
        if (
            s.lemma_.lower() in GROUP_NOUNS
            or s.lemma_.lower() in AGENT_NOUNS
            or (s.lower_ in AGENT_NOUNS)
        ):
            return True
    return False


def _adverb_stems(word: str) -> tuple[str, ...]:
    """The adjectives an -ly adverb may come from: radically -> radical, angrily -> angry,
    unbelievably -> unbelievable, cynically -> cynic(al)."""
    if not word.endswith("ly") or len(word) < 5:
        return ()
    stem = word[:-2]
    out = [stem, stem + "e"]
    if stem.endswith("i"):
        out.append(stem[:-1] + "y")
    if word.endswith(("ably", "ibly")):
        out.append(word[:-1] + "e")
    if word.endswith("ically"):
        out.append(word[:-4])
    return tuple(out)


def _adverb_bases(lex: Mapping[str, Sequence[Term]]) -> dict[str, Term]:
    """One-word adjectives of the lexicon whose -ly adverb is as loaded as they are. Entries
    with a sense or a not_next check are left out: their other senses would come along
    ("historic" is narrowed, and "historically" means "in the past")."""
    out: dict[str, Term] = {}
    for cat, terms in lex.items():
        if cat not in ADVERB_CATEGORIES:
            continue
        for t in terms:
            w = t.text.lower()
            if (
                t.sense
                or t.not_next
                or (t.pos and "ADJ" not in t.pos)
                or not w.isalpha()
                or w.endswith("ly")
            ):
                continue
            out.setdefault(w, t)
    return out


@lru_cache(maxsize=1)
def _subjective_adjectives() -> frozenset[str]:
    """Pattern's strongly subjective adjectives (``data/lexicon/subjective_adjectives.txt``)."""
    text = resources.files("mediakit").joinpath("data/lexicon/subjective_adjectives.txt")
    return frozenset(
        w.strip().lower()
        for w in text.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    )


def _adverb_candidates(
    doc: Doc, tokens: Sequence[Token], lex: Mapping[str, Sequence[Term]]
) -> list[_Cand]:
    """ "radically", "outrageously": the adverb of a loaded adjective in the lexicon; and
    "said angrily", "harshly criticised": the writer's reading of how something was done or
    said (the adverb of a strongly subjective adjective, modifying a verb). Adverbs of time,
    order and frequency are left out ("finally", "suddenly")."""
    bases = _adverb_bases(lex)
    subjective = _subjective_adjectives() if "evaluative" in lex else frozenset()
    out = []
    for tok in tokens:
        if tok.pos_ != "ADV" or tok.lower_ in TIME_ADVERBS:
            continue
        stems = _adverb_stems(tok.lower_)
        for stem in stems:
            base = bases.get(stem)
            if base is not None:
                # an adverb labels no one: "radically" judges a view, as judging words do
                cat = "evaluative" if base.category == "actor_labeling" else base.category
                term = Term(
                    text=tok.lower_,
                    category=cat,
                    source=base.source,
                    note=f"the adverb of '{base.text}'",
                )
                out.append(_Cand(tok.i, tok.i + 1, term))
                break
        else:
            if (
                subjective
                and tok.dep_ == "advmod"
                and tok.head.pos_ == "VERB"
                and any(stem in subjective for stem in stems)
            ):
                term = Term(
                    text=tok.lower_,
                    category="evaluative",
                    source="pattern",
                    note="how something was done or said, in the writer's reading",
                )
                out.append(_Cand(tok.i, tok.i + 1, term))
    return out


def _compound_candidates(doc: Doc, tokens: Sequence[Token]) -> list[_Cand]:
    """Coined compounds used as a modifier: a phrase made into one word ("cradle-to-grave",
    "over-the-top", "holier-than-thou") or a noun with a present participle ("gun-toting",
    "finger-wagging"). Such compounds sum up a judgement in one go (Meibauer 2007 on the
    expressive use of phrasal compounds); plain ones with a prefix or a number are left out."""
    out = []
    n = len(tokens)
    i = 0
    while i < n:
        j = i
        while (
            j + 2 < n
            and tokens[j + 1].text in ("-", "‐", "‑")
            and _glued(doc, j)
            and _glued(doc, j + 1)
        ):
            j += 2
        if j == i:
            i += 1
            continue
        parts = tokens[i : j + 1 : 2]
        words = [t.lower_ for t in parts]
        start, i = i, j + 1
        if not all(t.is_alpha for t in parts) or words[0] == words[-1]:
            continue  # "face-to-face", "door-to-door"
        if len(parts) == 2 and words[0] in COMPOUND_PREFIXES:
            continue
        if any(w in COMPOUND_PLAIN for w in words) or all(t.pos_ == "PROPN" for t in parts):
            continue
        heads = [t.head for t in tokens[start : j + 1] if not start <= t.head.i <= j]
        if not any(h.i > j and h.pos_ in ("NOUN", "PROPN") for h in heads):
            continue  # only before the noun it describes
        phrasal = len(parts) >= 3 and any(w in COMPOUND_LINKS for w in words[1:-1])
        participle = (
            len(parts) == 2 and parts[1].tag_ == "VBG" and parts[0].pos_ in ("NOUN", "PROPN")
        )
        if phrasal or participle:
            note = (
                "a phrase made into one word before a noun"
                if phrasal
                else "a coined compound before a noun"
            )
            term = Term(text="-".join(words), category="evaluative", source="judged", note=note)
            out.append(_Cand(start, j + 1, term))
    return out


def _reporting(tok: Token) -> bool:
    """ "claimed that...", "claims to have", "his claims of fraud": words for what someone says.

    Not "claimed the title", "claimed 30 lives", "claimed responsibility" (a verb with an
    object) nor "insurance claims", "benefit claims" (a noun for a demand for money).
    """
    kids = list(tok.children)
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "PROPN" and tok.tag_.startswith("VB")):
        if any(ch.dep_ in ("dobj", "dative", "attr", "npadvmod") for ch in kids):
            return False
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ in ("DET", "NUM", "NOUN", "ADJ"):
            return False  # "claiming a crushing 58% of the vote", "claimed the title"
        if any(ch.dep_ == "prep" and ch.lower_ in ("for", "on", "against") for ch in kids):
            return False  # "claimed for expenses", "claimed on the insurance"
        return True
    if tok.pos_ == "NOUN":
        if any(ch.dep_ == "compound" for ch in kids):
            return False
        if any(ch.dep_ in ("acl", "ccomp", "amod", "poss") for ch in kids):
            return True  # "claims that...", "false claims", "his claims"
        return any(ch.dep_ == "prep" and ch.lower_ in ("of", "about", "by") for ch in kids)
    return False


def _group_label(doc: Doc, c: _Cand) -> bool:
    """ "*-backed" and the like as a label on people or a place: the word it modifies (or
    the word it is said of: "the militia is Iran-backed") is a group, a person, a place."""
    heads = [t.head for t in doc[c.start : c.end] if not (c.start <= t.head.i < c.end)]
    for t in doc[c.start : c.end]:
        if t.dep_ == "acomp":  # "the militia is Iran-backed"
            heads += [ch for ch in t.head.children if ch.dep_ == "nsubj"]
    for h in heads:
        if h.ent_type_ in ("NORP", "ORG", "PERSON", "GPE", "LOC"):
            return True
        if h.lemma_.lower() in GROUP_NOUNS or h.lower_ in GROUP_NOUNS or _is_place(h):
            return True
    return False


def _clear_of(tok: Token) -> bool:
    """ "clear the area of terrorists", "the country cleared of militants".

    Not "cleared a backlog of samples" (what is cleared is not a place) nor "was cleared of
    wrongdoing" (a person cleared of a charge).
    """
    objs = [ch for ch in tok.children if ch.dep_ == "dobj"]
    if objs and not any(o.pos_ == "PROPN" or _is_place(o) for o in objs):
        return False
    subj = [ch for ch in tok.children if ch.dep_ in ("nsubjpass", "nsubj")]
    if not objs and subj and (subj[0].pos_ == "PRON" or subj[0].ent_type_ == "PERSON"):
        return False
    for h in [tok, *objs]:
        for ch in h.children:
            if ch.dep_ == "prep" and ch.lower_ == "of":
                pobj = [p for p in ch.children if p.dep_ == "pobj"]
                if not pobj or pobj[0].lemma_.lower() not in CLEARED_OF_NOT:
                    return True
    return False


def _in_name(doc: Doc, c: _Cand) -> bool:
    """True if a capitalised match sits inside a longer name ("National Front for Liberation")."""
    tok = doc[c.start]
    if tok.ent_type_ not in NAME_LABELS or not tok.text[:1].isupper() or "<person>" in c.term.words:
        return False
    ent = ent_of(tok)
    return ent is not None and len(ent) > c.end - c.start


def _is_place(tok: Token) -> bool:
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return tok.lemma_.lower() in PLACE_NOUNS or tok.lower_ in PLACE_NOUNS


def _place_falls(doc: Doc, tok: Token) -> bool:
    """ "fall" as a place being taken: a place falls, falls to someone, the fall of a place."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.pos_ == "NOUN":
        if any(c.dep_ == "compound" and _is_place(c) for c in tok.children):
            return True  # "saw a key stronghold fall": the verb tagged as a noun
        if nxt is None or nxt.lower_ != "of":
            return False
        objs = [c for c in nxt.children if c.dep_ == "pobj"]
        return bool(objs) and (objs[0].pos_ == "PROPN" or _is_place(objs[0]))
    if tok.pos_ not in ("VERB", "PROPN", "AUX"):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children) or (
        nxt is not None and nxt.lower_ == "to" and tok.pos_ == "PROPN"
    ):
        return True
    if tok.tag_ == "VB" and tok.dep_ in ("ccomp", "xcomp", "conj", "advcl"):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and _is_place(subj[0]):
            return True
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and tok.dep_ in ("xcomp", "ccomp"):
        # "saw a key militant stronghold fall": the subject hangs on the verb above
        subj = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubj") and c.i < tok.i]
    return bool(subj) and _is_place(subj[-1])


def _candidates(doc: Doc, lexicon: Mapping[str, Sequence[Term]]) -> list[_Cand]:
    by_first: dict[str, list[Term]] = {}
    wild: list[Term] = []
    for terms in lexicon.values():
        for t in terms:
            w = t.words
            if not w:
                continue
            if w[0] == "*":
                wild.append(t)
            else:
                by_first.setdefault(w[0], []).append(t)
    keys = {k: _forms(k) for k in by_first if k != "<person>"}
    person_terms = by_first.pop("<person>", [])
    wild.extend(person_terms)
    # index every surface form of a first word, so each token is looked up once
    first_of: dict[str, list[str]] = {}
    for k in by_first:
        for form in {k} | keys[k]:
            first_of.setdefault(form, []).append(k)
    out = []
    tokens = list(doc)  # iterating a Doc builds new Token objects each time: do it once
    for tok in tokens:
        low, lem = tok.lower_, tok.lemma_.lower()
        hits = dict.fromkeys(first_of.get(low, ()))
        hits.update(dict.fromkeys(first_of.get(lem, ())))
        for k in hits:
            for t in by_first[k]:
                c = _match_at(doc, tok.i, t)
                if c is not None:
                    out.append(c)
    # wildcard terms ("*-linked", "<person> 's troops"): try them only where their first fixed
    # word occurs, at the position the wildcard would start
    for t in wild:
        fixed = [(p, w) for p, w in enumerate(t.words) if w not in ("*", "<person>", "-")]
        if not fixed:
            for tok in tokens:
                c = _match_at(doc, tok.i, t)
                if c is not None:
                    out.append(c)
            continue
        at, first = fixed[0]
        for tok in tokens:
            if tok.i >= at and _tok_matches(tok, first):
                c = _match_at(doc, tok.i - at, t)
                if c is not None:
                    out.append(c)
    out.extend(_adverb_candidates(doc, tokens, lexicon))
    if "evaluative" in lexicon:
        out.extend(_compound_candidates(doc, tokens))
    return out


def _widen(doc: Doc, c: _Cand) -> _Cand:
    """ "the Wuhan virus": the name a disease is given includes the place it is named after."""
    if c.term.sense == "place_named":
        mod = _place_modifier(doc[c.start])
        if mod is not None:
            return _Cand(min(mod.i, c.start), c.end, c.term)
    return c


def _spans_of(doc: Doc) -> list[Any]:
    try:
        return list(_quoted_spans(doc_text(doc)))
    except Exception:  # a quote-mark puzzle must not stop the wording view
        return []


_DISTANCING = re.compile(r"(?:\bso[- ]called|\bself-styled|\bself-proclaimed)\s*$", re.I)


def _distanced(text: str, q: Any) -> bool:
    """Marks right after "so-called" are scare quotes, whoever the marks say is speaking:
    'the so-called "peaceful protesters"' distances the writer from the words."""
    inner = text[q.inner_start : q.inner_end]
    return (
        q.kind in ("quote", "title")  # 'the so-called "Clean Air Plan"': a name held at a distance
        and len(inner.split()) <= 6
        and not re.search(r"[.!?]\s*$", inner)
        and bool(_DISTANCING.search(text[max(0, q.start - 20) : q.start]))
    )


def _inside(s: int, e: int, spans: SpanIndex) -> bool:
    return spans.covers(s, e)


def loaded_terms(
    doc: Doc,
    *,
    lexicon: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
    in_quotes: bool = False,
    scare_quotes: bool = True,
) -> list[LoadedTerm]:
    """Every loaded word or phrase in ``doc``, in text order.

    ``lexicon`` replaces the shipped lexicon (a mapping ``category -> [words]``, or the
    result of :func:`load_lexicon`); ``extra`` adds a case's or a learner's own entries.
    ``in_quotes=True`` also lists words inside quotations; ``scare_quotes=False`` leaves out
    the words in scare quotes.
    """
    if lexicon is None:
        base: Mapping[str, Sequence[Term]] = default_lexicon()
    elif all(
        isinstance(v, tuple) and all(isinstance(t, Term) for t in v) for v in lexicon.values()
    ):
        base = lexicon
    else:
        base = load_lexicon(lexicon, where="the lexicon passed in")
    lex = merge_lexicon(base, extra)

    marks = _spans_of(doc)
    text = doc_text(doc)
    scare = [q for q in marks if q.kind == "scare" or _distanced(text, q)]
    scare_ids = {id(q) for q in scare}
    quoted = SpanIndex(
        (q.inner_start, q.inner_end) for q in marks if q.kind == "quote" and id(q) not in scare_ids
    )
    scare_ranges = SpanIndex((q.start, q.end) for q in scare)

    cands = [
        _widen(doc, c)
        for c in _candidates(doc, lex)
        if not _hyphen_bound(doc, c) and not _in_name(doc, c) and _sense_ok(doc, c)
    ]
    cands.sort(
        key=lambda c: (-(doc[c.end - 1].idx + len(doc[c.end - 1].text) - doc[c.start].idx), c.start)
    )
    taken: set[int] = set()
    out: list[LoadedTerm] = []
    for c in cands:
        if any(i in taken for i in range(c.start, c.end)):
            continue
        s = doc[c.start].idx
        last = doc[c.end - 1]
        e = last.idx + len(last.text)
        if not in_quotes and _inside(s, e, quoted):
            continue
        if scare_quotes and _inside(s, e, scare_ranges):
            continue
        taken.update(range(c.start, c.end))
        out.append(
            LoadedTerm(
                text=doc_text(doc)[s:e], start=s, end=e, category=c.term.category,
                lemma=c.term.text, note=c.term.note,
            )
        )  # fmt: skip
    if scare_quotes:
        for q in scare:
            if not in_quotes and _inside(q.start, q.end, quoted):
                continue
            out.append(
                LoadedTerm(
                    text=doc_text(doc)[q.inner_start : q.inner_end], start=q.inner_start,
                    end=q.inner_end, category="scare_quotes", lemma="", note="in scare quotes",
                )
            )  # fmt: skip
    out.sort(key=lambda t: (t.start, t.end))
    return out
