// Turns the raw results of bench/run.sh (in the directory given as argv[2]) into a table and
// the `metric <name> <value>` lines, the last lines of the run, and writes them to
// metrics.txt there too.
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import os from "node:os";

const dir = process.argv[2];
const load = (name) => JSON.parse(readFileSync(join(dir, name), "utf8"));
// Every repetition of every run of novu_bench (cpp-1.json, cpp-2.json, ...).
const repetitions = readdirSync(dir)
  .filter((f) => /^cpp-\d+\.json$/.test(f))
  .flatMap((f) => load(f).benchmarks.filter((b) => b.run_type === "iteration"));
const heap = load("heap.json");
const sdk = load("node.json");
const compile = load("compile.json");
const size = load("size.json");
const instr = existsSync(join(dir, "instructions.json")) ? load("instructions.json") : null;

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Median CPU time in ns over all repetitions of all runs, and allocations per operation.
function bm(name) {
  const rows = repetitions.filter((b) => b.run_name === `BM_${name}`);
  if (rows.length === 0) throw new Error(`no repetitions of BM_${name}`);
  const ns = rows.map((b) => b.cpu_time * { ns: 1, us: 1e3, ms: 1e6, s: 1e9 }[b.time_unit]);
  return { ns: median(ns), allocs: median(rows.map((b) => b.allocs)), samples: rows.length };
}
const ratio = (a, b) => a / b;
const fixed = (x, digits = 3) => Number(x.toFixed(digits));

// Every benchmark of novu_bench.cpp, in the order of its source (the run interleaves them).
const names = [
  "build_update_novu", "build_update_body_nlohmann_ordered_dump", "build_update_body_nlohmann_dump",
  "decode_single_novu", "decode_single_novu_into", "decode_single_sax_floor", "decode_single_dom_parse",
  "decode_single_dom_extract", "decode_list100_novu", "decode_list100_novu_into", "decode_list100_sax_floor",
  "decode_list100_dom_parse", "decode_list100_dom_extract", "decode_endpoints100_novu", "decode_endpoints100_sax_floor",
  "client_update_novu", "client_update_dom_reference", "client_list100_novu", "client_list100_dom_reference",
];
const t = {};
for (const name of names) t[name] = bm(name);

const metrics = [];
const metric = (name, value, note = "") => metrics.push({ name, value, note });

metric("decode_single_vs_sax_floor", fixed(ratio(t.decode_single_novu.ns, t.decode_single_sax_floor.ns)), "target <= 1.2");
metric("decode_list100_vs_sax_floor", fixed(ratio(t.decode_list100_novu.ns, t.decode_list100_sax_floor.ns)), "target <= 1.2");
metric("decode_endpoints100_vs_sax_floor", fixed(ratio(t.decode_endpoints100_novu.ns, t.decode_endpoints100_sax_floor.ns)),
       "target <= 1.3; 100 endpoints of mixed types, a third with the tag after the payload");
metric("decode_endpoints100_allocs", fixed(t.decode_endpoints100_novu.allocs, 1));
const list = heap.decode_list100_novu;
metric("decode_list100_peak_heap_vs_result", fixed(list.peak_bytes / list.held_bytes), "target <= 1.2");
metric("build_update_vs_nlohmann_body_dump",
       fixed(ratio(t.build_update_novu.ns, t.build_update_body_nlohmann_ordered_dump.ns)), "target <= 1.3");
metric("build_update_allocs", fixed(t.build_update_novu.allocs, 1));
metric("client_update_speedup_vs_official_sdk", fixed((sdk.update.cpu_us * 1e3) / t.client_update_novu.ns, 1), "target >= 60");
metric("client_list100_speedup_vs_official_sdk", fixed((sdk.list100.cpu_us * 1e3) / t.client_list100_novu.ns, 1), "target >= 7");
metric("compile_client_tu_s", compile.client_tu);
metric("compile_light_tu_s", compile.light_tu, "target <= 0.3");
metric("compile_nlohmann_only_tu_s", compile.nlohmann_only_tu);
metric("compile_nlohmann_4structs_tu_s", compile.nlohmann_4structs_tu);
metric("compile_client_tu_vs_nlohmann_4structs", fixed(compile.client_tu / compile.nlohmann_4structs_tu), "target <= 1.2");
metric("example_binary_bytes", size.plain, "target <= 150 KB; -O2 -DNDEBUG, stripped");
// Context for the figures above.
metric("decode_single_allocs", fixed(t.decode_single_novu.allocs, 1),
       `strings over the SSO buffer + arrays: ${heap.decode_single_novu.alloc_budget}; nlohmann's parser alone: ${fixed(t.decode_single_sax_floor.allocs, 1)}`);
metric("decode_list100_allocs", fixed(t.decode_list100_novu.allocs, 1),
       `strings over the SSO buffer + arrays: ${list.alloc_budget}; nlohmann's parser alone: ${fixed(t.decode_list100_sax_floor.allocs, 1)}`);
