import { describe, expect, it } from 'vitest';
import { curveIntegral, curveMax, perMinAt, pointIndexAt } from './curve.ts';
import type { Curve } from './types.ts';

const T0 = Date.UTC(2026, 10, 10, 16, 0, 0); // 2026-11-11T00:00 in Asia/Shanghai
const min = (m: number): number => T0 + m * 60_000;

const linear: Curve = {
  kind: 'points',
  points: [
    { at: '00:10', atMs: min(10), perMin: 100, interpolation: 'linear' },
    { at: '00:20', atMs: min(20), perMin: 300, interpolation: 'step' },
    { at: '00:30', atMs: min(30), perMin: 50, interpolation: 'linear' },
    { at: '00:40', atMs: min(40), perMin: 150, interpolation: 'linear' },
  ],
};

describe('points curve', () => {
  it('interpolates linearly, holds steps, and is flat outside the points', () => {
    expect(perMinAt(linear, min(0))).toBe(100);
    expect(perMinAt(linear, min(10))).toBe(100);
    expect(perMinAt(linear, min(15))).toBe(200);
    expect(perMinAt(linear, min(19.5))).toBe(290);
    expect(perMinAt(linear, min(20))).toBe(300);
    expect(perMinAt(linear, min(29.999))).toBe(300);
    expect(perMinAt(linear, min(30))).toBe(50);
    expect(perMinAt(linear, min(35))).toBe(100);
    expect(perMinAt(linear, min(40))).toBe(150);
    expect(perMinAt(linear, min(90))).toBe(150);
  });

  it('finds the segment at and one ms before each point', () => {
    expect(pointIndexAt(linear.kind === 'points' ? linear.points : [], min(10) - 1)).toBe(-1);
    expect(pointIndexAt(linear.kind === 'points' ? linear.points : [], min(10))).toBe(0);
    expect(pointIndexAt(linear.kind === 'points' ? linear.points : [], min(30) - 1)).toBe(1);
    expect(pointIndexAt(linear.kind === 'points' ? linear.points : [], min(30))).toBe(2);
  });

  it('integrates exactly: trapezoids, rectangles, flat ends', () => {
    // 0..10 flat 100 = 1000; 10..20 trapezoid (100+300)/2*10 = 2000; 20..30 step 300*10 = 3000;
    // 30..40 (50+150)/2*10 = 1000; 40..50 flat 150*10 = 1500.
    expect(curveIntegral(linear, min(0), min(50))).toBeCloseTo(8500, 9);
    expect(curveIntegral(linear, min(15), min(25))).toBeCloseTo(((200 + 300) / 2) * 5 + 300 * 5, 9);
    expect(curveIntegral(linear, min(20), min(20))).toBe(0);
    expect(curveIntegral(linear, min(25), min(20))).toBe(0);
  });

  it('integral is additive over any split', () => {
    const whole = curveIntegral(linear, min(3), min(47));
    const parts =
      curveIntegral(linear, min(3), min(12.5)) +
      curveIntegral(linear, min(12.5), min(30)) +
      curveIntegral(linear, min(30), min(47));
    expect(parts).toBeCloseTo(whole, 9);
  });

  it('bounds the rate over a stretch by its true maximum', () => {
    expect(curveMax(linear, min(0), min(5))).toBe(100);
    expect(curveMax(linear, min(12), min(15))).toBe(200);
    expect(curveMax(linear, min(12), min(35))).toBe(300);
    expect(curveMax(linear, min(31), min(33))).toBe(80);
    expect(curveMax(linear, min(30), min(60))).toBe(150);
  });
});

describe('function curve', () => {
  const sine: Curve = {
    kind: 'function',
    startMs: T0,
    maxPerMin: 200,
    perMinAt: (m) => 100 + 100 * Math.sin((2 * Math.PI * m) / 60),
  };

  it('evaluates at minutes from the span start', () => {
    expect(perMinAt(sine, min(15))).toBeCloseTo(200, 9);
    expect(perMinAt(sine, min(45))).toBeCloseTo(0, 9);
  });

  it('integrates numerically to within 1e-6 relative', () => {
    // ∫0^60 (100 + 100 sin(2πm/60)) dm = 6000; ∫0^15 = 1500 + 100·60/(2π) = 2454.93…
    expect(curveIntegral(sine, min(0), min(60))).toBeCloseTo(6000, 6);
    expect(curveIntegral(sine, min(0), min(15))).toBeCloseTo(1500 + 6000 / (2 * Math.PI), 6);
  });

  it('is bounded by the declared maxPerMin', () => {
    expect(curveMax(sine, min(0), min(1))).toBe(200);
  });
});
