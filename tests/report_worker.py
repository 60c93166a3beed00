"""The report worker, run once in the test's own database: django-tasks' worker, as
`manage.py db_worker --queue-name reports` runs it, until no render is left."""

from unittest import mock

from django_tasks_db.management.commands.db_worker import Worker


def run_report_worker() -> None:
    worker = Worker(
        queue_names=["reports"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    # Between tasks the worker drops stale connections, as a request does; a test keeps its
    # whole run in one transaction, which that would close.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        worker.run()


def download_report(client, url: str, **extra):
    """A report as a visitor gets it: asked for, rendered by the worker, then downloaded."""
    client.get(url, **extra)
    run_report_worker()
    return client.get(url, **extra)
