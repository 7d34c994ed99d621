/**
 * Talking to the server: fetch for queries and mutations (the session
 * cookie rides along, the app never sees a token), graphql-ws for live
 * events, with a connection state the shell shows.
 */
import { createClient, type Client } from 'graphql-ws';
import { language } from '../i18n';
import { backoffDelay } from '../lib/backoff';
import { requestPayload, type TypedDocument } from './document';

const GRAPHQL_PATH = '/graphql';
/** Close code the server uses for a socket without a valid session. */
export const UNAUTHORIZED_CLOSE_CODE = 4401;
/** Close reason when the session ended while the socket was open (sign-out elsewhere). */
export const SESSION_ENDED_REASON = 'Session ended';

export type RequestErrorKind = 'network' | 'unauthenticated' | 'server';

/**
 * A request that did not give data: no network, the session is gone, or the
 * server answered with GraphQL errors (`code` is the first one's
 * `extensions.code`). Typed refusals are not errors: they come back as
 * members of the mutation's result union.
 */
export class RequestError extends Error {
  constructor(
    readonly kind: RequestErrorKind,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

// ------------------------------------------------------------ session loss

type Listener = () => void;
/** `ended`: the server closed the socket because the session was ended (from another device,
 * or by a manager); `expired`: the session was found gone. */
export type SessionLoss = 'expired' | 'ended';
type LossListener = (loss: SessionLoss) => void;
const unauthenticatedListeners = new Set<LossListener>();

/** Called when the server says the session is gone (HTTP or socket); the app routes to /login. */
export function onUnauthenticated(listener: LossListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function sessionLost(loss: SessionLoss = 'expired'): void {
  for (const listener of [...unauthenticatedListeners]) listener(loss);
}

// ------------------------------------------------------------------- HTTP

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function request<TData, TVariables>(
  document: TypedDocument<TData, TVariables>,
  variables?: TVariables,
  options: { signal?: AbortSignal } = {},
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        // Server-side messages (UserError.message) come back in the UI's language.
        'accept-language': language,
      },
      body: JSON.stringify(requestPayload(document, variables)),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new RequestError('network', String(error));
  }

  let payload: GraphQLResponse<TData>;
  try {
    payload = (await response.json()) as GraphQLResponse<TData>;
  } catch {
    // A proxy's HTML error page or an empty 502: the server is not there.
    throw new RequestError(response.status >= 500 ? 'network' : 'server', `HTTP ${response.status}`);
  }

  const errors = payload.errors ?? [];
  if (errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED') || response.status === 401) {
    sessionLost();
    throw new RequestError('unauthenticated', errors[0]?.message ?? 'UNAUTHENTICATED', 'UNAUTHENTICATED');
  }
  if (errors.length > 0 || payload.data == null) {
    const message = errors.map((error) => error.message).join('; ') || `HTTP ${response.status}`;
    throw new RequestError('server', message, errors[0]?.extensions?.code ?? null);
  }
  return payload.data;
}

// ----------------------------------------------------------------- socket

export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

type StateListener = (state: ConnectionState) => void;
const stateListeners = new Set<StateListener>();
const connectedListeners = new Set<Listener>();
let connectionState: ConnectionState = 'idle';
let socketClient: Client | null = null;

function setConnectionState(next: ConnectionState): void {
  const effective = next !== 'connected' && next !== 'idle' && isOffline() ? 'offline' : next;
  if (effective === connectionState) return;
  connectionState = effective;
  for (const listener of [...stateListeners]) listener(effective);
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

export function getConnectionState(): ConnectionState {
  return connectionState;
}

export function onConnectionState(listener: StateListener): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/** Every (re)connection: subscribers refetch what they may have missed while away. */
export function onConnected(listener: Listener): () => void {
  connectedListeners.add(listener);
  return () => connectedListeners.delete(listener);
}

function socketUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${GRAPHQL_PATH}`;
}

/** Sleeps for the back-off delay, but wakes at once when the device comes back online. */
function waitBeforeRetry(attempt: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, backoffDelay(attempt, { baseMs: 1000, maxMs: 30_000 }));
    window.addEventListener('online', done);
  });
}

function isCloseEvent(value: unknown): value is { code: number; reason?: string } {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'number';
}

// what the socket says it is in `connection_init`: nothing (the cookie is the session), or a
// showroom screen's kiosk link (server.challenges.kiosk), which opens its one board read-only
let connectionParams: Record<string, string> | undefined;

/** A kiosk screen: the socket authenticates with its kiosk token instead of a session. */
export function setKioskConnection(token: string): void {
  if (connectionParams?.kiosk === token) return;
  connectionParams = { kiosk: token };
  resetLiveConnection();
}

function socket(): Client {
  if (socketClient) return socketClient;
  const client = createClient({
    url: socketUrl,
    connectionParams: () => connectionParams ?? {},
    lazy: true,
    retryAttempts: Infinity,
    // Any failure but a refused session is worth another try; 4401 never reaches here.
    shouldRetry: () => true,
    retryWait: waitBeforeRetry,
    keepAlive: 20_000,
    on: {
      connecting: (isRetry) => setConnectionState(isRetry ? 'reconnecting' : 'connecting'),
      connected: () => {
        setConnectionState('connected');
        for (const listener of [...connectedListeners]) listener();
      },
      closed: (event) => {
        if (socketClient !== client) return;
        if (isCloseEvent(event) && event.code === UNAUTHORIZED_CLOSE_CODE) {
          setConnectionState('idle');
          sessionLost(event.reason === SESSION_ENDED_REASON ? 'ended' : 'expired');
        } else if (isCloseEvent(event) && event.code === 1000) {
          // Lazy close once the last subscription ended.
          setConnectionState('idle');
        } else {
          setConnectionState('reconnecting');
        }
      },
    },
  });
  socketClient = client;
  return client;
}

export interface SubscriptionHandlers<TData> {
  next: (data: TData) => void;
}

/**
 * Subscribes until the returned function is called. graphql-ws retries lost
 * connections forever and sends the subscription again; when the server
 * ends it with an error instead, it is started again after a back-off. A
 * refused session (4401) ends it for good: the app is routing to /login.
 */
export function subscribe<TData, TVariables>(
  document: TypedDocument<TData, TVariables>,
  variables: TVariables | undefined,
  handlers: SubscriptionHandlers<TData>,
): () => void {
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe = () => {};

  const start = () => {
    unsubscribe = socket().subscribe<TData>(
      requestPayload(document, variables),
      {
        next: (result) => {
          attempt = 0;
          if (result.data) handlers.next(result.data);
        },
        error: (error) => {
          if (stopped || (isCloseEvent(error) && error.code === UNAUTHORIZED_CLOSE_CODE)) return;
          timer = setTimeout(start, backoffDelay(attempt++, { baseMs: 1000, maxMs: 30_000 }));
        },
        complete: () => undefined,
      },
    );
  };
  start();

  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}

/** After sign-out or sign-in, the next socket must carry the new cookie. */
export function resetLiveConnection(): void {
  const client = socketClient;
  socketClient = null;
  setConnectionState('idle');
  void client?.dispose();
}

if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => {
    if (connectionState !== 'idle') setConnectionState('offline');
  });
  window.addEventListener('online', () => {
    if (connectionState === 'offline') setConnectionState('reconnecting');
  });
}
