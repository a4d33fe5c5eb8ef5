"""CPU time and peak RSS of one process, measured after it has exec'd.

Why not `os.wait4` on a child of the harness: Linux records, at exec, the
high-water RSS of the memory the child had *before* exec, and a child
forked (or vforked) from a Python harness starts as a copy of the
harness. `/bin/true` run from a Python process that once held 200 MB
reports a peak of 213 MB, even after the 200 MB are freed. Every peak the
bench scripts printed was at least the harness's own peak: the inputs it
had generated, the corpus it had listed.

GNU time (`/usr/bin/time`, Debian's `time`) is a small C program: it
forks the measured command from itself, so what it reports is the
command's own peak. Without it the figures fall back to `wait4` and are
marked as upper bounds.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

GNU_TIME = shutil.which("time", path="/usr/bin:/bin")
_warned = False


def run(cmd, stdout=subprocess.DEVNULL):
    """(wall s, CPU s, peak RSS bytes, exit code, stderr text) of `cmd`."""
    global _warned
    if GNU_TIME is None:
        if not _warned:
            print(
                "warning: no /usr/bin/time (Debian package `time`): peak RSS figures include "
                "the harness's own memory and are upper bounds",
                file=sys.stderr,
            )
            _warned = True
        return _run_wait4(cmd, stdout)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        wrapped = [GNU_TIME, "-q", "-o", report.name, "-f", "%M %x", "--", *cmd]
        # CPU time from wait4, in microseconds (GNU time prints hundredths):
        # Linux reports a process's own time plus its waited-for children's,
        # and GNU time's own is a few hundred microseconds. Its peak RSS is
        # the harness's, so the peak comes from GNU time's report.
        wall, cpu, _, _, err = _run_wait4(wrapped, stdout)
        # The last line: GNU time writes "Command exited with non-zero
        # status N" before its format where the command failed.
        rss_kb, code = report.read().strip().splitlines()[-1].split()
    return wall, cpu, int(rss_kb) * 1024, int(code), err


def _run_wait4(cmd, stdout):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024, code, err
