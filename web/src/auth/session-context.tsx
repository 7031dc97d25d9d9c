import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import type { MeResponse } from '@kept/contract/api-types.ts';
import { ApiFailure, onUnauthorized } from '../api/api-client.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';

interface Session {
  me: MeResponse;
  isSupervisor: boolean;
  isAdmin: boolean;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** Staff screens: loads the signed-in user; sends to /setup or /login when there is none. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [me, setMe] = useState<MeResponse | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    const toLogin = async () => {
      const status = await api.setupStatus().catch(() => ({ needsSetup: false }));
      if (cancelled) return;
      const next = encodeURIComponent(location.pathname + location.search);
      navigate(status.needsSetup ? '/setup' : `/login?next=${next}`, { replace: true });
    };
    api
      .me()
      .then((value) => {
        if (!cancelled) setMe(value);
      })
      .catch((cause: unknown) => {
        if (cause instanceof ApiFailure && cause.status === 401) void toLogin();
        else if (!cancelled) setError(cause);
      });
    const unsubscribe = onUnauthorized(() => void toLogin());
    return () => {
      cancelled = true;
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (error) return <ErrorAlert error={error} onRetry={() => window.location.reload()} />;
  if (!me) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  const role = me.user.role;
  const session: Session = {
    me,
    isSupervisor: role === 'supervisor' || role === 'admin',
    isAdmin: role === 'admin',
    signOut: async () => {
      await api.logout().catch(() => undefined);
      navigate('/login', { replace: true });
    },
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
