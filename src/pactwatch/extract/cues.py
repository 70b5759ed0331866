"""Cue words: the cheap test of whether a sentence may hold events of a kind.

Each builder is woken only by a sentence that has one of its cue words (or
a listed name of its kind). The words are matched by the lexicon's
PhraseMatcher in one pass over the paragraph, so a sentence with no cue
costs nothing more than its tokens.
"""

from __future__ import annotations

from typing import Final


def _forms(*stems: str) -> tuple[str, ...]:
    """Return each stem's forms: "sign" -> sign, signs, signed, signing (regular verbs/nouns)."""
    forms: list[str] = []
    for stem in stems:
        if stem.endswith("e"):
            forms += [stem, stem + "s", stem + "d", stem[:-1] + "ing"]
        else:
            forms += [stem, stem + "s", stem + "ed", stem + "ing"]
    return tuple(forms)


CUES: Final[dict[str, tuple[str, ...]]] = {
    "agreement": (
        *_forms("agreement", "pact", "treaty", "memorandum", "accord", "protocol", "plan"),
        *_forms("roadmap", "arrangement", "framework", "declaration", "statement", "minute"),
        *_forms("charter", "understanding", "convention", "program", "programme", "compact"),
        "treaties", "memoranda", "mou", "moa", "mous", "road map", "terms of reference", "vision",
        "partnership",
    ),
    "designation": (*_forms("designate", "designation"), "ally", "partner"),
    "institution": (
        *_forms("form", "establish", "create", "launch", "constitute", "construct"),
        *_forms("inaugurate", "institute", "dissolve", "disband", "abolish"),
        *_forms("raise", "elevate", "upgrade"),
        "set up", "sets up", "setting up", "wound up", "establishment", "creation",
    ),
    "meeting": (
        *_forms("meet", "meeting", "talk", "discussion", "summit", "dialogue", "consultation"),
        *_forms("session", "conference", "hold", "host"),
        "met", "held", "ministerial", "co-chaired", "chaired", "presided",
    ),
    "visit": (
        *_forms("visit", "trip", "tour", "arrive", "travel", "meet", "talk", "summit"),
        "arrival", "departure", "presence", "met", "travelled", "traveled", "went", "flew",
    ),
    "exercise": (
        *_forms("exercise", "drill", "manoeuvre", "maneuver", "patrol", "operation"),
        "war games", "wargames", "manoeuvres", "maneuvers",
    ),
    "port_call": (
        *_forms("dock", "berth", "anchor", "arrive", "land", "sail", "call", "visit"),
        "port call", "port calls", "port visit", "pulled into", "called at", "deployed",
        "deployment",
    ),
    "procurement": (
        *_forms("buy", "purchase", "procure", "acquire", "order", "contract", "deal", "provide"),
        *_forms("deliver", "delivery", "sale", "sell", "supply", "induct", "commission"),
        *_forms("operate", "arrive", "receive", "transfer", "import", "export", "select"),
        *_forms("produce", "develop", "manufacture", "license", "licence", "build"),
        *_forms("co-produce", "co-develop", "co-production", "co-development", "pick", "opt"),
        *_forms("donate", "gift"), "shipped", "shipment", "shipments",
        "agreement for", "agreements for", "framework agreement", "framework agreements",
        "letter of offer and acceptance", "letters of offer and acceptance", "loa", "loas",
        "bought", "sold", "supplies", "supplied", "deliveries", "procurement", "acquisition",
        "chose", "chosen", "handed over", "hand over", "use of", "joint venture", "locally",
        "make in", "built", "production", "technology transfer", "transfer of technology",
        "make", "makes", "making", "together", "assemble", "assembled", "assembly",
        "acquisitions", "orders", "exports", "imports", "joint development", "construction of",
    ),
    "trade_measure": (
        *_forms("tariff", "sanction", "embargo"), "ban", "bans", "banned", "export controls",
        "restrictions", "curbs",
        "export control", "blacklisted", "entity list",
    ),
}  # fmt: skip
"""Builder name -> the lower-case words and phrases that wake it."""
