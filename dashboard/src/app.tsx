import type { ComponentType } from 'preact';
import { LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import { Redirect } from './layout/Redirect.tsx';
import { Shell } from './layout/Shell.tsx';
import { scopedPath } from './scope.ts';
import { SessionProvider, useSession } from './session.tsx';
import { Loading } from './ui/index.ts';

// Each page is its own chunk, fetched when first visited.
const SignIn = lazy(() => import('./pages/auth/SignIn.tsx'));
const SignUp = lazy(() => import('./pages/auth/SignUp.tsx'));
const ConfirmSignUp = lazy(() => import('./pages/auth/ConfirmSignUp.tsx'));
const ResetPassword = lazy(() => import('./pages/auth/ResetPassword.tsx'));
const AcceptInvitation = lazy(() => import('./pages/auth/AcceptInvitation.tsx'));
const EventList = lazy(() => import('./pages/events/EventList.tsx'));
const EventPage = lazy(() => import('./pages/events/EventPage.tsx'));
const EventForm = lazy(() => import('./pages/events/EventForm.tsx'));
const OrderList = lazy(() => import('./pages/orders/OrderList.tsx'));
const OrderPage = lazy(() => import('./pages/orders/OrderPage.tsx'));
const ApiKeys = lazy(() => import('./pages/settings/ApiKeys.tsx'));
const Webhooks = lazy(() => import('./pages/settings/Webhooks.tsx'));
const WebhookEndpoint = lazy(() => import('./pages/settings/WebhookEndpoint.tsx'));
const Payouts = lazy(() => import('./pages/settings/Payouts.tsx'));
const Team = lazy(() => import('./pages/settings/Team.tsx'));
const NotFound = lazy(() => import('./pages/NotFound.tsx'));

const SCOPED = '/dashboard/:promoterId/:mode';

/** Pages anyone may see (signing in, signing up, following a mail's link). */
const PUBLIC_PAGES: [string, ComponentType][] = [
  ['/dashboard/signin', SignIn],
  ['/dashboard/signup', SignUp],
  ['/dashboard/confirm', ConfirmSignUp],
  ['/dashboard/reset', ResetPassword],
  ['/dashboard/invite', AcceptInvitation],
];

/** Pages of one promoter in one mode, inside the shell. */
const SCOPED_PAGES: [string, ComponentType][] = [
  ['/events', EventList],
  // Before `/events/:eventId`, which would take `new` for an id.
  ['/events/new', EventForm],
  ['/events/:eventId', EventPage],
  ['/events/:eventId/edit', EventForm],
  ['/orders', OrderList],
  ['/orders/:orderId', OrderPage],
  ['/settings/keys', ApiKeys],
  ['/settings/webhooks', Webhooks],
  ['/settings/webhooks/:endpointId', WebhookEndpoint],
  ['/settings/payouts', Payouts],
  ['/settings/team', Team],
];

// Wrapped once, so a page keeps its state across renders of the router.
const SCOPED_ROUTES = SCOPED_PAGES.map(([pagePath, Page]): [string, ComponentType] => [
  `${SCOPED}${pagePath}`,
  () => (
    <Shell>
      <Page />
    </Shell>
  ),
]);

export function App() {
  return (
    <LocationProvider scope="/dashboard">
      <SessionProvider>
        <Screens />
      </SessionProvider>
    </LocationProvider>
  );
}

function Screens() {
  const { state } = useSession();
  const { path } = useLocation();
  const isPublic = PUBLIC_PAGES.some(([pagePath]) => path === pagePath);
  if (state.status === 'loading') return <Loading />;
  if (!isPublic && state.status === 'signed-out')
    return <Redirect href={`/dashboard/signin?next=${encodeURIComponent(path)}`} />;
  return (
    <Router>
      {PUBLIC_PAGES.map(([pagePath, Page]) => (
        <Route key={pagePath} path={pagePath} component={Page} />
      ))}
      <Route path="/dashboard" component={Home} />
      {SCOPED_ROUTES.map(([pagePath, Page]) => (
        <Route key={pagePath} path={pagePath} component={Page} />
      ))}
      <Route default component={NotFound} />
    </Router>
  );
}

/** `/dashboard`: the first promoter the person belongs to, in test mode. */
function Home() {
  const { state } = useSession();
  if (state.status !== 'signed-in') return <Redirect href="/dashboard/signin" />;
  const first = state.session.memberships[0];
  if (!first) return <NotFound />;
  return <Redirect href={scopedPath({ promoterId: first.promoterId, mode: 'test' })} />;
}
