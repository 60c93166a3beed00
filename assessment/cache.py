"""The cache every app process shares when there is no Redis: a table of the database.

Django's database cache counts by reading a value and writing it back, so two processes counting
at once can both write the same number and one hit is lost: a rate limit would then let through
more than it says. Here the row is locked first (an UPDATE takes the row lock on PostgreSQL and the
write lock on SQLite, both waited for), so counts made at the same moment add up.
"""

from __future__ import annotations

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction

# The table `migrate` creates (assessment migration 0005), named in the settings.
TABLE = "cache_entries"


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key, delta=1, version=None):
        database = router.db_for_write(self.cache_model_class)
        connection = connections[database]
        table = connection.ops.quote_name(self._table)
        stored_key = self.make_and_validate_key(key, version=version)
        with transaction.atomic(using=database):
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET expires = expires WHERE cache_key = %s",  # noqa: S608
                    [stored_key],
                )
            return super().incr(key, delta, version)
