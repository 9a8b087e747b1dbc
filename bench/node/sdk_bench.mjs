// Times Novu's official TypeScript SDK (@novu/api 3.19.1) on the calls bench/novu_bench.cpp
// times in C++: an update and a list of 100 items, each through the SDK's whole path (input
// validation, request building, its HTTP client, response matching and schema parsing) over a
// fake fetcher that answers a canned Response, so no socket is involved on either side.
//
//   node sdk_bench.mjs FIXTURE_DIR    prints one JSON object on stdout
//
// Each figure is the median over several batches of the process's CPU time per call (user +
// system, all threads: garbage collection is part of a call's cost) and of wall time per call.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Novu } from "@novu/api";
import { HTTPClient } from "@novu/api/lib/http.js";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node sdk_bench.mjs FIXTURE_DIR");
const singleBody = readFileSync(join(dir, "single.json"), "utf8");
const listBody = readFileSync(join(dir, "list100.json"), "utf8");
const update = JSON.parse(readFileSync(join(dir, "update.json"), "utf8"));

const responseHeaders = {
  "content-type": "application/json; charset=utf-8",
  "ratelimit-limit": "100",
  "ratelimit-remaining": "99",
  "ratelimit-reset": "1",
};

function sdkAnswering(body) {
  const fetcher = async () => new Response(body, { status: 200, headers: responseHeaders });
  return new Novu({
    secretKey: "sk_test_123",
    serverURL: "http://127.0.0.1:9",
    httpClient: new HTTPClient({ fetcher }),
  });
}

const updateSdk = sdkAnswering(singleBody);
const listSdk = sdkAnswering(listBody);

async function updateCall() {
  const r = await updateSdk.channelConnections.update(update.body, update.identifier);
  return r.result;
}
async function list100Call() {
  const r = await listSdk.channelConnections.list({ limit: 100 });
  return r.result;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function measure(call, warmup, perBatch, batches) {
  for (let i = 0; i < warmup; ++i) await call();
  const cpu = [];
  const wall = [];
  for (let b = 0; b < batches; ++b) {
    const c0 = process.cpuUsage();
    const w0 = process.hrtime.bigint();
    for (let i = 0; i < perBatch; ++i) await call();
    const w1 = process.hrtime.bigint();
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / perBatch);
    wall.push(Number(w1 - w0) / 1000 / perBatch);
  }
  return { cpu_us: median(cpu), wall_us: median(wall), cpu_us_batches: cpu, calls_per_batch: perBatch };
}

// The answers must be what the C++ side decodes, or the comparison is void.
const one = await updateCall();
const page = await list100Call();
if (one.identifier !== "slack-prod-user123-abc4" || page.data.length !== 100 || page.totalCount !== 100) {
  throw new Error("the SDK did not decode the canned answers");
}

const fast = process.argv.includes("--quick");
const result = {
  node: process.version,
  sdk: JSON.parse(readFileSync(new URL("./node_modules/@novu/api/package.json", import.meta.url))).version,
  zod: JSON.parse(readFileSync(new URL("./node_modules/zod/package.json", import.meta.url))).version,
  update: await measure(updateCall, fast ? 200 : 3000, fast ? 200 : 2000, fast ? 3 : 7),
  list100: await measure(list100Call, fast ? 20 : 300, fast ? 20 : 200, fast ? 3 : 7),
};
process.stdout.write(JSON.stringify(result) + "\n");
