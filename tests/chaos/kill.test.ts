import { describe, it } from 'vitest';
import { runChaos } from './chaos.js';

/** `npm test` runs a short chaos (3 kills); `npm run test:chaos` a long one (CHAOS_KILLS, at least 20). */
const kills = Number(process.env.CHAOS_KILLS ?? 3);
const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 100_000);

describe('chaos: SIGKILL while clients write', () => {
  it(`keeps every acknowledged update and converges all clients across ${kills} kills at random moments`, { timeout: 30_000 + kills * 15_000 }, async () => {
    await runChaos(kills, seed);
  });
});
