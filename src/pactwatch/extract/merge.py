"""Merge repeated reports of one event within a document.

The first report wins and later sentences fill its gaps; reports whose dates
or counts differ stay apart; a headline gives way to the same event reported
again. Stages of one programme (delivered, then in service) are separate
events unless one name holds the other.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pactwatch.extract.attributes import dates_overlap
from pactwatch.extract.drafts import Draft

_FOLD = re.compile(r"[^a-z0-9]+")
_AGREEMENT_STAGE = {"in_force": 2, "extended": 3, "ended": 4}
"""Later stages of an agreement that a later sentence may report over "signed"."""
_GENERIC_WORDS = frozenset(
    """agreement agreements arrangement arrangements deal pact treaty memorandum understanding
    framework accord protocol concerning on of the a an and for in to with between joint
    defence defense military cooperation bilateral strategic exercise exercises drills meeting
    talks dialogue summit visit""".split()
)


def _fold(name: str) -> str:
    return _FOLD.sub(" ", name.lower()).strip()


def _differ(first: Draft, second: Draft) -> bool:
    """Return True when two drafts of one subject state different counts or dates."""
    counts = (first.quantity, second.quantity)
    return (None not in counts and counts[0] != counts[1]) or not dates_overlap(
        first.date, second.date
    )


def _same_event(first: Draft, second: Draft, names: dict[int, tuple[str, set[str]]]) -> bool:
    """Return True when two drafts report one event: same subject, or a shared name and status."""
    if first.type != second.type:
        return False
    subject_a, all_a = names[id(first)]
    subject_b, all_b = names[id(second)]
    if subject_a == subject_b:
        return True
    compatible = (
        None in (first.status, second.status)
        or first.status == second.status
        or first.type == "agreement"  # one named agreement: its statuses are its history
    )
    if first.type in ("procurement", "coproduction"):
        # stages of one programme are separate events: only a name within the other's merges
        words_a, words_b = set(subject_a.split()), set(subject_b.split())
        return compatible and (words_a <= words_b or words_b <= words_a)
    return compatible and (not all_a.isdisjoint(all_b) or _core_within(all_a, all_b))


def _cores(names: set[str]) -> set[str]:
    """Return the distinctive words of a set of folded names (no "agreement", "joint"...)."""
    return {w for name in names for w in name.split() if w not in _GENERIC_WORDS}


@lru_cache(maxsize=4096)
def _core_words(name: str) -> frozenset[str]:
    """Return the words of a folded name less the generic ones (computed once per name)."""
    return frozenset(name.split()) - _GENERIC_WORDS


def _core_within(names_a: set[str], names_b: set[str]) -> bool:
    """Return True when one name's distinctive words (two or more) all appear in another's."""
    for a in names_a:
        core_a = _core_words(a)
        for b in names_b:
            core_b = _core_words(b)
            small, large = (core_a, core_b) if len(core_a) <= len(core_b) else (core_b, core_a)
            if len(small) >= 2 and small <= large:
                return True
    return False


def _headline(draft: Draft) -> bool:
    """Return True for a draft from a headline: a short first line with no full stop."""
    info = draft.info
    return info.index == 0 and len(info.text) < 150 and not info.text.endswith((".", "!", "?"))


def _drop_headlines(drafts: list[Draft], names: dict[int, tuple[str, set[str]]]) -> list[Draft]:
    """Drop a headline's draft where the text reports the same event again (a lead restates it)."""
    kept = []
    for draft in drafts:
        if _headline(draft):
            cores = _cores(names[id(draft)][1])
            later = [
                d
                for d in drafts
                if d.type == draft.type
                and not _headline(d)
                and not cores.isdisjoint(_cores(names[id(d)][1]))
            ]
            if later:
                fill_gaps(later[0], draft)
                continue
        kept.append(draft)
    return kept


def merge_repeats(drafts: list[Draft]) -> list[Draft]:
    """Keep one draft per event: the first report, its gaps filled by later ones."""
    names = {
        id(d): (_fold(d.subject), {_fold(d.subject), *(_fold(a) for a in d.aliases)})
        for d in drafts
    }
    drafts = _drop_headlines(drafts, names)
    kept: list[Draft] = []
    kept_of_type: dict[str, list[Draft]] = {}  # a twin is of the same type: search only those
    for draft in drafts:
        same_type = kept_of_type.setdefault(draft.type, [])
        twin = next((k for k in same_type if _same_event(k, draft, names)), None)
        if twin is None or _differ(twin, draft):
            kept.append(draft)
            same_type.append(draft)
        else:
            fill_gaps(twin, draft)
            names[id(twin)][1].update(names[id(draft)][1])
    return kept


def fill_gaps(first: Draft, later: Draft) -> None:
    """Complete the first report of an event with what a later sentence adds."""
    if first.status is None or _AGREEMENT_STAGE.get(later.status or "", 0) > _AGREEMENT_STAGE.get(
        first.status, 0
    ):
        first.status, first.trigger = later.status, later.trigger
    if first.date is None or (later.date and "/" in later.date and "/" not in first.date):
        first.date = later.date  # an interval that holds the first date says more
    first.place = first.place or later.place
    first.quantity = first.quantity if first.quantity is not None else later.quantity
    first.aliases.extend(a for a in later.aliases if a not in first.aliases)


def fold_programme_twins(drafts: list[Draft]) -> list[Draft]:
    """Return one sentence's drafts with a co-developed programme told once.

    "A and B agreed to jointly develop a next-generation fighter under the
    Global Combat Air Programme": the named programme is the co-production (not
    also an agreement), and the unnamed kind phrase ("next-generation fighter")
    is the same co-production, kept as its alias.
    """
    named = [d for d in drafts if d.type == "coproduction" and d.subject[:1].isupper()]
    if not named:
        return drafts
    programmes = {_fold(d.subject) for d in named}
    kept: list[Draft] = []
    for draft in drafts:
        if draft.type == "agreement" and _fold(draft.subject) in programmes:
            continue
        twin = next(
            (
                n
                for n in named
                if draft.type == "coproduction"
                and draft.subject[:1].islower()
                and set(n.parties) == set(draft.parties)
            ),
            None,
        )
        if twin is None:
            kept.append(draft)
            continue
        fill_gaps(twin, draft)
        if draft.subject not in twin.aliases:
            twin.aliases.append(draft.subject)
    return kept
