import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol.js';
import { Connection } from './connection.js';
import { ClientIds, newClientIdLimit } from './clientIds.js';
import { GroupCommit } from './groupCommit.js';
import { HEARTBEAT, Heartbeat, type HeartbeatOptions } from './heartbeat.js';
import { Room } from './room.js';
import type { PeerInfo, Socket, SyncHooks } from './types.js';

export interface RegistryOptions {
  /** How long a document stays loaded after its last connection left. */
  idleUnloadMs: number;
  /** Pings to every connection (HEARTBEAT by default). */
  heartbeat?: HeartbeatOptions;
}

/**
 * The loaded documents of one server. Created per app (no module-level state), so that two
 * servers can run in one process. A document is loaded on first use and unloaded when it has
 * been idle for `idleUnloadMs`.
 */
export class RoomRegistry<P extends PeerInfo> {
  private readonly rooms = new Map<string, Promise<Room<P>>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly groupCommit: GroupCommit<P>;
  /** Every open connection of every room, for the heartbeat. */
  private readonly live = new Set<Connection<P>>();
  private readonly heartbeat: Heartbeat;
  /** New Yjs client ids per user, across the rooms of this server. */
  private readonly newClientIds = newClientIdLimit();

  constructor(
    private readonly hooks: SyncHooks<P>,
    private readonly options: RegistryOptions,
  ) {
    this.groupCommit = new GroupCommit(hooks);
    this.heartbeat = new Heartbeat(options.heartbeat ?? HEARTBEAT, () => this.live);
  }

  /** The loaded room, loading it if needed. Concurrent callers share one load. */
  get(name: string): Promise<Room<P>> {
    this.cancelUnload(name);
    let room = this.rooms.get(name);
    if (!room) {
      room = Promise.all([this.hooks.loadDocument(name), this.hooks.loadClientOwners?.(name)]).then(([loaded, owners]) => {
        const { doc, stored } = loaded instanceof Y.Doc ? { doc: loaded, stored: null } : loaded;
        return new Room(name, doc, this.hooks, this.groupCommit, new ClientIds(owners ?? new Map(), this.newClientIds, name), stored);
      });
      room.catch(() => this.rooms.delete(name));
      this.rooms.set(name, room);
    }
    return room;
  }

  /**
   * Runs `fn` on the loaded room (loading it if needed) and releases it afterwards, also when
   * `fn` throws: the one way for a command to use a document.
   */
  async use<T>(name: string, fn: (room: Room<P>) => Promise<T> | T): Promise<T> {
    const room = await this.get(name);
    try {
      return await fn(room);
    } finally {
      this.release(room);
    }
  }

  /** Whether a document is loaded right now (for tests and metrics). */
  isLoaded(name: string): boolean {
    return this.rooms.has(name);
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Attaches a socket to a document and starts the sync. */
  async connect(name: string, socket: Socket, peer: P): Promise<Connection<P>> {
    const room = await this.get(name);
    // Another connection's id is theirs; an id new to this connection must also be news to the
    // room (a newer clock than the room has seen), or it is a stale echo of someone who left.
    const mayUseClientId = (clientId: number, clock: number) =>
      ![...room.connections].some((other) => other !== connection && other.clientIds.has(clientId)) &&
      (connection.clientIds.has(clientId) || clock > (room.awareness.meta.get(clientId)?.clock ?? 0));
    const connection: Connection<P> = new Connection(room, socket, peer, mayUseClientId, (closed) => this.disconnect(room, closed));
    room.connections.add(connection);
    this.live.add(connection);
    this.heartbeat.start();
    connection.open();
    return connection;
  }

  /**
   * Graceful shutdown: closes every connection (1001, so clients reconnect to the next server),
   * waits until every update already received is committed, then unloads (and compacts) all.
   */
  async drain(code: number = CLOSE.goingAway, reason = 'server shutting down'): Promise<void> {
    this.heartbeat.stop();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const rooms = (await Promise.allSettled([...this.rooms.values()])).flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    for (const room of rooms) for (const connection of [...room.connections]) connection.close(code, reason);
    for (const room of rooms) {
      while (room.busy) await new Promise((resolve) => setImmediate(resolve));
      await this.unload(room);
    }
  }

  /** Closes every connection whose peer matches, e.g. all sockets of a session that logged out. */
  async closeWhere(predicate: (peer: P) => boolean, code: number, reason: string): Promise<void> {
    const rooms = (await Promise.allSettled([...this.rooms.values()])).flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    for (const room of rooms) for (const connection of [...room.connections]) if (predicate(connection.peer)) connection.close(code, reason);
  }

  private disconnect(room: Room<P>, connection: Connection<P>) {
    room.connections.delete(connection);
    this.live.delete(connection);
    if (this.live.size === 0) this.heartbeat.stop();
    awarenessProtocol.removeAwarenessStates(room.awareness, [...connection.clientIds], null);
    if (room.connections.size === 0) this.scheduleUnload(room);
  }

  /** Schedules unloading a room that nobody uses (see use()). */
  private release(room: Room<P>) {
    if (room.connections.size === 0) this.scheduleUnload(room);
  }

  private scheduleUnload(room: Room<P>) {
    this.cancelUnload(room.name);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.name);
      if (room.connections.size > 0) return;
      if (room.busy) return this.scheduleUnload(room);
      void this.unload(room);
    }, this.options.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(room.name, timer);
  }

  private cancelUnload(name: string) {
    const timer = this.unloadTimers.get(name);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(name);
  }

  private async unload(room: Room<P>) {
    if (this.rooms.get(room.name) === undefined) return;
    this.rooms.delete(room.name);
    try {
      await this.hooks.beforeUnload?.(room);
    } catch (error: unknown) {
      this.hooks.log('unload-failed', { document: room.name, error: String(error) });
    }
    room.destroy();
  }
}
