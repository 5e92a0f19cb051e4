// The intent model trained on the project's corpus: what the brain classifies with, and what the server's model
// cache stores. Kept apart from the brain so that the cache key (the files this module imports) covers the model's
// sources and nothing else: an edit to the dialogue does not retrain it.
import { CORPUS_TEMPERATURE } from './calibration.ts';
import { type TrainedModel, trainModel } from './classifier.ts';
import { trainingExamples } from './corpus/training-set.ts';

/** The model trained on the corpus, with the stored calibration instead of a second fit (deterministic). */
export function corpusModel(): TrainedModel {
  return trainModel(trainingExamples(), { temperature: CORPUS_TEMPERATURE });
}
