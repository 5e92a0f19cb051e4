// The temperature that calibrating on the corpus (trainingExamples() with trainClassifier's defaults) fits, stored so
// that start-up training skips the calibration fit. classifier.test.ts fails with the new value when the corpus, the
// features or the training change it.

/** trainClassifier(trainingExamples()).temperature. */
export const CORPUS_TEMPERATURE = 1.11;
