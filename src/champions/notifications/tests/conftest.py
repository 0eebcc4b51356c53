import pytest

from champions.notifications import sms


@pytest.fixture
def sms_outbox(settings):
    """SMS kept in memory, like `mail.outbox`."""
    settings.SMS_BACKEND = "locmem"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()
