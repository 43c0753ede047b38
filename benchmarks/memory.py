"""Memory figures for the benchmark scripts (Linux /proc; resource as a fallback)."""
from __future__ import annotations

import resource


def rss_mb(field: str = "VmRSS") -> float | None:
    """A /proc/self/status field in MB: VmRSS (resident now) or VmHWM (peak since the last reset)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def peak_rss_mb() -> tuple[float, str]:
    """Peak resident memory in MB, and which counter gave it."""
    peak = rss_mb("VmHWM")
    if peak is not None:
        return peak, "VmHWM"
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "ru_maxrss"


def reset_peak() -> bool:
    """Reset the kernel's peak-RSS counter (VmHWM), so a later peak is the code's own."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False
