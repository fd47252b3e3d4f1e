const TONE: Record<string, string> = {
  PENDING: 'warn',
  PENDING_SECOND_APPROVAL: 'warn',
  PROVISIONING: '',
  ACTIVE: 'ok',
  FAILED: 'danger',
  REJECTED: 'danger',
  CANCELLED: '',
  EXPIRED: '',
  REVOKED: '',
};

const LABEL: Record<string, string> = {
  PENDING: 'pending',
  PENDING_SECOND_APPROVAL: 'needs a second approver',
  PROVISIONING: 'provisioning',
  ACTIVE: 'active',
  FAILED: 'failed',
  REJECTED: 'rejected',
  CANCELLED: 'cancelled',
  EXPIRED: 'expired',
  REVOKED: 'revoked',
};

/** A request's or grant's status as a badge; the raw status stays readable for tests and screen readers. */
export function RequestStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge ${TONE[status] ?? ''}`} data-status={status}>
      {LABEL[status] ?? status.toLowerCase()}
    </span>
  );
}
