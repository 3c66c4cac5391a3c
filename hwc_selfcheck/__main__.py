"""``python -m hwc_selfcheck``: the same command as ``hwc-selfcheck``, for when the script is not on the PATH."""

from hwc_selfcheck.cli import app

app(prog_name="hwc-selfcheck")
