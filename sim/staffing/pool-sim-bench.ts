// Throughput of the agent-pool DES next to the formula it should match:
// `node bin/run-ts.js sim/staffing/pool-sim-bench.ts [chats per case, default 10000000]`.
import { createRng } from '../util/rng.ts';
import { type PoolSimOptions, simulatePool } from './agent-pool-sim.ts';
import { evaluateAgents } from './solve-agents.ts';

const chats = Number(process.argv[2] ?? 10_000_000);
const cases: [string, Omit<PoolSimOptions, 'rng' | 'chats'>][] = [
  [
    'Erlang C, 4800 E on 4850 agents',
    { arrivalRatePerSec: 4800 / 180, ahtSec: 180, agents: 4850, targetSeconds: 20 },
  ],
  [
    'Erlang A, 4800 E on 4800 agents, patience 300 s',
    { arrivalRatePerSec: 4800 / 180, ahtSec: 180, agents: 4800, targetSeconds: 20, patienceSec: 300 },
  ],
  [
    '3 chats per agent at 180/210/260 s, 1700 agents',
    { arrivalRatePerSec: 30_000 / 1800, ahtByConcurrency: [180, 210, 260], agents: 1700, targetSeconds: 30 },
  ],
];
for (const [name, options] of cases) {
  const started = performance.now();
  const sim = simulatePool({ ...options, chats, rng: createRng(1) });
  const seconds = (performance.now() - started) / 1000;
  const exact = evaluateAgents(
    { ...options, target: { percent: 80, seconds: options.targetSeconds } },
    options.agents,
  );
  process.stdout.write(
    `${name}: ${sim.simulatedChats.toLocaleString('en')} chats in ${seconds.toFixed(1)} s = ` +
      `${(sim.simulatedChats / seconds / 1e6).toFixed(2)} M chats/s, ${(sim.events / seconds / 1e6).toFixed(2)} M events/s; SL ${sim.serviceLevel.mean.toFixed(4)} ± ` +
      `${sim.serviceLevel.halfWidth.toFixed(4)} (formula ${exact.serviceLevel.toFixed(4)}), abandon ` +
      `${sim.pAbandon.mean.toFixed(4)} (formula ${exact.pAbandon.toFixed(4)})\n`,
  );
}
