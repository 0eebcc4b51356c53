"""A task for the supervision tests: slow enough to be killed half-way, and safe to run twice
(the second run after a finished one does nothing), like every task of the project."""

import os
import time
from pathlib import Path

from django_tasks import task


@task()
def slow_mark_task(directory: str, name: str, seconds: float) -> None:
    folder = Path(directory)
    with (folder / f"{name}.started").open("a") as started:
        started.write(f"{os.getpid()}\n")
    done = folder / f"{name}.done"
    if done.exists():
        return
    time.sleep(seconds)
    with done.open("a") as finished:
        finished.write(f"{os.getpid()}\n")
