"""Slovenian date formats for the portal: a day is followed by its month in the genitive
("1. decembra 2026"), which Django's own Slovenian formats ("01. december 2026") do not do.
`E` is the month's alternative (genitive) name; the portal's catalogue gives those names
(regionportal.base.formatting.GENITIVE_MONTHS)."""

DATE_FORMAT = "j. E Y"
DATETIME_FORMAT = "j. E Y, H:i"
MONTH_DAY_FORMAT = "j. E"
YEAR_MONTH_FORMAT = "F Y"
