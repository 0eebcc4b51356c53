"""The assistant's settings, each with its default (override in the Django settings)."""

from django.conf import settings


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


DEFAULTS = {
    # Transcripts (conversations, turns, closed call-backs) are deleted after this many days
    # by the daily `assistant-purge` job. 90 days: long enough to review poorly rated answers.
    "ASSISTANT_TRANSCRIPT_DAYS": 90,
    "ASSISTANT_MAX_QUESTION_LENGTH": 1000,
    "ASSISTANT_RATE_LIMIT_PER_MINUTE": 30,  # questions per client and minute (API and pages)
    # An OpenAI-compatible endpoint that may rephrase a composed answer ("" = off, the default):
    # a base URL such as http://127.0.0.1:8080/v1 (POST {url}/chat/completions).
    "ASSISTANT_LLM_URL": "",
    "ASSISTANT_LLM_MODEL": "local",
    "ASSISTANT_LLM_API_KEY": "",
    "ASSISTANT_LLM_TIMEOUT_SECONDS": 5.0,
}
