import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { CustomerRow, Stats, TimelineEntry } from '../api/types';

/** What the dashboard hub pushes, by method name. */
export interface LiveEvents {
  statsChanged: Stats;
  customerChanged: CustomerRow;
  customerRemoved: { id: string };
  needsAttention: CustomerRow;
  opportunity: CustomerRow;
  customerMerged: { survivorId: string; duplicateId: string };
  timelineAppended: { customerId: string; entries: TimelineEntry[] };
  /** Not a hub method: raised after every (re)connection, since pushes sent while disconnected were missed. */
  resync: undefined;
  /**
   * Not a hub method: the hub now pushes changes of these customers, which it did not before. Whoever read them before
   * that rereads them, since a change made in between was pushed to no one.
   */
  watched: { ids: string[] };
}

export type LiveEventName = keyof LiveEvents;

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

const hubMethods: Exclude<LiveEventName, 'resync' | 'watched'>[] = [
  'statsChanged',
  'customerChanged',
  'customerRemoved',
  'needsAttention',
  'opportunity',
  'customerMerged',
  'timelineAppended',
];

const retryDelaysMs = [0, 1000, 2000, 5000, 10000];

/** The hub takes at most this many ids in one watchCustomers call. */
const maxWatchedRows = 500;

/** Scrolling changes the rows in view many times a second; the hub hears of it at most this often. */
const watchThrottleMs = 150;

function retryDelay(attempt: number): number {
  return retryDelaysMs[Math.min(attempt, retryDelaysMs.length - 1)]!;
}

/**
 * The dashboard's one connection to `/hubs/dashboard`. It keeps trying to connect for as long as the dashboard is open,
 * re-follows the customers being watched after every reconnection, and hands pushes to whoever subscribed.
 */
export class LiveConnection {
  private readonly key: string;
  private readonly handlers = new Map<LiveEventName, Set<(payload: never) => void>>();
  private readonly statusListeners = new Set<() => void>();
  private readonly followed = new Map<string, number>();
  private readonly watchers = new Map<string, string[]>();
  private watchTimer: ReturnType<typeof setTimeout> | undefined;
  private lastWatchSent = 0;
  /** What the hub confirmed it pushes rows of on this connection; null while it still pushes every row. */
  private hubWatches: ReadonlySet<string> | null = null;
  private connection: HubConnection | null = null;
  private status: ConnectionStatus = 'connecting';
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private running = false;

  constructor(key: string) {
    this.key = key;
  }

  start(): void {
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.watchTimer);
    this.watchTimer = undefined;
    const connection = this.connection;
    this.connection = null;
    void connection?.stop();
  }

  getStatus = (): ConnectionStatus => this.status;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  on<K extends LiveEventName>(name: K, handler: (payload: LiveEvents[K]) => void): () => void {
    const set = this.handlers.get(name) ?? new Set();
    this.handlers.set(name, set);
    set.add(handler as (payload: never) => void);
    return () => set.delete(handler as (payload: never) => void);
  }

  /** Counted, so that two views of one customer can follow it and leave independently. */
  follow(id: string): void {
    const count = (this.followed.get(id) ?? 0) + 1;
    this.followed.set(id, count);
    if (count === 1) {
      this.invoke('followCustomer', id);
    }
  }

  unfollow(id: string): void {
    const count = (this.followed.get(id) ?? 0) - 1;
    if (count > 0) {
      this.followed.set(id, count);
      return;
    }
    this.followed.delete(id);
    this.invoke('unfollowCustomer', id);
  }

  /**
   * Narrows row pushes to the customers the dashboard shows: the union of every watcher's ids (the list's rows in view,
   * an open profile). Until anything watches, the hub sends every row change of the workspace. The first change of view
   * goes out at once, scrolling after it at most every `watchThrottleMs`; rows a confirmed watch added to a narrowed set
   * are announced as `watched`, since a change made before the hub watched them was pushed to no one.
   */
  watch(watcher: string, ids: string[]): void {
    this.watchers.set(watcher, ids);
    this.sendWatchedSoon();
  }

  unwatch(watcher: string): void {
    this.watchers.delete(watcher);
    this.sendWatchedSoon();
  }

  private sendWatchedSoon(): void {
    if (this.watchTimer !== undefined) {
      return;
    }
    const wait = this.lastWatchSent + watchThrottleMs - Date.now();
    if (wait <= 0) {
      this.sendWatched();
      return;
    }
    this.watchTimer = setTimeout(() => {
      this.watchTimer = undefined;
      this.sendWatched();
    }, wait);
  }

  private sendWatched(): void {
    const ids = [...new Set([...this.watchers.values()].flat())].slice(0, maxWatchedRows);
    // Nothing in view yet (a list still loading) keeps what the hub sends now rather than asking for no rows at all.
    if (ids.length > 0 && this.connection?.state === HubConnectionState.Connected) {
      this.lastWatchSent = Date.now();
      const connection = this.connection;
      // A refused watch leaves the previous set in place: rows may miss a push until the next change of view.
      connection.invoke('watchCustomers', ids).then(() => this.watchConfirmed(connection, ids), () => undefined);
    }
  }

  private watchConfirmed(connection: HubConnection, ids: string[]): void {
    if (connection !== this.connection) {
      return;
    }
    const before = this.hubWatches;
    this.hubWatches = new Set(ids);
    const added = before === null ? [] : ids.filter((id) => !before.has(id));
    if (added.length > 0) {
      this.emit('watched', { ids: added } as never);
    }
  }

  private connect(): void {
    const connection = new HubConnectionBuilder()
      // WebSockets straight away, without the negotiate request: one request, one connection, so any node behind a load
      // balancer can take it and no sticky sessions are needed.
      .withUrl('/hubs/dashboard', {
        accessTokenFactory: () => this.key,
        transport: HttpTransportType.WebSockets,
        skipNegotiation: true,
      })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelay(context.previousRetryCount) })
      .configureLogging(LogLevel.Warning)
      .build();
    for (const method of hubMethods) {
      connection.on(method, (payload: never) => this.emit(method, payload));
    }
    connection.onreconnecting(() => this.setStatus('reconnecting'));
    connection.onreconnected(() => this.connected());
    connection.onclose(() => {
      if (this.running && this.connection === connection) {
        this.setStatus('reconnecting');
        this.retry();
      }
    });
    this.connection = connection;
    connection.start().then(
      () => this.connected(),
      () => {
        if (this.running && this.connection === connection) {
          this.setStatus(this.attempts === 0 ? 'offline' : this.status);
          this.retry();
        }
      },
    );
  }

  private retry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.running && this.connect(), retryDelay(++this.attempts));
  }

  private connected(): void {
    this.attempts = 0;
    this.hubWatches = null;
    this.setStatus('live');
    for (const id of this.followed.keys()) {
      this.invoke('followCustomer', id);
    }
    this.sendWatched();
    this.emit('resync', undefined as never);
  }

  private invoke(method: 'followCustomer' | 'unfollowCustomer', id: string): void {
    if (this.connection?.state === HubConnectionState.Connected) {
      // A failed follow only costs live timeline entries; the next reconnection follows again.
      this.connection.invoke(method, id).catch(() => undefined);
    }
  }

  private emit(name: LiveEventName, payload: never): void {
    this.handlers.get(name)?.forEach((handler) => handler(payload));
  }

  private setStatus(status: ConnectionStatus): void {
    if (status !== this.status) {
      this.status = status;
      this.statusListeners.forEach((listener) => listener());
    }
  }
}
