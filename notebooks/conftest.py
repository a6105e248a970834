"""pytest --nbval over the lessons: turn on the lessons' self-check cells.

Cells guarded by ``claimlab.self_check()`` drive the widgets and assert what
they show; they run only when CLAIMLAB_SELF_CHECK=1, which the kernels that
nbval starts inherit from this process.
"""

import os

os.environ["CLAIMLAB_SELF_CHECK"] = "1"
