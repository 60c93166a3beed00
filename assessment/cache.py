"""The cache every app process shares when there is no Redis: a table of the database.

Django's database cache counts by reading a value and writing it back, so two processes counting
at once can both write the same number and one hit is lost: a rate limit would then let through
more than it says. Here a count is written only over the value it was computed from (compare and
swap): a write that finds another count there reads again, so counts made at the same moment add
up (on PostgreSQL; SQLite, one writer at a time, counts under its write lock). No lock is held
between two statements: a room's phones all count their joins on one row, the room's address,
and a lock held while a busy process came back to it (Django's own count held one for seven
round trips) queued every join of the room behind it.

Before each count, django-ratelimit adds the key (so that a first hit starts at zero). Django's
add of a key already there tries an INSERT and takes the unique index's failure for an answer:
that INSERT waits for whichever transaction holds the row, and costs a table count and a
rolled-back savepoint besides. Here a plain read answers for a live key first; a read never waits
for a lock.
"""

from __future__ import annotations

import base64
import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction
from django.utils import timezone

# The table `migrate` creates (assessment migration 0005), named in the settings.
TABLE = "cache_entries"
# Counts swapped in at once by so many processes that a count keeps finding another in its place
# are a sign of something else wrong; past this many tries, the count is given up as lost.
COUNT_ATTEMPTS = 100


class DatabaseCache(DjangoDatabaseCache):
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version=version):
            return False
        return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        connection = connections[router.db_for_write(self.cache_model_class)]
        stored_key = self.make_and_validate_key(key, version=version)
        if connection.vendor != "postgresql":
            # SQLite has one writer at a time anyway: the count is made under its write lock.
            return self._locked_incr(connection, key, stored_key, delta)
        table = connection.ops.quote_name(self._table)
        for _ in range(COUNT_ATTEMPTS):
            now = connection.ops.adapt_datetimefield_value(timezone.now())
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT value FROM {table} WHERE cache_key = %s AND expires > %s",  # noqa: S608
                    [stored_key, now],
                )
                row = cursor.fetchone()
                if row is None:
                    raise ValueError(f"Key '{key}' not found")
                value = self._decoded(row[0]) + delta
                # PostgreSQL checks the condition again on the row as the last writer left it.
                cursor.execute(
                    f"UPDATE {table} SET value = %s"  # noqa: S608 - our own table's name
                    " WHERE cache_key = %s AND value = %s",
                    [self._encoded(value), stored_key, row[0]],
                )
                if cursor.rowcount == 1:
                    return value
        raise ValueError(f"Key '{key}' could not be counted")

    def _locked_incr(self, connection, key, stored_key, delta):
        table = connection.ops.quote_name(self._table)
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET expires = expires"  # noqa: S608 - our own table's name
                " WHERE cache_key = %s AND expires > %s RETURNING value",
                [stored_key, now],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            value = self._decoded(row[0]) + delta
            cursor.execute(
                f"UPDATE {table} SET value = %s WHERE cache_key = %s",  # noqa: S608
                [self._encoded(value), stored_key],
            )
        return value

    def _decoded(self, stored: str):
        return pickle.loads(base64.b64decode(stored.encode()))  # noqa: S301 - our own table

    def _encoded(self, value) -> str:
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
