// Starts the simulated agency platform as a child process, for `npm start` and the
// collect CLI when no real platform URL is configured.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../core/paths.js';

/** How the simulated platform is started (the `simulator` section of the config). */
export interface SimulatorOptions {
  port: number;
  seed: string;
  casesPerDay: number;
}

export function startSimulator(sim: SimulatorOptions, port = sim.port): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(ROOT, 'demo/simulator/main.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, SIM_PORT: String(port), SIM_SEED: sim.seed, SIM_CASES_PER_DAY: String(sim.casesPerDay) },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`simulator exited with code ${code}`)));
  });
}
