// Next's cache (the route cache of the public summary pages and the unstable_cache data cache),
// kept in Redis so that several instances share it: next.config.js names this file as
// `cacheHandler` when REDIS_URL is set (docs/SCALING.md). Without REDIS_URL, Next keeps its own
// caches on the instance's disk and this file is not loaded.
//
// Written here over the `redis` client, following the handler interface Next documents (get, set,
// revalidateTag, resetRequestCache): the maintained package for it, @fortedigital/nextjs-cache-handler,
// needs Node 22 from its 3.x line, and this app runs on Node 20.
//
// Plain JavaScript: Next imports it by path at run time, outside its bundles.
//   - An entry is stored as JSON under `<prefix>entry:<key>`; Buffers and Maps (a page's RSC
//     payload and segments, a route's body) are tagged so they come back as they went in.
//   - Revalidating a tag records its time in the hash `<prefix>tags`; an entry stored before that
//     time (or in the RACE_WINDOW_MS after it, by a render that may have read the old data) is a
//     miss on every instance. The tag is then announced on the channel PUBLIC_CHANGE_CHANNEL, so
//     that each instance's copies of public responses (scripts/lib/public-cache.ts) are dropped
//     too, after the time is in Redis and not before.
//   - When Redis cannot be reached, every read is a miss (pages are rendered from the database)
//     and writes are dropped: never a stale answer, never a request waiting on Redis.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createClient } from "redis";

export const PUBLIC_CHANGE_CHANNEL = "compact-tracker:public-change";
/** A render that began before a revalidation may store its entry just after it: those too are misses. */
export const RACE_WINDOW_MS = 2_000;
/** Entries lapse from Redis after a day whatever their lifetime, so the store does not only grow. */
const MAX_TTL_SECONDS = 86_400;
const TAGS_HEADER = "x-next-cache-tags";

/**
 * JSON of a cache value, with Buffers and Maps kept.
 * @param {unknown} value
 * @returns {string}
 */
export function encodeEntry(value) {
  return JSON.stringify(value, function (key, item) {
    // `this[key]` is the value before Buffer's own toJSON ran.
    const original = /** @type {Record<string, unknown>} */ (this)[key];
    if (Buffer.isBuffer(original)) return { $buffer: original.toString("base64") };
    if (original instanceof Map) return { $map: [...original.entries()] };
    return item;
  });
}

/**
 * @param {string} text
 * @returns {any}
 */
export function decodeEntry(text) {
  return JSON.parse(text, (_key, item) => {
    if (item && typeof item === "object" && !Array.isArray(item)) {
      if (typeof item.$buffer === "string" && Object.keys(item).length === 1) return Buffer.from(item.$buffer, "base64");
      if (Array.isArray(item.$map) && Object.keys(item).length === 1) return new Map(item.$map);
    }
    return item;
  });
}

/**
 * Whether an entry stored at `lastModified` is out of date: one of its tags was revalidated after
 * it was stored, or so shortly before that the render may have read the old data.
 * @param {string[]} tags
 * @param {number} lastModified
 * @param {Record<string, number | undefined>} revalidatedAt tag → time it was revalidated (ms)
 * @param {number} now
 */
export function isOutOfDate(tags, lastModified, revalidatedAt, now) {
  return tags.some((tag) => {
    const at = revalidatedAt[tag];
    return at !== undefined && at <= now && lastModified < at + RACE_WINDOW_MS;
  });
}

/**
 * The tags an entry answers to: a page's or route's from its header, a data entry's from the
 * request and the entry.
 * @param {any} value
 * @param {any} ctx
 * @returns {string[]}
 */
export function tagsOf(value, ctx) {
  const tags = new Set();
  const header = value?.headers?.[TAGS_HEADER];
  if (typeof header === "string") for (const tag of header.split(",")) if (tag) tags.add(tag);
  for (const list of [ctx?.tags, ctx?.softTags, value?.tags]) if (Array.isArray(list)) for (const tag of list) tags.add(tag);
  return [...tags];
}

