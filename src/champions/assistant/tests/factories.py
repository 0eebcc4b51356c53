"""Assistant test data, created through the services."""

from champions.assistant.services import assistant_ask


def ask(question, *, user=None, conversation_id=None):
    return assistant_ask(question=question, user=user, conversation_id=conversation_id)
