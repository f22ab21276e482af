import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless Chromium that talks to nobody but our server. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Browser tests never skip: without Chromium they fail and say how to get it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium fehlt: apt-get install -y chromium (oder CHROMIUM_PATH setzen) – gesucht unter ${CHROMIUM_PATH}`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
