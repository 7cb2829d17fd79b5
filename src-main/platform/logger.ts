import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

/**
 * JSON-lines log, one file per day under the data folder. Callers pass codes and ids only: personal
 * data (names, ID numbers, card contents) is never handed to the logger.
 */
export function fileLogger(dataDir: string, echo = false): Log {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  return (level, message, fields) => {
    const at = new Date().toISOString();
    const line = JSON.stringify({ at, level, message, ...fields });
    appendFileSync(join(dir, `${at.slice(0, 10)}.log`), line + '\n');
    if (echo) (level === 'error' ? console.error : console.log)(line);
  };
}
