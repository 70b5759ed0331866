"""Meetings and visits: who met whom, and who travelled to the other state."""

from __future__ import annotations

import re
from typing import Final

from pactwatch.extract.attributes import seat_within
from pactwatch.extract.context import DocumentInfo, SentenceInfo
from pactwatch.extract.dates_patterns import MONTH_NAMES
from pactwatch.extract.drafts import Draft, clean_subject
from pactwatch.extract.lexicon import ENTRY, METONYM
from pactwatch.extract.names import MEETING_HEADS, RAISED_TO, headed_names
from pactwatch.extract.people import Person, find_people, person_state
from pactwatch.extract.places import place_state
from pactwatch.extract.triggers import FUTURE_CUES

_NTH_MEETING = re.compile(
    r"\b(?P<np>(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|inaugural|annual)\s+(?:meeting|session|round|edition)\s+of\s+the\s+"
    r"[A-Z][\w’'.&-]*(?:\s+(?:of|on|for|and|the|in)?\s*[A-Z][\w’'.&-]*)*)"
)
_DESCRIPTIVE_MEETING = re.compile(
    r"\b(?:held|had|hold|have|holds|during|after|following|at|in|on|for)\s+"
    r"(?:an?\s+|the\s+|their\s+)?"
    r"(?P<np>(?:(?:bilateral|one-on-one|high-level|delegation-level|ministerial|separate"
    r"|summit|official|informal|first|second|annual|productive|restricted|virtual|online"
    r"|telephone|phone|video|inaugural|trilateral|leaders[’']?|extensive|wide-ranging)\s+)*"
    r"(?:meetings?|talks|discussions|summit|call|conversation))\b"
)
_SIDELINES = re.compile(r"\b(?:sidelines|margins|margin)\s+of\s+(?:the\s+)?$")
_DEFENCE_WORDS = re.compile(
    r"\b(?:Defen[cs]e|Security|Military|Ministerial|Strategic|Bilateral|2\+2|Consultative"
    r"|Staff|Naval|Army|Armed)\b"
)
_MEETING_TAIL = re.compile(
    r"\s+(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*"
    rf"(?:\s+(?:19|20)\d\d)?|(?:{MONTH_NAMES})(?:\s+(?:19|20)\d\d|\s+(?:last|this|next) year)?)"
)
_MET = re.compile(r"\b(?:met|meets|meet|meeting)\s+(?:with\s+)?")
_VISIT_TO = re.compile(
    r"\b(?:visit(?:ed|ing|s)?|trip|tour|travel(?:l?ed)?|arriv(?:ed|al|es)|departure|went|flew"
    r"|came)\s+(?:to|in|of)?\s*(?:the\s+)?(?P<place>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})"
)
_VISIT_WORD = re.compile(r"\b(?:visit(?:ed|ing|s)?|trip|tour|arriv\w+|departure|in the presence)\b")
_POSSESSIVE_VISIT = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour|departure)\b")
_BACK_TO_MEETING = re.compile(
    r"\b(?:co-?chaired|chaired|presided over|led (?:their |the )?(?:respective )?delegations"
    r"|the (?:meeting|talks|dialogue|summit))\b"
)
_AFTER_VISIT = re.compile(
    r"\s+(?:to|in)\s+(?:the\s+)?(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
)
_VISITING = re.compile(r"\bvisiting\s+(?=[A-Z])")
_METONYM_VISIT = re.compile(r"\s+(?:visit|trip|tour)\b")
_IN_PLACE = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*"
    r"(?:,\s+[A-Z]\.?[A-Z]\.?(?!\w))?)"
)
_MEETING_WORDS: Final = re.compile(r"\b(?:met|meet|meeting|talks|discussions|summit|dialogue)\b")
_DESCRIBED_DIALOGUE = re.compile(
    r"\b(?:held|hold|holds|attend(?:ed|s)?|during|at|co-?chair(?:ed|s)?|chaired|for)\s+"
    r"(?:an?\s+|the\s+|their\s+)?(?P<np>(?:\d+(?:st|nd|rd|th)|first|second|third|annual"
    r"|inaugural)?\s*(?:[A-Z][\w’'-]*(?:[\s-][A-Z][\w’'-]*)*\s+)?(?:defen[cs]e|security"
    r"|strategic|military|maritime|2\+2)\s+(?:policy\s+|cooperation\s+|ministerial\s+)?"
    r"dialogue)\b"
)
"""A dialogue described in lower case: "attend the 10th Vietnam-South Korea defence policy
dialogue", "held their annual maritime dialogue"."""


