"""A task for the supervision tests: slow enough to be killed half-way, and safe to run twice
(the second run after a finished one does nothing), like every task of the project."""

import os
import time
from pathlib import Path

from django_tasks import task


@task()
def slow_mark_task(directory: str, name: str, seconds: float, gated: bool = False) -> None:
    """Writes its pid to `<name>.started`, waits, then to `<name>.done` (unless already done).

    `gated` waits for the file `<name>.go` (at most `seconds`) instead of sleeping `seconds`:
    a test creates it only after killing the worker, so the killed run cannot have finished
    first, however slow the machine (a fixed sleep could end before a loaded test's kill)."""
    folder = Path(directory)
    with (folder / f"{name}.started").open("a") as started:
        started.write(f"{os.getpid()}\n")
    done = folder / f"{name}.done"
    if done.exists():
        return
    if gated:
        deadline = time.monotonic() + seconds
        while not (folder / f"{name}.go").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
    else:
        time.sleep(seconds)
    with done.open("a") as finished:
        finished.write(f"{os.getpid()}\n")
