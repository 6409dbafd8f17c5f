// With REDIS_URL, several instances share one cache (lib/cache/redis-cache-handler.js). Each
// instance's copies of public responses (./public-cache.ts) must then be dropped when any
// instance publishes a release: the cache handler announces every revalidated tag on a Redis
// channel, and this listener, in each production server, turns the announcement into the local
// signal the copies already obey (lib/releases/epoch.ts).
//
// An instance that cannot hear the channel cannot know its copies are current: while the
// subscription is down it serves none, and on reconnecting it drops them all.
import { createClient } from "redis";
import { PUBLIC_CHANGE_CHANNEL } from "../../lib/cache/redis-cache-handler.js";
import { announcePublicChange } from "../../lib/releases/epoch";

export interface PublicChangeListener {
  /** True while announcements can reach this instance: only then may copies be served. */
  listening(): boolean;
  close(): Promise<void>;
}

/**
 * @param onChange called for each announcement heard; it must call announcePublicChange (the
 *   production server first notes which copies it held, to render them again at once).
 */
export function listenForPublicChanges(url: string, onChange: () => void = announcePublicChange): PublicChangeListener {
  let subscribed = false;
  const subscriber = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  });
  let reported = false;
  let asked = false;
  subscriber.on("error", (error: Error) => {
    subscribed = false;
    if (!reported) console.error(`Public copies: not listening to Redis (${error.message}); serving none until it is back.`);
    reported = true;
  });
  subscriber.on("end", () => (subscribed = false));
  subscriber.on("ready", () => {
    // Whatever was announced while this instance could not hear is lost: drop every copy.
    announcePublicChange();
    if (reported) console.error("Public copies: listening to Redis again.");
    reported = false;
    if (asked) {
      subscribed = true; // the client subscribes again by itself after a reconnection
      return;
    }
    asked = true;
    subscriber
      .subscribe(PUBLIC_CHANGE_CHANNEL, () => onChange())
      .then(
        () => (subscribed = true),
        (error: Error) => {
          asked = false; // asked again at the next connection
          console.error(`Public copies: could not subscribe (${error.message}).`);
        },
      );
  });
  // Not awaited: it keeps trying until Redis answers, and the server starts meanwhile (serving no copies).
  subscriber.connect().catch(() => {});
  return {
    listening: () => subscribed && subscriber.isReady,
    close: async () => {
      subscribed = false;
      await subscriber.close().catch(() => {});
    },
  };
}
