"""The grievance workflow as data: which action moves which state to which, and who may do it.

No ORM here. `services.grievance_transition` looks a move up in TRANSITIONS, checks the actor
and the guard, and writes the change under a row lock.
"""

from dataclasses import dataclass
from enum import StrEnum

from ..choices import Status


class Actor(StrEnum):
    MSME = "msme"  # the complainant (an entrepreneur representing the enterprise)
    OFFICER = "officer"  # an officer of the room that holds the grievance, or the hub
    APPELLATE = "appellate"  # the appellate officer at the hub
    SYSTEM = "system"  # the periodic sweep


class Action(StrEnum):
    ASSIGN = "assign"
    START = "start"
    ASK_MSME = "ask_msme"
    MSME_REPLY = "msme_reply"
    RESOLVE = "resolve"
    REOPEN = "reopen"
    CLOSE = "close"
    APPEAL = "appeal"
    DECIDE_APPEAL = "decide_appeal"
    REFER = "refer"  # to another department or ministry: resolved here, with the reason


@dataclass(frozen=True)
class Transition:
    to: Status
    actors: frozenset[Actor]
    needs_note: bool = False


def _t(to: Status, *actors: Actor, needs_note: bool = False) -> Transition:
    return Transition(to=to, actors=frozenset(actors), needs_note=needs_note)


OFFICER, MSME, APPELLATE, SYSTEM = Actor.OFFICER, Actor.MSME, Actor.APPELLATE, Actor.SYSTEM

TRANSITIONS: dict[tuple[Status, Action], Transition] = {
    (Status.SUBMITTED, Action.ASSIGN): _t(Status.ASSIGNED, OFFICER, SYSTEM),
    (Status.ASSIGNED, Action.ASSIGN): _t(Status.ASSIGNED, OFFICER),
    (Status.ASSIGNED, Action.START): _t(Status.IN_PROGRESS, OFFICER),
    (Status.REOPENED, Action.ASSIGN): _t(Status.ASSIGNED, OFFICER),
    (Status.REOPENED, Action.START): _t(Status.IN_PROGRESS, OFFICER),
    (Status.IN_PROGRESS, Action.ASK_MSME): _t(Status.AWAITING_MSME, OFFICER, needs_note=True),
    (Status.AWAITING_MSME, Action.MSME_REPLY): _t(Status.IN_PROGRESS, MSME),
    (Status.AWAITING_MSME, Action.START): _t(Status.IN_PROGRESS, OFFICER),
    (Status.IN_PROGRESS, Action.RESOLVE): _t(Status.RESOLVED, OFFICER, needs_note=True),
    (Status.ASSIGNED, Action.RESOLVE): _t(Status.RESOLVED, OFFICER, needs_note=True),
    # A matter for another department or ministry is resolved here with a note naming it;
    # the MSME can still reopen it or rate it like any other resolution.
    (Status.ASSIGNED, Action.REFER): _t(Status.RESOLVED, OFFICER, needs_note=True),
    (Status.IN_PROGRESS, Action.REFER): _t(Status.RESOLVED, OFFICER, needs_note=True),
    (Status.AWAITING_MSME, Action.REFER): _t(Status.RESOLVED, OFFICER, needs_note=True),
    (Status.REOPENED, Action.REFER): _t(Status.RESOLVED, OFFICER, needs_note=True),
    (Status.RESOLVED, Action.REOPEN): _t(Status.REOPENED, MSME, needs_note=True),
    (Status.RESOLVED, Action.CLOSE): _t(Status.CLOSED, MSME, SYSTEM),
    (Status.CLOSED, Action.APPEAL): _t(Status.APPEALED, MSME, needs_note=True),
    (Status.APPEALED, Action.DECIDE_APPEAL): _t(Status.APPEAL_DECIDED, APPELLATE, needs_note=True),
}

# The MSME may reopen a resolved grievance for this many days (Champions rule), and an
# unrated resolved grievance closes by itself after the same period.
REOPEN_WINDOW_DAYS = 15
# CPGRAMS allows a grievance to be transferred at most three times; then the hub decides.
MAX_TRANSFERS = 3
POOR_RATING_MAX = 2  # ratings 1 and 2 count as "poor": the page offers an appeal


class IllegalTransition(ValueError):
    """The action is not allowed from this state, or not for this actor."""


def transition_for(status: str, action: str, actor: Actor) -> Transition:
    """The move `action` makes from `status`, or IllegalTransition with a reason to show."""
    try:
        move = TRANSITIONS[(Status(status), Action(action))]
    except (KeyError, ValueError) as exc:
        raise IllegalTransition(
            f"'{action}' is not possible while the grievance is {Status(status).label.lower()}."
        ) from exc
    if actor not in move.actors:
        raise IllegalTransition(f"'{action}' cannot be done by the {actor.value}.")
    return move


def actions_for(status: str, actor: Actor) -> list[Action]:
    """Every action this actor may take from this state (drives the buttons on the page)."""
    return [
        action
        for (state, action), move in TRANSITIONS.items()
        if state == status and actor in move.actors
    ]
