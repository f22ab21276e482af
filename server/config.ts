import { resolve } from 'node:path';
import type { ServerOptions } from './start.js';

/** The server's configuration from the environment, with the embedded defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const seed = env.SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new Error(`SEED must be "demo" or "none", got ${seed}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    seed,
    staticDir: resolve(env.STATIC_DIR ?? './dist/client'),
    demoPassword: env.DEMO_PASSWORD ?? 'demo',
    publicUrl: publicUrlOf(env.PUBLIC_URL),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    secureCookies: env.SECURE_COOKIES === 'true',
    smtpUrl: smtpUrlOf(env.SMTP_URL),
    mailFrom: env.MAIL_FROM?.trim() || undefined,
  };
}

/** PUBLIC_URL, the address users open (e.g. "https://vereinbar.hessen.de"), checked once at start. */
function publicUrlOf(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`PUBLIC_URL must be a URL such as https://vereinbar.example, got ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_URL must be http or https, got ${value}`);
  return url.origin;
}

/** SMTP_URL, e.g. "smtp://user:pass@mail.example:587" or "smtps://…"; empty: no mail. */
function smtpUrlOf(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error('SMTP_URL must be a URL such as smtp://user:password@mail.example:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps://, got ${url.protocol}`);
  return url.href;
}
