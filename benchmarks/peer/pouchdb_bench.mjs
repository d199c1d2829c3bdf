// PouchDB 9 + express-pouchdb on loopback, the same dossier as benchmarks/sync.py: `entries` allergy entries pushed
// by one device, bootstrapped by a new one, then the HTTP requests of a sync with nothing to do; then a document of
// `megabytes` MB (an attachment, as a PouchDB app stores a scan) replicated three times (best time kept), and one
// more whose upload loses its connections once 90 % of its bytes are out, replicated again: the bytes sent beyond
// what an uncut upload of it sends. Both databases on disk (LevelDB), as a user would run them. Prints one JSON line
// (read by compare.py).
//
//     node benchmarks/peer/pouchdb_bench.mjs [entries] [megabytes]
import { createHash } from "node:crypto";
import { once } from "node:events";
import net from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import express from "express";
import expressPouchDB from "express-pouchdb";
import PouchDB from "pouchdb";

const entries = Number(process.argv[2] ?? 20000);
const megabytes = Number(process.argv[3] ?? 0);
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

// A TCP proxy in front of the server counting the bytes clients send, which can cut every connection once `cutAt`
// bytes have passed (as benchmarks/sync.py's FaultProxy does for Carnet).
const proxy = { sent: 0, cutAt: null, sockets: new Set() };
const relay = net.createServer((client) => {
  const upstream = net.connect(server.address().port, "127.0.0.1");
  proxy.sockets.add(client).add(upstream);
  const drop = () => {
    for (const socket of [client, upstream]) {
      proxy.sockets.delete(socket);
      socket.destroy();
    }
  };
  client.on("data", (data) => {
    if (proxy.cutAt !== null && proxy.sent + data.length >= proxy.cutAt) {
      upstream.write(data.subarray(0, proxy.cutAt - proxy.sent));
      proxy.sent = proxy.cutAt;
      proxy.cutAt = null;
      for (const socket of [...proxy.sockets]) socket.destroy();
      proxy.sockets.clear();
      return;
    }
    proxy.sent += data.length;
    upstream.write(data);
  });
  upstream.pipe(client);
  client.on("error", drop).on("close", drop);
  upstream.on("error", drop).on("close", drop);
});
relay.listen(0, "127.0.0.1");
await once(relay, "listening");
const proxied = `http://127.0.0.1:${relay.address().port}/db/dossier`;

const scans = new Map();
function scan(n) {
  // Incompressible bytes, as benchmarks/sync.py makes them (a PDF header, then SHAKE-256 output).
  if (!scans.has(n)) {
    const body = createHash("shake256", { outputLength: megabytes * 1024 * 1024 }).update(`bench${n}`).digest();
    scans.set(n, Buffer.concat([Buffer.from("%PDF-1.4\n"), body]));
  }
  return scans.get(n);
}

async function upload(writer, id, to) {
  await writer.put({ _id: id, kind: "imagerie", title: id, _attachments: { "scan.pdf": { content_type: "application/pdf", data: scan(id) } } });
  const started = performance.now();
  await writer.replicate.to(to);
  return (performance.now() - started) / 1000;
}

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

  const figures = {
    entries,
    push_per_s: entries / push,
    bootstrap_per_s: pulled.docs_written / bootstrap,
    bootstrapped: pulled.docs_written,
    noop_requests: noop,
  };
  if (megabytes > 0) {
    const times = [];
    for (const n of [0, 1, 2]) times.push(await upload(writer, `scan-${n}`, remote));
    figures.upload_s = Math.min(...times);
    // Through the proxy (its own replication checkpoint, set first): an uncut upload's bytes, then a cut one's.
    await writer.replicate.to(proxied);
    let before = proxy.sent;
    await upload(writer, "scan-whole", proxied);
    const wire = proxy.sent - before;
    await writer.put({ _id: "scan-cut", kind: "imagerie", _attachments: { "scan.pdf": { content_type: "application/pdf", data: scan("cut") } } });
    before = proxy.sent;
    proxy.cutAt = before + Math.floor(wire * 0.9);
    let attempts = 0;
    for (;;) {
      attempts += 1;
      try {
        await writer.replicate.to(proxied);
        break;
      } catch (error) {
        if (attempts > 5) throw error;
      }
    }
    const check = await new PouchDB(`${remote}`).get("scan-cut", { attachments: true, binary: true });
    if (check._attachments["scan.pdf"].data.length !== scan("cut").length) throw new Error("the cut upload did not arrive whole");
    figures.upload_wire_bytes = wire;
    figures.cut_resent_bytes = proxy.sent - before - wire;
    figures.cut_attempts = attempts;
    figures.file_bytes = scan("cut").length;
  }
  console.log(JSON.stringify(figures));
} finally {
  relay.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
