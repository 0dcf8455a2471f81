"""Telling a report's article text apart from the boilerplate around and inside it.

General rules over lines, not offsets or phrases of particular reports: a line is boilerplate
when it matches one of the patterns of ``BOILERPLATE_PATTERNS`` (donation appeals, share
requests, disclaimers, newsletter prompts, "read more" and related-article lines, advert slots,
navigation and breadcrumb trails, bylines, credit lines, correction notices, social handles,
captions and photo credits, contact lines, bare links, an outlet describing itself), when it
repeats the headline at the top, or when it is a short line in a run of boilerplate at the
start or end of the page. Phrases that also occur in reporting (a newsletter, subscribe,
support us) count only on short lines or lines that report no speech. A wire dateline
opening the lead ("LIMA, June 9 (Reuters) -", "ROME —") is boilerplate too, as part of a line.
The body is the span from the first to the last article line (after a dateline that opens
it); boilerplate inside it is listed too.

Boilerplate is kept and labelled, never deleted: how an outlet describes itself is evidence.
"""

from __future__ import annotations

import re

from ..records import Region

# kind -> patterns (case-insensitive, searched in one line)
BOILERPLATE_PATTERNS: dict[str, tuple[str, ...]] = {
    "navigation": (
        r"^\s*skip to (main )?content\s*$",
        r"^\s*(menu|home|search|log ?in|sign in|close)\s*$",
        r"^\s*(you are here|breadcrumb)",
        # a breadcrumb trail: "Home > News > Politics", "Sport › Football › Premier League"
        r"^\s*home\s*[>›»]\s*\S",
        r"^[^.!?>›»]{1,40}(\s+[>›»]\s+[^.!?>›»]{1,80}){2,}$",
    ),
    "donation": (
        r"^\s*donate\b",
        r"\bdonate (now|today|here|via|to us|to our|what you can)\b",
        r"\b(make|making) a donation\b",
        r"/donate\b",
        r"\bpaypal\b",
        r"\bpatreon\b",
        r"\bbecome a (member|supporter|patron)\b",
        r"\bsupport (our|us|the project|independent (journalism|media|news|reporting)"
        r"|.{0,40}\bin its endeavou?rs)\b",
        # an appeal to the outlet's readers: "Herald readers can donate to the appeal at ..."
        r"^\s*([\w’'&.-]+\s+){0,4}readers\s+(can|may|who wish to|wishing to|are (invited|encouraged"
        r"|asked) to)\s+(donate|make a donation|give (money )?to (the|our|this|a)\b)",
        r"^\s*(to (donate|give|contribute)|if you (would like|want|wish) to (donate|give|contribute))"
        r"\b[^.!?]{0,60},\s*(please )?(visit|go to|call|text|click|see)\b",
        r"\bplease support\b",
        r"\bwouldn'?’?t be possible without your (help|support)\b",
    ),
    "share_request": (
        r"\bshare buttons?\b",
        # a row of share buttons: "Share | Tweet | Email", "Facebook Twitter WhatsApp"
        r"^\s*(share|tweet|e-?mail|print|facebook|twitter|x|whatsapp|linkedin|reddit|telegram"
        r"|copy link|save)(\s*[|/·•,]?\s*(share|tweet|e-?mail|print|facebook|twitter|x|whatsapp"
        r"|linkedin|reddit|telegram|copy link|save))*\s*$",
        r"^\s*follow us\b",
        r"\bforward this (article|story|post)\b",
        r"\bcross-?post\b",
        r"^\s*share (this|on)\b",
        r"\bnote to readers\b",
        r"\bcomment on .{0,60}\b(facebook|twitter|page)\b",
    ),
    "newsletter": (
        # on a short line (8 words) only: "the union's newsletter reached 3,000 members" is reporting
        r"^(?=(\S+\s+){0,7}\S+\s*$).*\bnewsletters?\b",
        r"\b(our|free|daily|weekly|morning|evening)\s+([\w'’-]+\s+){0,3}newsletters?\b",
        r"\bsign up (to|for|now)\b",
        r"^(?=(\S+\s+){0,7}\S+\s*$).*\bsubscribe\b",
        r"\bsubscribe (now|today|here|for free)\b",
        r"^\s*get (our|the) [\w' -]{0,40}\b(in|to) your inbox\b",
        r"\bstay informed\b",
        r"\blatest alerts\b",
    ),
    "read_more": (
        r"^\s*read more\b",
        r"\bcontinue (reading|this story)\b",
        r"^\s*stay tuned\b",
        # related-article lists: "Related: ...", "More on this story", "You may also like"
        r"^\s*(related|see also|also read|read next|read also|more on this( story| topic)?"
        r"|recommended( for you| reading)?|related (stories|articles|content|coverage|links"
        r"|reading|topics)|more (stories|from [\w .&'’-]{1,40})|most (read|popular|viewed)"
        r"|you (may|might) also (like|be interested in)|trending( now)?|top stories"
        r"|what to read next)\s*(:|$)",
        r"^\s*click here\b",
        r"^\s*listen to this (article|story)\b",
        # advert slots: "Advertisement", "ADVERTISEMENT - SCROLL TO CONTINUE", "Sponsored"
        r"^\s*(advertisement|advert|ad|sponsored( content)?|promoted( content)?)\s*$",
        r"^\s*advertisement\b[^.!?]{0,40}\b(continue|continues|scroll)\b",
        r"^\s*(the )?(story|article) continues below( this)?( advertisement| advert| ad)?\s*$",
    ),
    "disclaimer": (
        r"\bdisclaimer\b",
        r"^\s*copyright\b",
        r"\bcopyright\s*(\(c\)|\d{4})",
        r"©",
        r"\ball rights reserved\b",
        r"\bfair use\b",
        r"\bsole responsibility of the author",
        r"\bviews expressed\b.{0,60}\b(author|not necessarily)\b",
        r"\bgrants permission to (cross-?post|republish)",
        r"\boriginal source of this article\b",
    ),
    "contact": (
        r"^\s*for (media|press) (inquiries|enquiries)\b",
        r"^\s*contact( us)?\s*:",
        r"^\s*write to .{0,60}\bat\s+\S+@\S+\s*$",
        r"^\s*(e-?mail\s*:\s*)?[\w.+-]+@[\w-]+\.[\w.]+\s*$",
        # "Got a story? Email tips@...", "Have a news tip? Contact us at ..."
        r"^\s*(got|have) (a|an) (story|news tip|tip|tip-off|question|correction)\b.{0,80}$",
        r"^\s*(e-?mail|contact|write to|message) (the )?(author|reporter|writer|newsroom|us)\b"
        r".{0,80}$",
    ),
    "byline_meta": (
        r"^\s*articles? by\s*:",
        r"^\s*(region|theme|topics?|tags?|in-depth report|filed under|category)\s*:",
        # "Published 3 March 2024", "Updated: 2 hours ago", "Last updated on Monday 10:41 GMT"
        r"^\s*((first|last) )?(published|updated|posted|modified)\s*(on|at|:)?\s*"
        r"(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
        r"|(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|today\b|yesterday\b)[^.!?]{0,50}$",
        r"^\s*\d+[- ]min(ute)?s?\.? read\s*$",
        r"^\s*this (article|story|piece|report) (was )?(originally|first) (published|appeared)\b",
        # "Associated Press writer Ana Ruiz in Lima contributed to this report."
        r"^\s*(the )?[\w .,&'’-]{2,120}\bcontributed (reporting\b[^.!?]{0,80}"
        r"|to this (report|story|article))\.?\s*$",
        # notices of later changes: "This article was amended on 3 May 2024 to correct ..."
        r"^\s*this (article|story|piece|report|post) (was|has been|had been) (amended|updated"
        r"|corrected|edited|changed)\b",
        r"^\s*(correction|clarification|editor'?’?s note)\s*(\([^)]{0,40}\))?\s*:",
        r"^\s*an earlier version of this (article|story|piece|report)\b",
        # an author's social handle: "Follow Ana Ruiz on X: @anaruiz", "Twitter: @anaruiz"
        r"^\s*follow [\w .'’-]{1,40} on (x|twitter|facebook|instagram|threads|bluesky|tiktok"
        r"|linkedin|mastodon)\b[^.!?]{0,40}$",
        r"^\s*((x|twitter|instagram|threads|bluesky|tiktok)\s*:\s*)?@\w{2,30}\s*$",
        r"^\s*\[?[A-Z][\w .&'-]{0,40}\]?(\(#\))?,?\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*$",
        r"^\s*[A-Z][\w .&'-]{0,40},\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s*$",
    ),
    "self_description": (
        r"\b(delivers|provides|brings you) (independent|unrivalled|unbiased|award)",
        r"\bmore about \w+ can be found\b",
        r"\brepublishing this content\b",
        r"\bour (independent )?media platform\b",
        r"\bcontains copyrighted material\b",
    ),
    "caption": (
        r"\((reuters|afp|ap|getty( images)?|epa|anadolu|file photo|photo[^)]{0,30})\)\s*$",
        r"^\s*(photo|photograph|picture|image|illustration)( credit| source| caption)?\s*:"
        r"\s*\S[^.!?]{0,80}\.?\s*$",
        r"^\s*image (caption|source|copyright)\b",
        # a photo credit closing a caption: "... on Friday. Photo: AP",
        # "... in the square. Photograph: Ana Ruiz/Reuters", "(Photo by Ana Ruiz/AFP via Getty)"
        r"[.!?)]\s+(photo|photograph|picture|pic|image|credit|photo credit)s?\s*:\s*"
        r"[A-Z][^.!?:]{0,60}$",
        r"\((photo|photograph|picture|image)s?\s*(by|:|credit)[^()]{1,80}\)\s*$",
        r"\b(photo|photograph|picture|image)\s*:\s*[^.!?]{0,60}/\s*(getty images|reuters|afp|ap"
        r"|epa|shutterstock|alamy|pa)\s*$",
    ),
    "media_link": (
        r"^\s*<?https?://\S+>?\s*$",
        r"^\s*\S+\.(mp4|mp3|jpg|jpeg|png|gif|pdf)\s*$",
    ),
}

