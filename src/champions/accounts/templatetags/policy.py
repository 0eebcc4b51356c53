"""`{% can "grievance.assign" grievance as may_assign %}`: the policy's answer in a template,
so a button shows only to those the server would let through."""

from django import template

from champions.accounts import policy

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, action: str, obj=None) -> bool:
    request = context.get("request")
    return policy.can(getattr(request, "user", None), action, obj)
