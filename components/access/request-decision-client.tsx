'use client';

import { useState } from 'react';
import { useApproveAccessRequest } from '@/components/access/hooks/use-approve-access-request';
import { useCancelAccessRequest } from '@/components/access/hooks/use-cancel-access-request';
import { useRejectAccessRequest } from '@/components/access/hooks/use-reject-access-request';

/** Approve / reject (approvers) or cancel (requester, team lead) with a comment. Shown only for allowed actions. */
export function RequestDecisionClient({
  id,
  can,
}: {
  id: string;
  can: { approve: boolean; reject: boolean; cancel: boolean };
}) {
  const [comment, setComment] = useState('');
  const approve = useApproveAccessRequest();
  const reject = useRejectAccessRequest();
  const cancel = useCancelAccessRequest();
  const busy = approve.isPending || reject.isPending || cancel.isPending;
  const error = approve.error ?? reject.error ?? cancel.error;
  if (!can.approve && !can.reject && !can.cancel) return null;
  return (
    <section aria-labelledby="decide-h" className="card" data-testid="decision">
      <h2 id="decide-h">{can.approve || can.reject ? 'Decision' : 'Withdraw'}</h2>
      <div className="field">
        <label htmlFor="decision-comment">Comment{can.reject ? ' (required to reject)' : ''}</label>
        <textarea
          id="decision-comment"
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {error ? (
        <p className="error-box" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="toolbar">
        {can.approve ? (
          <button
            type="button"
            className="btn primary"
            disabled={busy}
            onClick={() => approve.mutate({ id, comment })}
          >
            Approve
          </button>
        ) : null}
        {can.reject ? (
          <button
            type="button"
            className="btn danger"
            disabled={busy}
            onClick={() => reject.mutate({ id, comment })}
          >
            Reject
          </button>
        ) : null}
        {can.cancel ? (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => cancel.mutate({ id, comment })}
          >
            Cancel request
          </button>
        ) : null}
      </div>
    </section>
  );
}