# Checked in this order: the first kind that matches wins (a disclaimer that mentions
# cross-posting is a disclaimer, not a share request).
_ORDER = (
    "navigation",
    "disclaimer",
    "donation",
    "self_description",
    "contact",
    "newsletter",
    "read_more",
    "share_request",
    "byline_meta",
    "caption",
    "media_link",
)
_COMPILED = {k: [re.compile(p, re.IGNORECASE) for p in BOILERPLATE_PATTERNS[k]] for k in _ORDER}
# Phrases that also occur in reporting ("Residents who subscribe to the scheme...", "the
# union's newsletter said", "'Support us,' the farmers said"): they count only on a line that
# reports no speech.
_WEAK = frozenset(
    {
        r"^(?=(\S+\s+){0,7}\S+\s*$).*\bnewsletters?\b",
        r"\b(our|free|daily|weekly|morning|evening)\s+([\w'’-]+\s+){0,3}newsletters?\b",
        r"^(?=(\S+\s+){0,7}\S+\s*$).*\bsubscribe\b",
        r"\bpaypal\b",
        r"\bpatreon\b",
        r"\bsupport (our|us|the project|independent (journalism|media|news|reporting)"
        r"|.{0,40}\bin its endeavou?rs)\b",
        r"\bplease support\b",
        r"\bstay informed\b",
        r"\bcross-?post\b",
    }
)
_REPORTED = re.compile(r"\b(said|says|told|tells|according to)\b|[\"“”]", re.IGNORECASE)
_CASED = (r"^\s*\[?[A-Z]", r"^\s*[A-Z]")
# Bylines and dateline stamps need capital letters to tell them from sentences ("By noon, ...").
# (the patterns of "byline_meta" that start with a capital class are matched case-sensitively)
_COMPILED["byline_meta"] = [
    re.compile(p) if p.startswith(_CASED) else re.compile(p, re.I)
    for p in BOILERPLATE_PATTERNS["byline_meta"]
] + [re.compile(r"^\s*By\s+[\[*A-Z][^.!?]{0,60}$")]