/** @param {string | undefined} serverDistDir */
function buildId(serverDistDir) {
  try {
    return readFileSync(path.join(serverDistDir ?? ".next/server", "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "unknown-build";
  }
}

/** @type {ReturnType<typeof createClient> | undefined} */
let client;

function redis() {
  if (!client) {
    client = createClient({
      url: process.env.REDIS_URL,
      // A command while disconnected fails at once instead of waiting in a queue: a request
      // must not hang on Redis.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
    });
    let reported = false;
    client.on("error", (error) => {
      if (!reported) console.error(`Redis cache: ${error.message}; pages are rendered from the database until it is back.`);
      reported = true;
    });
    client.on("ready", () => {
      if (reported) console.error("Redis cache: connected again.");
      reported = false;
      recordPending();
    });
    // Not awaited anywhere: it keeps trying until Redis answers, and until then every read is a
    // miss (an instance starts, and serves, while Redis is down).
    client.connect().catch(() => {});
  }
  return client;
}

/** Tags revalidated while Redis could not be reached, by prefix: recorded when it is back. */
const pending = new Map();

/**
 * Records the time of a revalidation and announces it to every instance. When Redis cannot be
 * reached the tags are kept and recorded when it is back: an entry that outlived the outage must
 * not be served as current.
 * @param {string} prefix
 * @param {string[]} tags
 */
async function recordRevalidation(prefix, tags) {
  const store = redis();
  const now = String(Date.now());
  try {
    await store.hSet(`${prefix}tags`, Object.fromEntries(tags.map((tag) => [tag, now])));
    await store.publish(PUBLIC_CHANGE_CHANNEL, JSON.stringify(tags));
  } catch (error) {
    const waiting = pending.get(prefix) ?? new Set();
    for (const tag of tags) waiting.add(tag);
    pending.set(prefix, waiting);
    console.error(`Redis cache: could not revalidate ${tags.join(", ")} (${/** @type {Error} */ (error).message}); will when Redis is back.`);
  }
}

function recordPending() {
  const waiting = [...pending.entries()];
  pending.clear();
  for (const [prefix, tags] of waiting) void recordRevalidation(prefix, [...tags]);
}

export default class RedisCacheHandler {
  /** @param {{ serverDistDir?: string, revalidatedTags?: string[] }} ctx */
  constructor(ctx) {
    this.prefix = `compact-tracker:${buildId(ctx.serverDistDir)}:`;
    this.revalidatedTags = ctx.revalidatedTags ?? [];
    redis();
  }

  /**
   * @param {string} key
   * @param {any} ctx
   */
  async get(key, ctx) {
    const store = redis();
    if (!store.isReady) return null;
    try {
      const text = await store.get(`${this.prefix}entry:${key}`);
      if (text === null) return null;
      const entry = decodeEntry(text);
      const tags = tagsOf(entry.value, ctx);
      if (tags.some((tag) => this.revalidatedTags.includes(tag))) return null;
      if (tags.length > 0) {
        const times = await store.hmGet(`${this.prefix}tags`, tags);
        /** @type {Record<string, number | undefined>} */
        const revalidatedAt = {};
        tags.forEach((tag, i) => {
          if (times[i] != null) revalidatedAt[tag] = Number(times[i]);
        });
        if (isOutOfDate(tags, entry.lastModified, revalidatedAt, Date.now())) return null;
      }
      return entry;
    } catch {
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    const store = redis();
    if (!store.isReady || !data) return;
    const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
    const entry = { value: data, lastModified: Date.now(), cacheControl };
    const expire = typeof cacheControl?.expire === "number" && cacheControl.expire > 0 ? cacheControl.expire : MAX_TTL_SECONDS;
    try {
      await store.set(`${this.prefix}entry:${key}`, encodeEntry(entry), { expiration: { type: "EX", value: Math.min(expire, MAX_TTL_SECONDS) } });
    } catch {
      // Not kept: the next request renders it again.
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = typeof tags === "string" ? [tags] : tags;
    if (list.length === 0) return;
    await recordRevalidation(this.prefix, list);
  }

  resetRequestCache() {}
}
