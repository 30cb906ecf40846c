"""Date and number formats of the portal's languages (FORMAT_MODULE_PATH).

The admin shows every date as dd/mm/yyyy (WAGTAIL_DATE_FORMAT); Django must read it back the
same way. Without these modules `vi` has no input formats of its own and falls back to
Django's global list, which tries month-first ("%m/%d/%Y") before anything else: an unchanged
10/09/2025 came back as 9 October, and 25/09/2025 could not be saved at all.
"""