def build_meetings(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return meetings: named ones ("Security Consultative Meeting") and described ones."""
    drafts: list[Draft] = []
    for match in _NTH_MEETING.finditer(info.text):
        start, end = info.start + match.start("np"), info.start + match.end("np")
        drafts.append(Draft("meeting", clean_subject(match.group("np")), start, end, info))
    seen: set[int] = set()
    for mention in info.mentions:
        if mention.label != ENTRY or getattr(mention.value, "kind", "") != "institution":
            continue
        name = mention.value.name
        if not MEETING_HEADS.search(name) or id(mention.value) in seen:
            continue
        before = info.text[max(0, info.local(mention.start) - 60) : info.local(mention.start)]
        if _SIDELINES.search(before[-30:]):
            continue  # the venue of a meeting, not the meeting
        if RAISED_TO.search(before):
            continue  # "raising it to a 2+2 dialogue": the mechanism, an institution
        seen.add(id(mention.value))
        if not _covered(drafts, mention.start, mention.end):
            draft = Draft("meeting", mention.text, mention.start, mention.end, info)
            draft.aliases = [n for n in (name, *mention.value.aliases) if n != mention.text]
            drafts.append(draft)
    for local_start, local_end in headed_names(info.text, MEETING_HEADS):
        start, end = info.start + local_start, info.start + local_end
        name = info.text[local_start:local_end]
        if _SIDELINES.search(info.text[max(0, local_start - 30) : local_start]):
            continue  # "on the sidelines of the Shangri-La Dialogue": a venue, not the meeting
        if not _covered(drafts, start, end) and _bilateral_name(info, name, start, end):
            drafts.append(Draft("meeting", name, start, end, info))
    if not drafts and _MEETING_WORDS.search(info.lower):
        drafts.extend(_described_meetings(info, doc))
    return drafts


def _covered(drafts: list[Draft], start: int, end: int) -> bool:
    return any(d.start < end and start < d.end for d in drafts)


def _bilateral_name(info: SentenceInfo, name: str, start: int, end: int) -> bool:
    """Return True for a meeting name about defence or between named states."""
    states = {s.code for s in info.states if start <= s.start and s.end <= end}
    return len(name.split()) > 1 and (len(states) >= 2 or _DEFENCE_WORDS.search(name) is not None)


def _described_meetings(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return "talks between X and Y" or "a one-on-one meeting" as a meeting draft."""
    dialogue = _DESCRIBED_DIALOGUE.search(info.text)
    if dialogue is not None:
        start = info.start + dialogue.start("np")
        subject = clean_subject(dialogue.group("np"))
        return [Draft("meeting", subject, start, start + len(dialogue.group("np")), info)]
    people = [p for p in find_people(info, doc.lexicon.surnames) if p.state]
    match = _DESCRIPTIVE_MEETING.search(info.text)
    met = _MET.search(info.text)
    if match is None and met is None:
        return []
    noun = match.group("np") if match else "meeting"
    anchor = info.start + (match.start("np") if match else met.start() if met else 0)
    if len(people) >= 2 and len({p.state for p in people}) >= 2:
        first, second = _two_sides(people)
        subject = (
            f"{noun} between {first.written or first.name} and {second.written or second.name}"
        )
        return [Draft("meeting", subject, anchor, anchor + len(noun), info)]
    if match is None:
        return []
    tail = _MEETING_TAIL.match(info.text, match.end("np"))
    if tail is None and re.search(r"\bthe\s+$", info.text[: match.start("np")]):
        return []  # "after the virtual summit": the one already reported
    if tail is not None:
        noun = noun + tail.group()
    if len(noun.split()) > 1:
        return [
            Draft("meeting", clean_subject(noun), anchor, anchor + len(noun), info, confidence=0.5)
        ]
    return []


def _two_sides(people: list[Person]) -> tuple[Person, Person]:
    first = people[0]
    second = next(p for p in people if p.state != first.state)
    return first, second


def build_visits(info: SentenceInfo, doc: DocumentInfo) -> list[Draft]:
    """Return visits: an official of one state of the dyad placed in the other.

    "X's visit to Y" names each visitor and host; "visiting X" names the
    visitor; otherwise every official of the dyad whose state is not the
    host's is one, when the sentence speaks of a visit or places a meeting
    in the host state.
    """
    people = [
        p for p in find_people(info, doc.lexicon.surnames) if person_state(info, p) in doc.dyad
    ]
    named = {person_state(info, p) for p in people if not p.office}
    people = [p for p in people if not (p.office and person_state(info, p) in named)]
    if not people:
        return []  # "Austin traveled to ..., the first visit by a U.S. defense secretary": one
    visit = _VISIT_WORD.search(info.lower)
    anchor = visit or _MEETING_WORDS.search(info.lower)
    near = info.lower[max(0, anchor.start() - 30) : anchor.start()] if anchor else info.lower
    future = FUTURE_CUES.search(near) is not None
    pairs = _possessive_visits(info, doc, people)
    if pairs is None:
        pairs = _placed_visits(info, doc, people, visit_word=visit is not None)
    drafts: list[Draft] = []
    for person, host in pairs:
        state = person_state(info, person)
        destination = host[0] if host else next((c for c in doc.dyad if c != state), None)
        if destination is None or destination == state or destination not in doc.dyad:
            continue
        draft = Draft("visit", person.written or person.name, person.start, person.end, info)
        if person.written and person.written != person.name:
            draft.aliases.append(person.name)
        draft.from_, draft.to = state, destination
        draft.place = host[1] if host else None
        draft.status, draft.status_fixed = ("planned" if future else "held"), True
        draft.hedged = future
        drafts.append(draft)
    return drafts


_Host = tuple[str, str | None] | None


def _possessive_visits(
    info: SentenceInfo, doc: DocumentInfo, people: list[Person]
) -> list[tuple[Person, _Host]] | None:
    """Return (visitor, host) for each "X's visit to Y" of a sentence, or None if it has none."""
    pairs: list[tuple[Person, _Host]] = []
    found = False
    for owner in _POSSESSIVE_VISIT.finditer(info.text):
        found = True
        at = info.start + owner.start()
        person = next((p for p in people if p.start <= at <= p.end + 1), None)
        if person is None:
            continue
        where = _AFTER_VISIT.match(info.text, owner.end())
        host = None
        if where is not None:
            host = _state_of(info, doc, where.start("place"), where.group("place").rstrip(".,;:"))
        pairs.append((person, host))
    return pairs if found else None


def _placed_visits(
    info: SentenceInfo, doc: DocumentInfo, people: list[Person], *, visit_word: bool
) -> list[tuple[Person, _Host]]:
    """Return (visitor, host) pairs for a sentence that places officials in a state."""
    host = _host_state(info, doc)
    if (
        host is None
        and doc.venue
        and info.index - doc.venue[0] <= 2
        and _BACK_TO_MEETING.search(info.lower)
    ):
        host = doc.venue[1], doc.venue[2]  # "co-chaired the meeting": the one placed before
    meeting_word = _MEETING_WORDS.search(info.lower) is not None
    together = len({p.state for p in people if p.state}) >= 2  # both sides' leaders, in one place
    if not (visit_word or (host and (meeting_word or together))):
        return []
    visiting = _VISITING.search(info.text)
    if visiting is not None:
        at = info.start + visiting.end()
        guests = [p for p in people if at <= p.start <= at + 45][:1]
        if guests:
            # "visiting Saudi Crown Prince X": the adjective is the guest's, not the host
            host = _host_state(info, doc, skip=visiting.start())
        people = guests
    if host is None and not visit_word:
        return []
    return [(person, host) for person in people]


def _host_state(
    info: SentenceInfo, doc: DocumentInfo, *, skip: int = -1
) -> tuple[str, str | None] | None:
    """Return (state, place) where the sentence places people: "in Tokyo", "visit to France".

    The place is None when the text names only the state ("a visit to France"); the
    visit word at local offset ``skip`` is passed over.
    """
    for match in _VISIT_TO.finditer(info.text):
        if match.start() == skip:
            continue
        found = _state_of(info, doc, match.start("place"), match.group("place").rstrip(".,;:"))
        if found is not None:
            return found
    for match in _IN_PLACE.finditer(info.text):
        place = match.group("place").rstrip(".,;:")
        absolute = info.start + match.start("place")
        if seat_within(info, absolute, absolute + len(place)):
            continue  # "at the Pentagon in Washington, DC": the city is the place
        found = _state_of(info, doc, match.start("place"), place)
        if found is not None:
            return found
    for state in info.states:
        if state.how == METONYM and _METONYM_VISIT.match(info.text, info.local(state.end)):
            return state.code, info.text[info.local(state.start) : info.local(state.end)]
    return None


def _state_of(
    info: SentenceInfo, doc: DocumentInfo, local_start: int, place: str
) -> tuple[str, str | None] | None:
    """Return (state, place) for a place written at ``local_start``, or None if unknown."""
    local_end = local_start + len(place)
    for state in info.states:
        if info.local(state.start) < local_end and local_start < info.local(state.end):
            named_state = state.how != METONYM and len(place) <= state.end - state.start + 1
            return state.code, None if named_state else place
    code = place_state(place, prefer=doc.dyad)
    return (code, place) if code else None
