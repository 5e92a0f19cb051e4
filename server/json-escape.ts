// One test both hand-built JSON writers share (the server's reply frames, the driver's msg frames); a module of its
// own so that the driver threads do not load the protocol's schemas for it.

/** Whether JSON.stringify writes `s` other than between two quotes (escapes, lone surrogates). */
export function needsJsonEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}
