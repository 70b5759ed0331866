"""Assemble events: run every builder over each sentence, settle attributes, merge repeats.

Find first, write second: builders find drafts in a sentence; this module
gives each draft its status, date, place, quantity and parties, then turns
the drafts of the whole document into :class:`~pactwatch.records.Event`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from pactwatch.extract.anaphora import (
    GenericSigning,
    apply_generic_signing,
    find_generic_signing,
    sign_reported_deal,
)
from pactwatch.extract.attributes import (
    find_date,
    find_place,
    find_quantity,
    find_status,
    is_event_date,
    month_of,
    places_in,
    visit_span,
)
from pactwatch.extract.build_agreements import (
    build_agreements,
    build_designations,
    build_institutions,
    designation_direction,
)
from pactwatch.extract.build_arms import build_procurements
from pactwatch.extract.build_deals import build_deals
from pactwatch.extract.build_exercises import build_exercises, build_port_calls
from pactwatch.extract.build_meetings import build_meetings, build_visits
from pactwatch.extract.build_trade import build_trade_measures
from pactwatch.extract.context import DocumentInfo, SentenceInfo, StateMention
from pactwatch.extract.directions import recipient
from pactwatch.extract.drafts import Draft
from pactwatch.extract.lexicon import PERSON
from pactwatch.extract.merge import fold_programme_twins, merge_repeats
from pactwatch.extract.places import place_state
from pactwatch.records import Event

Builder = Callable[[SentenceInfo, DocumentInfo], list[Draft]]


@dataclass(frozen=True, slots=True)
class BuilderRow:
    """A builder and what wakes it: its cue words (cues.py), or a listed name of its kinds."""

    name: str
    build: Builder
    kinds: frozenset[str] = frozenset()
    people: int = 0
    """Also wake for a sentence naming at least this many known officials (0: never)."""

    def wakes(self, info: SentenceInfo) -> bool:
        """Return True when the sentence may hold this builder's events (a cheap test)."""
        if self.name in info.cues or (self.kinds and not self.kinds.isdisjoint(info.kinds)):
            return True
        return self.people > 0 and sum(m.label == PERSON for m in info.mentions) >= self.people


def _woken(info: SentenceInfo) -> list[BuilderRow]:
    """Return the builders the sentence wakes, in order (none without cue words or listed names)."""
    if not (info.cues or info.mentions):
        return []
    return [row for row in BUILDERS if row.wakes(info)]


BUILDERS: tuple[BuilderRow, ...] = (
    BuilderRow("agreement", build_agreements, frozenset({"agreement"})),
    BuilderRow("designation", build_designations, frozenset({"designation"})),
    BuilderRow("institution", build_institutions),
    BuilderRow("meeting", build_meetings, frozenset({"institution"})),
    BuilderRow("visit", build_visits, people=2),
    BuilderRow("exercise", build_exercises, frozenset({"exercise"})),
    BuilderRow("port_call", build_port_calls),
    BuilderRow("procurement", build_procurements),
    BuilderRow("procurement", build_deals),
    BuilderRow("trade_measure", build_trade_measures),
)
"""Every builder, in the order their drafts are reported, with what wakes it."""

_DEFAULT_DONE = {
    "agreement": "signed",
    "exercise": "held",
    "meeting": "held",
    "visit": "held",
    "port_call": "held",
    "designation": "granted",
    "institution": "established",
    "trade_measure": "imposed",
}
_DIRECTED = frozenset(
    {"procurement", "coproduction", "designation", "visit", "port_call", "trade_measure"}
)
_PLACED = frozenset({"meeting", "visit", "exercise", "port_call", "agreement"})
_ARRIVED = frozenset({"delivered", "in_service"})
_ONE_END = re.compile(
    r"\b(?:commenc\w+|began|begins|begun|start\w*|kick\w* off|open\w*|conclud\w+)\b"
)
_INHERITS = frozenset(
    {"signed", "agreed", "held", "ordered", "established", "granted", "imposed", "extended"}
)


