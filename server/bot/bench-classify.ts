// Throughput of the classifier and latency of handleMessage: `node bin/run-ts.js server/bot/bench-classify.ts`.
import { cst } from '../data/clock.ts';
import { storeFacts } from '../data/store-facts.ts';
import { createBrain, sharedClassifier } from './brain.ts';

const MESSAGES = [
  '我的快递到哪了 E2026111100012345',
  '羽绒服黑色L码还有货吗',
  '跨店满减和优惠券能一起用吗？',
  'where is my parcel, it has not moved for 3 days',
  'I want to return the hoodie, it does not fit',
  '买了就降价了，能价保吗',
  '转人工',
  'how much is the down jacket with the running shoes together',
  '我身高175体重140斤穿什么码',
  '发票怎么开 公司报销用',
  'payment failed but I was charged twice',
  '你好',
];

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const classifier = sharedClassifier();
const trainCpu = process.cpuUsage(cpu0);
const trainMs = performance.now() - t0;

const N = 300_000;
let sink = 0;
for (let i = 0; i < 20_000; i++)
  sink += classifier.classify(MESSAGES[i % MESSAGES.length] as string).confidence;
const c0 = performance.now();
for (let i = 0; i < N; i++) sink += classifier.classify(MESSAGES[i % MESSAGES.length] as string).confidence;
const classifyMs = performance.now() - c0;

const brain = createBrain({});
const facts = storeFacts(20261111);
const now = cst(2026, 11, 12, 10);
const turns = MESSAGES.map((m, i) => m.replace('E2026111100012345', facts.orderIds[i] as string));
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
    `classify: ${Math.round(N / (classifyMs / 1000)).toLocaleString('en-US')} messages/s (${((classifyMs * 1000) / N).toFixed(2)} µs each, one core)`,
    `handleMessage: ${((handleMs * 1000) / M).toFixed(1)} µs per message (new conversation every 4 turns)`,
    `(checksum ${Math.round(sink) % 1000})`,
  ].join('\n'),
);
process.stdout.write('\n');
