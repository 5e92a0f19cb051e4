import { describe, expect, it } from 'vitest';
import { cst } from '../data/clock.ts';
import { storeFacts } from '../data/store-facts.ts';
import { createBrain } from './brain.ts';

describe('createBrain', () => {
  const brain = createBrain({ seed: 11 });
  const now = cst(2026, 11, 12, 10);

  it('answers a two-turn tracking conversation on a real order of its store', () => {
    const id = storeFacts(11).orderIds[0]!;
    const s = brain.createSession('c-1', 'zh-CN');
    const first = brain.handleMessage(s, '我的快递到哪了', now);
    expect(first).toMatchObject({ intent: 'logistics.track', action: 'clarify', resolved: false });
    const second = brain.handleMessage(s, id, now);
    expect(second.intent).toBe('logistics.track');
    expect(second.action).toBe('answer');
    expect(second.text).toContain(id);
    expect(second.confidence).toBeGreaterThan(0);
    expect(second.confidence).toBeLessThanOrEqual(1);
  });

  it('replies in English for an English session', () => {
    const s = brain.createSession('c-2', 'en-US');
    expect(brain.handleMessage(s, 'hello', now).text).toBe("Hi, I'm the shop's assistant. How can I help?");
  });

  it('masks like the transcripts need', () => {
    expect(brain.mask('电话13812341234 邮箱 li@qq.com')).toBe('电话138****1234 邮箱 l***@qq.com');
  });

  it('gives the same replies for the same seed and messages', () => {
    const other = createBrain({ seed: 11 });
    const a = brain.createSession('x');
    const b = other.createSession('x');
    for (const m of ['你好', '羽绒服还有货吗', '跨店满减怎么算', '卫衣和跑鞋一起买多少钱']) {
      expect(other.handleMessage(b, m, now)).toEqual(brain.handleMessage(a, m, now));
    }
  });
});