# Wire credit lines: "(Reporting by Tom Adeyemi; Editing by Jane Smith)", "Additional reporting
# by Ana Ruiz in Lima". Without brackets only a line of names counts: "Reporting by the BBC
# found ..." is a sentence.
_CREDIT_WORDS = (
    r"(?i:(additional |further )?(reporting|writing|editing|research|compiled|produced)\s+by)"
)
_CREDIT_PAREN = re.compile(r"^\s*\(\s*" + _CREDIT_WORDS + r"\b[^()]{1,200}\)\s*$")
_CREDIT_BARE = re.compile(
    r"^\s*" + _CREDIT_WORDS + r"\s+[A-Z][\w'’.-]*"
    r"(\s*(,|;|&|and|in|from|\b" + _CREDIT_WORDS + r"|[A-Z][\w'’.-]*))*\s*\.?\s*$"
)
# A dateline opening the lead: "CASTLEBRIDGE, March 2 (Reuters) -", "PINE HOLLOW —",
# "Lima, Peru (AP) —", "(CNN) —". A place in capitals, or any place with a wire credit in
# brackets, then a dash and a new sentence.
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_AGENCY = r"\([A-Z][\w&.'’ /-]{0,30}\)"
_PLACE_TAIL = r"(,\s*[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3})?(,\s*" + _MONTH + r"\s+\d{1,2})?"
_DATELINE = re.compile(
    r"^\s*(?P<dl>("
    r"[A-Z][A-Z.'’-]+(\s+[A-Z][A-Z.'’-]+){0,3}" + _PLACE_TAIL + r"(\s*" + _AGENCY + r")?"
    r"|[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}"
    + _PLACE_TAIL
    + r"\s*"
    + _AGENCY
    + r"|"
    + _AGENCY
    + r")\s+(-{1,2}|–|—)(?=\s))\s+(?=[A-Z0-9\"“‘'])"
)
# capitals that open a line but are no place: kickers and labels
_NOT_PLACES = frozenset(
    "BREAKING UPDATE UPDATED EXCLUSIVE LIVE WATCH OPINION ANALYSIS EDITORIAL COMMENT REVIEW "
    "NEWS ALERT URGENT FLASH VIDEO PHOTOS EXPLAINER".split()
)


