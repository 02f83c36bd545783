"""This process's memory, read from ``/proc/self/status``: the one place benchmarks and memory tests read it.

``resource.getrusage(RUSAGE_SELF).ru_maxrss`` is not used: on Linux a child started by fork and exec
inherits its parent's resident size at the fork as its own peak, so a worker started from a large test
process reports the parent's memory, not its own (seen: 1740 MB "peak" for an upload that needed 120).
``VmHWM`` belongs to the process's own address space and starts again at exec.
"""


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_mb() -> float:
    """Resident memory now, in MB."""
    return _status_mb("VmRSS")


def peak_mb() -> float:
    """The highest resident memory of this process since it started (or last exec'd), in MB."""
    return _status_mb("VmHWM")
