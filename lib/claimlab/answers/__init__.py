"""Answer keys for the lesson exercises, one module per lesson (``l01.py`` …).

Instructors: these hold the answers. Students meet them only through
:func:`claimlab.exercises.check` and :class:`claimlab.exercises.Exercise`,
which never reveal them.
"""
