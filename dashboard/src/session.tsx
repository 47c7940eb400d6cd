import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { type ApiError, api, type Schemas, SIGNED_OUT_EVENT, setCsrfToken } from './api.ts';

export type Session = Schemas['Session'];
export type Membership = Session['memberships'][number];

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-in'; session: Session }
  | { status: 'signed-out'; reason?: string };

interface SessionContextValue {
  state: SessionState;
  /** After sign-in, sign-up confirmation or accepting an invitation: the answer is the session. */
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
  /** Loads the session again (after a change of memberships). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Holds who is signed in, loaded once from `GET /v1/session`, and drops it when the API says it is gone. */
export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);

  const refresh = useCallback(async () => {
    try {
      signedIn(await api.get<Session>('/v1/session'));
    } catch (error) {
      setCsrfToken(null);
      setState({ status: 'signed-out', reason: reasonOf(error) });
    }
  }, [signedIn]);

  const signOut = useCallback(async () => {
    await api.delete('/v1/session').catch(() => undefined);
    setCsrfToken(null);
    setState({ status: 'signed-out', reason: 'You are signed out.' });
  }, []);

  useEffect(() => {
    void refresh();
    const onSignedOut = (event: Event) => {
      setCsrfToken(null);
      const reason = reasonOf((event as CustomEvent<ApiError>).detail);
      // Requests in flight when a session ends all fail: the first says why (expired), and the later
      // ones, sent after the cookie was cleared, must not wipe that reason out.
      setState((prev) => (prev.status === 'signed-out' && !reason ? prev : { status: 'signed-out', reason }));
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [refresh]);

  return (
    <SessionContext.Provider value={{ state, signedIn, signOut, refresh }}>
      {children}
    </SessionContext.Provider>
  );
}

/** What the sign-in page tells a person sent there by the API (an ended session), if anything. */
function reasonOf(error: unknown): string | undefined {
  return (error as ApiError | undefined)?.code === 'auth.session_expired'
    ? 'Your session expired. Sign in again.'
    : undefined;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}