def build_events(doc: DocumentInfo) -> list[Event]:
    """Return the events of a document, in order of their evidence, repeats merged."""
    drafts: list[Draft] = []
    pending: GenericSigning | None = None
    narrative: str | None = None
    for info in doc.sentences:
        sentence_drafts = [d for row in _woken(info) for d in row.build(info, doc)]
        for draft in sentence_drafts:
            rivals = [(d.start, d.end) for d in sentence_drafts if d.type == draft.type]
            _settle(draft, doc, rivals)
        sentence_drafts = fold_programme_twins(sentence_drafts)
        sign_reported_deal(info, sentence_drafts, drafts)
        if apply_generic_signing(pending, sentence_drafts):
            pending = None
        pending = find_generic_signing(info, sentence_drafts) or pending
        _date_perfect(sentence_drafts, doc.published, lede=narrative is None)
        _inherit_dates(sentence_drafts, narrative)
        _remember_venue(doc, sentence_drafts)
        for draft in sentence_drafts:
            if draft.type == "visit" and draft.date:
                draft.date = visit_span(info.lower, draft.date)
        narrative = _narrative_date(info, narrative)
        drafts.extend(sentence_drafts)
    _orient_deals(drafts)
    _place_port_calls(doc, drafts)
    _place_deliveries(drafts)
    _place_visits(doc, drafts)
    drafts = _fold_unnamed_exercises(drafts)
    return [_to_event(d) for d in merge_repeats(drafts) if len(d.parties) >= 2]


_NAMED_NEAR = 2
"""How many sentences away a named exercise may be for an unnamed mention to be it."""


def _fold_unnamed_exercises(drafts: list[Draft]) -> list[Draft]:
    """Drop "their first joint military exercises" when a named exercise of the same states
    is told within two sentences: the text speaks of that one, not of another."""
    named = [d for d in drafts if d.type == "exercise" and not d.subject[:1].islower()]

    def named_one(draft: Draft) -> Draft | None:
        if draft.type != "exercise" or not draft.subject[:1].islower() or draft.date:
            return None  # a name, or a date of its own: maybe another exercise
        return next(
            (
                n
                for n in named
                if set(n.parties) == set(draft.parties)
                and abs(n.info.index - draft.info.index) <= _NAMED_NEAR
                and (draft.place is None or n.place in (None, draft.place))
            ),
            None,
        )

    kept: list[Draft] = []
    for draft in drafts:
        same = named_one(draft)
        if same is None:
            kept.append(draft)
        elif same.place is None:
            same.place = draft.place  # "began ... in the Aegean. The drills, called X, ..."
    return kept


def _orient_deals(drafts: list[Draft]) -> None:
    """Give deals the text left unoriented the direction of the document's other procurements."""
    directions = Counter(
        (d.from_, d.to)
        for d in drafts
        if d.type in ("procurement", "coproduction") and d.oriented and d.from_ and d.to
    )
    if not directions:
        return
    (source, target), _ = directions.most_common(1)[0]
    for draft in drafts:
        if not draft.oriented and {draft.from_, draft.to} <= {source, target, None}:
            draft.from_, draft.to = source, target
            draft.parties = sorted({source, target})


_PORT_REACH = 3
"""How many sentences after a port call may name its port ("arrived in Vietnam ... off Da Nang")."""


def _place_port_calls(doc: DocumentInfo, drafts: list[Draft]) -> None:
    """Give a port call that names only its host state the first port the next sentences
    place in that state."""
    skip = doc.lexicon.names_of(doc.dyad)
    for draft in drafts:
        if draft.type != "port_call" or draft.place or draft.to is None:
            continue
        following = doc.sentences[draft.info.index + 1 : draft.info.index + 1 + _PORT_REACH]
        ports = (place for info in following for _, place in places_in(info, skip=skip))
        draft.place = next((p for p in ports if place_state(p, prefer=doc.dyad) == draft.to), None)


_GATHERING = re.compile(r"\b(?:meetings?|talks|summit|visit\w*|met)\b")


