// The staffing engine's public surface, for `peakdesk plan` and reports.
export { type Estimate, type PoolSimOptions, type PoolSimResult, simulatePool } from './agent-pool-sim.ts';
export { registerErlangCommand } from './cli.ts';
export { parseDurationSeconds, parseTarget } from './cli-values.ts';
export type { HandleTime } from './concurrency.ts';
export { type DayInterval, type DaySimOptions, type DaySimResult, simulateDay } from './day-simulation.ts';
export { erlangA } from './erlang-a.ts';
export { erlangB, erlangC } from './erlang-c.ts';
export {
  type BotSaving,
  botSaving,
  type IntervalDemand,
  noBotDemand,
  type PlanOptions,
  type PlanRow,
  type PlanTotals,
  planStaffing,
  type QueueStaffing,
  queueMix,
  type StaffingPlan,
} from './interval-plan.ts';
export { formatPlanTable, type PlanFormatOptions, planToCsv } from './plan-format.ts';
export {
  type SimulatedPlanRow,
  type SimulatedQueueDay,
  simulatePlan,
  simulatePlanDays,
} from './plan-simulation.ts';
export type { QueueMetrics, ServiceLevelDefinition } from './queue-model.ts';
export {
  type AgentMetrics,
  type Binding,
  evaluateAgents,
  type ServiceTarget,
  type StaffingInput,
  type StaffingResult,
  solveAgents,
} from './solve-agents.ts';
