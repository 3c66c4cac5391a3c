"""hwc-selfcheck: NHS England's health and wellbeing coach framework as data and tools.

The framework (publication reference B1570) lives in ``hwc_selfcheck/data`` as
YAML. Everything else in the project, from the book to the command line,
reads it through :func:`hwc_selfcheck.framework.load_framework`.
"""

__version__ = "0.1.0"