def _place_visits(doc: DocumentInfo, drafts: list[Draft]) -> None:
    """Give a visit whose sentence names no place the first place in the host state that a
    later sentence about the meetings names ("the meetings in Washington were about ...")."""
    skip = doc.lexicon.names_of(doc.dyad)
    for draft in drafts:
        if draft.type != "visit" or draft.place or draft.to is None:
            continue
        later = doc.sentences[draft.info.index + 1 :]
        places = (
            place
            for info in later
            if _GATHERING.search(info.lower)
            for _, place in places_in(info, skip=skip)
        )
        draft.place = next((p for p in places if place_state(p, prefer=doc.dyad) == draft.to), None)


def _place_deliveries(drafts: list[Draft]) -> None:
    """Give a delivery with no place the place where the next sentences' aircraft or ship
    carrying it to the same recipient arrived ("... landed at the X Air Base")."""
    arrivals = [d for d in drafts if d.type == "port_call" and d.place and d.to]
    for draft in drafts:
        if draft.type != "procurement" or draft.status != "delivered" or draft.place:
            continue
        index = draft.info.index
        draft.place = next(
            (
                a.place
                for a in arrivals
                if a.to == draft.to and index <= a.info.index <= index + _PORT_REACH
            ),
            None,
        )


def _settle(draft: Draft, doc: DocumentInfo, rivals: list[tuple[int, int]]) -> None:
    info = draft.info
    if not draft.status_fixed:
        status = find_status(info, draft.type, draft.start, draft.end, rivals)
        draft.status, draft.trigger = status.value, status.trigger
        draft.hedged, draft.negated = status.hedged, status.negated
    draft.date = find_date(info, draft.start, draft.end, rivals)
    if draft.status is None and draft.date and not draft.hedged and not draft.negated:
        draft.status = _DEFAULT_DONE.get(draft.type)
    if draft.type == "exercise" and draft.date and _ONE_END.search(info.lower):
        draft.date = month_of(draft.date)  # an exercise with one end given: its month
    if draft.type in ("procurement", "coproduction"):
        draft.quantity = find_quantity(info, draft.start)
    if draft.type == "port_call" and draft.trigger is not None:
        # the port is the place of the call: "docked in X", "is scheduled to visit Goa"
        draft.place = find_place(info, *draft.trigger, skip=doc.lexicon.names_of(doc.dyad))
    if draft.place is None and (draft.type in _PLACED or draft.status in _ARRIVED):
        draft.place = find_place(
            info, draft.start, draft.end, skip=doc.lexicon.names_of(doc.dyad), rivals=rivals
        )
    _settle_parties(draft, doc)


def _narrative_date(info: SentenceInfo, current: str | None) -> str | None:
    """Return the date a news narrative is at after this sentence: its last day or month.

    A bare year is background ("the contract signed in 2022") and does not move it.
    """
    for mention in reversed(info.dates):
        exact = mention.precision in ("day", "month") and mention.kind != "interval"
        if exact and is_event_date(info, mention):
            return mention.edtf
    return current


_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:also\s+|now\s+|just\s+|recently\s+|already\s+)?(?:been\s+)?"
    r"(?!been\b)[a-z]+(?:ed|en|ne|ld|gn)\b"
)
"""A present perfect ("have also been announced", "has signed"): news of the day."""
_DATED_BY_NEWS = frozenset(
    {
        "signed",
        "agreed",
        "ordered",
        "held",
        "established",
        "granted",
        "imposed",
        "lifted",
        "extended",
    }
)
"""Steps taken on a day; not states that last ("in force") or pile up ("have been delivered")."""


_LEDE = 1
"""The last sentence index that can be a news lede (after a headline line)."""


_ACT = re.compile(r"[a-z-]+ed|held|won|struck|sold|bought|set up")
"""A trigger that is itself the act in the past tense ("announced", "signed", "held")."""


def _acts(draft: Draft) -> bool:
    if draft.trigger is None:
        return False
    start, end = draft.trigger
    return (
        _ACT.fullmatch(draft.info.lower[draft.info.local(start) : draft.info.local(end)])
        is not None
    )


