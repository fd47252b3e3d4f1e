'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

interface TPersona {
  email: string;
  name: string;
  description: string;
}

export function SignInClient({
  oidc,
  personas,
  callbackUrl,
}: {
  oidc: { name: string } | null;
  personas: TPersona[];
  callbackUrl: string;
}) {
  const [pending, setPending] = useState<string | null>(null);
  return (
    <div>
      {oidc ? (
        <p>
          <button
            className="btn primary"
            type="button"
            disabled={pending !== null}
            onClick={() => {
              setPending('oidc');
              void signIn('oidc', { callbackUrl });
            }}
          >
            Sign in with {oidc.name}
          </button>
        </p>
      ) : null}
      {personas.length > 0 ? (
        <section aria-labelledby="personas-heading">
          <h2 id="personas-heading">Demo sign-in: pick a persona</h2>
          <p className="muted">Development sign-in is enabled because the portal runs in demo mode.</p>
          <ul className="persona-list" style={{ listStyle: 'none', padding: 0 }}>
            {personas.map((p) => (
              <li key={p.email}>
                <button
                  className="btn"
                  type="button"
                  disabled={pending !== null}
                  aria-label={`Sign in as ${p.name}, ${p.description}`}
                  onClick={() => {
                    setPending(p.email);
                    void signIn('dev', { email: p.email, callbackUrl });
                  }}
                >
                  <span>
                    <strong>{p.name}</strong>
                    <span className="desc">{p.description}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
