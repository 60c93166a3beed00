"""English dates as a report read in Europe writes them: "30 November 2026", never "Nov. 30, 2026"
(Django's default for English is American)."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