def _date_perfect(drafts: list[Draft], published: str | None, *, lede: bool) -> None:
    """Date an undated event on the day of publication when it is told in the present
    perfect, or in the lede of a story that has named no date yet ("X and Y announced")."""
    if published is None:
        return
    for draft in drafts:
        if draft.date is not None or draft.status is None or draft.hedged or draft.negated:
            continue
        if draft.status not in _DATED_BY_NEWS or draft.info.dates:
            continue
        in_lede = lede and draft.info.index <= _LEDE and _acts(draft)
        if in_lede or _PERFECT.search(draft.info.lower):
            draft.date = published


def _inherit_dates(drafts: list[Draft], narrative: str | None) -> None:
    """Give undated past events the day or month the narrative is at ("The deal was signed")."""
    if narrative is None:
        return
    for draft in drafts:
        if draft.date is None and draft.status in _INHERITS and not draft.hedged:
            draft.date = narrative


def _remember_venue(doc: DocumentInfo, drafts: list[Draft]) -> None:
    """Keep where the last meeting was, for a later "co-chaired the meeting" without a place."""
    for draft in drafts:
        if draft.type != "meeting" or not draft.place:
            continue
        named = [s.code for s in draft.info.states if _text_of(draft.info, s) in draft.place]
        state = named[0] if named else place_state(draft.place, prefer=doc.dyad)
        if state in doc.dyad:
            doc.venue = (draft.info.index, state, draft.place)


def _text_of(info: SentenceInfo, state: StateMention) -> str:
    return info.text[info.local(state.start) : info.local(state.end)]


def _settle_parties(draft: Draft, doc: DocumentInfo) -> None:
    info = draft.info
    if draft.type in ("procurement", "coproduction"):
        draft.to = draft.to or recipient(info, doc, draft.from_)
    elif draft.type == "designation":
        giver, receiver = designation_direction(draft)
        draft.from_, draft.to = draft.from_ or giver, draft.to or receiver
    elif draft.type in ("port_call", "visit") and draft.to is None and draft.place:
        host = place_state(draft.place, prefer=doc.dyad)
        # "Goa" is also a city in the Philippines: trust a place's state only when the text
        # names that state, or names no second state to be the host
        trusted = host in doc.dyad or host in info.codes() or len(doc.dyad) < 2
        draft.to = host if trusted else None
    if draft.type in ("port_call", "visit") and draft.to is None:
        draft.to = next((c for c in _placed_states(info) if c != draft.from_), None)
    if draft.type == "coproduction" and draft.joint:
        parties = set(draft.joint)
        draft.from_ = draft.to = None
    elif draft.type in _DIRECTED:
        draft.from_, draft.to = _fill_direction(draft.from_, draft.to, doc.dyad)
        parties = {code for code in (draft.from_, draft.to) if code}
    else:
        parties = set(_explicit_parties(draft, doc))
        if len(parties) < 2:
            parties.update(_listed_together(info))
    for code in _fill_order(info, doc):
        if len(parties) >= 2:
            break
        parties.add(code)
    if len(parties) < 2 and draft.usual:
        parties.update(draft.usual)  # "the Malabar exercise will be hosted by Australia"
    draft.parties = sorted(parties)


_THE_TWO = re.compile(
    r"\b(?:the two|both)\s+(?:[a-z]+\s+)?(?:allies|countries|nations|sides|leaders|"
    r"governments|partners|ministers|militaries|navies|armies|democracies|states)\b"
)
"""Words that point back at the document's pair ("the two allies", "both countries")."""

_AT_PLACE = re.compile(r"\b(?:in|near|off|at|on|around|across|over|from)\s+(?:the\s+)?$")
"""A state named as where something happens ("in Kuala Lumpur", "near Taiwan"), not who acts."""


_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.IGNORECASE)
"""What joins the states of a list ("South Africa, Russia and China")."""


def _listed_together(info: SentenceInfo) -> list[str]:
    """Return the states of the longest list of three or more the sentence names as actors
    ("South Africa, Russia and China began a naval exercise"), or nothing."""
    best: list[str] = []
    run: list[StateMention] = []
    for state in info.states:
        if run and not _JOINED.fullmatch(
            info.text[info.local(run[-1].end) : info.local(state.start)]
        ):
            run = []
        run.append(state)
        codes = list(dict.fromkeys(s.code for s in run))
        if len(codes) > len(best) and not _placed(info, run[0]):
            best = codes
    return best if len(best) >= 3 else []


