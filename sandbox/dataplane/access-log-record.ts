/**
 * One VPC Lattice access-log record (`VpcLatticeAccessLogs`), with the fields in the order real deliveries use
 * and absent values as the string "-", numbers included (see the shared log-formats reference).
 */
export interface TAccessLogRecord {
  serviceNetworkArn: string;
  resolvedUser: string;
  listenerType: string;
  authDeniedReason: string;
  targetGroupArn: string;
  sourceVpcArn: string;
  destinationVpcId: string;
  sourceIpPort: string;
  listenerId: string;
  targetIpPort: string;
  failureReason: string;
  serviceArn: string;
  sourceVpcId: string;
  startTime: string;
  requestMethod: string;
  requestPath: string;
  protocol: string;
  responseCode: number;
  bytesReceived: number;
  bytesSent: number;
  duration: number;
  userAgent: string;
  hostHeader: string;
  serverNameIndication: string;
  requestToTargetDuration: number;
  responseFromTargetDuration: number;
  sslCipher: string;
  tlsVersion: string;
  callerPrincipal: string;
  callerPrincipalOrgID: string;
  callerX509IssuerOU: string;
  callerX509SubjectCN: string;
  callerX509SANNameCN: string;
  callerX509SANDNS: string;
  callerX509SANURI: string;
}

export interface TAccessLogInput {
  serviceNetworkArn: string;
  serviceArn: string;
  /** null for an unsigned (anonymous) caller. */
  caller: string | null;
  callerOrgId: string | null;
  region: string;
  sourceVpcId: string;
  sourceVpcOwnerAccountId: string;
  destinationVpcId: string;
  sourceIpPort: string;
  /** null when the request never reached the target (denied). */
  target: { groupArn: string; ipPort: string; requestMs: number; responseMs: number } | null;
  startTime: number;
  method: string;
  /** Path and query exactly as the client sent them. */
  requestPath: string;
  responseCode: number;
  bytesReceived: number;
  bytesSent: number;
  durationMs: number;
  userAgent: string;
  host: string;
  authDeniedReason: 'Service' | 'Network' | null;
  failureReason: string | null;
}

const dash = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '-' : v);

/** Lattice reports whole seconds: 2024-08-04T11:28:40Z. */
export function latticeTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function buildAccessLogRecord(input: TAccessLogInput): TAccessLogRecord {
  return {
    serviceNetworkArn: input.serviceNetworkArn,
    resolvedUser: dash(input.caller),
    listenerType: '-',
    authDeniedReason: dash(input.authDeniedReason),
    targetGroupArn: dash(input.target?.groupArn),
    sourceVpcArn: `arn:aws:ec2:${input.region}:${input.sourceVpcOwnerAccountId}:vpc/${input.sourceVpcId}`,
    destinationVpcId: input.destinationVpcId,
    sourceIpPort: input.sourceIpPort,
    listenerId: '-',
    targetIpPort: dash(input.target?.ipPort),
    failureReason: dash(input.failureReason),
    serviceArn: input.serviceArn,
    sourceVpcId: input.sourceVpcId,
    startTime: latticeTimestamp(input.startTime),
    requestMethod: input.method,
    requestPath: input.requestPath,
    protocol: 'HTTP/1.1',
    responseCode: input.responseCode,
    bytesReceived: input.bytesReceived,
    bytesSent: input.bytesSent,
    duration: input.durationMs,
    userAgent: dash(input.userAgent),
    hostHeader: input.host,
    serverNameIndication: input.host,
    requestToTargetDuration: input.target?.requestMs ?? 0,
    responseFromTargetDuration: input.target?.responseMs ?? 0,
    sslCipher: 'ECDHE-RSA-AES128-GCM-SHA256',
    tlsVersion: 'TLSv1.2',
    callerPrincipal: dash(input.caller),
    callerPrincipalOrgID: dash(input.callerOrgId),
    callerX509IssuerOU: '-',
    callerX509SubjectCN: '-',
    callerX509SANNameCN: '-',
    callerX509SANDNS: '-',
    callerX509SANURI: '-',
  };
}
