import { describe, expect, it } from 'vitest';
import { loadUws, uwsLoadError } from './uws.ts';

describe('loadUws', () => {
  it('loads the pinned build on this Node', () => {
    expect(typeof loadUws().App).toBe('function');
  });

  it('fails loudly instead of falling back to the slow JS implementation when no binary fits', () => {
    expect(() => loadUws('linux', 'x64', '127')).toThrow(/cannot load uWebSockets.js on Node.js/);
  });

  it('explains a binary that does not load, naming the Node versions that work', () => {
    const err = uwsLoadError(
      new Error('This version of uWS.js supports only Node.js 16, 18 and 20 on (glibc) Linux\nstack'),
      'v22.1.0',
    );
    expect(err.exitCode).toBe(1);
    expect(err.message.split('\n')[0]).toBe(
      `peakdesk: cannot load uWebSockets.js on Node.js v22.1.0 (${process.platform}-${process.arch}): This version of uWS.js supports only Node.js 16, 18 and 20 on (glibc) Linux`,
    );
    expect(err.message).toContain('Node.js 16, 18 or 20 (ABI 93, 108, 115)');
    expect(err.message).not.toContain('stack');
  });
});
