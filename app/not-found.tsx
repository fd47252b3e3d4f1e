import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="center-page">
      <div className="card" style={{ maxWidth: '36rem' }}>
        <p className="badge">404</p>
        <h1>Page not found</h1>
        <p>
          <Link className="btn" href="/">
            Back to your home page
          </Link>
        </p>
      </div>
    </main>
  );
}
