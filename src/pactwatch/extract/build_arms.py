"""Arms trade: procurement, co-production, and trade measures between states."""

from __future__ import annotations

import re
from typing import Final

from pactwatch.extract.context import DocumentInfo, SentenceInfo
from pactwatch.extract.directions import (
    company_state,
    platform_states,
    seller_before,
    state_after_from,
    supplier,
)
from pactwatch.extract.drafts import Draft, clean_subject
from pactwatch.extract.kind_phrases import kind_phrases
from pactwatch.extract.lexicon import ENTRY, KIND, Mention

_PROCUREMENT_CUE = re.compile(
    r"\b(?:buy\w*|bought|purchas\w+|procur\w+|acquir\w+|acquisitions?|order\w*|contract\w*"
    r"|deals?|provid\w*|donat\w*|gift(?:ed|s)?|shipped|shipments?|agreements? for"
    r"|framework agreements?|letters? of offer and acceptance|loas?"
    r"|deliver\w*|handed over|hand over|sales?|sell\w*|sold|supply\w*|supplied|supplies|induct\w*"
    r"|commission\w*|operates|arrived|received|transferr?\w*|import\w*|export\w*|use of"
    r"|select\w*|chose|chosen|picked|opted for|construction of)\b"
)
_COPRODUCTION_CUE = re.compile(
    r"\b(?:co-?produc\w+|co-?develop\w*|joint(?:ly)? (?:produc\w+|develop\w*|manufactur\w+|build)"
    r"|licen[cs]ed? (?:production|manufactur\w+)|licen[cs]e[- ](?:produc|build|manufactur)\w*"
    r"|technology transfer|transfer of technology|transfer(?:ring|red)? (?:\w+ )?technology"
    r"|joint venture|(?:manufactur|mak|build|built|produc|assembl)\w* (?:\S+ ){0,5}in"
    r" (?:India|[A-Z]\w+)"
    r"|(?:make|build|produce|manufacture)\w* (?:\S+ ){0,5}together|locally manufactur\w+"
    r"|build (?:\S+ ){0,3}locally|make in \w+|under licen[cs]e|local production"
    r"|produced locally|built locally|local assembly)\b"
)
COPRODUCTION_WORDS: Final = (
    "produc", "develop", "joint", "licen", "transfer", "manufactur", "mak", "build", "built",
    "assembl", "locally",
)  # fmt: skip
"""Every match of ``_COPRODUCTION_CUE`` holds one of these (lower-cased): a sentence with
none of them is not scanned."""
_COPRODUCTION_OF = re.compile(
    r"\b(?i:co-?development|co-?production|joint (?:production|development)"
    r"|collaboration regarding|manufacture)"
    r"\s+of\s+(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?\s+(?:engines?|aircraft|missiles?"
    r"|submarines?|helicopters?|drones?|systems?))\b"
    r"|\b(?i:collaboration regarding)\s+(?P<np2>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?\s+engines?)\b"
)
_OPERATED_BY = re.compile(
    r"\b(?:Air Force|Navy|Army|Marine Corps|Marines|Coast Guard|Air Corps|Naval Air Arm)"
    r"(?:[’']s)?\s+(?:(?!(?:[a-z]+ed|inducts?|receives?|orders?|buys?|gets?|acquires?"
    r"|commissions?|will|has|have)\b)[\w-]+\s+){0,2}$"
)
"""A service's own aircraft or ship ("three Royal Air Force Chinook helicopters"): not a sale;
"the Navy commissioned two submarines" is the service receiving them."""
_HANDED_TO = re.compile(
    r"\b(?:provided|transferred|handed over|sold|supplied|delivered|given|gave|donated|leased"
    r"|gifted)\b[^.;]{0,60}\bto\b"
)
_PURCHASE_NOUN = re.compile(
    r"\b(?:contracts?|deals?|orders?|agreements?|purchases?|tenders?|bids?|requests?|sales?"
    r"|acceptance|LOAs?)\s*$"
)
"""A "contract for the X" buys X: X is no destination."""
_SHIP_CATEGORIES: Final = frozenset(
    """aircraft_carrier destroyer cruiser frigate corvette submarine amphibious_ship warship
    patrol_vessel auxiliary_ship""".split()
)
_MOVES = re.compile(
    r"\b(?:arriv\w+|dock\w*|berth\w*|anchor\w*|port call|sail\w*|visit\w*|call(?:ed)? at"
    r"|pulled into|transit\w*|deploy\w*)\b"
)
_ON_ORDER = re.compile(r"\bon\s+order\s*$")
_KIND_REACH: Final = 60
_NAMED_KIND_REACH: Final = 160
_FOR_PLATFORM = re.compile(
    r"\b(?:for|to equip|to power|on)\s+(?:the|its|their|\w+[’']s)\s+(?:[\w-]+\s+){0,2}$"
    r"|\b(?:replac\w*|succeed\w*|retir\w*|instead of|rather than)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w-]+,?\s+(?:and\s+)?){0,4}$"
)
"""Words before a platform that make it the one served or replaced, not the one bought."""
_MODEL_TOKEN = re.compile(r"^(?:[A-Z0-9][\w./-]*|\([A-Z]+\)|[A-Z][a-z]+(?:-[A-Z][a-z]+)*)$")
_LOWER_MODIFIER = re.compile(r"^[a-z][\w-]*$")

