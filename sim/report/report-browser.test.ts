// Opens report.html in headless Chromium (Debian's /usr/bin/chromium, installed by .ci/run).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeFixtureRun } from './fixtures/run-folder.ts';
import { loadRunDir } from './load-run-dir.ts';
import { renderReportHtml } from './render-html.ts';
import type { StaffingRow } from './staffing-rows.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

const staffing: StaffingRow[] = ['00:00', '00:15'].flatMap((hm, i) =>
  (['presale', 'logistics', 'aftersale', 'complaints'] as const).map((queue, q) => ({
    start: `2026-11-11 ${hm}`,
    queue,
    offered: 100 * (q + 1) * (i + 1),
    raw: 20 * (q + 1) + 10 * i,
    scheduled: 28 * (q + 1) + 14 * i,
    noBot: { offered: 900 * (q + 1), raw: 150 * (q + 1), scheduled: 210 * (q + 1) },
  })),
);

describe('report in a browser', () => {
  it('draws every chart with no console error', async (ctx) => {
    if (!existsSync(CHROMIUM))
      ctx.skip(`${CHROMIUM} is missing: apt-get install -y chromium to run this test`);
    const dir = writeFixtureRun(mkdtempSync(join(tmpdir(), 'peakdesk-browser-')));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReportHtml(loadRunDir(dir), { lang: 'zh', staffing }));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const drawn = await page.$$eval(
        'figure.chart svg',
        (svgs) =>
          svgs.filter((svg) => {
            const box = svg.getBoundingClientRect();
            return (
              box.width > 100 &&
              box.height > 100 &&
              [...svg.querySelectorAll('path')].some((p) => (p.getAttribute('d') ?? '').length > 20)
            );
          }).length,
      );
      expect(drawn).toBe(6);
      expect(await page.locator('h1').textContent()).toBe('peakdesk 压测报告');
      if (process.env.PEAKDESK_SCREENSHOT !== undefined)
        await page.screenshot({ path: process.env.PEAKDESK_SCREENSHOT, fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
