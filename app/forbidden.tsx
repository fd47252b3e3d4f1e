import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="center-page">
      <div className="card" style={{ maxWidth: '36rem' }}>
        <p className="badge danger">403</p>
        <h1>You do not have access to this page</h1>
        <p>
          Your role does not include this page, or it belongs to a team you are not a member of. If you need
          access, ask your team lead or a portal administrator.
        </p>
        <p>
          <Link className="btn" href="/">
            Back to your home page
          </Link>
        </p>
      </div>
    </main>
  );
}