_PLATFORM_STOP: Final = frozenset(
    """and or for to from with in on of is are was were be been by under between which that the
    a an its their as at has have had will would procured bought ordered delivered through via
    into onto over after before during against per without within about""".split()
)
_LEFT_MODEL = re.compile(r"^(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Z0-9][\w-]*$")
_MADE_BY = re.compile(r"^[\w.]+-(?:made|built|designed|supplied)$")
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "final", "initial"})
_GENERIC_HEADS: Final = frozenset(
    """aircraft jets planes vessels ships boats units systems system batteries battery guns
    vehicles variant variants platforms""".split()
)
_NEXT_WORD = re.compile(r"\s+(?P<word>[^\s,;:]+)")


def _platform_mentions(info: SentenceInfo) -> list[Mention]:
    return [
        m for m in info.mentions if m.label == ENTRY and getattr(m.value, "kind", "") == "platform"
    ]


def _extend_platform(info: SentenceInfo, mention: Mention) -> tuple[int, int]:
    """Extend a platform name over the words up to its kind noun ("M777 ultra-light howitzers").

    Without a kind noun close behind, only model words and an acronym in
    parentheses extend it ("MH-60R Seahawk", "Rafale Marine (M)").
    """
    start = _extend_left(info, mention)
    for kind in info.mentions:
        if kind.label != KIND or kind.start < mention.end or kind.start - mention.end > 45:
            continue
        words = info.text[info.local(mention.end) : info.local(kind.start)].split()
        if all(_is_modifier(word) for word in words):
            return start, kind.end
        break
    end = mention.end
    for match in _NEXT_WORD.finditer(info.text, info.local(mention.end)):
        word = match.group("word")
        if match.start() != info.local(end):
            break
        if word.lower() in _GENERIC_HEADS:
            return start, info.start + match.end()  # "Rafale aircraft", "Iron Dome batteries"
        if not _MODEL_TOKEN.match(word):
            break
        end = info.start + match.end()
    return start, end


def _extend_left(info: SentenceInfo, mention: Mention) -> int:
    """Extend a platform name left over model codes, its maker, "U.S.-made", "first 14"."""
    maker = set(str(getattr(mention.value, "maker", None) or "").replace("/", " ").split())
    words = info.text[: info.local(mention.start)].split(" ")[:-1]
    taken: list[str] = []
    for word in reversed(words[-4:]):
        if not (
            _LEFT_MODEL.match(word)
            or word in maker
            or _MADE_BY.match(word)
            or word.lower() in _ORDINALS
            or (word.isdigit() and taken is not None)
        ):
            break
        taken.insert(0, word)
    while taken and taken[0].isdigit():
        taken.pop(0)  # a bare count belongs in the quantity, not the name
    if not taken:
        return mention.start
    return mention.start - len(" ".join(taken)) - 1