def _placed(info: SentenceInfo, state: StateMention) -> bool:
    """Whether the sentence names ``state`` as a place ("in Vietnam", "near Taiwan")."""
    before = info.lower[max(0, info.local(state.start) - 12) : info.local(state.start)]
    return _AT_PLACE.search(before) is not None


_COMPARED = re.compile(r"\b(?:since|unlike|like|than|compared (?:with|to)|similar to|as with)\b")
"""Words that bring in another state only for comparison ("since its pact with the US")."""


def _background(info: SentenceInfo, state: StateMention) -> bool:
    """Whether ``state`` is named only for comparison in its clause ("unlike Japan, ...")."""
    before = info.lower[max(0, info.local(state.start) - 60) : info.local(state.start)]
    clause = re.split(r"[,;:(]", before)[-1]
    return _COMPARED.search(clause) is not None


def _placed_states(info: SentenceInfo) -> list[str]:
    """Return the states the sentence names as a place, in order, "from X" left out."""
    return [
        s.code
        for s in info.states
        if _placed(info, s) and not info.lower[: info.local(s.start)].rstrip().endswith("from")
    ]


def _fill_order(info: SentenceInfo, doc: DocumentInfo) -> list[str]:
    """Return the states that complete an event's parties, best first: the actors the
    sentence names (those of the document's pair first), then the document's pair; only the
    pair when the sentence points back at it ("the two allies")."""
    order = doc.fill_orders.get(info.index)
    if order is None:
        order = doc.fill_orders[info.index] = _actors_then_pair(info, doc)
    return order


def _actors_then_pair(info: SentenceInfo, doc: DocumentInfo) -> list[str]:
    if _THE_TWO.search(info.lower):
        return list(doc.dyad)
    named = list(
        dict.fromkeys(
            s.code for s in info.states if not _placed(info, s) and not _background(info, s)
        )
    )
    return list(dict.fromkeys([c for c in named if c in doc.dyad] + named + list(doc.dyad)))


def _fill_direction(
    source: str | None, target: str | None, dyad: tuple[str, ...]
) -> tuple[str | None, str | None]:
    if source is None and target is not None:
        source = next((c for c in dyad if c != target), None)
    if target is None and source is not None:
        target = next((c for c in dyad if c != source), None)
    if source is None and target is None and len(dyad) == 2:
        source, target = dyad
    if source == target:
        target = next((c for c in dyad if c != source), None)
    return source, target


def _explicit_parties(draft: Draft, doc: DocumentInfo) -> list[str]:
    """Return the states tied to the subject: in its name, or "with X"/"between X and Y"."""
    info = draft.info
    inside = [
        s.code
        for s in info.states
        if draft.start <= s.start and s.end <= draft.end and not _placed(info, s)
    ]
    after = info.text[info.local(draft.end) : info.local(draft.end) + 40]
    tied = []
    if re.match(r"\s*(?:with|between)\s", after):
        tied = [s.code for s in info.states if draft.end < s.start <= draft.end + 40]
    codes = list(dict.fromkeys(inside + tied))
    if len(codes) == 1 and codes[0] not in doc.dyad and doc.dyad:
        actors = [s.code for s in info.states if s.code in doc.dyad]
        codes.append(actors[0] if actors else doc.dyad[0])
    return codes


def _to_event(draft: Draft) -> Event:
    info = draft.info
    start, end = info.sent.start, info.sent.end
    return Event(
        type=draft.type,
        status=draft.status,
        subject=draft.subject,
        parties=tuple(draft.parties),
        date=draft.date,
        evidence=info.text[start - info.start : end - info.start],
        span=(start, end),
        aliases=tuple(dict.fromkeys(a for a in draft.aliases if a and a != draft.subject)),
        from_=draft.from_,
        to=draft.to,
        place=draft.place,
        quantity=draft.quantity,
        confidence=draft.confidence,
        hedged=draft.hedged,
        negated=draft.negated,
        trigger=draft.trigger,
    )
