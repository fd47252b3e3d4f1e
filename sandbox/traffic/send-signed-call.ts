import { Sha256 } from '@aws-crypto/sha256-js';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import type { TPlannedCall } from './plan-traffic';

/**
 * Sends one planned call as a client in the team's VPC would: credentials from STS AssumeRole of the team's role
 * (the session name from the plan, so the caller ARN is the planned one), a SigV4 signature for
 * `vpc-lattice-svcs` with UNSIGNED-PAYLOAD (as Lattice clients sign), through the sandbox's data-plane prefix.
 */
export interface TSignedCaller {
  url: string;
  region: string;
  baseCredentials: { accessKeyId: string; secretAccessKey: string };
}

interface TCached {
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  expiresAt: number;
}

export class SignedCallSender {
  private readonly cache = new Map<string, TCached>();
  private readonly sts: STSClient;

  constructor(private readonly caller: TSignedCaller) {
    this.sts = new STSClient({
      endpoint: caller.url,
      region: caller.region,
      credentials: caller.baseCredentials,
      maxAttempts: 2,
    });
  }

  private async credentialsFor(call: TPlannedCall, now: number) {
    const session = call.callerArn.split('/').pop()!;
    const key = `${call.roleArn}|${session}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now + 60_000) return cached.credentials;
    // Sign with the sandbox's time, which a test may have moved away from the wall clock.
    this.sts.config.systemClockOffset = now - Date.now();
    const out = await this.sts.send(
      new AssumeRoleCommand({ RoleArn: call.roleArn, RoleSessionName: session }),
    );
    const c = out.Credentials!;
    const credentials = {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    };
    this.cache.set(key, { credentials, expiresAt: c.Expiration?.getTime() ?? now + 3_000_000 });
    return credentials;
  }

  /** Returns the HTTP status, or 0 when the connection was refused (an unreachable VPC). */
  async send(call: TPlannedCall, serviceDnsName: string, now: number): Promise<number> {
    const credentials = await this.credentialsFor(call, now);
    const url = new URL(this.caller.url);
    const path = `/vpc-lattice-svcs/${serviceDnsName}${call.path}`;
    const body = JSON.stringify({
      messages: [{ role: 'user', content: [{ text: 'x'.repeat(Math.max(0, call.bytes - 60)) }] }],
    });
    const query: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(call.rawQuery)) query[k] = v;
    const signer = new SignatureV4({
      service: 'vpc-lattice-svcs',
      region: this.caller.region,
      sha256: Sha256,
      credentials,
      uriEscapePath: true,
      applyChecksum: false,
    });
    const signed = await signer.sign(
      {
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        port: Number(url.port),
        path,
        query,
        headers: {
          host: url.host,
          'content-type': 'application/json',
          'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
          'x-sandbox-source-vpc': call.vpcId,
          'x-amzn-bedrock-request-metadata': JSON.stringify({ team: call.team }),
          'user-agent': call.userAgent,
        },
        body,
      },
      { signingDate: new Date(now) },
    );
    try {
      const res = await fetch(`${this.caller.url}${path}?${call.rawQuery}`, {
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        body,
      });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0;
    }
  }

  close(): void {
    this.sts.destroy();
  }
}
