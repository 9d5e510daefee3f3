import cluster from 'node:cluster';
import { exitOnStartFailure, runIngressServer } from '../src/app/ingress-server';
import { loadIngressConfig } from '../src/config/ingress.config';

const PROCESSES = 2;

/** BENCHMARK ONLY: two processes on one port stand in for two replicas, to measure a second core. */
if (cluster.isPrimary) {
  const workers = Array.from({ length: PROCESSES }, () => cluster.fork());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      workers.forEach((worker) => worker.process.kill('SIGTERM'));
    });
  }
  let running = PROCESSES;
  let exitCode = 0;
  cluster.on('exit', (_worker, code) => {
    exitCode = exitCode === 0 ? code : exitCode;
    running--;
    if (running === 0) {
      process.exit(exitCode);
    }
  });
} else {
  runIngressServer(loadIngressConfig(process.env)).catch(exitOnStartFailure);
}
