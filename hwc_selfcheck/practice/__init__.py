"""The rules a coach and an employer live by: tiers and hours, supervision, supervisors, caseload, portfolio, checklists.

Each module reads its record (a CSV or JSON file a person keeps), applies the
framework's figures from ``rules.yml`` and returns findings that cite their
section. None of them shows anything: rendering and interfaces sit above.
"""
