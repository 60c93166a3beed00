"""The group as the live screens show it, taken at most once a second per workshop and shared by
every app process through the cache (the database's, or Redis when REDIS_URL is set).

The facilitator view and the projector poll every LIVE_POLL_SECONDS while hundreds of phones
save answers. Building the group for every poll read every participant's answers again and
compared every pair of them, and took seconds at 300 phones; a snapshot is built once, then
served to every poll and every process until it is due again, and even then built again only
if the workshop's version moved. Its version is read before its group, so a snapshot never
claims an answer it does not show: the ETag it gives can only be older than its content.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from django.core.cache import cache

from .models import Workshop
from .selectors import GroupView, workshop_group, workshop_version

# The facilitator view and the projector ask for news this often.
LIVE_POLL_SECONDS = 2
# A snapshot is due again once it is this old. A second under the poll interval, so that a
# screen's next poll, even a little early, finds it due: an answer then shows on every screen
# within a poll interval and a second, and the group is built at most once a second per
# workshop (once per poll of one screen), however many answers arrive and screens poll.
LIVE_REFRESH_SECONDS = LIVE_POLL_SECONDS - 1
# How long a snapshot stays in the cache: once due, it still serves the polls that arrive while
# another process builds the next one.
SNAPSHOT_KEPT_SECONDS = 60
# Only one process builds a workshop's next snapshot at a time. Longer than any build, so that
# a process that died while building frees the workshop.
BUILDING_SECONDS = 30


@dataclass(frozen=True)
class Snapshot:
    version: str  # `workshop_version`: the polled views' ETag
    taken_at: float  # when the version was read, in seconds since the epoch
    group: GroupView


def _key(workshop: Workshop) -> str:
    return f"workshop-live:{workshop.pk}"


def live_snapshot(workshop: Workshop) -> Snapshot:
    """What a poll shows: the last snapshot while it is recent, or while another process builds
    the next one; otherwise a new one."""
    key = _key(workshop)
    last = cache.get(key)
    if last is not None and time.time() - last.taken_at < LIVE_REFRESH_SECONDS:
        return last
    if last is not None and not cache.add(f"{key}:building", True, BUILDING_SECONDS):
        return last
    try:
        return _take(workshop, last)
    finally:
        if last is not None:
            cache.delete(f"{key}:building")


def current_snapshot(workshop: Workshop) -> Snapshot:
    """What a page shows when it is opened: never older than the workshop. The facilitator lands
    on it after each of their actions (the reveal, letting a phone in), which the polls then see
    at once too."""
    return _take(workshop, cache.get(_key(workshop)))


def _take(workshop: Workshop, last: Snapshot | None) -> Snapshot:
    taken_at = time.time()
    version = workshop_version(workshop)
    if last is not None and last.version == version:
        # Nothing moved: the group stands as it was, only its date changes.
        snapshot = replace(last, taken_at=taken_at)
    else:
        snapshot = Snapshot(version=version, taken_at=taken_at, group=workshop_group(workshop))
    cache.set(_key(workshop), snapshot, SNAPSHOT_KEPT_SECONDS)
    return snapshot
