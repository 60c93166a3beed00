"""A report asked for once, rendered once by a report worker, then handed to whoever asks."""

from django.db import models


class PreparedReport(models.Model):
    """One PDF, known by the key of its content: identical requests find the same row.

    The row is both the render's place in line and, once ready, the file itself; it goes with the
    assessment or the client it was drawn from.
    """

    class Status(models.TextChoices):
        PENDING = "pending"
        READY = "ready"
        FAILED = "failed"

    key = models.CharField(max_length=80, unique=True)
    assessment = models.ForeignKey(
        "assessment.Assessment", null=True, on_delete=models.CASCADE, related_name="+"
    )
    client = models.ForeignKey(
        "workshops.Client", null=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(max_length=8)
    # A keyed hash of the visitor's address, for the per-address limit: never the address itself.
    requested_by = models.CharField(max_length=64, db_index=True)
    requested_at = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    pdf = models.BinaryField(null=True)
    finished_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"{self.key} ({self.status})"

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY
