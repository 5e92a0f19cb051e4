import type { Locale } from '../../../server/bot/types.ts';

/** Lines in both languages; each may hold slots ({order}, {product}, {size}, {amount}, {colour}). */
export type Phrases = Readonly<Record<Locale, readonly string[]>>;

/** What a customer with one intent writes: an opening message, and follow-up questions on the same need. */
export interface IntentPhrases {
  opening: Phrases;
  followUp: Phrases;
}
