/** The trusted Bedrock proxy roles: BEDROCK_PROXY_ROLE_ARNS, plus the demo estate's own proxy in demo mode. */
import { DEMO_PROXY_ROLE_ARN } from '@/lib/demo/world';
import { env } from '@/lib/env';

export function proxyRoleArns(): string[] {
  const e = env();
  return e.PORTAL_DEMO
    ? [...new Set([...e.BEDROCK_PROXY_ROLE_ARNS, DEMO_PROXY_ROLE_ARN])]
    : [...e.BEDROCK_PROXY_ROLE_ARNS];
}
