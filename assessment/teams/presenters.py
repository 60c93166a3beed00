"""A company's own team in its owner's words: who answered, how roles are read, and the spread
in the same words as the workshop's screens (`workshops.group_presenters`)."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _

from assessment.domain.group import OTHER_ROLES, ROLE_GROUP_MINIMUM, role_groups
from assessment.workshops.group_presenters import group_context, group_names

from .selectors import TeamSpread


def roles_line(roles: list[str]) -> str:
    """How the roles of those who answered are read: each role apart from ROLE_GROUP_MINIMUM
    people, the others together, as `domain.group.role_groups` decides."""
    names = group_names()
    groups = role_groups(roles)
    sizes = Counter(roles)
    counted = ", ".join(
        f"{names.get(role, role)} ({sizes[role]})" for role in sorted(sizes, key=names.get)
    )
    shown = sorted(role for role, group in groups.items() if group != OTHER_ROLES)
    if not shown:
        return _(
            "Roles of those who answered: %(roles)s. A role is shown on its own only from "
            "%(minimum)s people, so that nobody's answers can be singled out: here all the "
            "answers are read together."
        ) % {"roles": counted, "minimum": ROLE_GROUP_MINIMUM}
    pooled = sorted(role for role, group in groups.items() if group == OTHER_ROLES)
    line = _("Shown on their own: %(roles)s.") % {
        "roles": ", ".join(f"{names.get(role, role)} ({sizes[role]})" for role in shown)
    }
    if pooled:
        line += " " + _("Read together as “%(others)s”, to single nobody out: %(roles)s.") % {
            "others": names[OTHER_ROLES],
            "roles": ", ".join(names.get(role, role) for role in pooled),
        }
    return line


def team_context(spread: TeamSpread, language: str) -> dict:
    names = group_names()
    return {
        "answered": spread.answered,
        "minimum": ROLE_GROUP_MINIMUM,
        "owner_counted": spread.owner_counted,
        "joined": len(spread.members),
        "finished_members": spread.finished_members,
        "members": [
            {
                "role": names.get(member.role, member.role),
                "finished": member.is_complete,
            }
            for member in spread.members
        ],
        "roles_line": roles_line([r.role for r in spread.respondents]) if spread.group else "",
        "group": group_context(spread.group, language, named_mode=False) if spread.group else None,
    }
