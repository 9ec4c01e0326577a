"""Progress bars for long runs (builds, pushes), shown on a terminal only."""

from __future__ import annotations

import os

__all__ = ["progress_bar"]


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def progress_bar(total: int | None, enabled: bool, unit: str = "article"):
    """A tqdm bar shown after a second (or a do-nothing one when not `enabled`).

    $KG_PROGRESS_DELAY sets the seconds before it shows (default 1).
    """
    if not enabled:
        return _NoProgress()
    from tqdm import tqdm

    try:
        delay = float(os.environ.get("KG_PROGRESS_DELAY", "1"))
    except ValueError:
        delay = 1.0
    # delay: nothing is shown for builds that finish within it.
    return tqdm(total=total, unit=unit, delay=delay, leave=False, unit_scale=unit != "article")
