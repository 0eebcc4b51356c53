"""A year of demo grievances, written in bulk the way the services would have written them.

Lodging 3,000 grievances one by one through `grievance_lodge` and the workflow takes minutes
(triage on every text, a transaction per step), so the loader plans each grievance's life in
memory (lodged, routed, resolved or still open, rated, appealed, escalated by the sweep) and
writes the rows with `bulk_create`: registration numbers from the same counters, SLA due dates
from the same policy and holiday calendar, timeline entries and thread messages with the times
they would have had, and the fast models' triage for each text template. The queue's counts
are recounted afterwards. Demo grievances are marked by their contact e-mail domain, so a
second run adds only what is missing.
"""

import contextlib
import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from champions.controlrooms.selectors import hub_get, room_for_district

from . import selectors
from .choices import Category, Channel, Kind, Priority, SlaState, Status, TriageScope
from .demo_templates import TEMPLATES
from .demo_texts import FIRST_NAMES, LAST_NAMES, REPLIES, SLOTS, SLOTS_HI, SUGGESTIONS
from .models import Grievance, Message, RegistrationCounter, TimelineEntry, Triage
from .queue import tallies
from .sla.clock import add_working_days
from .triage_link import predictions
from .workflow.table import REOPEN_WINDOW_DAYS

DEMO_DOMAIN = "demo-msme.champions.in"
DEMO_GRIEVANCES = 3000
LANGUAGES = [("en", 55), ("hi", 30), ("hinglish", 15)]
CHANNELS = [
    (Channel.WEB, 42), (Channel.CPGRAMS, 15), (Channel.PHONE, 12), (Channel.EMAIL, 10),
    (Channel.API, 7), (Channel.OPEN311, 5), (Channel.LETTER, 5), (Channel.VIDEO, 4),
]  # fmt: skip
CATEGORY_WEIGHTS = {
    "delayed_payment": 24, "credit": 12, "subsidy": 10, "raw_material": 5, "labour": 5,
    "licences": 8, "taxation": 9, "infrastructure": 7, "procurement": 6, "udyam": 5,
    "technology": 3, "market_access": 3, "other": 3,
}  # fmt: skip
RATINGS = [(5, 30), (4, 30), (3, 15), (2, 13), (1, 12)]


@dataclass(frozen=True)
class DemoEnterprise:
    enterprise_id: int
    district_id: int
    state_id: int
    udyam_code: str


@dataclass
class Plan:
    """One grievance's life: its row and the entries, messages and triage that go with it."""

    grievance: Grievance
    entries: list[tuple[datetime, str, str, str, str, bool]] = field(default_factory=list)
    messages: list[tuple[datetime, str, bool]] = field(default_factory=list)
    triage: object = None


def _pick(rng: random.Random, weighted):
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights=weights)[0]


def _fill(rng: random.Random, template: str, language: str) -> str:
    slots = SLOTS_HI if language == "hi" else SLOTS
    return template.format(**{key: rng.choice(values) for key, values in slots.items()})


def demo_grievance_count() -> int:
    return Grievance.objects.filter(contact_email__endswith="@" + DEMO_DOMAIN).count()


class _Context:
    """What every plan needs, looked up once: rooms, calendars, policies, triage per template."""

    def __init__(self, *, rng: random.Random, now: datetime, officers: dict[int, int]):
        self.rng, self.now, self.officers = rng, now, officers
        self.hub = hub_get()
        self._rooms: dict[int, object] = {}
        self._calendars: dict[int | None, object] = {}
        self._policies: dict[tuple[str, str], object] = {}
        self._triage: dict[tuple, object] = {}

    def room(self, district_id: int):
        if district_id not in self._rooms:
            self._rooms[district_id] = room_for_district(district_id=district_id) or self.hub
        return self._rooms[district_id]

    def calendar(self, state_id):
        if state_id not in self._calendars:
            self._calendars[state_id] = selectors.calendar_for(state_id=state_id)
        return self._calendars[state_id]

    def policy(self, category: str, priority: str):
        key = (category, priority)
        if key not in self._policies:
            self._policies[key] = selectors.sla_policy_for(category=category, priority=priority)
        return self._policies[key]

    def triage(self, key: tuple, text: str):
        if key not in self._triage:
            self._triage[key] = predictions.text_triage(text)
        return self._triage[key]


