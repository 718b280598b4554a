// Runs BAML's schema-aligned parser (b.parse.<Function>) over every corpus case and writes one JSON line per
// case to out/baml.jsonl: { id, value } when BAML returned an object, { id, error } when it threw.
// The .NET scorer (SideBySide) judges these lines with the same rules as ours and MEAI's.
'use strict';
const fs = require('fs');
const path = require('path');
const { b } = require('./dist/baml_client');

const repo = path.resolve(__dirname, '..', '..');
const corpus = path.join(repo, 'tests', 'StructuredLlm.Tests', 'Corpus', 'messy-outputs.jsonl');
const parsers = {
  SupportTicket: (t) => b.parse.ExtractSupportTicket(t),
  Invoice: (t) => b.parse.ExtractInvoice(t),
  Sentiment: (t) => b.parse.ExtractSentiment(t),
};

fs.mkdirSync(path.join(__dirname, 'out'), { recursive: true });
const lines = [];
for (const line of fs.readFileSync(corpus, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const c = JSON.parse(line);
  try {
    const value = parsers[c.schema](c.input);
    lines.push(JSON.stringify({ id: c.id, value }));
  } catch (e) {
    lines.push(JSON.stringify({ id: c.id, error: String((e && e.message) || e).split('\n')[0].slice(0, 300) }));
  }
}
fs.writeFileSync(path.join(__dirname, 'out', 'baml.jsonl'), lines.join('\n') + '\n');
console.log(`BAML: ${lines.length} cases written to out/baml.jsonl`);
