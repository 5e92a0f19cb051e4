// What an answer function sees and what it can return.
import type { Store } from '../data/store.ts';

export type Lang = 'zh' | 'en';
export type SlotName = 'orderId' | 'product' | 'body';

/** Slots remembered across the turns of one conversation. */
export interface Memory {
  orderId?: string;
  skus: string[];
  size?: string;
  colour?: string;
  amount?: number;
  heightCm?: number;
  weightKg?: number;
  footCm?: number;
  quantity?: number;
}

export interface AnswerContext {
  store: Store;
  memory: Memory;
  text: string;
  now: number;
  lang: Lang;
  /**
   * The slots already asked for once for this intent in this conversation (answer without them now).
   * Data, not a callback: under tsx every closure made per message costs a `__name` call (keepNames).
   */
  asked: readonly SlotName[];
}

export type Outcome =
  | { kind: 'answer'; text: string; resolved: boolean }
  | { kind: 'need'; slot: SlotName }
  | { kind: 'policy'; text: string; queue?: 'presale' | 'logistics' | 'aftersale' | 'complaints' };

export const yuan = (n: number): string => `¥${Number.isInteger(n) ? n : n.toFixed(2)}`;

export const answer = (text: string, resolved = true): Outcome => ({ kind: 'answer', text, resolved });

export const pick = (lang: Lang, zh: string, en: string): string => (lang === 'zh' ? zh : en);