def _lodged_at(rng: random.Random, now: datetime) -> datetime:
    # More recent grievances are commoner (the portal grows): age = 365 * u^1.4 days.
    age = timedelta(days=365 * rng.random() ** 1.4)
    moment = (now - age).replace(hour=rng.randint(9, 19), minute=rng.randint(0, 59))
    return min(moment, now - timedelta(minutes=rng.randint(5, 120)))


def _new_grievance(ctx: _Context, enterprise: DemoEnterprise, index: int) -> Plan:
    rng = ctx.rng
    language = _pick(rng, LANGUAGES)
    suggestion = rng.random() < 0.05
    if suggestion:
        category, choices, key = Category.OTHER, SUGGESTIONS[language], ("s", language)
    else:
        category = rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]
        choices, key = TEMPLATES[category][language], (category, language)
    number = rng.randrange(len(choices))
    subject, body = choices[number]
    lodged = _lodged_at(rng, ctx.now)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    channel = Channel.WEB if suggestion else _pick(rng, CHANNELS)
    grievance = Grievance(
        kind=Kind.SUGGESTION if suggestion else Kind.GRIEVANCE,
        channel=channel,
        enterprise_id=enterprise.enterprise_id,
        contact_name=f"{first} {last}",
        contact_email=f"{first}.{last}.{index}@{DEMO_DOMAIN}".lower(),
        contact_phone=f"9{rng.randrange(10**8, 10**9):09d}",
        subject=_fill(rng, subject, language)[:200],
        description=_fill(rng, body, language),
        language=language,
        category=category,
        # the draw is made for suggestions too, so the rest of the demo stays as it was
        priority=Priority.HIGH if rng.random() < 0.15 and not suggestion else Priority.NORMAL,
        state_id=enterprise.state_id,
        district_id=enterprise.district_id,
        room=ctx.hub if suggestion else ctx.room(enterprise.district_id),
        lodged_at=lodged,
        status=Status.SUBMITTED,
        sla_state=SlaState.NONE if suggestion else SlaState.ON_TRACK,
    )
    if channel == Channel.CPGRAMS:
        grievance.cpgrams_number = f"DOMSM/E/{lodged.year}/D{index:07d}"
    return _planned(ctx, grievance, text_key=(*key, number), text=f"{subject}\n{body}")


def _planned(ctx: _Context, grievance: Grievance, *, text_key: tuple, text: str) -> Plan:
    """The lodged grievance's plan: its triage, the first timeline entry, its due dates."""
    plan = Plan(grievance)
    plan.triage = ctx.triage(text_key, text)
    suggestion = grievance.kind == Kind.SUGGESTION
    if plan.triage is not None and not suggestion:
        grievance.department = str(plan.triage.department.label)[:200]
    note = f"Lodged by {Channel(grievance.channel).label}, routed to {grievance.room.name}."
    plan.entries.append((grievance.lodged_at, "lodged", "", Status.SUBMITTED, note, False))
    if not suggestion:
        _due_dates(ctx, grievance)
    return plan


def _due_dates(ctx: _Context, grievance: Grievance) -> None:
    """The due dates from the policy and the state's calendar, as at lodging."""
    calendar = ctx.calendar(grievance.state_id)
    policy = ctx.policy(grievance.category, grievance.priority)
    lodged = grievance.lodged_at
    grievance.assign_due_at = add_working_days(lodged, policy.assign_days, calendar)
    grievance.escalate_due_at = add_working_days(lodged, policy.escalate_days, calendar)
    grievance.resolution_due_at = add_working_days(lodged, policy.resolve_days, calendar)


def _step(plan: Plan, at: datetime, action: str, to: str, note: str = "", internal=False):
    g = plan.grievance
    plan.entries.append((at, action, g.status, to, note, internal))
    g.status = to


