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


# --- The dashboards' rollups -------------------------------------------------------------------
# Counts kept per day (events) and per open grievance's lodging and due day (the backlog), so a
# dashboard sums a few thousand rows instead of counting millions of grievances. Category,
# channel and language are also stored as "*" (every value): a page without those filters
# reads only the "*" rows. `services.rollups_catch_up` maintains them from the grievances'
# timeline; `champions insights rebuild` recomputes them.

ALL = "*"


class RollupCell(models.Model):
    """One cell of the rollup cube: the dimensions, the metric and its figures. DailyRollup and
    MonthlyRollup add their day or month to it."""

    room_id = models.IntegerField()
    state = models.CharField(max_length=3, blank=True)  # Udyam code; "" when not known
    category = models.CharField(max_length=20)
    channel = models.CharField(max_length=10)
    language = models.CharField(max_length=10)
    metric = models.CharField(max_length=240)
    count = models.BigIntegerField(default=0)
    total = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class DailyRollup(RollupCell):
    """How many events of one kind (a metric) happened on a day, per room, state, category,
    channel and language; `total` sums a figure that goes with them (days to resolve, rating)."""

    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "room_id", "state", "category", "channel", "language", "metric"],
                name="one_daily_rollup",
            )
        ]
        indexes = [
            # A slice of the cube ("*" or a value per dimension), then metrics over days; the
            # second serves the per-category reads (category is the open dimension there).
            # The first covers the rows it finds (PostgreSQL INCLUDE), so that the per-day
            # reads of a long period (the mood per day over a year: 100,000 rows at 5 million
            # grievances) scan the index alone, not the table's pages.
            models.Index(
                fields=["category", "channel", "language", "metric", "day"],
                include=["room_id", "state", "count", "total"],
                name="rollup_slice_metric_day",
            ),
            models.Index(fields=["channel", "language", "metric", "day"], name="rollup_metric_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.room_id} {self.metric}: {self.count}"


class MonthlyRollup(RollupCell):
    """DailyRollup summed per calendar month (`month` is its first day), kept by the same
    counting run in the same transaction: long periods (a year on the dashboard, ten years of
    open data) read a row per month instead of thirty."""

    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "room_id", "state", "category", "channel", "language", "metric"],
                name="one_monthly_rollup",
            )
        ]
        indexes = [
            models.Index(
                fields=["category", "channel", "language", "metric", "month"],
                name="monthly_slice_metric_month",
            ),
            models.Index(
                fields=["channel", "language", "metric", "month"], name="monthly_metric_month"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.room_id} {self.metric}: {self.count}"


class BacklogRollup(models.Model):
    """How many grievances are open, per room, state, category, channel, language, day lodged
    and day due (9999-12-31: no due date): ageing and overdue are read from the two days."""

    room_id = models.IntegerField()
    state = models.CharField(max_length=3, blank=True)
    category = models.CharField(max_length=20)
    channel = models.CharField(max_length=10)
    language = models.CharField(max_length=10)
    lodged_day = models.DateField()
    due_day = models.DateField()
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "room_id",
                    "state",
                    "category",
                    "channel",
                    "language",
                    "lodged_day",
                    "due_day",
                ],
                name="one_backlog_rollup",
            )
        ]
        indexes = [models.Index(fields=["category", "channel", "language"], name="backlog_cube")]

    def __str__(self) -> str:
        return f"{self.room_id} {self.lodged_day}: {self.count}"


class GrievanceFact(models.Model):
    """The backlog key an open grievance is counted under now, so that a change moves it."""

    grievance_id = models.BigIntegerField(primary_key=True)
    room_id = models.IntegerField()
    state = models.CharField(max_length=3, blank=True)
    category = models.CharField(max_length=20)
    channel = models.CharField(max_length=10)
    language = models.CharField(max_length=10)
    lodged_day = models.DateField()
    due_day = models.DateField()

    def __str__(self) -> str:
        return str(self.grievance_id)


class RollupCursor(models.Model):
    """The last timeline entry (or triage row) counted into the rollups."""

    name = models.CharField(max_length=20, unique=True)
    last_id = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name}: {self.last_id}"
