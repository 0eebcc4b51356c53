from django import template

from champions.accounts.policy import Action, can
from champions.assistant.conf import setting
from champions.assistant.selectors import user_reviews_answers

register = template.Library()


@register.simple_tag
def assistant_retention_days() -> int:
    return setting("ASSISTANT_TRANSCRIPT_DAYS")


@register.simple_tag(takes_context=True)
def assistant_officer_links(context) -> dict:
    """What the navigation offers an officer of the assistant's work: the call-back requests
    of their room and, for the hub, the review of weak answers. No query: it is on every page."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return {"callbacks": False, "review": False}
    return {"callbacks": can(user, Action.ASSISTANT_CALLBACK), "review": user_reviews_answers(user)}
