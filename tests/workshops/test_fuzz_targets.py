"""Targets posted in every shape: saved when each is a score from 0 to 100 or blank, refused whole
otherwise, with the targets already set kept."""

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# The client, the database and the personas are function-scoped fixtures shared by the examples:
# each example posts over the last one's targets, and checks against what it read before.
SHARED_FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@settings(max_examples=40, deadline=None, suppress_health_check=SHARED_FIXTURES)
@given(
    targets=st.dictionaries(
        st.sampled_from(["presence", "team", "budget", "objectives", "roi"]),
        st.one_of(
            st.integers(min_value=0, max_value=100),  # valid, most of the time
            st.integers(min_value=0, max_value=100),
            st.integers(min_value=-(10**12), max_value=10**12),
            st.sampled_from(["soixante", "1e9", "50.5", "", " 40 "]),
        ),
    )
)
def test_targets_are_saved_when_each_is_a_score_and_refused_whole_otherwise(
    client, alice, client_company, targets
):
    client_company.refresh_from_db()
    before = dict(client_company.targets or {})
    client.force_login(alice)
    response = client.post(f"/consultant/clients/{client_company.pk}/targets/", targets)
    client_company.refresh_from_db()

    def as_score(value):
        try:
            number = int(str(value).strip())
        except ValueError:
            return None if str(value).strip() == "" else "refused"
        return number if 0 <= number <= 100 else "refused"

    read = {name: as_score(value) for name, value in targets.items()}
    event("refused" if "refused" in read.values() else "saved")
    if "refused" in read.values():
        assert response.status_code == 400
        assert (client_company.targets or {}) == before
    else:
        assert response.status_code == 302
        assert client_company.targets == {k: v for k, v in read.items() if v is not None}
