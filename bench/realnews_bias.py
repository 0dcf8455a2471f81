"""Loaded wording measured on real news annotated for bias by trained people (BASIL, BABE).

The corpora live outside the repository (``../shared/corpora/`` next to the project, see its
README.md); nothing read here is copied anywhere. Two sets:

- **basil** (articles of 2010-2014, ``basil/articles/YEAR`` and ``basil/annotations/YEAR``):
  the phrase-level spans marked ``bias == "lex"`` (word-choice bias) with ``quote == "no"`` (the
  outlet's own words, not a quotation). *recall*: share of those spans that overlap a loaded
  term found by the kit; *precision*: share of the kit's loaded terms (outside quotes, as the
  kit lists them) that overlap such a span. The annotators marked only bias about the event's
  main people, so precision here is a floor, not an error rate.
- **babe** (``babe/babe_sg2_dev.csv``): sentences labelled Biased / Non-biased by media-bias
  experts, with the words that carry the bias. *recall*: share of the marked words that lie in
  a loaded term the kit found in that sentence; *precision*: share of the kit's loaded terms
  (over all sentences) holding at least one word the experts marked there; *flag_rate_biased* /
  *flag_rate_nonbiased*: share of Biased / Non-biased sentences with at least one loaded term.

Every sentence or article is parsed with the kit's pipeline (``nlp.pipe`` through
:func:`mediakit.nlp.parse`, which caches parses) and read with
:func:`mediakit.extract.loaded_terms` at its defaults, exactly as the analysis calls it.

    python bench/realnews_bias.py            both sets
    python bench/realnews_bias.py --errors   also list misses and false alarms
    python bench/realnews_bias.py --set babe
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
BASIL_YEARS = ("2010", "2011", "2012", "2013", "2014")
SETS = ("basil", "babe")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _pipeline():
    from mediakit.nlp import load_pipeline

    return load_pipeline()


def _terms(texts: list[str]) -> list[list]:
    from mediakit.extract import loaded_terms
    from mediakit.nlp import parse

    docs = parse(texts, _pipeline())
    return [loaded_terms(doc) for doc in docs]


# ------------------------------------------------------------------------------------ BASIL


def _norm(s: str) -> str:
    """Quote marks, dashes and spacing made uniform, length kept (offsets stay valid)."""
    table = str.maketrans(
        {"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "\u00a0": " "}
    )
    return s.translate(table)


def _locate(
    text: str, norm_text: str, txt: str, used: set[tuple[int, int]]
) -> tuple[int, int] | None:
    """Where the annotated phrase is in the article (first unused occurrence)."""
    needle = _norm(txt).strip()
    if not needle:
        return None
    hits = [m.start() for m in re.finditer(re.escape(needle), norm_text)]
    if not hits:  # spacing differs: match words separated by any whitespace
        pat = r"\s+".join(re.escape(w) for w in needle.split())
        hits = [m.start() for m in re.finditer(pat, norm_text)]
        if not hits:
            return None
        m = re.search(pat, norm_text[hits[0] :])
        length = m.end() - m.start() if m else len(needle)
    else:
        length = len(needle)
    for h in hits:
        if (h, h + length) not in used:
            return h, h + length
    return hits[0], hits[0] + length


def _basil_articles(root: Path) -> list[tuple[str, str, list[dict]]]:
    out = []
    for year in BASIL_YEARS:
        for art in sorted((root / "articles" / year).glob("*.json")):
            ann = root / "annotations" / year / (art.stem + "_ann.json")
            if not ann.exists():
                continue
            a = json.loads(art.read_text(encoding="utf-8"))
            text = "\n\n".join(" ".join(p) for p in a.get("body-paragraphs", []))
            phrases = json.loads(ann.read_text(encoding="utf-8")).get(
                "phrase-level-annotations", []
            )
            out.append((art.stem, text, phrases))
    return out


def measure_basil(root: Path, *, errors: bool = False) -> dict:
    arts = _basil_articles(root)
    all_terms = _terms([t for _, t, _ in arts])
    spans_n = found = unlocated = 0
    terms_n = terms_in = 0
    misses: Counter[str] = Counter()
    false_alarms: Counter[str] = Counter()
    for (_name, text, phrases), terms in zip(arts, all_terms, strict=True):
        norm_text = _norm(text)
        used: set[tuple[int, int]] = set()
        spans = []
        for p in phrases:
            if p.get("bias") != "lex" or p.get("quote") != "no":
                continue
            where = _locate(text, norm_text, str(p.get("txt", "")), used)
            if where is None:
                unlocated += 1
                continue
            used.add(where)
            spans.append(where)
        for s, e in spans:
            spans_n += 1
            if any(t.start < e and s < t.end for t in terms):
                found += 1
            elif errors:
                misses[text[s:e].lower()] += 1
        for t in terms:
            terms_n += 1
            if any(t.start < e and s < t.end for s, e in spans):
                terms_in += 1
            elif errors:
                false_alarms[f"{t.text.lower()} [{t.category}]"] += 1
    if errors:
        _print_errors("basil", misses, false_alarms)
    return {
        "articles": len(arts),
        "spans": spans_n,
        "spans_found": found,
        "spans_unlocated": unlocated,
        "recall": found / spans_n if spans_n else 0.0,
        "terms": terms_n,
        "terms_in_spans": terms_in,
        "precision": terms_in / terms_n if terms_n else 0.0,
    }


# ------------------------------------------------------------------------------------- BABE


def _babe_rows(path: Path) -> list[tuple[str, str, list[str]]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter=";"):
            try:
                marked = ast.literal_eval(r.get("biased_words") or "[]")
            except (ValueError, SyntaxError):
                marked = []
            rows.append((r["text"], r.get("label_bias", ""), [str(m) for m in marked]))
    return rows


def measure_babe(path: Path, *, errors: bool = False) -> dict:
    rows = _babe_rows(path)
    all_terms = _terms([t for t, _, _ in rows])
    marked_n = marked_found = 0
    flags = flags_ok = 0
    flagged_sents: Counter[str] = Counter()
    sents: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    false_alarms: Counter[str] = Counter()
    for (_text, label, marked), terms in zip(rows, all_terms, strict=True):
        sents[label] += 1
        if terms:
            flagged_sents[label] += 1
        marked_words = {w for m in marked for w in _words(m)}
        flagged_words = {w for t in terms for w in _words(t.text)}
        for m in marked:
            mw = _words(m)
            if not mw:
                continue
            marked_n += 1
            if any(w in flagged_words for w in mw):
                marked_found += 1
            elif errors:
                misses[m.lower()] += 1
        for t in terms:
            flags += 1
            if any(w in marked_words for w in _words(t.text)):
                flags_ok += 1
            elif errors:
                false_alarms[f"{t.text.lower()} [{t.category}] ({label})"] += 1
    if errors:
        _print_errors("babe", misses, false_alarms)
    return {
        "sentences": len(rows),
        "marked": marked_n,
        "marked_found": marked_found,
        "recall": marked_found / marked_n if marked_n else 0.0,
        "flags": flags,
        "flags_marked": flags_ok,
        "precision": flags_ok / flags if flags else 0.0,
        "flag_rate_biased": flagged_sents["Biased"] / sents["Biased"] if sents["Biased"] else 0.0,
        "flag_rate_nonbiased": (
            flagged_sents["Non-biased"] / sents["Non-biased"] if sents["Non-biased"] else 0.0
        ),
    }


def _print_errors(name: str, misses: Counter[str], false_alarms: Counter[str]) -> None:
    print(f"\n{name}: misses ({sum(misses.values())}), most frequent first")
    for w, n in misses.most_common():
        print(f"  {n:>3}  {w}")
    print(f"\n{name}: false alarms ({sum(false_alarms.values())}), most frequent first")
    for w, n in false_alarms.most_common():
        print(f"  {n:>3}  {w}")


# ------------------------------------------------------------------------------------ entry


def measure(
    corpora_root: str | Path | None = None, *, errors: bool = False, sets: tuple[str, ...] = SETS
) -> dict:
    """Loaded-term recall and precision on BASIL (2010-2014) and BABE, as plain numbers.

    ``corpora_root`` is the folder holding ``basil/`` and ``babe/`` (default: ``shared/corpora``
    beside the project folder). Returns ``{"basil": {...}, "babe": {...}}``; a set whose corpus
    is missing is left out after a one-line note. Keys:

    - basil: ``recall`` (share of lexical-bias spans outside quotes overlapping a loaded term),
      ``precision`` (share of loaded terms overlapping such a span), ``spans``, ``spans_found``,
      ``spans_unlocated``, ``terms``, ``terms_in_spans``, ``articles``;
    - babe: ``recall`` (share of expert-marked words inside a loaded term), ``precision`` (share
      of loaded terms holding a marked word), ``flag_rate_biased``, ``flag_rate_nonbiased``
      (share of sentences with a loaded term), ``marked``, ``marked_found``, ``flags``,
      ``flags_marked``, ``sentences``.

    ``errors=True`` prints the misses and false alarms, most frequent first.
    """
    root = Path(corpora_root) if corpora_root else DEFAULT_CORPORA
    out: dict[str, dict] = {}
    if "basil" in sets:
        basil = root / "basil"
        if (basil / "articles").is_dir() and (basil / "annotations").is_dir():
            out["basil"] = measure_basil(basil, errors=errors)
        else:
            print(f"(basil: no corpus at {basil}; skipped)")
    if "babe" in sets:
        babe = root / "babe" / "babe_sg2_dev.csv"
        if babe.exists():
            out["babe"] = measure_babe(babe, errors=errors)
        else:
            print(f"(babe: no corpus at {babe}; skipped)")
    return out


def _as_score(
    res: dict,
    *,
    found: str,
    total: str,
    flags_ok: str,
    flags: str,
    units: str,
    extra: tuple[str, ...],
) -> dict:
    """One set's numbers in the shape bench/accuracy.py stores (an extractor -> metrics)."""
    tp_r, n_r = res[found], res[total]
    tp_p, n_p = res[flags_ok], res[flags]
    p, r = res["precision"], res["recall"]
    d = {
        "tp": tp_r,
        "fp": n_p - tp_p,
        "fn": n_r - tp_r,
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
    }
    d.update({k: res[k] for k in extra})
    return {"reports": res[units], "scores": {"loaded_terms": d}}


