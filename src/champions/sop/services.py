"""Writes of onboarding: an officer ticks a checklist item and takes the quiz (their own
progress only)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from champions.accounts.policy import is_read_only
from champions.accounts.selectors import user_is_officer
from champions.core.errors import Forbidden, NotFound, ValidationFailed

from . import content
from .models import ChecklistTick, QuizAttempt


def _officer(actor) -> None:
    if not user_is_officer(actor):
        raise NotFound(_("No such page."))
    if is_read_only(actor):
        raise Forbidden(_("Onboarding is for the officers who work grievances."))


@transaction.atomic
def checklist_tick(*, actor, code: str) -> None:
    _officer(actor)
    if code not in {item.code for item in content.checklist()}:
        raise ValidationFailed(
            _("No such checklist item."), errors={"code": [_("No such checklist item.")]}
        )
    try:
        with transaction.atomic():
            ChecklistTick.objects.get_or_create(user=actor, code=code)
    except IntegrityError:
        pass  # ticked by a parallel click


@transaction.atomic
def quiz_submit(*, actor, answers: dict[str, int | None]) -> QuizAttempt:
    """Score the answers; every question must be answered (a field error otherwise)."""
    _officer(actor)
    questions, pass_mark = content.quiz()
    missing = {q.code: [_("Choose an answer.")] for q in questions if answers.get(q.code) is None}
    if missing:
        raise ValidationFailed(_("Answer every question."), errors=missing)
    score = sum(1 for q in questions if answers[q.code] == q.answer)
    return QuizAttempt.objects.create(
        user=actor,
        answers={q.code: answers[q.code] for q in questions},
        score=score,
        passed=score >= pass_mark,
    )