def _reply(plan: Plan, at: datetime, action: str, rng: random.Random) -> str:
    slots = SLOTS_HI if plan.grievance.language == "hi" else SLOTS
    return REPLIES[action][plan.grievance.language].format(office=rng.choice(slots["office"]))


def _live(ctx: _Context, plan: Plan) -> None:
    """Walk a grievance through the workflow up to now, as officers and the MSME would have."""
    if plan.grievance.kind == Kind.SUGGESTION:
        return  # suggestions are acknowledged; no SLA clock, no workflow
    _work(ctx, plan)


def _work(ctx: _Context, plan: Plan) -> None:
    rng, now, g = ctx.rng, ctx.now, plan.grievance
    routed = g.lodged_at + timedelta(hours=rng.expovariate(1 / 30))
    if routed > now:
        _sweep(ctx, plan, until=now)
        return
    _step(plan, routed, "assign", Status.ASSIGNED)
    plan.messages.append((routed, _reply(plan, routed, "assign", rng), False))
    started = routed + timedelta(hours=rng.uniform(1, 48))
    resolved = g.lodged_at + timedelta(days=rng.lognormvariate(math.log(12), 0.6))
    if started < min(now, resolved):
        _step(plan, started, "start", Status.IN_PROGRESS)
        if rng.random() < 0.15 and started + timedelta(days=2) < min(now, resolved):
            asked = started + timedelta(days=1)
            question = _reply(plan, asked, "ask_msme", rng)
            _step(plan, asked, "ask_msme", Status.AWAITING_MSME, question)
            plan.messages.append((asked, question, False))
            answered = asked + timedelta(hours=rng.uniform(2, 24))
            if answered < now:
                _step(plan, answered, "msme_reply", Status.IN_PROGRESS)
                plan.messages.append((answered, _reply(plan, answered, "msme_reply", rng), False))
    if resolved > now:
        _sweep(ctx, plan, until=now)
        return
    _sweep(ctx, plan, until=resolved)
    action = "refer" if rng.random() < 0.1 else "resolve"
    note = _reply(plan, resolved, action, rng)
    if action == "refer":
        g.referred_to = g.department or "State Government"
    _step(plan, resolved, action, Status.RESOLVED, note)
    plan.messages.append((resolved, note, False))
    g.resolved_at = resolved
    _close(ctx, plan, resolved)


def _close(ctx: _Context, plan: Plan, resolved: datetime) -> None:
    rng, now, g = ctx.rng, ctx.now, plan.grievance
    window_end = resolved + timedelta(days=REOPEN_WINDOW_DAYS)
    if rng.random() < 0.5:
        rated = resolved + timedelta(days=rng.uniform(0.5, REOPEN_WINDOW_DAYS))
        if rated > now:
            return
        g.rating = _pick(rng, RATINGS)
        _step(plan, rated, "close", Status.CLOSED)
        g.closed_at = rated
        if g.rating <= 2:
            appeal = _reply(plan, rated, "appeal", rng)
            _step(plan, rated, "appeal", Status.APPEALED, appeal)
            g.room, g.feedback = ctx.hub, appeal
            decided = rated + timedelta(days=rng.uniform(5, 40))
            if decided < now:
                note = _reply(plan, decided, "decide_appeal", rng)
                _step(plan, decided, "decide_appeal", Status.APPEAL_DECIDED, note)
    elif window_end < now:
        note = "Closed automatically: not rated within 15 days of resolution."
        _step(plan, window_end, "close", Status.CLOSED, note)
        g.closed_at = window_end


def _sweep(ctx: _Context, plan: Plan, *, until: datetime) -> None:
    """What the SLA sweep would have recorded up to `until`: escalations and breaches."""
    g = plan.grievance
    steps = ((g.escalate_due_at, 1, "Hub"), (g.resolution_due_at, 2, "Leadership"))
    for due, level, label in steps:
        if due and due < until:
            plan.entries.append((due, "escalated", "", "", f"Escalated to {label}.", True))
            g.escalation_level = level
    if g.resolution_due_at and g.resolution_due_at < until:
        plan.entries.append((g.resolution_due_at, "sla_breached", g.status, g.status, "", True))
        g.sla_state = SlaState.BREACHED
    elif g.resolution_due_at and until == ctx.now:
        used = (until - g.lodged_at) / (g.resolution_due_at - g.lodged_at)
        g.sla_state = SlaState.AT_RISK if used >= 0.8 else SlaState.ON_TRACK


