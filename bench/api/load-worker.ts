// The load generator's own process, forked by bench/api.ts: its sockets, timers and CPU stay out of the
// server's process and out of the orchestrator's. One scenario per message, answered with its result.
import { closedLoop, openLoop, type LoadResult, type Target } from './load.ts';

export type Scenario =
  | { name: string; target: Target; mode: 'open'; rate: number; seconds: number }
  | { name: string; target: Target; mode: 'closed'; requests: number };

process.on('message', (s: Scenario) => {
  const run: Promise<LoadResult> = s.mode === 'open' ? openLoop(s.target, s.rate, s.seconds) : closedLoop(s.target, s.requests);
  run.then((result) => process.send!({ name: s.name, result }), (e: Error) => process.send!({ name: s.name, error: e.message }));
});
process.on('disconnect', () => process.exit(0));
