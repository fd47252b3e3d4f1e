/**
 * An admin's browser upload of a .log / .json / .gz access-log file: refused unless its name and first bytes say
 * log file (gzip magic, or a JSON object line), refused past PORTAL_USAGE_UPLOAD_MAX_MB while streaming (never
 * buffered whole), stored to a temporary file, then ingested in the background. Answers with the run id as soon
 * as the run exists, so the page can show its progress.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { logger } from '@/lib/log';
import { ingestLogFiles } from './ingest-log-files';
import { LOG_FILE_PATTERN } from './sources/log-source-types';

export interface TAcceptLogUploadInput {
  fileName: string;
  body: AsyncIterable<Uint8Array>;
  declaredBytes?: number;
}

function looksLikeLog(head: Buffer): boolean {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
  let s = head.toString('utf8');
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return /^\s*\{/.test(s);
}

export async function acceptLogUpload(
  actor: TActor,
  input: TAcceptLogUploadInput,
): Promise<{ runId: number }> {
  assertCan(actor, 'admin:manage');
  const maxBytes = env().PORTAL_USAGE_UPLOAD_MAX_MB * 1024 * 1024;
  const name = path.basename(input.fileName || '');
  if (!LOG_FILE_PATTERN.test(name)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `"${name}" is not a log file: upload .log, .json or .gz access-log files`,
    );
  }
  if (input.declaredBytes !== undefined && input.declaredBytes > maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The file is larger than the ${env().PORTAL_USAGE_UPLOAD_MAX_MB} MiB limit`,
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'portal-upload-'));
  const file = path.join(dir, name);
  let bytes = 0;
  let head = Buffer.alloc(0);
  try {
    await pipeline(
      Readable.from(input.body),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          if (bytes > maxBytes) {
            done(
              new AppError(
                'PAYLOAD_TOO_LARGE',
                `The file is larger than the ${env().PORTAL_USAGE_UPLOAD_MAX_MB} MiB limit`,
              ),
            );
            return;
          }
          if (head.length < 64) {
            head = Buffer.concat([head, chunk]).subarray(0, 64);
            if (head.length >= 64 && !looksLikeLog(head)) {
              done(
                new AppError(
                  'UNSUPPORTED_MEDIA_TYPE',
                  `"${name}" is not an access-log file (neither gzip nor JSON lines)`,
                ),
              );
              return;
            }
          }
          done(null, chunk);
        },
      }),
      createWriteStream(file),
    );
    if (bytes === 0) throw new AppError('VALIDATION', `"${name}" is empty`);
    if (!looksLikeLog(head))
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `"${name}" is not an access-log file (neither gzip nor JSON lines)`,
      );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return new Promise((resolve, reject) => {
    let started = false;
    ingestLogFiles(actor, {
      files: [{ path: file, key: name }],
      kind: 'UPLOAD',
      bytesTotal: bytes,
      onStarted: (runId) => {
        started = true;
        resolve({ runId });
      },
    })
      .catch((error: unknown) => {
        if (!started) reject(error);
        else logger.error({ err: error }, 'uploaded log ingestion failed');
      })
      .finally(() => void rm(dir, { recursive: true, force: true }));
  });
}
