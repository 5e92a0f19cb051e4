// Each message's two deadlines in a driver, over the deadline wheel: the customer's patience, then the
// reply timeout, both in real time from the message's intended send time (the server is never
// compressed, so a customer of a 720x replay must not give up on a 20 ms reply because 60 s of
// patience became 83 ms). One deadline a message at a time, cancelled by the reply.
import { type Deadline, DeadlineWheel } from './deadline-wheel.ts';

/** Patience and reply timeouts fire up to this much late (bucket width plus the sweep period). */
const RESOLUTION_MS = 5;

/** What a conversation carries to wait for a reply (start it with `...noDeadline()`). */
export interface Awaiting extends Deadline {
  /** Real time (run ms) the pending message was meant to go out. */
  intendedRealMs: number;
  customer: { patienceMs(): number };
  deadlineKind: 'patience' | 'timeout';
  /** Real ms from patience running out to the reply timeout. */
  timeoutAfterPatienceMs: number;
}

export const noDeadline = (): Omit<Awaiting, 'intendedRealMs' | 'customer'> => ({
  deadlineKind: 'patience',
  timeoutAfterPatienceMs: 0,
  dueAt: 0,
  bucket: undefined,
  slot: 0,
});

export interface DeadlineHandlers<T> {
  /** The customer's patience ran out; true to keep waiting for the reply until the reply timeout. */
  onPatience(conv: T): boolean;
  onTimeout(conv: T): void;
}

export class MessageDeadlines<T extends Awaiting> {
  private readonly wheel = new DeadlineWheel<T>(RESOLUTION_MS);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly replyTimeoutMs: number,
    private readonly handlers: DeadlineHandlers<T>,
  ) {}

  /** Sweeps the wheel every few ms against `nowReal` until `stop`. */
  start(nowReal: () => number): void {
    this.timer = setInterval(() => this.wheel.expire(nowReal(), this.fire), RESOLUTION_MS);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A message went out: its patience (or the reply timeout, if sooner) starts counting. */
  arm(conv: T): void {
    const patienceAt = conv.intendedRealMs + conv.customer.patienceMs();
    const timeoutAt = conv.intendedRealMs + this.replyTimeoutMs;
    if (patienceAt < timeoutAt) {
      conv.deadlineKind = 'patience';
      conv.timeoutAfterPatienceMs = timeoutAt - patienceAt;
      this.wheel.add(conv, patienceAt);
    } else {
      conv.deadlineKind = 'timeout';
      this.wheel.add(conv, timeoutAt);
    }
  }

  cancel(conv: T): void {
    this.wheel.cancel(conv);
  }

  private readonly fire = (conv: T): void => {
    if (conv.deadlineKind === 'timeout') {
      this.handlers.onTimeout(conv);
    } else if (this.handlers.onPatience(conv)) {
      conv.deadlineKind = 'timeout';
      this.wheel.add(conv, conv.dueAt + conv.timeoutAfterPatienceMs);
    }
  };
}
