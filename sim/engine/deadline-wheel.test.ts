import { describe, expect, it } from 'vitest';
import { type Deadline, DeadlineWheel } from './deadline-wheel.ts';

interface Item extends Deadline {
  name: string;
}
const item = (name: string): Item => ({ name, dueAt: 0, bucket: undefined, slot: 0 });

function sweep(wheel: DeadlineWheel<Item>, now: number): string[] {
  const fired: string[] = [];
  wheel.expire(now, (i) => fired.push(i.name));
  return fired;
}

describe('DeadlineWheel', () => {
  it('fires an item at its deadline, not one ms before, and only once', () => {
    const wheel = new DeadlineWheel<Item>(10);
    const a = item('a');
    wheel.add(a, 25);
    expect(sweep(wheel, 24)).toEqual([]);
    expect(sweep(wheel, 25)).toEqual(['a']);
    expect(sweep(wheel, 100)).toEqual([]);
    expect(wheel.size).toBe(0);
  });

  it('fires late sweeps in deadline-bucket order and skips cancelled items', () => {
    const wheel = new DeadlineWheel<Item>(10);
    const [a, b, c] = [item('a'), item('b'), item('c')];
    wheel.add(c, 57);
    wheel.add(a, 3);
    wheel.add(b, 31);
    wheel.cancel(b);
    expect(wheel.size).toBe(2);
    expect(sweep(wheel, 60)).toEqual(['a', 'c']);
    expect(b.bucket).toBeUndefined();
  });

  it('moves a deadline when added again', () => {
    const wheel = new DeadlineWheel<Item>(10);
    const a = item('a');
    wheel.add(a, 5);
    wheel.add(a, 45);
    expect(sweep(wheel, 20)).toEqual([]);
    expect(wheel.size).toBe(1);
    expect(sweep(wheel, 45)).toEqual(['a']);
  });

  it('fires a deadline added in the past at the next sweep', () => {
    const wheel = new DeadlineWheel<Item>(10);
    expect(sweep(wheel, 100)).toEqual([]);
    const a = item('a');
    wheel.add(a, 20);
    expect(sweep(wheel, 101)).toEqual(['a']);
  });

  it('lets a firing item set its next deadline, due now or later', () => {
    const wheel = new DeadlineWheel<Item>(10);
    const a = item('a');
    const b = item('b');
    wheel.add(a, 10);
    wheel.add(b, 12);
    const fired: string[] = [];
    const fire = (i: Item): void => {
      fired.push(`${i.name}@${i.dueAt}`);
      if (i.name === 'a' && i.dueAt === 10) wheel.add(i, 14);
      if (i.name === 'b' && i.dueAt === 12) wheel.add(i, 40);
    };
    wheel.expire(15, fire);
    expect(fired).toEqual(['a@10', 'b@12', 'a@14']);
    wheel.expire(39, fire);
    wheel.expire(40, fire);
    expect(fired).toEqual(['a@10', 'b@12', 'a@14', 'b@40']);
  });

  it('drops a bucket once its last item is cancelled', () => {
    const wheel = new DeadlineWheel<Item>(10);
    const items = Array.from({ length: 1000 }, (_, i) => item(String(i)));
    for (const [i, it] of items.entries()) wheel.add(it, 60_000 + i);
    for (const it of items) wheel.cancel(it);
    expect(wheel.size).toBe(0);
    expect((wheel as unknown as { buckets: Map<number, unknown> }).buckets.size).toBe(0);
  });
});
