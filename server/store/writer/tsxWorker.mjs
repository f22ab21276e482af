/**
 * Starts the commit worker from its TypeScript source (under tsx or vitest, where no built
 * commitWorker.js exists): registers tsx in this thread, then loads the entry named in workerData.
 * The built server (dist/server) starts dist/server/commitWorker.js directly and never loads this.
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
