"""Realistic companies, one per segment of the Bpifrance Le Lab study, answered with the current
questionnaire (2027-1). Plain functions returning answers, as the questionnaire stores them; tests
change what they need. The same companies answered with 2026-1 are in profiles_2026.py.
"""

from tests.profiles_2026 import PROFILES_2026
from tests.profiles_2027 import PORTRAITS_2027

PROFILES = PORTRAITS_2027
PROFILES_BY_VERSION = {"2026-1": PROFILES_2026, "2027-1": PORTRAITS_2027}


# The segment names as the pages and the report print them.
SEGMENT_NAMES = {
    "fr": {
        "silent_mass": "Masse silencieuse",
        "casual": "Désinvoltes",
        "combative": "Combatives",
        "pioneers": "Pionnières",
    },
    "en": {
        "silent_mass": "Silent mass",
        "casual": "Casual",
        "combative": "Combative",
        "pioneers": "Pioneers",
    },
}
