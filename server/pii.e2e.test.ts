// No personal data leaves the system: a real `peakdesk serve` (recording transcripts) is sent zh/en
// messages full of phones, ID and passport numbers, emails, bank cards and addresses over WS and HTTP,
// and a short `peakdesk run` replays against it. None of the raw strings may show in a reply, an error
// frame, /metrics, the server's stdout/stderr, any file of the results folder, or the transcript files'
// bytes; decrypted, each transcript turn holds exactly the masked text.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RUN_RESULT_FILES } from '../sim/results/records.ts';
import { runCli } from '../sim/testing/run-cli.ts';
import { maskPersonalData } from './bot/mask.ts';
import { createStore } from './data/store.ts';
import { openTranscript, type TranscriptTurn, transcriptKey } from './transcripts.ts';

const BIN = new URL('../bin/peakdesk.js', import.meta.url).pathname;
const ORDER = [...createStore(20261111).orders.keys()][7] as string;

/** Messages a customer might write, and the raw strings in them that must never come out again. */
const MESSAGES: { text: string; locale: 'zh-CN' | 'en-US' }[] = [
  { text: '我的手机号是13812345678，快递到哪了', locale: 'zh-CN' },
  { text: `电话改成 +86 139-8765-4321，订单${ORDER}`, locale: 'zh-CN' },
  { text: '手机１３６１２３４５６７８收不到验证码', locale: 'zh-CN' },
  { text: '座机010-62345678，白天打这个', locale: 'zh-CN' },
  { text: '身份证110105199001011234，实名认证不通过', locale: 'zh-CN' },
  { text: '身份证号32010219851231003X 帮我查下账户', locale: 'zh-CN' },
  { text: '护照E12345678 海外购清关要填吗', locale: 'zh-CN' },
  { text: '发票发到 zhang.san@example.com 谢谢', locale: 'zh-CN' },
  { text: '退款退到银行卡6222021234567890123', locale: 'zh-CN' },
  {
    text: `订单${ORDER}地址改成北京市朝阳区建国路88号SOHO现代城5号楼1203室，电话13812345678`,
    locale: 'zh-CN',
  },
  { text: '送到浙江省杭州市余杭区文一西路969号幸福小区3栋2单元501', locale: 'zh-CN' },
  { text: 'my phone is +1 415 555 2671, where is my parcel', locale: 'en-US' },
  { text: 'call me on 13812345678 please', locale: 'en-US' },
  { text: 'send the invoice to Bob_99@mail.co.uk', locale: 'en-US' },
  { text: `please change the address on ${ORDER} to 221B Baker Street, London`, locale: 'en-US' },
  { text: 'ship to Apt 5, 12 Main St, Springfield instead', locale: 'en-US' },
  { text: 'refund it to my card 4111 1111 1111 1111', locale: 'en-US' },
  { text: 'my passport number is EA1234567 for customs', locale: 'en-US' },
];
/** What the simulated customers of `peakdesk run` write (sim/customers/phrasebook) that counts as PII. */
const SIMULATED = ['test@example.com', '8 Example Road', 'xx路8号'];
const SECRETS = [
  '13812345678',
  '139-8765-4321',
  '13987654321',
  '１３６１２３４５６７８',
  '13612345678',
  '010-62345678',
  '01062345678',
  '110105199001011234',
  '32010219851231003X',
  'E12345678',
  'zhang.san',
  '6222021234567890123',
  '建国路88号',
  '5号楼1203室',
  '文一西路969号',
  '3栋2单元501',
  '415 555 2671',
  '4155552671',
  'Bob_99',
  '221B Baker',
  '12 Main St',
  '4111 1111 1111 1111',
  '4111111111111111',
  'EA1234567',
  ...SIMULATED,
];
/** Conversation and session ids named after the customer, as some integrations do. */
const PII_CONV = 'c-13812345678';

function expectNoSecrets(where: string, text: string): void {
  const found = SECRETS.filter((s) => text.includes(s));
  expect(found, where).toEqual([]);
}

let dir: string;
let key: Buffer;
let env: NodeJS.ProcessEnv;
let serve: ChildProcess;
let stdout = '';
let stderr = '';
let baseUrl = '';
let exitCode: Promise<number | null>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'peakdesk-pii-'));
  const hex = randomBytes(32).toString('hex');
  env = { ...process.env, PEAKDESK_TRANSCRIPT_KEY: hex };
  key = transcriptKey(env);
  serve = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--threads', '2', '--record-transcripts', join(dir, 'tx.jsonl')],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  exitCode = new Promise((resolve) => serve.once('exit', (code) => resolve(code)));
  serve.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  baseUrl = await new Promise<string>((resolve, reject) => {
    serve.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    void exitCode.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}, 30_000);

afterAll(() => {
  if (serve.exitCode === null) serve.kill('SIGKILL');
});

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextFrame(ws: WebSocket): Promise<string> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(data.toString())));
}

