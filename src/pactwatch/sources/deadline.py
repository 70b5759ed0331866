"""A wall-clock limit on parsing one input, by ``SIGALRM`` in the main thread.

The alarm interrupts Python code (and sleeps); a single long call into a C
library finishes first and the limit strikes right after it. Off the main
thread, or where there is no ``setitimer``, there is no limit: the size limit
and the nesting check still bound what one file can cost.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeUp(BaseException):
    """Raised inside the parsing code when its time is up.

    A ``BaseException``, so that a library's ``except Exception`` cannot swallow it.
    """


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeUp` in the body once ``seconds`` have passed (None: no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def ring(signum: int, frame: FrameType | None) -> None:
        raise TimeUp

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
