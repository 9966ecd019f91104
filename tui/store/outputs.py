"""Where a command may write: never onto one of its own inputs, never onto anything but a regular file.

`export -o` onto the case or the review replaced it; `-o /dev/null` (as root) would have
replaced the device with a regular file. Every command that writes a file the user named
asks `check_output` first, so the rule is the same for export, agree, import and the app.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path


class OutputRefused(Exception):
    """The named output may not be written; the message says why (the caller names the file)."""


def check_output(output: Path, inputs: Iterable[Path]) -> None:
    """Refuse an output that is (or links to) an input of the command, or exists and is not a regular file."""
    try:
        info = output.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputRefused(str(error.strerror or error)) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputRefused("it is a folder; name a file to write")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputRefused("it is not a regular file (a device, a pipe or a socket); name a file to write")
    target = Path(os.path.realpath(output))
    for source in inputs:
        same = target == Path(os.path.realpath(source))
        if not same and info is not None and source.exists():
            try:
                same = os.path.samefile(output, source)  # a hard link is the same file under another name
            except OSError:
                same = False
        if same:
            raise OutputRefused(f"it is an input of this command ({source.name}); name another file")
