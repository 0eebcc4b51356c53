"""Answers about the signed-in owner's own enterprise: its classification and why, the schemes
the eligibility engine finds for it (with the engine's reasons), its next compliance due dates
and its grievances. Every fact comes from the portal's own records, read through the other
apps' selectors, which scope them to the user: an owner only ever hears about their own units
(officers and visitors are sent to the pages instead). Sentences are in the reply language."""

from datetime import timedelta

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from champions.accounts.selectors import user_is_entrepreneur
from champions.compliance.selectors import calendar_get_for_user
from champions.grievances.selectors import grievance_list_for_user
from champions.registry.selectors import enterprise_classification, enterprise_list_for_user
from champions.schemes.eligibility import ELIGIBLE
from champions.schemes.selectors import eligibility_check

from .compose import answer_language
from .text import normalise, numbers, spelling_key, words

CLASSIFICATION, SCHEMES, COMPLIANCE, GRIEVANCES = (
    "classification",
    "schemes",
    "compliance",
    "grievances",
)
_OWN = """my mine our mera meri mere hamara hamari hamare apna apni apne मेरा मेरी मेरे हमारा
    हमारी हमारे अपना अपनी अपने"""
_UNIT = """enterprise enterprises unit units business company firm factory udyam udyog
    karobar karobaar dhandha vyapar vyapaar फर्म उद्यम उद्योग इकाई कंपनी कारोबार व्यवसाय कारखाना"""
# What the question asks about the unit; the first topic whose words appear wins.
_TOPICS = {
    CLASSIFICATION: """classification classified category categories micro small medium
        shreni shrenee varg shreni श्रेणी वर्ग सूक्ष्म लघु मध्यम वर्गीकरण""",
    SCHEMES: """scheme schemes yojana yojna yojanayen eligible eligibility qualify subsidy
        योजना योजनाएँ योजनाएं पात्र सब्सिडी""",
    COMPLIANCE: """compliance due deadline deadlines date dates return returns filing file
        calendar tarikh tareekh antim अनुपालन तारीख़ तारीख तिथि रिटर्न""",
    GRIEVANCES: """grievance grievances complaint complaints shikayat shikayaten शिकायत
        शिकायतें""",
}


def _keys(text: str) -> frozenset[str]:
    return frozenset(spelling_key(normalise(w)) for w in text.split())


OWN, UNIT = _keys(_OWN), _keys(_UNIT)
TOPIC_KEYS = {topic: _keys(text) for topic, text in _TOPICS.items()}


def own_topic(question: str) -> str | None:
    """The topic of a question about the asker's own unit ("what is my unit's category?",
    "meri company ki compliance dates"), or None when it is not about their own unit. A
    question with figures ("is my unit small if turnover is 80 crore?") is a what-if that the
    rules answer, not the records."""
    if numbers(question):
        return None
    keys = {spelling_key(w) for w in words(question)}
    if not (keys & OWN and keys & UNIT):
        return None
    return next((topic for topic, words_ in TOPIC_KEYS.items() if keys & words_), None)


def is_owner(user) -> bool:
    """Signed in as an enterprise owner. Visitors and officers asking about "my unit" get the
    general answer from the sources instead: officers' scope is a room, not a unit of theirs."""
    return bool(user and user.is_authenticated and user_is_entrepreneur(user))


def owned_enterprises(user) -> list:
    """The units the user represents; nobody else's."""
    if not is_owner(user):
        return []
    return list(enterprise_list_for_user(user=user).order_by("pk")[:3])


def _classification_lines(enterprise) -> list[str]:
    result = enterprise_classification(enterprise=enterprise)
    lines = [
        _("%(name)s is classified %(category)s (rule %(rule)s), because:")
        % {
            "name": enterprise.name,
            "category": enterprise.get_category_display(),
            "rule": result.rule,
        }
    ]
    return lines + [f"• {reason}" for reason in result.reasons]


def _scheme_lines(user, enterprise) -> tuple[list[str], list[str]]:
    check = eligibility_check(profile={}, user=user, enterprise_id=enterprise.pk)
    eligible = [r for r in check.results if r.status == ELIGIBLE][:5]
    if not eligible:
        return [
            _("From what the portal holds about %(name)s, no scheme is certain yet.")
            % {"name": enterprise.name}
        ], []
    lines = [
        _("From what the portal holds about %(name)s, it may get:") % {"name": enterprise.name}
    ]
    for result in eligible:
        reasons = "; ".join(r.label for r in result.passed[:3]) or _("no conditions")
        lines.append(f"• {result.name}: {reasons}")
    return lines, [r.scheme_id for r in eligible]


def _compliance_lines(user, enterprise) -> list[str]:
    today = timezone.localdate()
    page = calendar_get_for_user(
        user=user, enterprise_id=enterprise.pk, start=today, end=today + timedelta(days=60)
    )
    if not page.occurrences:
        return [_("%(name)s has no due dates in the next 60 days.") % {"name": enterprise.name}]
    lines = [_("Next due dates of %(name)s:") % {"name": enterprise.name}]
    lines += [f"• {o.due_on.isoformat()}: {o.title}" for o in page.occurrences[:5]]
    if page.is_prefilled:
        lines.append(_("These are guessed from the registry; confirm your situation on the page."))
    return lines


def _grievance_lines(user) -> list[str]:
    rows = list(grievance_list_for_user(user=user).order_by("-id")[:3])
    if not rows:
        return [_("You have no grievances yet. You can lodge one at /grievances/new/.")]
    lines = [_("Your latest grievances:")]
    for g in rows:
        due = g.resolution_due_at.date().isoformat() if g.resolution_due_at else "—"
        lines.append(
            _("%(number)s “%(subject)s”: %(status)s, resolution due %(due)s")
            % {
                "number": g.registration_number,
                "subject": g.subject,
                "status": g.get_status_display(),
                "due": due,
            }
        )
    return lines


def own_answer(*, user, topic: str, language: str) -> tuple[str, list[str]]:
    """The answer about the user's own unit(s) in the reply language, and the ids of the
    sources it rests on (the topic page, or the schemes the engine found)."""
    with translation.override(answer_language(language)):
        if not is_owner(user):
            return _own_sign_in(), _topic_source(topic)
        if topic == GRIEVANCES:
            return "\n".join(_grievance_lines(user)), ["grievance_help"]
        enterprises = owned_enterprises(user)
        if not enterprises:
            text = _("No enterprise is linked to your account yet. Add yours at /enterprises/new/.")
            return text, _topic_source(topic)
        lines, cited = [], _topic_source(topic)
        for enterprise in enterprises:
            if topic == CLASSIFICATION:
                lines += _classification_lines(enterprise)
            elif topic == COMPLIANCE:
                lines += _compliance_lines(user, enterprise)
            else:
                more, scheme_ids = _scheme_lines(user, enterprise)
                lines += more
                cited += [i for i in scheme_ids if i not in cited]
    return "\n".join(lines), cited[:4]


def _topic_source(topic: str) -> list[str]:
    return {
        CLASSIFICATION: ["classification"],
        COMPLIANCE: ["compliance_calendar"],
        GRIEVANCES: ["grievance_help"],
    }.get(topic, [])


def _own_sign_in() -> str:
    return _(
        "Sign in to see your own grievances here, or track one at /track/ with its "
        "registration number and the e-mail or phone you gave."
    )
