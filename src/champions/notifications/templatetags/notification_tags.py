"""`{% notification_unread_count as unread %}`: the signed-in user's unread notifications."""

from django import template

from champions.notifications import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def notification_unread_count(context) -> int:
    """One COUNT query, and none for anonymous visitors."""
    request = context.get("request")
    if request is None:
        return 0
    return selectors.notification_unread_count(user=request.user)
