import pino from 'pino';
import { env } from '@/lib/env';

/**
 * Structured logs. Secrets never reach them: known secret-bearing fields are redacted wherever they appear,
 * and AWS credentials are never passed to the logger in the first place.
 */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { app: 'bedrock-access-portal' },
  redact: {
    paths: [
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
    ],
    censor: '[redacted]',
  },
});
