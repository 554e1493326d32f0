import type { ReactNode } from 'react';
import { ConnectionIndicator } from './components/ConnectionIndicator';
import { Link, useLocation } from './router';
import { useSession } from './SessionContext';

export function Layout({ children }: { children: ReactNode }) {
  const { signOut } = useSession();
  const { path } = useLocation();
  return (
    <div className="app">
      <header className="topbar">
        <Link href="/" className="brand">
          Crm
        </Link>
        <nav className="topnav">
          <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
            Customers
          </Link>
          <Link href="/customers/new" aria-current={path === '/customers/new' ? 'page' : undefined}>
            New customer
          </Link>
        </nav>
        <div className="topbar-end">
          <ConnectionIndicator />
          <button type="button" className="button button-quiet" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