def _number(plans: list[Plan], udyam_code_of: dict[int, str]) -> None:
    """Registration numbers in lodging order, from the same counters the service uses."""
    by_key: dict[tuple[int, str], list[Grievance]] = defaultdict(list)
    for plan in sorted(plans, key=lambda p: p.grievance.lodged_at):
        g = plan.grievance
        year = timezone.localdate(g.lodged_at).year
        by_key[(year, udyam_code_of.get(g.state_id, "HQ"))].append(g)
    for (year, code), grievances in by_key.items():
        counter, _ = RegistrationCounter.objects.get_or_create(year=year, code=code)
        RegistrationCounter.objects.filter(pk=counter.pk).update(last=F("last") + len(grievances))
        for offset, g in enumerate(grievances, start=counter.last + 1):
            g.registration_number = f"CHMP/{year}/{code}/{offset:07d}"


@contextlib.contextmanager
def _keep_times(*models):
    """Let bulk_create keep the planned times instead of stamping `auto_now_add` ones."""
    fields = [model._meta.get_field("created_at") for model in models]
    for f in fields:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f in fields:
            f.auto_now_add = True


def _write(plans: list[Plan], officers: dict[int, int], appellate_id: int | None) -> None:
    Grievance.objects.bulk_create([p.grievance for p in plans], batch_size=500)
    entries, messages, triages = [], [], []
    for p in plans:
        g = p.grievance
        officer = officers.get(g.room_id)
        for at, action, before, after, note, internal in sorted(p.entries, key=lambda e: e[0]):
            msme = action in {"close", "appeal", "msme_reply"}
            actor = None if (msme or internal or action == "lodged") else officer
            if action == "decide_appeal" and appellate_id:
                actor = appellate_id  # separation of duties: not the officer who acted
            entries.append(
                TimelineEntry(
                    grievance=g,
                    actor_id=actor,
                    action=action,
                    from_status=before,
                    to_status=after,
                    note=note,
                    is_internal=internal,
                    created_at=at,
                )
            )
        for at, body, internal in p.messages:
            messages.append(Message(grievance=g, body=body, is_internal=internal, created_at=at))
        if p.triage is not None:
            fields = predictions._fields(p.triage)  # the columns the service would store
            triages.append(
                Triage(grievance=g, scope=TriageScope.GRIEVANCE, created_at=g.lodged_at, **fields)
            )
    with _keep_times(Message, Triage):  # timeline times are a plain default
        TimelineEntry.objects.bulk_create(entries, batch_size=1000)
        Message.objects.bulk_create(messages, batch_size=1000)
        Triage.objects.bulk_create(triages, batch_size=500)


@transaction.atomic
def demo_grievances_load(
    *,
    count: int,
    enterprises: list[DemoEnterprise],
    officers: dict[int, int] | None = None,
    seed: int = 2026,
    now: datetime | None = None,
    appellate_id: int | None = None,
) -> int:
    """Add demo grievances until there are `count`; returns how many were added.

    `officers` maps a control room's id to the officer who acts for it in the timeline;
    `appellate_id` is the appellate officer who decides the appeals."""
    missing = count - demo_grievance_count()
    if missing <= 0 or not enterprises:
        return 0
    officers = officers or {}
    rng = random.Random(seed + count)  # noqa: S311 - reproducible fake data, not security
    ctx = _Context(rng=rng, now=now or timezone.now(), officers=officers)
    start = demo_grievance_count()
    plans = []
    for index in range(start, start + missing):
        plan = _new_grievance(ctx, rng.choice(enterprises), index)
        _live(ctx, plan)
        plans.append(plan)
    _number(plans, {e.state_id: e.udyam_code for e in enterprises})
    _write(plans, officers, appellate_id)
    tallies.tally_recount()
    return len(plans)