def _is_modifier(word: str) -> bool:
    return (
        word.lower() not in _PLATFORM_STOP
        and not word.endswith((",", ";", ":"))
        and (_MODEL_TOKEN.match(word) is not None or _LOWER_MODIFIER.match(word) is not None)
    )


def build_procurements(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return procurement and co-production drafts for the platforms a sentence names."""
    procurement = _PROCUREMENT_CUE.search(info.lower) is not None
    coproduction = any(_builds_locally(info, m) for m in _coproduction_cues(info))
    if not (procurement or coproduction):
        return _coproduction_of(info, doc, [])
    drafts: list[Draft] = []
    seen: set[int] = set()
    for mention in _platform_mentions(info):
        if id(mention.value) in seen:
            continue
        seen.add(id(mention.value))
        if _is_destination(info, mention.start) or _deployed(info, mention):
            continue
        if _programme_of_another(info, mention):
            continue
        start, end = _extend_platform(info, mention)
        event_type = (
            "coproduction"
            if coproduction and not _nearer_procurement(info, start)
            else "procurement"
        )
        draft = Draft(
            event_type,
            clean_subject(info.text[info.local(start) : info.local(end)]),
            start,
            end,
            info,
        )
        draft.aliases = [
            n for n in (mention.value.name, *mention.value.aliases) if n != draft.subject
        ][:4]
        draft.from_ = supplier(info, doc, mention, start, others=_platform_mentions(info))
        makers = platform_states(mention)
        if event_type == "coproduction" and len(makers) > 1 and set(makers) <= set(info.codes()):
            draft.joint = makers
        drafts.append(draft)
    if procurement or coproduction:
        taken = [(d.start, d.end) for d in drafts]
        drafts.extend(_kind_drafts(info, taken, coproduction=coproduction))
    drafts.extend(_coproduction_of(info, doc, drafts))
    return drafts


_TOGETHER = re.compile(r"(?i:co-?development|joint development|collaboration)")
"""Working on a design together: no supplier and no recipient."""


def _coproduction_of(info: SentenceInfo, doc: DocumentInfo, drafts: list[Draft]) -> list[Draft]:
    """Return co-productions named by what is made ("co-development of combat aircraft
    engines") that no draft in ``drafts`` already covers."""
    found: list[Draft] = []
    for match in _COPRODUCTION_OF.finditer(info.text):
        group = "np" if match.group("np") else "np2"
        start, end = info.start + match.start(group), info.start + match.end(group)
        if any(d.start < end and start < d.end for d in drafts):
            continue
        draft = Draft("coproduction", clean_subject(match.group(group)), start, end, info)
        draft.confidence = 0.5
        if _TOGETHER.match(match.group(0)):
            named = sorted(set(info.codes()))
            draft.joint = tuple(named if len(named) >= 2 else sorted(doc.dyad))
        found.append(draft)
    return found


def _kind_drafts(
    info: SentenceInfo, taken: list[tuple[int, int]], *, coproduction: bool
) -> list[Draft]:
    """Return procurements (or co-productions) of platforms named by kind ("Iranian drones")."""
    cues = [info.start + m.start() for m in _PROCUREMENT_CUE.finditer(info.lower)]
    cues += [info.start + m.start() for m in _coproduction_cues(info)]
    drafts: list[Draft] = []
    moving = _MOVES.search(info.lower) is not None and _HANDED_TO.search(info.lower) is None
    for phrase in kind_phrases(info, taken):
        if _is_destination(info, phrase.start) or (moving and phrase.kind in _SHIP_CATEGORIES):
            continue
        reach = _NAMED_KIND_REACH if phrase.named else _KIND_REACH
        if not any(abs(cue - phrase.start) <= reach for cue in cues):
            continue
        kind = "coproduction" if coproduction else "procurement"
        draft = Draft(kind, clean_subject(phrase.text), phrase.start, phrase.end, info)
        draft.from_ = (
            phrase.state
            or state_after_from(info, phrase.end)
            or seller_before(info, phrase.start)
            or company_state(info, phrase.start, phrase.end)
        )
        if coproduction and draft.from_ is None and len(set(info.codes())) >= 2:
            draft.joint = tuple(sorted(set(info.codes())))  # co-development by the states named
        draft.confidence = 0.5
        drafts.append(draft)
    return drafts


def _coproduction_cues(info: SentenceInfo) -> list[re.Match[str]]:
    """Return the co-production cues of a sentence ("Co-development of ..." at its start too)."""
    if not any(word in info.lower for word in COPRODUCTION_WORDS):
        return []
    text = info.text[:1].lower() + info.text[1:]
    return list(_COPRODUCTION_CUE.finditer(text))


def _builds_locally(info: SentenceInfo, cue: re.Match[str]) -> bool:
    """Return False for "manufactured in Russia" said of a Russian platform: not co-production."""
    where = re.search(r"\bin ([A-Z]\w+)$", cue.group())
    if where is None:
        return True
    place = info.start + cue.start() + where.start(1)
    states = [s.code for s in info.states if s.start == place]
    inside = range(info.start + cue.start(), info.start + cue.end())
    platforms = [m for m in _platform_mentions(info) if m.start in inside] or _platform_mentions(
        info
    )
    # a platform made by one state only: a programme shared by several (PROSUB) proves nothing
    makers = {
        code for m in platforms if len(platform_states(m)) == 1 for code in platform_states(m)
    }
    return not states or states[0] not in makers


_UNDER_THE = re.compile(r"\bunder (?:the|its|their|a) $")
_PROGRAMME_AFTER = re.compile(r"\s+(?:programme|program|project|scheme)\b", re.IGNORECASE)


def _programme_of_another(info: SentenceInfo, mention: Mention) -> bool:
    """Whether a platform name stands for the programme another platform of the sentence is
    built under ("four Scorpène-class boats built under the PROSUB programme")."""
    before = info.text[max(0, info.local(mention.start) - 12) : info.local(mention.start)]
    if not _UNDER_THE.search(before) or not _PROGRAMME_AFTER.match(
        info.text, info.local(mention.end)
    ):
        return False
    return any(
        m.start < mention.start and m.value is not mention.value for m in _platform_mentions(info)
    )


def _deployed(info: SentenceInfo, mention: Mention) -> bool:
    """Return True for a platform on the move, not changing hands.

    A service's own aircraft ("three Royal Air Force Chinooks arrived"), or a
    warship that arrives or docks, is deployed unless the sentence hands it over.
    """
    if _HANDED_TO.search(info.lower) is not None:
        return False
    before = info.text[max(0, info.local(mention.start) - 40) : info.local(mention.start)]
    ship = getattr(mention.value, "category", None) in _SHIP_CATEGORIES
    return _OPERATED_BY.search(before) is not None or (
        ship and _MOVES.search(info.lower) is not None
    )


def _is_destination(info: SentenceInfo, start: int) -> bool:
    """Return True for the platform something is for ("engines for the upcoming Tejas")."""
    before = info.text[max(0, info.local(start) - 40) : info.local(start)]
    match = _FOR_PLATFORM.search(before)
    if match is None:
        return False
    head = before[: match.start()]
    return _ON_ORDER.search(head) is not None or not _PURCHASE_NOUN.search(head)


def _nearer_procurement(info: SentenceInfo, start: int) -> bool:
    local = info.local(start)
    co = [abs(m.start() - local) for m in _coproduction_cues(info)]
    pr = [abs(m.start() - local) for m in _PROCUREMENT_CUE.finditer(info.lower)]
    return bool(pr) and bool(co) and min(pr) < min(co) - 40
