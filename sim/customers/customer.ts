import type { BotReply, IntentId, Locale } from '../../server/bot/types.ts';
import { PeakdeskError } from '../errors.ts';
import { createRng, type Rng } from '../util/rng.ts';
import { DEFAULT_SLOT_POOLS, drawSlots, type SlotPools } from './draw-slots.ts';
import { FOLLOW_UPS, type FollowUps } from './phrasebook/follow-ups.ts';
import type { IntentPhrases, Phrases } from './phrasebook/intent-phrases.ts';
import { PHRASEBOOK } from './phrasebook/phrasebook.ts';
import { requestedSlot } from './requested-slot.ts';
import { fillTemplate, type SlotName, type SlotValues } from './slots.ts';
import { lognormalMs } from './think-time.ts';
import type { CustomerBehaviour, CustomerFacts } from './types.ts';

/** The reply fields a customer reads. */
export type SeenReply = Pick<BotReply, 'intent' | 'action' | 'resolved' | 'handoff' | 'text'>;

export type EndReason = 'resolved' | 'abandoned' | 'handoff_accepted';

export interface CustomerCounters {
  /** Messages sent, the first included. */
  turns: number;
  /** Messages restating the need after a reply that missed it (or asked to say more). */
  rephrases: number;
  /** Slots supplied after a clarifying question. */
  clarifications: number;
  /** Further questions on the same need after a resolving answer. */
  followUps: number;
  /** Replies the customer judged as failing its need. */
  failures: number;
  /** Messages asking for a human. */
  humanRequests: number;
}

export interface CustomerOutcome extends CustomerCounters {
  /** The bot answered every question of the need. */
  botResolved: boolean;
  /** Angry at the end, from the start or after failed answers. */
  angry: boolean;
}

export type CustomerStep =
  | { kind: 'say'; text: string; thinkMs: number }
  | { kind: 'end'; reason: EndReason; outcome: CustomerOutcome };

/** What the customer really wants, for accounting against what the bot understood. */
export interface CustomerTruth {
  intent: IntentId;
  locale: Locale;
  /** Angry from the first message. */
  angry: boolean;
  /** Opens by asking for a human (the need comes after, if the bot does not hand off). */
  humanFirst: boolean;
  /** Questions the need takes: the opening one plus follow-ups. */
  questions: number;
  /** The order, product, size, amount and colour this customer talks about. */
  slots: SlotValues;
}

export interface Customer {
  readonly truth: Readonly<CustomerTruth>;
  /** A snapshot of this conversation's counters. */
  readonly counters: Readonly<CustomerCounters>;
  /** The opening message; call once. */
  first(): { text: string; locale: Locale };
  /** The customer's next step after a bot reply, judged against its true need. */
  onReply(reply: SeenReply): CustomerStep;
  /** A fresh draw of how long the customer waits for a reply, scenario ms. */
  patienceMs(): number;
}

export interface CustomerOptions {
  /** Rephrases after failed answers before a customer calm at the start escalates. @default 2 */
  rephrasesBeforeEscalating: number;
  /** Rephrases before a customer angry from the start escalates. @default 1 */
  angryRephrases: number;
  /** Failed answers after which a calm customer turns angry and writes impatiently. @default 2 */
  failuresToAnger: number;
  /** Share of escalating customers who ask for a human; the rest abandon. @default 0.7 */
  askHumanShare: number;
  /** Times a customer asks for a human before abandoning when the bot does not hand off. @default 2 */
  humanAsks: number;
  /** Clarifying questions a customer answers; the next one counts as a failure. @default 2 */
  clarificationsTolerated: number;
  /** Share of satisfied customers who write a thank-you line before leaving. @default 0.5 */
  thanksShare: number;
  /** Share of calm rephrases that start with "我是说，" / "I mean,". @default 0.6 */
  rephrasePrefixShare: number;
  /** Share of follow-up questions that start with an acknowledgement ("好的，" / "OK."). @default 0.4 */
  acknowledgeShare: number;
  /** @default PHRASEBOOK */
  phrasebook: Readonly<Record<IntentId, IntentPhrases>>;
  /** @default FOLLOW_UPS */
  followUps: FollowUps;
  /** @default DEFAULT_SLOT_POOLS */
  slotPools: SlotPools;
}

