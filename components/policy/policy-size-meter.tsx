import { AUTH_POLICY_MAX_BYTES, AUTH_POLICY_WARN_RATIO } from '@/lib/policy/limits';

/** The auth policy's size against Lattice's fixed 10 KB quota. */
export function PolicySizeMeter({ bytes, label = 'Auth policy size' }: { bytes: number; label?: string }) {
  const ratio = bytes / AUTH_POLICY_MAX_BYTES;
  const tone = ratio > 1 ? 'danger' : ratio >= AUTH_POLICY_WARN_RATIO ? 'warn' : '';
  const pct = Math.round(ratio * 1000) / 10;
  return (
    <div data-testid="policy-size">
      <div className="toolbar" style={{ justifyContent: 'space-between', marginBottom: '0.35rem' }}>
        <span>{label}</span>
        <span>
          <strong>{bytes.toLocaleString('en')}</strong> of {AUTH_POLICY_MAX_BYTES.toLocaleString('en')} bytes
          ({pct}%) · {(AUTH_POLICY_MAX_BYTES - bytes).toLocaleString('en')} bytes headroom
          {tone === 'warn' ? <span className="badge warn"> near the limit</span> : null}
          {tone === 'danger' ? <span className="badge danger"> over the limit</span> : null}
        </span>
      </div>
      <div
        className={`meter ${tone}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={AUTH_POLICY_MAX_BYTES}
        aria-valuenow={bytes}
      >
        <span style={{ width: `${Math.min(100, ratio * 100)}%` }} />
      </div>
    </div>
  );
}
