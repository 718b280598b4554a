// Per-document time of BAML's parser (b.parse.ExtractSupportTicket) and of jsonrepair followed by JSON.parse,
// on the same messy inputs as the .NET MessyBenchmarks (tests/StructuredLlm.ParseBenchmarks/Inputs/messy.json).
// A simple warm loop: warm up, then several timed rounds of N calls; reports the median round's mean per call.
'use strict';
const path = require('path');
const os = require('os');
const { b } = require('./dist/baml_client');
const { jsonrepair } = require('jsonrepair');

const fs = require('fs');
const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', name, 'package.json'), 'utf8')).version;
const docs = require(path.join(__dirname, '..', '..', 'tests', 'StructuredLlm.ParseBenchmarks', 'Inputs', 'messy.json'));

function time(fn, input, targetMs = 300, rounds = 7) {
  // warm up and size the round so that it lasts about targetMs
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(input);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms > 50) { n = Math.max(1, Math.round(n * targetMs / ms)); break; }
    n *= 2;
  }
  const perCall = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(input);
    perCall.push(Number(process.hrtime.bigint() - t0) / 1e3 / n);
  }
  perCall.sort((a, x) => a - x);
  return { median: perCall[rounds >> 1], min: perCall[0], max: perCall[rounds - 1], n };
}

const contenders = {
  'BAML b.parse.ExtractSupportTicket': (t) => b.parse.ExtractSupportTicket(t),
  'jsonrepair + JSON.parse': (t) => JSON.parse(jsonrepair(t)),
};

console.log(`node ${process.version}, ${os.cpus()[0].model}, ${os.cpus().length} cpus, ` +
  `@boundaryml/baml ${pkgVersion('@boundaryml/baml')}, jsonrepair ${pkgVersion('jsonrepair')}`);
console.log();
console.log('| input | bytes | parser | median µs/doc | min | max | calls/round |');
console.log('|---|---:|---|---:|---:|---:|---:|');
for (const [name, text] of Object.entries(docs)) {
  for (const [who, fn] of Object.entries(contenders)) {
    fn(text); // must not throw: both accept these inputs
    const r = time(fn, text);
    console.log(`| ${name} | ${Buffer.byteLength(text)} | ${who} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)} | ${r.max.toFixed(1)} | ${r.n} |`);
  }
}
