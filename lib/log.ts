import pino from 'pino';
import { env } from '@/lib/env';

/** Field paths whose values never reach a log line, wherever a caller puts them. */
export const LOG_REDACT_PATHS = [
  '*.secretAccessKey',
  '*.SecretAccessKey',
  '*.sessionToken',
  '*.SessionToken',
  '*.password',
  '*.token',
  '*.clientSecret',
  '*.authorization',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
];

/**
 * Structured logs. Secrets never reach them: known secret-bearing fields are redacted wherever they appear,
 * and AWS credentials are never passed to the logger in the first place.
 */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { app: 'bedrock-access-portal' },
  redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
});
