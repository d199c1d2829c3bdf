// PouchDB 9 + express-pouchdb on loopback, the same dossier as benchmarks/sync.py: `entries` allergy entries pushed
// by one device, bootstrapped by a new one, then the HTTP requests of a sync with nothing to do. Both databases on
// disk (LevelDB), as a user would run them. Prints one JSON line (read by compare.py).
//
//     node benchmarks/peer/pouchdb_bench.mjs [entries]
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import express from "express";
import expressPouchDB from "express-pouchdb";
import PouchDB from "pouchdb";

const entries = Number(process.argv[2] ?? 20000);
const dir = mkdtempSync(join(tmpdir(), "carnet-peer-"));
const ServerDB = PouchDB.defaults({ prefix: join(dir, "server-") });
const app = express();
let requests = 0;
app.use((_req, _res, next) => {
  requests += 1;
  next();
});
app.use(
  "/db",
  expressPouchDB(ServerDB, {
    mode: "minimumForPouchDB",
    configPath: join(dir, "config.json"),
    logPath: join(dir, "log.txt"),
  }),
);
const server = app.listen(0, "127.0.0.1");
await once(server, "listening");
const remote = `http://127.0.0.1:${server.address().port}/db/dossier`;

try {
  const writer = new PouchDB(join(dir, "writer"));
  // The entries exist on the device before the clock starts (benchmarks/sync.py creates them the same way).
  for (let start = 0; start < entries; start += 2000) {
    const docs = [];
    for (let i = start; i < Math.min(entries, start + 2000); i += 1) {
      docs.push({ _id: `entry-${String(i).padStart(6, "0")}`, kind: "allergy", name: `Allergie ${i}`, reaction: "Urticaire" });
    }
    await writer.bulkDocs(docs);
  }
  let started = performance.now();
  await writer.replicate.to(remote);
  const push = (performance.now() - started) / 1000;

  const reader = new PouchDB(join(dir, "reader"));
  started = performance.now();
  const pulled = await reader.replicate.from(remote);
  const bootstrap = (performance.now() - started) / 1000;

  await writer.sync(remote); // settle both directions, then a sync with nothing to do
  requests = 0;
  await writer.sync(remote);
  const noop = requests;

  console.log(
    JSON.stringify({
      entries,
      push_per_s: entries / push,
      bootstrap_per_s: pulled.docs_written / bootstrap,
      bootstrapped: pulled.docs_written,
      noop_requests: noop,
    }),
  );
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
