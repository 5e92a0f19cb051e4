// PLACEHOLDER brain until issue 3 lands: echoes a valid protocol reply so the transport can be built.
// The bot-brain issue replaces this file with the real classifier, store and dialogue policy.
import type { BotReply, Brain, Locale, Session } from './types.ts';

export interface BrainOptions {
  /** Seed of the store (catalog, orders, promotions). @default 20261111 */
  seed?: number;
}

export function createBrain(_options: BrainOptions = {}): Brain {
  return {
    createSession(id: string, locale?: Locale): Session {
      return { id, locale, state: { turns: 0 } };
    },
    handleMessage(session: Session, text: string, _now: number): BotReply {
      const state = session.state as { turns: number };
      state.turns += 1;
      const wantsHuman = /人工|human|agent/i.test(text);
      if (wantsHuman) {
        return {
          text: '正在为您转接人工客服。',
          intent: 'human.request',
          confidence: 0.9,
          action: 'handoff',
          resolved: false,
          handoff: { queue: 'presale', reason: 'request' },
        };
      }
      return {
        text: '您好，请问有什么可以帮您？',
        intent: 'greeting',
        confidence: 0.5,
        action: 'answer',
        resolved: true,
      };
    },
    mask(text: string): string {
      return text.replace(/(1[3-9]\d)\d{4}(\d{4})/g, '$1****$2');
    },
  };
}
