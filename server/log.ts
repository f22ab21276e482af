/** Structured log lines in English, one JSON object per line, for operators. */
export interface Logger {
  info(event: string, details?: Record<string, unknown>): void;
  warn(event: string, details?: Record<string, unknown>): void;
  error(event: string, details?: Record<string, unknown>): void;
}

export function consoleLogger(minLevel: 'info' | 'warn' | 'error' | 'silent' = 'info'): Logger {
  const order = { info: 0, warn: 1, error: 2, silent: 3 } as const;
  const write = (level: 'info' | 'warn' | 'error') => (event: string, details: Record<string, unknown> = {}) => {
    if (order[level] < order[minLevel]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...details });
    (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** A logger that keeps its lines, for tests that assert an attempt was logged. */
export function memoryLogger(): Logger & { lines: { level: string; event: string; details: Record<string, unknown> }[] } {
  const lines: { level: string; event: string; details: Record<string, unknown> }[] = [];
  const write = (level: string) => (event: string, details: Record<string, unknown> = {}) => {
    lines.push({ level, event, details });
  };
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}