def dateline(line: str) -> tuple[int, int] | None:
    """The span of a wire dateline at the start of ``line`` (a lead that follows it), or None."""
    m = _DATELINE.match(line)
    if not m:
        return None
    words = re.findall(r"[A-Za-z]+", m.group("dl"))
    if words and words[0].upper() in _NOT_PLACES:
        return None
    # the lead follows: a sentence of some length (a headline "US — China talks resume" is not)
    if len(line[m.end() :].split()) < 6 or line.rstrip()[-1:] not in ".!?\"”’'":
        return None
    s, e = m.span("dl")
    return s, e


_SEPARATOR = re.compile(r"^\s*([*_=~#-]\s*){1,}\s*$")
_PULL_ATTRIB = re.compile(r"^\s*[-–—]\s*\S.{0,60}$")


def classify_line(line: str) -> str | None:
    """The boilerplate kind of one line, or None if it looks like article text."""
    stripped = line.strip()
    if not stripped:
        return None
    if _SEPARATOR.match(stripped):
        return "separator"
    if _CREDIT_PAREN.match(stripped) or (
        len(stripped.split()) <= 20 and _CREDIT_BARE.match(stripped) and stripped[0].isupper()
    ):
        return "byline_meta"
    for kind, pats in _COMPILED.items():
        for pat in pats:
            if pat.search(stripped):
                # long lines only count for phrases that can't occur in reporting
                if kind in ("newsletter", "donation", "read_more") and len(stripped) > 400:
                    continue
                if pat.pattern in _WEAK and _REPORTED.search(stripped):
                    continue
                return kind
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in re.finditer(r"[^\n]*(\n|$)", text):
        s, e = m.start(), m.end()
        if s == e:
            break
        line_end = e - 1 if text[e - 1 : e] == "\n" else e
        spans.append((s, line_end))
        pos = e
    del pos
    return spans


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def split_boilerplate(text: str) -> tuple[Region, list[Region]]:
    """Split a report into its body region and labelled boilerplate regions."""
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    if not lines:
        return Region(0, len(text)), []
    kinds: list[str | None] = [classify_line(text[s:e]) for s, e in lines]

    # A headline repeated at the top: earlier copies are page titles.
    first_texts = [_norm(text[s:e]) for s, e in lines[:8]]
    for i, t in enumerate(first_texts):
        if t and t in first_texts[i + 1 :] and kinds[i] is None:
            kinds[i] = "title"
    # Pull quotes: a short quoted line followed by a "- Name" attribution line.
    for i in range(len(lines) - 1):
        cur = text[lines[i][0] : lines[i][1]].strip()
        nxt = text[lines[i + 1][0] : lines[i + 1][1]]
        if (
            len(cur) < 300
            and cur[:1] in "'\"‘“"
            and cur[-1:] in "'\"’”"
            and _PULL_ATTRIB.match(nxt)
        ):
            kinds[i] = "pull_quote"
            kinds[i + 1] = "pull_quote"
    # A caption repeated (alt text + caption): both copies.
    # Runs at the end: after the last article line, short lines between boilerplate count too.
    n = len(lines)

    def is_short(i: int) -> bool:
        # a name-like fragment ("South Front", "*"), not the last sentence of the article
        s, e = lines[i]
        line = text[s:e].strip()
        return len(line.split()) <= 6 and line[-1:] not in ".!?\"”’'"

    # trailing zone: walk back from the end; once we meet boilerplate, swallow short lines
    i = n - 1
    while i >= 0 and (kinds[i] is not None or is_short(i)):
        if kinds[i] is None:
            # a short unlabelled line amid trailing boilerplate
            if any(k is not None for k in kinds[i:]):
                kinds[i] = "trailer"
            else:
                break
        i -= 1
    # leading zone: short unlabelled lines before a labelled boilerplate line at the top
    j = 0
    while j < n and kinds[j] is not None:
        j += 1
    body_lines = [k for k in range(n) if kinds[k] is None]
    if not body_lines:
        # Everything looked like boilerplate: treat the whole text as body rather than lose it.
        return Region(lines[0][0], lines[-1][1]), []
    first, last = body_lines[0], body_lines[-1]
    # A dateline opening one of the first article lines ("PARIS, May 2 (Reuters) - ...").
    datelines: list[Region] = []
    body_start = lines[first][0]
    for k in body_lines[:3]:
        s, e = lines[k]
        span = dateline(text[s:e])
        if span:
            datelines.append(Region(s + span[0], s + span[1], "byline_meta"))
            if k == first:
                rest = text[s + span[1] : e]
                body_start = s + span[1] + len(rest) - len(rest.lstrip())
            break
    # Separator lines inside the body are not boilerplate unless adjacent to boilerplate.
    regions: list[Region] = []
    for k, (s, e) in enumerate(lines):
        kind = kinds[k]
        if kind is None:
            continue
        if kind == "separator" and first < k < last:
            continue
        if kind == "trailer":
            kind = _neighbour_kind(kinds, k)
        regions.append(Region(s, e, kind))
    regions = sorted(regions + datelines, key=lambda r: r.start)
    return Region(body_start, lines[last][1]), _merge(regions, text)


def _neighbour_kind(kinds: list[str | None], k: int) -> str:
    for step in range(1, len(kinds)):
        for j in (k - step, k + step):
            if 0 <= j < len(kinds) and kinds[j] not in (None, "trailer", "separator"):
                return str(kinds[j])
    return "other"


def _merge(regions: list[Region], text: str) -> list[Region]:
    """Merge neighbouring regions of one kind separated only by whitespace."""
    out: list[Region] = []
    for r in regions:
        if out and out[-1].kind == r.kind and not text[out[-1].end : r.start].strip():
            out[-1] = Region(out[-1].start, r.end, r.kind)
        else:
            out.append(r)
    return out


def find_headline(text: str, body: Region) -> Region | None:
    """The headline: the first body line when it is short and not a full sentence."""
    chunk = text[body.start : body.end]
    first = chunk.split("\n", 1)[0]
    words = first.split()
    if 2 <= len(words) <= 25 and first.rstrip()[-1:] not in ".:;,":
        start = body.start + (len(first) - len(first.lstrip()))
        return Region(start, body.start + len(first.rstrip()), "headline")
    return None
