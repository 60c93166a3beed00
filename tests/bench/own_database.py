"""The database a measurement script works in: always one it made itself.

DATABASE_URL is never read here, so a script cannot be pointed at a real or shared database,
whose assessments it would delete. By default a SQLite file of the script's own in the temporary
directory; with BENCH_POSTGRES (a cluster's address, e.g. postgres://maturity:maturity@127.0.0.1:5432/postgres),
a database named bench_<script> created there on first use and reused by the same script after.
"""

from __future__ import annotations

import os
import tempfile
import urllib.parse


def use_own_database(script: str) -> str:
    """Point Django at the script's own database (call before django.setup()); returns its URL."""
    cluster = os.environ.get("BENCH_POSTGRES")
    if cluster:
        import psycopg

        database = f"bench_{script}"
        with psycopg.connect(cluster, autocommit=True) as admin:
            found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
            if found.fetchone() is None:
                admin.execute(f'CREATE DATABASE "{database}"')
        parts = urllib.parse.urlsplit(cluster)
        url = urllib.parse.urlunsplit(parts._replace(path=f"/{database}"))
    else:
        url = f"sqlite:///{os.path.join(tempfile.gettempdir(), f'bench_{script}.sqlite3')}"
    os.environ["DATABASE_URL"] = url
    return url
