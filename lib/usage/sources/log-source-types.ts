/**
 * The source abstraction the ingester reads from. Two shapes:
 * - object sources (S3, uploaded files, local files) list objects after a checkpoint and open each as a byte
 *   stream; records are fingerprinted by content hash + occurrence within the object;
 * - event sources (CloudWatch Logs) page through events after a checkpoint; each event has its own unique id, which
 *   is its fingerprint.
 * Checkpoints are opaque strings persisted on IngestionSource; a source must tolerate re-reading from an older
 * checkpoint (fingerprints make that a no-op).
 */
export type TSourceKind = 'S3' | 'CLOUDWATCH_LOGS' | 'UPLOAD' | 'FILE';

export interface TLogObject {
  key: string;
  sizeBytes?: number;
  etag?: string;
  lastModified?: Date;
  /** sha256 hex of the bytes, when the source knows it before reading (local files). */
  contentSha256?: string;
  open(): Promise<AsyncIterable<Uint8Array>>;
  /** The source's checkpoint once this object (and every one before it) is read. */
  checkpointAfter: string | null;
}

export interface TObjectLogSource {
  shape: 'objects';
  kind: TSourceKind;
  /** Unique per feed, e.g. "s3://bucket/prefix". */
  name: string;
  config: Record<string, string>;
  listObjects(checkpoint: string | null): AsyncIterable<TLogObject>;
}

export interface TLogEvent {
  /** Unique within the source (CloudWatch Logs eventId). */
  id: string;
  message: string;
  timestamp: number;
  stream?: string;
}

export interface TLogEventPage {
  events: TLogEvent[];
  /** The checkpoint once this page (and every one before it) is read. */
  checkpointAfter: string | null;
}

export interface TEventLogSource {
  shape: 'events';
  kind: TSourceKind;
  name: string;
  config: Record<string, string>;
  pages(checkpoint: string | null): AsyncIterable<TLogEventPage>;
}

export type TLogSource = TObjectLogSource | TEventLogSource;

/** Log files the ingester accepts, by name: .log, .json, .ndjson, .jsonl, optionally .gz. */
export const LOG_FILE_PATTERN = /\.(log|json|ndjson|jsonl|txt)(\.gz)?$|\.gz$/i;
