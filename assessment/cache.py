"""The cache every app process shares when there is no Redis: a table of the database.

Django's database cache counts by reading a value and writing it back, so two processes counting
at once can both write the same number and one hit is lost: a rate limit would then let through
more than it says. Here the row is locked first (an UPDATE takes the row lock on PostgreSQL and the
write lock on SQLite, both waited for), so counts made at the same moment add up.

The lock is held for two statements only: the locking UPDATE returns the value, and one more
UPDATE writes the new count. Django's own read-then-set held it for seven round trips (its set
also counts the whole table, to cull it); a room's phones all count their joins on one row, the
room's address, and queued behind that lock when a few hundred joined in the same seconds.

Before each count, django-ratelimit adds the key (so that a first hit starts at zero). Django's
add of a key already there tries an INSERT and takes the unique index's failure for an answer:
that INSERT waits for whichever transaction holds the row, the count above included, and costs a
table count and a rolled-back savepoint besides. Here a plain read answers for a live key first;
a read never waits for a lock.
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


class DatabaseCache(DjangoDatabaseCache):
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version=version):
            return False
        return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        database = router.db_for_write(self.cache_model_class)
        connection = connections[database]
        table = connection.ops.quote_name(self._table)
        stored_key = self.make_and_validate_key(key, version=version)
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        with transaction.atomic(using=database), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET expires = expires"  # noqa: S608 - our own table's name
                " WHERE cache_key = %s AND expires > %s RETURNING value",
                [stored_key, now],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta  # noqa: S301 - ours
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET value = %s WHERE cache_key = %s",  # noqa: S608
                [encoded, stored_key],
            )
        return value
