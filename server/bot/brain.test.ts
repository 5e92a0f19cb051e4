import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/util/rng.ts';
import { cst } from '../data/clock.ts';
import { storeFacts } from '../data/store-facts.ts';
import { createBrain } from './brain.ts';
import { EN_CORPUS } from './corpus/en.ts';
import { ZH_CORPUS } from './corpus/zh.ts';
import { INTENTS } from './types.ts';

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

  it('keeps every reply within the protocol over random conversations', () => {
    const rng = createRng(99);
    const facts = storeFacts(11);
    const phrases = INTENTS.flatMap((i) => [...ZH_CORPUS[i], ...EN_CORPUS[i]]);
    const noise = [
      '',
      '？？？',
      '!!!',
      '😡',
      '13912345678',
      'a@b.cn',
      '北京市海淀区中关村大街1号',
      '\u0000',
      'x'.repeat(3000),
    ];
    for (let c = 0; c < 150; c++) {
      const s = brain.createSession(`r-${c}`, rng.next() < 0.5 ? 'zh-CN' : 'en-US');
      for (let t = 0; t < 6; t++) {
        const text = rng
          .pick(phrases)
          .replace('{o}', rng.pick(facts.orderIds))
          .replace(/\{[pscn]\}/g, () => rng.pick(['羽绒服', 'earbuds', 'XL', '黑色', '299']))
          .concat(rng.pick(noise));
        const r = brain.handleMessage(s, text, now + c * 3600_000);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(r.action === 'handoff').toBe(r.handoff !== undefined);
        expect(r.resolved && r.action !== 'answer').toBe(false);
        expect(r.text).not.toMatch(/13912345678|中关村大街1号/);
        expect(r.text.length).toBeGreaterThan(0);
      }
    }
  });
});
