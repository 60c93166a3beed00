from django.conf import settings
from django.core.management.base import BaseCommand

from assessment.services import purge_unfinished_assessments


class Command(BaseCommand):
    help = (
        "Delete unfinished self-serve assessments left unchanged for longer than the retention "
        "period (ASSESSMENT_RETENTION_DAYS). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.ASSESSMENT_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        deleted = purge_unfinished_assessments(days=days)
        self.stdout.write(f"Deleted {deleted} unfinished assessments older than {days} days.")
