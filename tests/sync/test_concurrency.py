"""20 concurrent pushers on one dossier while a pull loop follows the cursor: no change is ever skipped."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import httpx

from desktop_app.sync.engine import S_ACCESS
from tests.support.sync_lab import Lab

PUSHERS = 20
BATCHES = 6
PER_BATCH = 4


def test_twenty_concurrent_pushers_and_a_pull_loop_skip_nothing(lab: Lab, backend: str) -> None:
    device = lab.device(lab.person())
    dossier_id = device.profile.settings["own_dossier_id"]
    headers = {"Authorization": f"Bearer {device.profile.settings[S_ACCESS]}", "Carnet-Sync-Protocol": "1"}
    created: list[str] = []
    errors: list[str] = []
    done = threading.Event()
    lock = threading.Lock()

    def pusher(n: int) -> None:
        stream, client = str(uuid.uuid4()), str(uuid.uuid4())
        seq = 0
        with httpx.Client(base_url=lab.live.url, headers=headers, timeout=60) as http:
            for b in range(BATCHES):
                batch = []
                for _ in range(PER_BATCH):
                    seq += 1
                    entity_id = str(uuid.uuid4())
                    batch.append(
                        {
                            "mutation_id": str(uuid.uuid4()),
                            "client_seq": seq,
                            "entity": "entry",
                            "entity_id": entity_id,
                            "kind": "allergy",
                            "op": "create",
                            "base_version": 0,
                            "changes": {"name": [None, f"P{n}-{b}-{seq}"]},
                        }
                    )
                r = http.post(
                    "/v1/sync/push",
                    json={"client_id": client, "stream_id": stream, "dossier_id": dossier_id, "mutations": batch},
                )
                if r.status_code != 200 or {x["status"] for x in r.json()["results"]} != {"applied"}:
                    errors.append(r.text[:200])
                    return
                with lock:
                    created.extend(m["entity_id"] for m in batch)

    seen: dict[str, int] = {}
    versions: list[int] = []

    def puller() -> None:
        cursor: str | None = None
        with httpx.Client(base_url=lab.live.url, headers=headers, timeout=60) as http:
            while True:
                finished = done.is_set()
                body: dict[str, Any] = {"client_id": str(uuid.uuid4()), "dossiers": {dossier_id: cursor}, "limit": 7}
                page = http.post("/v1/sync/pull", json=body).json()["dossiers"][0]
                for item in page["items"]:
                    seen[item["entity_id"]] = item["version"]
                    versions.append(item["version"])
                cursor = page["cursor"]
                if finished and not page["more"]:
                    return

    pull_thread = threading.Thread(target=puller)
    pull_thread.start()
    threads = [threading.Thread(target=pusher, args=(n,)) for n in range(PUSHERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    pull_thread.join()
    assert errors == []
    assert len(created) == PUSHERS * BATCHES * PER_BATCH
    assert set(seen) == set(created)  # followed only by cursor, concurrently with every commit: nothing skipped
    assert len(set(versions)) == len(versions)  # each change has its own sequence number
    assert sorted(seen.values()) == list(range(1, len(created) + 1))  # gapless: sequence order = commit order
    assert backend in ("sqlite", "postgresql")