metric("decode_single_into_vs_sax_floor", fixed(ratio(t.decode_single_novu_into.ns, t.decode_single_sax_floor.ns)),
       "decoding into a reused value (decode_channel_connection_into)");
metric("decode_list100_into_vs_sax_floor", fixed(ratio(t.decode_list100_novu_into.ns, t.decode_list100_sax_floor.ns)),
       "decoding into a reused value (decode_channel_connection_page_into)");
metric("decode_list100_into_allocs", fixed(t.decode_list100_novu_into.allocs, 1),
       `nlohmann's parser alone: ${fixed(t.decode_list100_sax_floor.allocs, 1)}`);
metric("decode_single_vs_dom_extract", fixed(ratio(t.decode_single_novu.ns, t.decode_single_dom_extract.ns)));
metric("decode_list100_vs_dom_extract", fixed(ratio(t.decode_list100_novu.ns, t.decode_list100_dom_extract.ns)));
metric("decode_list100_dom_extract_peak_heap_vs_result",
       fixed(heap.decode_list100_dom_extract.peak_bytes / heap.decode_list100_dom_extract.held_bytes));
metric("build_update_vs_nlohmann_sorted_body_dump", fixed(ratio(t.build_update_novu.ns, t.build_update_body_nlohmann_dump.ns)),
       "nlohmann::json sorts keys: not the body the SDK sends");
metric("client_update_dom_reference_speedup_vs_official_sdk",
       fixed((sdk.update.cpu_us * 1e3) / t.client_update_dom_reference.ns, 1));
metric("client_list100_dom_reference_speedup_vs_official_sdk",
       fixed((sdk.list100.cpu_us * 1e3) / t.client_list100_dom_reference.ns, 1));
if (instr) {
  metric("instructions_decode_single_vs_sax_floor", fixed(instr.decode_single / instr.decode_single_sax_floor), "callgrind");
  metric("instructions_decode_list100_vs_sax_floor", fixed(instr.decode_list100 / instr.decode_list100_sax_floor), "callgrind");
  metric("instructions_decode_endpoints100_vs_sax_floor",
         fixed(instr.decode_endpoints100 / instr.decode_endpoints100_sax_floor), "callgrind");
  metric("instructions_decode_single_into_vs_sax_floor", fixed(instr.decode_single_into / instr.decode_single_sax_floor),
         "callgrind");
  metric("instructions_decode_list100_into_vs_sax_floor",
         fixed(instr.decode_list100_into / instr.decode_list100_sax_floor), "callgrind");
  metric("instructions_build_update_vs_nlohmann_body_dump",
         fixed(instr.build_update / instr.build_update_body_nlohmann_ordered_dump), "callgrind");
}
metric("example_binary_bytes_gc_sections_no_exceptions", size.gc_sections_no_exceptions,
       "-ffunction-sections -fdata-sections -Wl,--gc-sections -fno-exceptions");
metric("example_binary_bytes_gc_sections", size.gc_sections);
metric("example_binary_bytes_gc_sections_no_exceptions_os", size.gc_sections_no_exceptions_os);

// ---- human-readable part ----
const lines = [];
const us = (ns) => (ns >= 1e5 ? `${(ns / 1e3).toFixed(0)} us` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} us` : `${ns.toFixed(0)} ns`);
lines.push(`machine: ${os.cpus()[0].model} x${os.cpus().length}, ${os.release()}, node ${sdk.node}, @novu/api ${sdk.sdk}, zod ${sdk.zod}`);
lines.push("");
lines.push(`C++ (median CPU time per operation over ${t.decode_single_novu.samples} repetitions, allocations per operation):`);
for (const [name, v] of Object.entries(t)) lines.push(`  ${name.padEnd(44)} ${us(v.ns).padStart(10)}  ${String(fixed(v.allocs, 1)).padStart(7)} allocs`);
lines.push("");
lines.push("Official SDK (median CPU time per call, user + system):");
lines.push(`  update                                       ${us(sdk.update.cpu_us * 1e3).padStart(10)}`);
lines.push(`  list of 100                                  ${us(sdk.list100.cpu_us * 1e3).padStart(10)}`);
lines.push("");
lines.push("Heap (bytes; peak during the call vs held by the result afterwards):");
for (const [name, v] of Object.entries(heap)) lines.push(`  ${name.padEnd(44)} peak ${String(v.peak_bytes).padStart(7)}  held ${String(v.held_bytes).padStart(7)}`);
if (instr) {
  lines.push("");
  lines.push("Instructions per operation (callgrind):");
  for (const [name, v] of Object.entries(instr)) lines.push(`  ${name.padEnd(44)} ${String(v).padStart(10)}`);
}
lines.push("");
const text = metrics.map((m) => `metric ${m.name} ${m.value}`).join("\n");
const notes = metrics.filter((m) => m.note).map((m) => `  ${m.name}: ${m.note}`).join("\n");
process.stdout.write(lines.join("\n") + "\nnotes:\n" + notes + "\n\n" + text + "\n");
writeFileSync(join(dir, "metrics.txt"), text + "\n");
