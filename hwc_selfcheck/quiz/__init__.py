"""The knowledge checks: question data and its checks, grading, and exports as JSON and CSV."""
