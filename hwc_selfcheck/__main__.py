"""``python -m hwc_selfcheck``: the same command as ``hwc-selfcheck``, for when scripts are not on the PATH."""

from hwc_selfcheck.cli import app

app(prog_name="hwc-selfcheck")
