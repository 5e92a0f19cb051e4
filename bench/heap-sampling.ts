// What V8's sampling heap profiler (HeapProfiler.startSampling / stopSampling) returns, tallied by
// allocating function: bench/handler-cost.ts reads it for the server's message path, bench/driver-alloc.ts
// for the driver thread.

export interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/** Bytes sampled in the whole tree, and by `label` of each node's function, most first. */
export function tallyByFunction(
  head: SamplingNode,
  label: (frame: SamplingNode['callFrame']) => string,
): { total: number; byFunction: [string, number][] } {
  const byFunction = new Map<string, number>();
  let total = 0;
  const stack = [head];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    total += node.selfSize;
    const key = label(node.callFrame);
    byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
    stack.push(...node.children);
  }
  return { total, byFunction: [...byFunction].sort((a, b) => b[1] - a[1]) };
}
