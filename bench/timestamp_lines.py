"""Copy standard input to standard output, each line prefixed with the seconds since start."""

import sys
import time

started = time.monotonic()
for line in sys.stdin:
    sys.stdout.write(f"{time.monotonic() - started:6.1f}s  {line}")
    sys.stdout.flush()
