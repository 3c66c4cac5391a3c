"""The helpers and ipywidgets forms that the Jupyter notebooks call, so the notebooks stay thin.

Forms save to the person's own files with atomic writes; when run without a
person (CI, the book), each also carries a static HTML version.
"""

from hwc_selfcheck.notebook.forms import RatingForm, area_table, items_for, plan_table, summary_table

__all__ = ["RatingForm", "area_table", "items_for", "plan_table", "summary_table"]
