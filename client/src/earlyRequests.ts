import type { CurrentUser } from '../../shared/accounts/types.js';
import type { AgreementDetail } from '../../shared/api.js';
import { api } from './api.js';
import type { Connection } from './collab/connection.js';
import type { Route } from './router.js';
import { hasSessionHint } from './session.js';
import { templatesApi } from './templates/templatesApi.js';

/**
 * Requests the first page is sure to make, started as soon as the main script runs: without them
 * the page asked for the session after React's first render, for the agreement after its lazily
 * loaded code had run, and for the template after the agreement had answered, one after the other;
 * the websocket opened only once the page had rendered.
 * Each is taken once, by the code that would otherwise have started it; what is not taken is
 * dropped when the user navigates, so a later visit never gets an old answer.
 */
const started = new Map<string, Promise<unknown>>();

function startEarly(key: string, load: () => Promise<unknown>): void {
  const promise = load();
  // The page that would take it may never come (the session ended): no unhandled rejection.
  promise.catch(() => {});
  started.set(key, promise);
}

/** The request started early for `key`, once; undefined when there is none (load it now). */
export function takeEarly<T>(key: string): Promise<T> | undefined {
  const promise = started.get(key) as Promise<T> | undefined;
  started.delete(key);
  return promise;
}

/** The agreement's connection, opened once the server has answered that we may open it, until the page takes it. */
interface EarlyConnection {
  agreementId: string;
  username: string;
  connection: Connection | null;
  /** Cleared when the page took it (or opened its own) or the user left: a late open is skipped. */
  wanted: boolean;
}

let earlyConnection: EarlyConnection | null = null;

/** The connection opened early for this agreement and user, once; null when there is none (open one now). */
export function takeEarlyConnection(agreementId: string, username: string): Connection | null {
  const early = earlyConnection;
  earlyConnection = null;
  if (!early) return null;
  early.wanted = false;
  if (early.agreementId === agreementId && early.username === username) return early.connection;
  early.connection?.destroy();
  return null;
}

/** The user went elsewhere: what the first page did not take is no longer wanted. */
export function dropEarly(): void {
  started.clear();
  if (earlyConnection) {
    earlyConnection.wanted = false;
    earlyConnection.connection?.destroy();
    earlyConnection = null;
  }
}

export const earlyKeys = {
  session: 'session',
  agreement: (id: string) => `agreement:${id}`,
  template: (version: string) => `template:${version}`,
};

/**
 * Starts what the page at `route` needs first: the session, and on an agreement its data and
 * template. False when there is no session to ask for.
 */
export function startEarlyRequests(route: Route): boolean {
  // Without the hint no session can exist, and App asks for none (see App.tsx).
  if (!hasSessionHint()) return false;
  const session = api.session();
  startEarly(earlyKeys.session, () => session);
  if (route.page !== 'agreement') return true;
  const agreement = api.agreement(route.id);
  startEarly(earlyKeys.agreement(route.id), async () => {
    const detail = await agreement;
    startEarly(earlyKeys.template(detail.templateVersion), () => templatesApi.detail(detail.templateVersion));
    return detail;
  });
  connectEarly(route.id, session, agreement);
  return true;
}

/**
 * Opens the agreement's websocket as soon as the server has said we may open the agreement and
 * who we are (the browser keeps unsaved changes under the user's name): the first sync then runs
 * while the page's code and template are still being prepared.
 */
function connectEarly(agreementId: string, session: Promise<CurrentUser>, agreement: Promise<AgreementDetail>): void {
  const early: EarlyConnection = { agreementId, username: '', connection: null, wanted: true };
  earlyConnection = early;
  Promise.all([session, agreement, import('./collab/connection.js')]).then(
    ([user, , { openConnection }]) => {
      if (!early.wanted) return;
      early.username = user.username;
      early.connection = openConnection(agreementId, user.username);
    },
    () => {
      // The page reports what failed when it asks again.
    },
  );
}
