// Rooms shared between relays through Redis, surviving Redis going away. Hocuspocus' Redis
// extension assumes Redis is always there: with Redis stopped, its publishes and locks reject
// unhandled after ioredis' retries and the relay process exits. Here each relay keeps serving
// its own clients while Redis is gone (changes are published again when it is back), rooms
// are still stored (without the lock, which only avoids double work), and on reconnection
// every open room asks the other relays for what it missed at once.
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { afterLoadDocumentPayload, Hocuspocus, onStoreDocumentPayload } from '@hocuspocus/server';
import IORedis from 'ioredis';

interface Internals {
  pub: IORedis;
  sub: IORedis;
  instance?: Hocuspocus;
  subKey(name: string): string;
  publishFirstSyncStep(name: string, document: unknown): Promise<unknown>;
  requestAwarenessFromOtherInstances(name: string): Promise<unknown>;
}

export interface RedisOptions {
  host: string;
  port: number;
  prefix: string;
  /** Told when the connection to Redis goes or comes back (the relay prints it). */
  onStatus?: (up: boolean) => void;
}

export class SturdyRedis extends RedisExtension {
  /** Whether Redis answered last (for `/health`). */
  up = true;

  constructor({ host, port, prefix, onStatus }: RedisOptions) {
    super({
      prefix,
      createClient: () =>
        new IORedis(port, host, {
          // ioredis 5.8 sends CLIENT SETINFO after SUBSCRIBE on the subscriber connection, which
          // Redis refuses, and the room never subscribes (redis/ioredis#2037).
          disableClientInfo: true,
          // A command fails soon while Redis is away (and is caught), rather than piling up.
          maxRetriesPerRequest: 1,
          retryStrategy: (times) => Math.min(times * 200, 2000),
        }),
    });
    const self = this as unknown as Internals;
    for (const client of [self.pub, self.sub]) {
      client.on('error', () => {
        if (!this.up) return;
        this.up = false;
        onStatus?.(false);
      });
    }
    // Publishing is best effort: what is not published now is asked for on reconnection.
    const publish = self.pub.publish.bind(self.pub) as (...args: unknown[]) => Promise<number>;
    self.pub.publish = ((...args: unknown[]) => publish(...args).catch(() => 0)) as IORedis['publish'];
    self.sub.on('ready', () => {
      if (this.up) return;
      this.up = true;
      onStatus?.(true);
      void this.catchUp();
    });
  }

  /** Every open room subscribed again, and asking the other relays for what it missed. */
  private async catchUp(): Promise<void> {
    const self = this as unknown as Internals;
    for (const [name, document] of self.instance?.documents ?? []) {
      try {
        await new Promise<void>((resolve, reject) => self.sub.subscribe(self.subKey(name), (error) => (error ? reject(error) : resolve())));
        await self.publishFirstSyncStep(name, document);
        await self.requestAwarenessFromOtherInstances(name);
      } catch {
        // Redis went again: the next reconnection tries again.
      }
    }
  }

  /** A room opened while Redis is away still opens (it is subscribed on reconnection). */
  override async afterLoadDocument(data: afterLoadDocumentPayload): Promise<void> {
    try {
      await super.afterLoadDocument(data);
    } catch {
      // Served by this relay alone until Redis is back.
    }
  }

  /** Rooms whose store this time is another relay's to make: it holds the lock. */
  private readonly elsewhere = new WeakSet<object>();

  /** Whether `document`'s store now is left to the relay that holds its lock (this relay's own store then does nothing). */
  storedElsewhere(document: object): boolean {
    return this.elsewhere.has(document);
  }

  /**
   * Take the room's lock before it is stored. Without Redis, a room is stored without the lock
   * (which only keeps two relays from storing at once). When another relay holds it, that relay
   * stores: said through `storedElsewhere`, not by the extension's silent error, which stops
   * the store too but which Hocuspocus prints with a stack trace on every such race.
   */
  override async onStoreDocument(data: onStoreDocumentPayload): Promise<void> {
    this.elsewhere.delete(data.document);
    const self = this as unknown as Internals;
    if (self.pub.status !== 'ready') return;
    try {
      await super.onStoreDocument(data);
    } catch (error) {
      if (error instanceof Error && error.message === '' && error.cause) this.elsewhere.add(data.document);
    }
  }
}