export const DEFAULT_CUSTOMER_OPTIONS: CustomerOptions = {
  rephrasesBeforeEscalating: 2,
  angryRephrases: 1,
  failuresToAnger: 2,
  askHumanShare: 0.7,
  humanAsks: 2,
  clarificationsTolerated: 2,
  thanksShare: 0.5,
  rephrasePrefixShare: 0.6,
  acknowledgeShare: 0.4,
  phrasebook: PHRASEBOOK,
  followUps: FOLLOW_UPS,
  slotPools: DEFAULT_SLOT_POOLS,
};

type Phase = 'fresh' | 'human_first' | 'need' | 'asked_human' | 'closing' | 'ended';

const SUPPLY: Record<Exclude<SlotName, 'amount'>, keyof FollowUps> = {
  order: 'supplyOrder',
  product: 'supplyProduct',
  size: 'supplySize',
  colour: 'supplyColour',
};

/** Geometric count on {0, 1, 2, …} with the given mean. */
function geometric(rng: Rng, mean: number): number {
  const u = rng.next();
  if (mean <= 0) return 0;
  return Math.floor(Math.log(1 - u) / Math.log(mean / (1 + mean)));
}

function joinLine(locale: Locale, prefix: string, text: string): string {
  if (locale === 'zh-CN' && /[，：,:]$/.test(prefix)) return prefix + text;
  return `${prefix} ${text}`;
}

/**
 * One simulated customer with one true need: a small state machine that writes messages from the
 * phrasebook and judges each bot reply against the need. All randomness comes from `rng`.
 *
 * How it judges a reply: a hand-off ends the conversation (the human queue takes over); a right,
 * resolving answer brings the next question of the need, a thank-you or the end; a clarifying
 * question gets the slot it asks for (even from a bot on the wrong intent), or a restatement when
 * the bot is on the right intent; anything else is a failure: rephrase, then ask for a human or
 * leave. An out-of-scope customer told so leaves at once.
 */
