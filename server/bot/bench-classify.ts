// Throughput of the classifier and latency of handleMessage: `node bin/run-ts.js server/bot/bench-classify.ts`.

import { classifyRate, RATE_MESSAGES } from '../../bench/classify-rate.ts';
import { cst } from '../data/clock.ts';
import { storeFacts } from '../data/store-facts.ts';
import { createBrain, sharedClassifier } from './brain.ts';

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const classifier = sharedClassifier();
const trainCpu = process.cpuUsage(cpu0);
const trainMs = performance.now() - t0;

const rate = classifyRate(classifier);
let sink = 0;

const brain = createBrain({});
const facts = storeFacts(20261111);
const now = cst(2026, 11, 12, 10);
const turns = RATE_MESSAGES.map((m, i) => m.replace('E2026111100012345', facts.orderIds[i] as string));
const M = 60_000;
let session = brain.createSession('bench');
for (let i = 0; i < 5_000; i++) {
  if (i % 4 === 0) session = brain.createSession(`w${i}`);
  brain.handleMessage(session, turns[i % turns.length] as string, now);
}
const h0 = performance.now();
for (let i = 0; i < M; i++) {
  if (i % 4 === 0) session = brain.createSession(`b${i}`);
  sink += brain.handleMessage(session, turns[i % turns.length] as string, now).text.length;
}
const handleMs = performance.now() - h0;

process.stdout.write(
  [
    `training (corpus expansion + one fit, stored calibration): ${trainMs.toFixed(0)} ms wall, ${((trainCpu.user + trainCpu.system) / 1000).toFixed(0)} ms CPU`,
    `classify: ${rate.medianPerSec.toLocaleString('en-US')} messages/s (${(1e6 / rate.medianPerSec).toFixed(2)} µs each, one core; median of runs ${rate.perSec.map((r) => r.toLocaleString('en-US')).join(' / ')})`,
    `handleMessage: ${((handleMs * 1000) / M).toFixed(1)} µs per message (new conversation every 4 turns)`,
    `(checksum ${Math.round(sink) % 1000})`,
  ].join('\n'),
);
process.stdout.write('\n');
