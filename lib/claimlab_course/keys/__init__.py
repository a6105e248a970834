"""Answer keys, one module per lesson (``l04.py`` …), generated from the lesson sources.

Instructors: these hold the answers. Students meet them only through
:func:`claimlab_course.check` and :func:`claimlab_course.Exercise`, which never
reveal them.  Edit the cells tagged ``key`` in ``notebooks/src/NN_name.py``,
never these files.
"""
