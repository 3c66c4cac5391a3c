"""Shared basics at the bottom of the package: errors, safe files, dates, wording, record reading.

Nothing here knows about the framework's content. :mod:`.errors` gives every
bad input one plain-English line; :mod:`.files` writes atomically and never
over an input; :mod:`.csv_records` and :mod:`.json_records` read a person's
files the same way for every record format; :mod:`.dates` and :mod:`.wording`
say dates, counts and lists as people do; :mod:`.findings` and :mod:`.tables`
are the plain shapes that rules hand to whatever shows them.
"""
