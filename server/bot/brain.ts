// The reference bot brain: a classifier trained on the corpus at start-up, a seeded store, the dialogue policy.
import { createStore, type Store } from '../data/store.ts';
import { type Classifier, classifierOf, type TrainedModel } from './classifier.ts';
import { corpusModel } from './corpus-model.ts';
import { createDialogue, type PolicyOptions } from './dialogue.ts';
import { maskPersonalData } from './mask.ts';
import type { Brain, Locale, Session } from './types.ts';

export interface BrainOptions extends PolicyOptions {
  /** Seed of the store (catalog, orders, promotions). @default 20261111 */
  seed?: number;
  /**
   * Where the corpus model comes from, if it is not trained yet in this process: the server passes its model cache
   * (server/model-cache.ts), which loads what an earlier start or `npm install` trained. @default corpusModel (corpus-model.ts)
   */
  model?: () => TrainedModel;
}

let shared: Classifier | undefined;

/** The corpus classifier, made once per process (every brain gets the same one): from `model`, else trained. */
export function sharedClassifier(model: () => TrainedModel = corpusModel): Classifier {
  shared ??= classifierOf(model());
  return shared;
}

const stores = new Map<number, Store>();

export function createBrain(options: BrainOptions = {}): Brain {
  const seed = options.seed ?? 20261111;
  let store = stores.get(seed);
  if (store === undefined) {
    store = createStore(seed);
    stores.set(seed, store);
  }
  const dialogue = createDialogue(store, sharedClassifier(options.model), options);
  return {
    createSession(id: string, locale?: Locale): Session {
      return { id, locale, state: dialogue.createState(locale) };
    },
    handleMessage: (session, text, now) => dialogue.handle(session, text, now),
    mask: maskPersonalData,
  };
}
