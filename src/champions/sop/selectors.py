"""Reads of the SOP and onboarding: pages for the reader's role, an officer's progress, and
the hub's view of who has completed onboarding."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from champions.accounts.choices import Role
from champions.accounts.selectors import user_is_officer, user_sees_whole_country
from champions.core.errors import NotFound

from . import content
from .models import ChecklistTick, QuizAttempt

WORKING_ROLES = (Role.SPOKE_OFFICER, Role.HUB_OFFICER, Role.ADMINISTRATOR)


def help_pages_for_user(*, user) -> list[content.PageVersion]:
    """The hub, leadership and administrators see every page; others their role's."""
    if user_sees_whole_country(user):
        return content.pages()
    return content.pages(role=getattr(user, "role", None) or "")


def help_page_get(*, slug: str, version: int | None = None) -> content.PageVersion:
    found = content.page(slug=slug, version=version)
    if found is None:
        raise NotFound(_("No such help page."))
    return found


@dataclass(frozen=True)
class Progress:
    items: list[tuple[content.ChecklistItem, bool]]
    best_score: int | None
    passed: bool

    @property
    def read_count(self) -> int:
        return sum(1 for _item, done in self.items if done)

    @property
    def complete(self) -> bool:
        return self.passed and all(done for _item, done in self.items)


def _progress(user_id: int, ticks: set[str], attempts: list[QuizAttempt]) -> Progress:
    items = [(item, item.code in ticks) for item in content.checklist()]
    best = max((a.score for a in attempts), default=None)
    return Progress(items, best, any(a.passed for a in attempts))


def onboarding_progress(*, user) -> Progress:
    if not user_is_officer(user):
        raise NotFound(_("No such page."))
    ticks = set(ChecklistTick.objects.filter(user=user).values_list("code", flat=True))
    return _progress(user.pk, ticks, list(QuizAttempt.objects.filter(user=user)))


def onboarding_report(*, user) -> list[tuple[object, Progress]]:
    """Every working officer with their progress, for the hub; three queries."""
    if not user_sees_whole_country(user):
        raise NotFound(_("No such page."))
    officers = list(
        get_user_model()
        .objects.filter(is_active=True, role__in=WORKING_ROLES)
        .select_related("control_room")
        .order_by("control_room__name", "full_name", "email")
    )
    ticks: dict[int, set[str]] = {}
    for user_id, code in ChecklistTick.objects.values_list("user_id", "code"):
        ticks.setdefault(user_id, set()).add(code)
    attempts: dict[int, list[QuizAttempt]] = {}
    for attempt in QuizAttempt.objects.all():
        attempts.setdefault(attempt.user_id, []).append(attempt)
    return [(o, _progress(o.pk, ticks.get(o.pk, set()), attempts.get(o.pk, []))) for o in officers]
