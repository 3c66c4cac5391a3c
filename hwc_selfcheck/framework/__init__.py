"""The framework itself, as data: models, loading and checking of ``data/*.yml``, and exports.

Everything else reads the framework through :func:`load_framework`; nothing
types a competency or a rule's figure again. :mod:`.export` and
:mod:`.case_export` publish it as JSON, CSV and 1EdTech CASE.
"""

from hwc_selfcheck.framework.loader import DATA_DIR, Framework, load_framework, load_framework_from, normalise_id

__all__ = ["DATA_DIR", "Framework", "load_framework", "load_framework_from", "normalise_id"]
