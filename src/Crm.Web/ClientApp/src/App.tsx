import { useCallback, useEffect, useMemo, useState } from 'react';
import { CrmApi } from './api/CrmApi';
import { onUnauthorized } from './api/http';
import { ToastProvider } from './components/Toasts';
import { Layout } from './Layout';
import { LiveProvider } from './live/LiveContext';
import { LiveAlerts } from './live/LiveAlerts';
import { CustomersPage } from './pages/customers/CustomersPage';
import { NewCustomerPage } from './pages/new-customer/NewCustomerPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { SignInPage } from './pages/SignInPage';
import { useLocation } from './router';
import { forgetKey, storedKey, storeKey } from './session';
import { SessionContext } from './SessionContext';

export function App() {
  const [key, setKey] = useState(storedKey);
  const signIn = useCallback((entered: string) => {
    storeKey(entered);
    setKey(entered);
  }, []);
  const signOut = useCallback(() => {
    forgetKey();
    setKey(null);
  }, []);
  useEffect(() => onUnauthorized(signOut), [signOut]);
  const session = useMemo(() => (key === null ? null : { api: new CrmApi(key), signOut }), [key, signOut]);

  if (key === null || session === null) {
    return <SignInPage onSignedIn={signIn} />;
  }
  return (
    <SessionContext.Provider value={session}>
      <ToastProvider>
        <LiveProvider key={key} apiKey={key}>
          <LiveAlerts />
          <Layout>
            <Routes />
          </Layout>
        </LiveProvider>
      </ToastProvider>
    </SessionContext.Provider>
  );
}

function Routes() {
  const { path } = useLocation();
  if (path === '/customers/new') {
    return <NewCustomerPage />;
  }
  const profile = /^\/customers\/([^/]+)\/?$/.exec(path);
  if (profile) {
    return <ProfilePage key={profile[1]} id={decodeURIComponent(profile[1]!)} />;
  }
  return <CustomersPage />;
}
