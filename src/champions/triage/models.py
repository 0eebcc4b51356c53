"""The ministry's own history: past grievances with the organisation that handled them,
imported by `champions triage import-history FILE.csv` and used by `champions triage train`.
Kept in the database of a deployment, never in the repository."""

from django.db import models


class HistoryExample(models.Model):
    text = models.TextField()
    department = models.CharField(max_length=200, help_text="CPGRAMS organisation name.")
    category = models.CharField(
        max_length=500, blank=True, help_text="CPGRAMS category path, when the file has one."
    )
    source = models.CharField(max_length=200, blank=True, help_text="The imported file's name.")
    digest = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of text and department: no duplicates."
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.department}: {self.text[:60]}"
