// Writes the benchmark bodies, from the shared SDK vectors, into the directory given as argv[2]:
//   single.json   the response body of vector "update_seed" (enveloped channel connection)
//   list100.json  a list page of 100 such connections, identifiers and subscriber ids varied
//   update.json   the update call's input (identifier and body) of the same vector
//   endpoints100.json  a list page of 100 channel endpoints of mixed types (the 14 created in
//                 tests/data/endpoint-vectors.json, in turn), every third with `type` after
//                 `endpoint` (the late tag the decoder buffers)
// Every benchmark (C++ and Node) reads these same bytes.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = process.argv[2];
if (!out) throw new Error("usage: make_fixtures.mjs OUT_DIR");
mkdirSync(out, { recursive: true });

const vectors = JSON.parse(readFileSync(join(root, "tests", "data", "sdk-vectors.json"), "utf8"));
const seed = vectors.find((v) => v.name === "update_seed");
const connection = seed.response.body.data;

const items = [];
for (let i = 0; i < 100; ++i) {
  const n = String(100 + i);  // same width as the seed's "123", so every item has the seed's size
  items.push({ ...connection, identifier: `slack-prod-user${n}-abc4`, subscriberId: `subscriber-${n}` });
}
const page = { data: items, next: "cur_next", previous: null, totalCount: 100, totalCountCapped: false };

writeFileSync(join(out, "single.json"), JSON.stringify(seed.response.body));
writeFileSync(join(out, "list100.json"), JSON.stringify(page));
writeFileSync(join(out, "update.json"), JSON.stringify(seed.input));

const endpointVectors = JSON.parse(readFileSync(join(root, "tests", "data", "endpoint-vectors.json"), "utf8"));
const created = endpointVectors.filter((v) => v.operation === "create" && v.response.status === 201);
const endpoints = [];
for (let i = 0; i < 100; ++i) {
  const { type, endpoint, ...rest } = created[i % created.length].response.body.data;
  const n = String(100 + i);
  const item = { ...rest, identifier: `endpoint-${n}`, subscriberId: `subscriber-${n}` };
  // Member order as a server may send it: mostly type first, every third the payload first.
  endpoints.push(i % 3 === 2 ? { ...item, endpoint, type } : { ...item, type, endpoint });
}
writeFileSync(join(out, "endpoints100.json"),
              JSON.stringify({ data: endpoints, next: "cur_next", previous: null, totalCount: 100, totalCountCapped: false }));
