"""Rollups the hub reads: systemic issues, clusters of similar grievances across MSMEs."""

from django.db import models


class SystemicCluster(models.Model):
    """Grievances from several MSMEs that say much the same thing: a systemic issue. The
    periodic job rebuilds every cluster from the last weeks' grievance embeddings, so a row
    lives until the next run."""

    label = models.CharField(max_length=200)  # the cluster's most telling words
    terms = models.JSONField(default=list)
    size = models.PositiveIntegerField()
    msme_count = models.PositiveIntegerField()  # distinct enterprises or complainants
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField()
    model_version = models.CharField(max_length=100, blank=True)
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["-size", "id"]

    def __str__(self) -> str:
        return f"{self.label} ({self.size})"


class SystemicClusterMember(models.Model):
    """One grievance of a cluster."""

    cluster = models.ForeignKey(SystemicCluster, on_delete=models.CASCADE, related_name="members")
    grievance = models.ForeignKey(
        "grievances.Grievance", on_delete=models.CASCADE, related_name="+"
    )
    similarity = models.FloatField(default=0)  # to the cluster's centre

    class Meta:
        ordering = ["-similarity", "grievance_id"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "grievance"], name="one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.cluster_id}: {self.grievance_id}"


class SystemicClusterWeek(models.Model):
    """How many of a cluster's grievances were lodged in one week (starting Monday)."""

    cluster = models.ForeignKey(SystemicCluster, on_delete=models.CASCADE, related_name="weeks")
    week_start = models.DateField()
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["week_start"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "week_start"], name="one_count_per_week")
        ]

    def __str__(self) -> str:
        return f"{self.cluster_id} {self.week_start}: {self.count}"