export function createCustomer(
  rng: Rng,
  intent: IntentId,
  behaviour: CustomerBehaviour,
  facts: CustomerFacts,
  options: Partial<CustomerOptions> = {},
): Customer {
  const o = { ...DEFAULT_CUSTOMER_OPTIONS, ...options } satisfies CustomerOptions;
  const thinkSample = lognormalMs(behaviour.thinkTimeMedianSec, behaviour.thinkTimeP90Sec);

  const locale: Locale = rng.next() < behaviour.zhShare ? 'zh-CN' : 'en-US';
  const angryAtStart = rng.next() < behaviour.angerShare;
  const humanFirst = rng.next() < behaviour.humanFirstShare && intent !== 'human.request';
  const questions = 1 + geometric(rng, behaviour.turnsMean - 1);
  const escalatesToHuman = rng.next() < o.askHumanShare;
  const saysThanks = rng.next() < o.thanksShare;
  const slots = drawSlots(rng, facts, locale, o.slotPools);
  const words = createRng(rng.int(4294967296));
  const thinking = createRng(rng.int(4294967296));
  const waiting = createRng(rng.int(4294967296));

  const truth: CustomerTruth = { intent, locale, angry: angryAtStart, humanFirst, questions, slots };
  const counters: CustomerCounters = {
    turns: 0,
    rephrases: 0,
    clarifications: 0,
    followUps: 0,
    failures: 0,
    humanRequests: 0,
  };
  const book = o.phrasebook[intent];
  const used = new Set<string>();
  let phase: Phase = 'fresh';
  let angry = angryAtStart;
  let answered = 0;
  let retries = 0;
  let escalations = 0;

  const line = (phrases: Phrases): string => fillTemplate(words.pick(phrases[locale]), slots);

  const fresh = (phrases: Phrases): string => {
    const all = phrases[locale];
    const unused = all.filter((t) => !used.has(t));
    const template = words.pick(unused.length > 0 ? unused : all);
    used.add(template);
    return fillTemplate(template, slots);
  };

  const end = (reason: EndReason): CustomerStep => {
    phase = 'ended';
    return { kind: 'end', reason, outcome: { ...counters, botResolved: answered >= questions, angry } };
  };

  const say = (
    text: string,
    atCap: EndReason,
    counted?: Exclude<keyof CustomerCounters, 'turns' | 'failures'>,
  ): CustomerStep => {
    if (counters.turns >= behaviour.maxTurns) return end(atCap);
    counters.turns++;
    if (counted) counters[counted]++;
    return { kind: 'say', text, thinkMs: thinkSample(thinking) };
  };

  const impatient = (text: string): string =>
    angry ? joinLine(locale, line(o.followUps.impatience), text) : text;

  const askHuman = (again: boolean): CustomerStep => {
    phase = 'asked_human';
    escalations++;
    if (again) return say(line(o.followUps.askHumanAgain), 'abandoned', 'humanRequests');
    return say(impatient(line(o.followUps.askHuman)), 'abandoned', 'humanRequests');
  };

  const rephrase = (): CustomerStep => {
    const text = fresh(book.opening);
    if (angry) return say(impatient(text), 'abandoned', 'rephrases');
    if (words.next() < o.rephrasePrefixShare) {
      return say(joinLine(locale, line(o.followUps.rephrase), text), 'abandoned', 'rephrases');
    }
    return say(text, 'abandoned', 'rephrases');
  };

  const fail = (): CustomerStep => {
    counters.failures++;
    if (counters.failures >= o.failuresToAnger) angry = true;
    if (phase === 'asked_human') {
      return escalations < o.humanAsks ? askHuman(escalations > 0) : end('abandoned');
    }
    const budget = angryAtStart ? o.angryRephrases : o.rephrasesBeforeEscalating;
    if (retries < budget) {
      retries++;
      return rephrase();
    }
    return escalatesToHuman ? askHuman(false) : end('abandoned');
  };

  const answeredOne = (): CustomerStep => {
    answered++;
    phase = 'need';
    if (answered < questions) {
      const text = fresh(book.followUp);
      const ack = words.next() < o.acknowledgeShare;
      return say(ack ? joinLine(locale, line(o.followUps.acknowledge), text) : text, 'resolved', 'followUps');
    }
    if (!saysThanks || counters.turns >= behaviour.maxTurns) return end('resolved');
    phase = 'closing';
    return say(line(o.followUps.thanks), 'resolved');
  };

  const clarify = (reply: SeenReply, rightIntent: boolean): CustomerStep => {
    if (counters.clarifications >= o.clarificationsTolerated) return fail();
    const slot = requestedSlot(reply.text);
    if (slot !== null && slot !== 'amount') {
      return say(line(o.followUps[SUPPLY[slot]]), 'abandoned', 'clarifications');
    }
    if (!rightIntent) return fail();
    const step = rephrase();
    if (step.kind === 'say') counters.clarifications++;
    return step;
  };

  const judge = (reply: SeenReply): CustomerStep => {
    const rightIntent = reply.intent === intent;
    if (reply.action === 'clarify') return clarify(reply, rightIntent);
    if (rightIntent && reply.resolved) return answeredOne();
    if (rightIntent && intent === 'other') return end('abandoned');
    return fail();
  };

  return {
    truth,
    get counters() {
      return { ...counters };
    },
    first() {
      if (phase !== 'fresh') throw new PeakdeskError('customer.first() was already called');
      let text: string;
      if (intent === 'human.request' || humanFirst) {
        text = fresh(o.phrasebook['human.request'].opening);
        counters.humanRequests++;
        if (intent === 'human.request') escalations = 1;
        phase = intent === 'human.request' ? 'asked_human' : 'human_first';
      } else {
        text = fresh(book.opening);
        phase = 'need';
      }
      if (angryAtStart) text = joinLine(locale, line(o.followUps.angryOpening), text);
      counters.turns = 1;
      return { text, locale };
    },
    onReply(reply) {
      if (phase === 'fresh') throw new PeakdeskError('customer.onReply() called before first()');
      if (phase === 'ended')
        throw new PeakdeskError('customer.onReply() called after the conversation ended');
      if (reply.action === 'handoff') return end('handoff_accepted');
      switch (phase) {
        case 'closing':
          return end('resolved');
        case 'human_first':
          phase = 'need';
          return say(fresh(book.opening), 'abandoned');
        case 'asked_human':
          if (intent !== 'human.request' && reply.intent === intent && reply.resolved) return answeredOne();
          return fail();
        case 'need':
          return judge(reply);
      }
    },
    patienceMs: () => waiting.exponential(behaviour.patienceSec * 1000),
  };
}
