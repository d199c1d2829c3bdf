"""Print, as JSON lines, the announcements one application makes on the AT-SPI bus (what Orca would say).

    /usr/bin/python3 tests/support/atspi_events.py PID SECONDS

Prints ``LISTENING`` once registered, then one line per ``object:announcement`` event of that process
({"text": ..., "source": ..., "role": ...}), and stops after SECONDS. Run by Debian's Python (pyatspi), like
tests/support/atspi_walker.py.
"""

from __future__ import annotations

import json
import sys

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]


def main() -> int:
    pid, seconds = int(sys.argv[1]), float(sys.argv[2])

    def on_event(event) -> None:  # a pyatspi event
        try:
            if event.host_application is not None and event.host_application.get_process_id() != pid:
                return
        except Exception:  # an application gone from the bus
            return
        source = event.source
        line = {
            "type": event.type,
            "text": str(event.any_data or ""),
            "source": (source.name or "") if source is not None else "",
            "role": source.getRoleName() if source is not None else "",
        }
        print(json.dumps(line, ensure_ascii=False), flush=True)

    pyatspi.Registry.registerEventListener(on_event, "object:announcement")
    GLib.timeout_add(int(seconds * 1000), lambda: pyatspi.Registry.stop() or False)
    print("LISTENING", flush=True)
    pyatspi.Registry.start()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
