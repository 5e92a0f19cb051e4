import { describe, expect, it } from 'vitest';
import { type SamplingNode, tallyByFunction } from './heap-sampling.ts';

const node = (functionName: string, selfSize: number, children: SamplingNode[] = []): SamplingNode => ({
  callFrame: { functionName, url: 'file:///x.ts', lineNumber: 0 },
  selfSize,
  children,
});

describe('tallyByFunction', () => {
  it('adds the self sizes of every node under its label, most first', () => {
    const head = node('(root)', 0, [node('a', 100, [node('b', 300), node('a', 50)]), node('b', 20)]);
    expect(tallyByFunction(head, (f) => f.functionName)).toEqual({
      total: 470,
      byFunction: [
        ['b', 320],
        ['a', 150],
        ['(root)', 0],
      ],
    });
  });
});
