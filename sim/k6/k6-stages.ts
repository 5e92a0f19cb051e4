// A scenario's traffic curve as k6 `ramping-arrival-rate` stages: linear ramps between the curve's
// points, compressed by --speed and thinned by --scale, with integer targets (k6 wants whole numbers)
// in a time unit coarse enough that rounding them costs well under 1% of the volume. Pure.

/** One point of the curve: scenario seconds since the start, new conversations per minute at real scale. */
export interface K6CurvePoint {
  atSec: number;
  perMin: number;
}

export interface K6Stage {
  /** Go duration, as k6 reads it ("90s", "1500ms"). */
  duration: string;
  /** Conversations per time unit reached at the end of the stage. */
  target: number;
}

export interface K6ArrivalPlan {
  startRate: number;
  /** "1m", "10m" or "1h". */
  timeUnit: string;
  stages: K6Stage[];
  /** Wall seconds the stages last. */
  durationSec: number;
  /** Conversations the stages start (their integral). */
  volume: number;
  /** Highest rate, conversations per wall second. */
  peakPerSec: number;
}

const UNITS: readonly { label: string; sec: number }[] = [
  { label: '1m', sec: 60 },
  { label: '10m', sec: 600 },
  { label: '1h', sec: 3600 },
];

/** The smallest rate worth keeping exact to ±0.5 (±0.5%). */
const MIN_TARGET = 100;

const durationText = (wallSec: number): string => {
  const ms = Math.round(wallSec * 1000);
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
};

/** Conversations started by stages: each ramps linearly from the previous target. */
export function stagesVolume(startRate: number, timeUnit: string, stages: readonly K6Stage[]): number {
  const unitSec = UNITS.find((u) => u.label === timeUnit)?.sec;
  if (unitSec === undefined) throw new Error(`unknown time unit ${timeUnit}`);
  let prev = startRate;
  let total = 0;
  for (const s of stages) {
    const sec = s.duration.endsWith('ms')
      ? Number(s.duration.slice(0, -2)) / 1000
      : Number(s.duration.slice(0, -1));
    total += ((prev + s.target) / 2) * (sec / unitSec);
    prev = s.target;
  }
  return total;
}

/** Conversations the curve asks for at `scale` (trapezoids between points: linear interpolation). */
export function curveVolume(curve: readonly K6CurvePoint[], scale: number): number {
  let total = 0;
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1]!;
    const b = curve[i]!;
    total += ((a.perMin + b.perMin) / 2) * ((b.atSec - a.atSec) / 60);
  }
  return total * scale;
}

/** Checks the curve: at least two points, time increasing, rates ≥ 0. Throws naming the bad point. */
export function checkCurve(curve: readonly K6CurvePoint[]): void {
  if (curve.length < 2) throw new Error(`the curve needs at least two points, got ${curve.length}`);
  curve.forEach((p, i) => {
    if (!Number.isFinite(p.perMin) || p.perMin < 0)
      throw new Error(`curve point ${i} (at ${p.atSec}s): perMin must be ≥ 0, got ${p.perMin}`);
    if (i > 0 && !(p.atSec > curve[i - 1]!.atSec))
      throw new Error(`curve point ${i}: atSec must increase, got ${p.atSec} after ${curve[i - 1]!.atSec}`);
  });
}

/** Stages replaying the curve at `scale` (fraction of real volume) and `speed` (scenario s per wall s). */
export function arrivalPlan(curve: readonly K6CurvePoint[], scale: number, speed: number): K6ArrivalPlan {
  checkCurve(curve);
  const perWallSec = curve.map((p) => (p.perMin / 60) * scale * speed);
  const positive = perWallSec.filter((r) => r > 0);
  const minRate = positive.length === 0 ? 0 : Math.min(...positive);
  const unit = UNITS.find((u) => minRate * u.sec >= MIN_TARGET) ?? UNITS.at(-1)!;
  const targets = perWallSec.map((r) => Math.round(r * unit.sec));
  const stages: K6Stage[] = [];
  for (let i = 1; i < curve.length; i++) {
    stages.push({
      duration: durationText((curve[i]!.atSec - curve[i - 1]!.atSec) / speed),
      target: targets[i]!,
    });
  }
  const startRate = targets[0]!;
  return {
    startRate,
    timeUnit: unit.label,
    stages,
    durationSec: (curve.at(-1)!.atSec - curve[0]!.atSec) / speed,
    volume: stagesVolume(startRate, unit.label, stages),
    peakPerSec: Math.max(...targets) / unit.sec,
  };
}
