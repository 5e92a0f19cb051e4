// The reference bot brain: a classifier trained on the corpus at start-up, a seeded store, the dialogue policy.
import { createStore, type Store } from '../data/store.ts';
import { CORPUS_TEMPERATURE } from './calibration.ts';
import { type Classifier, trainClassifier } from './classifier.ts';
import { trainingExamples } from './corpus/training-set.ts';
import { createDialogue, type PolicyOptions } from './dialogue.ts';
import { maskPersonalData } from './mask.ts';
import type { Brain, Locale, Session } from './types.ts';

export interface BrainOptions extends PolicyOptions {
  /** Seed of the store (catalog, orders, promotions). @default 20261111 */
  seed?: number;
}

let shared: Classifier | undefined;

/**
 * The classifier trained once per process (training is deterministic, so every brain gets the same one), with the
 * stored calibration instead of a second fit.
 */
export function sharedClassifier(): Classifier {
  shared ??= trainClassifier(trainingExamples(), { temperature: CORPUS_TEMPERATURE });
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
  const dialogue = createDialogue(store, sharedClassifier(), options);
  return {
    createSession(id: string, locale?: Locale): Session {
      return { id, locale, state: dialogue.createState(locale) };
    },
    handleMessage: (session, text, now) => dialogue.handle(session, text, now),
    mask: maskPersonalData,
  };
}
