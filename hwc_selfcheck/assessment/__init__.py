"""A coach's self-assessment: the record and its file, analysis, comparison and development plan.

:mod:`.record` reads, checks and writes ``my-self-assessment.json``;
:mod:`.analysis` turns it into summaries, gaps in a fixed order, what comes
next and a plan; :mod:`.examples` holds the fictional coach Sam's records that
notebooks and the book run on.
"""

from hwc_selfcheck.assessment.record import Assessment, Rating, read_assessment, write_assessment

__all__ = ["Assessment", "Rating", "read_assessment", "write_assessment"]
