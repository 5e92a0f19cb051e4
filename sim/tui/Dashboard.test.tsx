import { stripVTControlCharacters } from 'node:util';
import { render as inkRender } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveFrame } from '../live/frame.ts';
import { Dashboard } from './Dashboard.tsx';
import { earlyFrame, emptyFrame, finishedFrame, spikeFrame } from './fixtures/frames.ts';
import { eventually, FakeStdin, FakeStdout, settle } from './fixtures/terminal.ts';

const mounted: { unmount: () => void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

function callbacks() {
  return { onQuit: vi.fn(), onPause: vi.fn(), onSpeed: vi.fn() };
}

/** The dashboard in a terminal of `columns`×`rows`; Ink's debug mode writes each frame whole. */
function renderAt(frame: LiveFrame | undefined, columns: number, rows: number) {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const handlers = callbacks();
  const instance = inkRender(<Dashboard frame={frame} {...handlers} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    patchConsole: false,
    exitOnCtrlC: false,
  });
  mounted.push(instance);
  const rerender = (next: LiveFrame): void => instance.rerender(<Dashboard frame={next} {...handlers} />);
  return { stdout, stdin, handlers, rerender, lines: () => stdout.lastFrame().split('\n') };
}

const paused = (frame: LiveFrame): LiveFrame => ({
  ...frame,
  scenario: { ...frame.scenario, paused: true, speed: 0 },
});

