"""The size charts are drawn at, so that their text prints legibly (issue 23).

Drawn 480 units wide: in a PDF's text column (174 mm, 493 pt) one unit prints as a
little over 1 pt, so text of ``MIN_PT`` units or more prints at 8 pt or more.
"""

from __future__ import annotations

__all__ = ["MIN_PT", "WIDTH"]

WIDTH = 480.0
MIN_PT = 8.0