def score_basil(corpora_root: str | Path | None = None, *, errors: bool = False) -> dict | None:
    """BASIL in bench/accuracy.py's shape; None when the corpus is missing. Recall counts
    lexical-bias spans (outside quotes) with a loaded term in them; precision counts loaded terms
    inside such a span."""
    res = measure(corpora_root, errors=errors, sets=("basil",)).get("basil")
    if res is None:
        return None
    return _as_score(
        res,
        found="spans_found",
        total="spans",
        flags_ok="terms_in_spans",
        flags="terms",
        units="articles",
        extra=(),
    )


def score_babe(corpora_root: str | Path | None = None, *, errors: bool = False) -> dict | None:
    """BABE in bench/accuracy.py's shape; None when the corpus is missing. Recall counts expert-
    marked biased words the kit flags; precision counts flagged terms the experts marked."""
    res = measure(corpora_root, errors=errors, sets=("babe",)).get("babe")
    if res is None:
        return None
    return _as_score(
        res,
        found="marked_found",
        total="marked",
        flags_ok="flags_marked",
        flags="flags",
        units="sentences",
        extra=("flag_rate_biased", "flag_rate_nonbiased"),
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default=None, help="folder holding basil/ and babe/")
    ap.add_argument("--set", choices=SETS, action="append")
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = ap.parse_args()
    res = measure(args.corpora, errors=args.errors, sets=tuple(args.set or SETS))
    for name, d in res.items():
        print(
            f"\n{name}: "
            + ", ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in d.items()
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
