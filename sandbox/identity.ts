import { authError } from './errors';
import type { TCaller } from './registry';
import { advanceSts, emptySts, type TSessionRecord, type TStsState } from './services/core-state';
import { DocumentStore } from './stores/document-store';
import type { TSandboxWorld } from './world';

/**
 * Every access key the sandbox knows: the world's static keys and the temporary keys its own AssumeRole issued
 * (kept in the STS store, `sts.json`, so they survive restarts). The dispatcher resolves each signed request's key
 * here, whatever the service.
 */
export interface TResolvedKey {
  caller: TCaller;
  secretAccessKey: string;
  /** Required for temporary credentials. */
  sessionToken?: string;
}

export class IdentityStore {
  readonly sessions: DocumentStore<TStsState>;

  constructor(
    private readonly world: TSandboxWorld,
    stateDir: string,
  ) {
    this.sessions = new DocumentStore(stateDir, 'sts', emptySts);
  }

  resolve(accessKeyId: string, now: number): TResolvedKey {
    const fixed = this.world.staticCredentials.find((c) => c.accessKeyId === accessKeyId);
    if (fixed) {
      return {
        caller: { accountId: fixed.accountId, arn: fixed.arn, userId: fixed.userId, accessKeyId },
        secretAccessKey: fixed.secretAccessKey,
      };
    }
    const session = this.sessions.state.sessions.find((s) => s.accessKeyId === accessKeyId);
    if (!session)
      throw authError(
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
      );
    if (session.expiresAt <= now)
      throw authError('ExpiredTokenException', 'The security token included in the request is expired');
    return {
      caller: {
        accountId: session.accountId,
        arn: session.assumedRoleArn,
        userId: session.assumedRoleId,
        accessKeyId,
      },
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
    };
  }

  /** Records a new temporary key (STS AssumeRole) and persists the STS store. */
  addSession(session: TSessionRecord, now: number): void {
    advanceSts(this.sessions.state, now);
    this.sessions.state.sessions.push(session);
    this.sessions.save();
  }
}
