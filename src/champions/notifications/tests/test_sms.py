"""Mobile numbers, and the console and file SMS backends."""

import pytest

from champions.notifications.errors import InvalidAddress
from champions.notifications.sms import (
    ConsoleSmsBackend,
    FileSmsBackend,
    SmsMessage,
    mobile_normalise,
    sms_backend_get,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9876543210", "9876543210"),
        ("+91 98765 43210", "9876543210"),
        ("+91-9876543210", "9876543210"),
        ("919876543210", "9876543210"),
        ("09876543210", "9876543210"),
        ("6000000000", "6000000000"),
    ],
)
def test_mobile_numbers_are_normalised_to_ten_digits(value, expected):
    assert mobile_normalise(value) == expected


@pytest.mark.parametrize(
    "value", ["12345", "5876543210", "98765432101", "0112345678", "98765abcde", "+1 9876543210"]
)
def test_other_numbers_are_refused(value):
    with pytest.raises(InvalidAddress, match="not a 10-digit Indian mobile number"):
        mobile_normalise(value)


def test_the_console_backend_prints_the_message(capsys):
    ConsoleSmsBackend().send(SmsMessage(to="9876543210", text="Grievance registered"))

    assert capsys.readouterr().out == (
        "SMS to +919876543210\nGrievance registered\n" + "-" * 40 + "\n"
    )


def test_the_file_backend_writes_one_file_per_message(settings, tmp_path):
    settings.NOTIFICATIONS_FILE_DIR = tmp_path / "sms"

    FileSmsBackend().send(SmsMessage(to="9876543210", text="First"))
    FileSmsBackend().send(SmsMessage(to="9123456789", text="Second"))

    texts = sorted(path.read_text() for path in (tmp_path / "sms").iterdir())
    assert texts == ["To: +919123456789\n\nSecond\n", "To: +919876543210\n\nFirst\n"]


@pytest.mark.parametrize(
    ("name", "backend"), [("console", ConsoleSmsBackend), ("file", FileSmsBackend)]
)
def test_the_setting_picks_the_backend(settings, name, backend):
    settings.SMS_BACKEND = name

    assert type(sms_backend_get()) is backend
