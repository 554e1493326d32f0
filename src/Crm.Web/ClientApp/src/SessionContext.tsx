import { createContext, useContext } from 'react';
import type { CrmApi } from './api/CrmApi';

export interface Session {
  api: CrmApi;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) {
    throw new Error('useSession is only for components shown after sign-in');
  }
  return session;
}
