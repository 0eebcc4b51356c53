"""Reads of triage's own table: the ministry's imported history."""

from .models import HistoryExample


def history_training_rows() -> list[tuple[str, str, str]]:
    """(task, text, label) rows for `champions triage train`: each past grievance teaches the
    department model."""
    rows = HistoryExample.objects.values_list("text", "department").iterator(chunk_size=2000)
    return [("department", text, department) for text, department in rows]


def history_count() -> int:
    return HistoryExample.objects.count()
