/** What a driver thread needs to rebuild a scenario run's workload (cloneable: no functions). */
export interface ScenarioWorkloadSpec {
  /** Built-in name or absolute path. */
  scenario: string;
  speed: number;
  scale: number;
  window: string | undefined;
  duration: string | undefined;
  seed: number;
  /** Seed of the bot's store, so customers mention orders and products the bot knows. */
  storeSeed: number;
}
