"""The shared cache's table (rate limits, peer histograms, reports), made by `migrate` so that no
deployment step can be forgotten: without Redis, every app process counts in it."""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "cache_entries"


def create_cache_table(apps, schema_editor):
    # Made whatever the cache in use: switching from Redis to the database later needs no step.
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("assessment", "0004_origin_choices")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
