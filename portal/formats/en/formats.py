"""English admin: the same day-first input formats as Vietnamese.

An official who switches the admin to English still sees dd/mm/yyyy (WAGTAIL_DATE_FORMAT is one
setting for every language), so Django must not read 10/09/2025 as 9 October for them either.
"""

from portal.formats.vi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS, TIME_INPUT_FORMATS

__all__ = ["DATE_INPUT_FORMATS", "DATETIME_INPUT_FORMATS", "TIME_INPUT_FORMATS"]
