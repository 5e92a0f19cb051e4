// Loads uWebSockets.js (a native addon). If its binary does not fit this Node/libc, say what does.
import { createRequire } from 'node:module';
import { PeakdeskError } from '../sim/errors.ts';

export type Uws = typeof import('uWebSockets.js');

const require = createRequire(import.meta.url);

/** The Node ABI versions the pinned uWebSockets.js build (20.30) ships binaries for. */
export const SUPPORTED_NODE =
  'Node.js 16, 18 or 20 (ABI 93, 108, 115) on glibc ≥ 2.36 Linux, macOS or Windows';

export function uwsLoadError(cause: unknown, nodeVersion = process.version): PeakdeskError {
  const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  return new PeakdeskError(
    [
      `peakdesk: cannot load uWebSockets.js on Node.js ${nodeVersion} (${process.platform}-${process.arch}): ${reason}`,
      `The pinned build (@trufflesuite/uws-js-unofficial@20.30.0-unofficial.0) works with ${SUPPORTED_NODE}.`,
      'Use Node.js 20 (e.g. `nvm install 20`), or install the official build for your Node.js from GitHub:',
      '  npm install uNetworking/uWebSockets.js#v20.52.0   (see https://github.com/uNetworking/uWebSockets.js#install)',
    ].join('\n'),
  );
}

/**
 * The native binary itself. The package's own entry silently falls back to a pure-JS server when the
 * binary does not fit; a load-test reference must never run degraded without saying so.
 */
export function loadUws(
  platform: string = process.platform,
  arch: string = process.arch,
  abi: string = process.versions.modules,
): Uws {
  try {
    return require(`uWebSockets.js/binaries/uws_${platform}_${arch}_${abi}.node`) as Uws;
  } catch (err) {
    throw uwsLoadError(err);
  }
}

/** Closes every socket of an app, listen sockets included: in the 20.30 binary, missing from its typings. */
export function closeApp(app: import('uWebSockets.js').TemplatedApp): void {
  (app as import('uWebSockets.js').TemplatedApp & { close(): void }).close();
}