/** A reply without the ids the protocol echoes back to their sender (conv, replyTo, session). */
function withoutEchoedIds(json: string): string {
  const { conv: _c, replyTo: _r, session: _s, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify(rest);
}

async function post(path: string, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', body });
  return { status: res.status, text: await res.text() };
}

describe('no personal data in replies, logs, metrics, results or transcripts', () => {
  it('answers PII-laden messages over WS and HTTP with masked replies and PII-free errors', async () => {
    const ws = await openSocket(`${baseUrl.replace('http', 'ws')}/chat`);
    for (const [i, m] of MESSAGES.entries()) {
      ws.send(JSON.stringify({ type: 'msg', id: `m-${i}`, conv: PII_CONV, text: m.text, locale: m.locale }));
      const frame = await nextFrame(ws);
      expect(JSON.parse(frame)).toMatchObject({ type: 'reply', replyTo: `m-${i}` });
      expectNoSecrets(`WS reply to "${m.text}"`, withoutEchoedIds(frame));
    }
    // V8 quotes a short input whole in its JSON.parse error, a longer one cut after ten characters.
    ws.send('call 13812345678');
    expect(JSON.parse(await nextFrame(ws))).toEqual({
      type: 'error',
      code: 'bad_json',
      message: "frame is not valid JSON: Unexpected token 'c'",
    });
    ws.send(JSON.stringify({ type: '13812345678', id: 'm-x' }));
    expectNoSecrets('WS bad_type error', await nextFrame(ws));
    ws.send(JSON.stringify({ type: 'end', conv: PII_CONV, reason: 'resolved' }));
    ws.close();

    let session: string | undefined;
    for (const m of MESSAGES) {
      const res = await post('/v1/chat', JSON.stringify({ session, text: m.text, locale: m.locale }));
      expect(res.status).toBe(200);
      session = (JSON.parse(res.text) as { session: string }).session;
      expectNoSecrets(`HTTP reply to "${m.text}"`, res.text);
    }
    const bad = await post('/v1/chat', '手机13812345678');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toEqual({
      type: 'error',
      code: 'bad_json',
      message: "frame is not valid JSON: Unexpected token '手'",
    });

    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toContain('peakdesk_messages_total');
    expectNoSecrets('/metrics', metrics);
  }, 30_000);

  it('writes a results folder without PII from a run against the server', async () => {
    const out = join(dir, 'results');
    const run = await runCli([
      'run',
      'double11',
      '--no-tui',
      '--window',
      '00:00-00:30',
      '--scale',
      '2e-6',
      '--duration',
      '2s',
      '--target',
      `${baseUrl.replace('http', 'ws')}/chat`,
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectNoSecrets('run stdout', run.stdout);
    const [runDir] = readdirSync(out);
    const files = readdirSync(join(out, runDir as string));
    for (const f of RUN_RESULT_FILES) expect(files).toContain(f);
    for (const f of files) {
      expectNoSecrets(`results file ${f}`, readFileSync(join(out, runDir as string, f), 'utf8'));
    }
  }, 60_000);

  it('stops cleanly with nothing personal in its output, and transcripts that hold only masked text', async () => {
    serve.kill('SIGTERM');
    expect(await exitCode).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^peakdesk serve: listening on .*\npeakdesk serve: SIGTERM, closing sockets\n/);
    expectNoSecrets('server stdout', stdout);

    const files = readdirSync(dir).filter((f) => f.startsWith('tx.jsonl.t'));
    expect(files.sort()).toEqual(['tx.jsonl.t0', 'tx.jsonl.t1']);
    const turns: TranscriptTurn[] = [];
    for (const f of files) {
      const bytes = readFileSync(join(dir, f));
      for (const s of SECRETS) expect(bytes.includes(Buffer.from(s)), `${f} holds "${s}"`).toBe(false);
      const opened = openTranscript(key, bytes.toString('utf8'));
      expect(opened.tornLastLine).toBe(false);
      turns.push(...opened.turns);
    }
    for (const t of turns) expectNoSecrets(`decrypted turn of ${t.conv}`, JSON.stringify(t));
    // The turns sent above (WS and HTTP), in their masked form; the run's customers added more.
    const texts = turns.map((t) => t.text);
    for (const m of MESSAGES) {
      expect(texts.filter((t) => t === maskPersonalData(m.text))).toHaveLength(2);
    }
    expect(texts).toContain('我的手机号是138****5678，快递到哪了');
    expect(texts).toContain('送到浙江省杭州市余杭区****');
    expect(texts).toContain('refund it to my card 4111****1111');
    expect(turns.filter((t) => t.conv === 'c-138****5678')).toHaveLength(MESSAGES.length);
    // The run's customers talked to this server too.
    expect(turns.length).toBeGreaterThan(2 * MESSAGES.length);
  }, 30_000);
});
