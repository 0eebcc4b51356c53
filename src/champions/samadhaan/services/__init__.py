"""Writes of the samadhaan app: filing an application, delivering it, pulling its status."""

from .delivery import (  # noqa: F401
    DeliveryReport,
    filing_refresh,
    filing_status_pull,
    filings_deliver_due,
    filings_replay,
    filings_status_pull_due,
)
from .filing import InvoiceInput, filing_create  # noqa: F401
