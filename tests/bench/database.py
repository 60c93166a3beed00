"""A PostgreSQL database of the measurement's own: created on the cluster `make postgres`
prepares (the `maturity` role may create databases), dropped at the end, so that a measurement
never touches a database it did not create."""

from __future__ import annotations

import os
import secrets
from contextlib import contextmanager

import psycopg

CLUSTER = os.environ.get("BENCH_POSTGRES", "postgres://maturity:maturity@127.0.0.1:5432/postgres")


@contextmanager
def own_database(prefix: str):
    """Sets DATABASE_URL to a new database for the block (call django.setup() inside it)."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    with psycopg.connect(CLUSTER, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = CLUSTER.rsplit("/", 1)[0] + "/" + name
    try:
        yield name
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(CLUSTER, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
