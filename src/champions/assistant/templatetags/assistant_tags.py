from django import template

from champions.assistant.conf import setting

register = template.Library()


@register.simple_tag
def assistant_retention_days() -> int:
    return setting("ASSISTANT_TRANSCRIPT_DAYS")