describe('Dashboard at 80×24', () => {
  it('shows traffic and latency of the 00:00 spike', () => {
    const { lines } = renderAt(spikeFrame, 80, 24);
    expect(lines()).toEqual([
      'peakdesk  double11-2026  11-11 00:00:40  █████▌░░░░░  50.3%  ×60     scale 1:100',
      '── Traffic, real scale ─────────────────────────────────────── peak 60.0k/min ──',
      '                                        █▅▁',
      '▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▃▃▃▃▃▃▃▃▃▃▄▅████▆▅▅▄▄▄▄▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃▃',
      '                                        ▲ 00:00:40 curve 60.0k/min',
      'arrivals/s    588 sim    980 real (curve 1.0k)   open 2,167',
      'messages/s   1.7k sim   2.9k real',
      '── Latency, whole run ──────────────────────────────────────── 40,909 replies ──',
      '  ≤1 ms ▍                                          112              now    total',
      '  ≤2 ms ████▍                                     1.5k  p50     11.3 ms   7.6 ms',
      '  ≤4 ms ██████████████████████▍                   7.8k  p90     61.2 ms  27.1 ms',
      '  ≤8 ms ███████████████████████████████████████  13.7k  p99      194 ms  93.5 ms',
      ' ≤16 ms █████████████████████████████▎           10.2k  p99.9    403 ms   301 ms',
      ' ≤32 ms ██████████████▋                           5.1k  max      688 ms   688 ms',
      ' ≤64 ms ████▋                                     1.6k  mean    19.8 ms  12.6 ms',
      '≤128 ms █▋                                         560',
      '≤256 ms ▌                                          190',
      '≤512 ms ▏                                           48',
      '≤1.02 s ▏                                            9',
      'p99/s ▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▃▃▃▄▄▄▅▅▅▆▆▇▇██ max 194 ms',
      'errors 53  drops 58  late 19  slip p99 6.4 ms  loop lag p99 9.7 ms  drivers 2',
      '[tab] traffic+latency bot+agents  [p] pause  [+/-] speed  [q] quit',
    ]);
  });

  it('switches to bot and agents with tab, and back', async () => {
    const { stdin, lines } = renderAt(spikeFrame, 80, 24);
    await settle();
    stdin.write('\t');
    await eventually(() => expect(lines()[1]).toMatch(/^── Bot resolution/));
    expect(lines()).toEqual([
      'peakdesk  double11-2026  11-11 00:00:40  █████▌░░░░░  50.3%  ×60     scale 1:100',
      '── Bot resolution 73.7% ──────────────────────────────────────── top 11 of 14 ──',
      'intent                  volume  resolved     rate',
      'logistics.track           4.1k      3.1k    89.8%  ██████████████████████████',
      'order.status              2.3k      1.6k    84.8%  ████████████████████████▋',
      'promo.rules               2.1k      1.3k    76.3%  ██████████████████████▏',
      'product.stock             1.3k       918    82.5%  ████████████████████████',
      'aftersale.refund          1.2k       514    50.4%  ██████████████▋',
      'product.size               936       631    79.0%  ██████████████████████▉',
      'aftersale.return           827       419    59.4%  █████████████████▎',
      'promo.coupon_issue         639       245    44.9%  █████████████',
      'aftersale.price_protect    547       183    39.2%  ███████████▍',
      'greeting                   468       380    95.0%  ███████████████████████████▌',
      'payment.issue              326       115    41.4%  ████████████',
      '── Hand-offs & human agents needed ─────────────────────────────────────────────',
      'queue        hand-offs  real/min  agents now      peak',
      'presale          1,065     4,620         964       964',
      'logistics          683     2,410         512       512',
      'aftersale          904     3,330         711       711',
      'complaints         195       700         153       153',
      'all queues       2,847    11,060       2,340     2,340',
      'errors 53  drops 58  late 19  slip p99 6.4 ms  loop lag p99 9.7 ms  drivers 2',
      '[tab] traffic+latency bot+agents  [p] pause  [+/-] speed  [q] quit',
    ]);
    stdin.write('\t');
    await eventually(() =>
      expect(lines()[1]).toBe(
        '── Traffic, real scale ─────────────────────────────────────── peak 60.0k/min ──',
      ),
    );
  });

  it('fits every recorded frame, on both panel sets, in 80 columns and 23 rows', async () => {
    for (const frame of [emptyFrame, earlyFrame, spikeFrame, finishedFrame, paused(spikeFrame)]) {
      const { stdin, lines } = renderAt(frame, 80, 24);
      await settle();
      for (const tab of [0, 1]) {
        if (tab === 1) {
          stdin.write('\t');
          await eventually(() => expect(lines()[1]).toMatch(/^── Bot resolution/));
        }
        expect(lines().length).toBeLessThanOrEqual(23);
        for (const line of lines()) expect(line.length).toBeLessThanOrEqual(80);
      }
    }
  });

  it('shows PAUSED and offers resume while paused', () => {
    const { lines } = renderAt(paused(spikeFrame), 80, 24);
    expect(lines()[0]).toBe(
      'peakdesk  double11-2026  11-11 00:00:40  █████▌░░░░░  50.3%  PAUSED  scale 1:100',
    );
    expect(lines().at(-1)).toBe('[tab] traffic+latency bot+agents  [p] resume  [+/-] speed  [q] quit');
  });

  it('says where the results are on the final frame', () => {
    const { lines } = renderAt(finishedFrame, 80, 24);
    expect(lines().at(-1)).toBe(
      '✔ finished · results in results/20261123-021400-double11-2026  [tab]  [q] quit',
    );
    expect(lines().at(-2)).toBe(
      'errors 212  drops 113  late 27  slip p99 2.1 ms  loop lag p99 1.4 ms  drivers 2',
    );
  });

  it('marks partial results of a run stopped early', () => {
    const { lines } = renderAt(
      { ...spikeFrame, finished: { resultsDir: 'results/x', complete: false } },
      80,
      24,
    );
    expect(lines().at(-1)).toBe('■ stopped early · results in results/x (partial)  [tab] panels  [q] quit');
  });

  it('shows dashes, not zeros, before anything was measured', () => {
    const { lines } = renderAt(emptyFrame, 80, 24);
    expect(lines().filter((l) => /^ *(p50|p99|max) /.test(l))).toEqual([
      '                                                        p50           —        —',
      '                                                        p99           —        —',
      '                                                        max           —        —',
    ]);
    expect(lines()).toContain('p99/s —');
  });

  it('waits politely for the first frame', () => {
    const { lines } = renderAt(undefined, 80, 24);
    expect(lines()).toEqual([
      'peakdesk',
      'waiting for the first second of the run…',
      '[p] pause  [+/-] speed  [q] quit',
    ]);
  });

  it('redraws with each new frame', () => {
    const { rerender, lines } = renderAt(earlyFrame, 80, 24);
    expect(lines()[5]).toBe('arrivals/s     84 sim    140 real (curve 141)   open 114');
    rerender(spikeFrame);
    expect(lines()[5]).toBe('arrivals/s    588 sim    980 real (curve 1.0k)   open 2,167');
  });
});

