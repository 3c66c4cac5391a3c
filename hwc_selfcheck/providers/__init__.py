"""For training providers and employers: course mapping and a team's training needs.

:mod:`.course` reads a course plan, :mod:`.course_map` maps it onto the
competencies, and :mod:`.cohort` adds up a team's self-assessments while
holding back every group of fewer than five people.
"""
