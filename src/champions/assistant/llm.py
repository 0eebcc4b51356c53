"""Optional rephrasing of a composed answer by an OpenAI-compatible chat endpoint (off unless
`ASSISTANT_LLM_URL` is set). The rephrased text is used only when every number in it appears
in the composed answer or the cited sources; otherwise the composed answer stands."""

import json
import logging
import urllib.error
import urllib.request

from .conf import setting
from .sources import Source
from .text import numbers

logger = logging.getLogger(__name__)
SYSTEM_PROMPT = (
    "Rephrase the answer below for a small business owner in simple words, in the same "
    "language. Do not add any fact, number, date or name that is not in it. Keep it short."
)


def numbers_supported(candidate: str, *, composed: str, sources: list[Source]) -> bool:
    """True when every number of `candidate` is a number of the composed answer or a source."""
    allowed = numbers(composed)
    for source in sources:
        allowed |= numbers(source.full_text())
    return numbers(candidate) <= allowed


def _chat(text: str) -> str:
    url = setting("ASSISTANT_LLM_URL").rstrip("/") + "/chat/completions"
    if not url.startswith(("http://", "https://")):
        raise ValueError("ASSISTANT_LLM_URL must be an http(s) URL")
    body = json.dumps(
        {
            "model": setting("ASSISTANT_LLM_MODEL"),
            "temperature": 0,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": text},
            ],
        }
    ).encode()
    headers = {"Content-Type": "application/json"}
    if setting("ASSISTANT_LLM_API_KEY"):
        headers["Authorization"] = f"Bearer {setting('ASSISTANT_LLM_API_KEY')}"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    timeout = setting("ASSISTANT_LLM_TIMEOUT_SECONDS")
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        data = json.loads(response.read().decode())
    return str(data["choices"][0]["message"]["content"]).strip()


def rephrase(*, composed: str, sources: list[Source]) -> str | None:
    """The rephrased answer, or None when the endpoint is off, fails, or adds a number."""
    if not setting("ASSISTANT_LLM_URL") or not sources:
        return None
    try:
        candidate = _chat(composed)
    except (OSError, ValueError, KeyError, IndexError, TypeError, urllib.error.URLError) as exc:
        logger.warning("assistant rephrasing failed: %s", exc)
        return None
    if not candidate or not numbers_supported(candidate, composed=composed, sources=sources):
        logger.info("assistant rephrasing rejected: a number not in the sources")
        return None
    return candidate