describe('Dashboard in a big terminal', () => {
  it('shows both panel sets side by side at 160×48, and error codes', () => {
    const { lines } = renderAt(finishedFrame, 160, 48);
    const screen = lines();
    expect(screen.length).toBeLessThanOrEqual(47);
    for (const line of screen) expect(line.length).toBeLessThanOrEqual(160);
    expect(screen[1]).toBe(
      '── Traffic, real scale ────────────────────────────────────── peak 60.0k/min ──  ' +
        '── Bot resolution 74.8% ───────────────────────────────────────────────────────',
    );
    expect(screen.slice(2, 11).map((l) => l.slice(0, 79).trimEnd())).toEqual([
      '                                        █',
      '                                        █',
      '                                        █▄',
      '                                        ██▅',
      '                                        ███▃',
      '                                      ▁▃█████▄▂',
      '▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▂▅██████████▇▆▆▆▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅',
      '███████████████████████████████████████████████████████████████████████████████',
      '                                                     02:00:00 curve 12.0k/min ▲',
    ]);
    expect(screen).toContain(
      '  ≤8 ms ██████████████████████████████████████  37.2k  p99     35.0 ms  88.6 ms  ' +
        '── Hand-offs & human agents needed ────────────────────────────────────────────',
    );
    expect(screen).toContain(
      'errors 212 (timeout 175, rate_limited 37)  drops 113  late 27  slip p99 2.1 ms  loop lag p99 1.4 ms  drivers 2',
    );
    expect(screen.at(-1)).toBe('✔ finished · results in results/20261123-021400-double11-2026  [q] quit');
  });

  it('stacks both panel sets in a tall 80-column terminal', () => {
    const { lines } = renderAt(spikeFrame, 80, 40);
    const screen = lines();
    expect(screen.length).toBeLessThanOrEqual(39);
    expect(screen.filter((l) => l.startsWith('── ')).map((l) => l.split(' ─')[0])).toEqual([
      '── Traffic, real scale',
      '── Latency, whole run',
      '── Bot resolution 73.7%',
      '── Hand-offs & human agents needed',
    ]);
  });

  it('relayouts when the terminal is resized', async () => {
    const { stdout, lines } = renderAt(spikeFrame, 80, 24);
    await settle();
    expect(lines().some((l) => l.includes('Bot resolution'))).toBe(false);
    stdout.resize(160, 48);
    await eventually(() => expect(lines().some((l) => l.includes('Bot resolution 73.7%'))).toBe(true));
    expect(lines().some((l) => l.includes('Latency, whole run'))).toBe(true);
  });
});

describe('Dashboard keys', () => {
  async function withKeys() {
    const handlers = callbacks();
    const app = render(<Dashboard frame={spikeFrame} {...handlers} />);
    mounted.push(app);
    await settle();
    return { ...handlers, stdin: app.stdin, frame: () => stripVTControlCharacters(app.lastFrame() ?? '') };
  }

  it('p pauses or resumes', async () => {
    const { stdin, onPause, onQuit, onSpeed } = await withKeys();
    stdin.write('p');
    expect(onPause).toHaveBeenCalledTimes(1);
    expect(onQuit).not.toHaveBeenCalled();
    expect(onSpeed).not.toHaveBeenCalled();
  });

  it('+ doubles and - halves the speed', async () => {
    const { stdin, onSpeed } = await withKeys();
    stdin.write('+');
    stdin.write('-');
    stdin.write('=');
    expect(onSpeed.mock.calls).toEqual([[2], [0.5], [2]]);
  });

  it('q and Ctrl-C quit', async () => {
    const { stdin, onQuit } = await withKeys();
    stdin.write('q');
    expect(onQuit).toHaveBeenCalledTimes(1);
    stdin.write('\u0003');
    expect(onQuit).toHaveBeenCalledTimes(2);
  });

  it('tab switches the panel set and other keys do nothing', async () => {
    const { stdin, onQuit, onPause, onSpeed, frame } = await withKeys();
    expect(frame()).toContain('Latency, whole run');
    stdin.write('x');
    stdin.write('\t');
    await eventually(() => expect(frame()).toContain('Bot resolution 73.7%'));
    expect(frame()).not.toContain('Latency, whole run');
    expect([onQuit, onPause, onSpeed].map((f) => f.mock.calls.length)).toEqual([0, 0, 0]);
  });
});
