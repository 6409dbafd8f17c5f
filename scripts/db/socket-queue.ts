// Corrections to @electric-sql/pglite-socket 0.2.17, whose server multiplexes every client
// connection onto the one PGlite session:
// 1. It queues each protocol *message* on its own, so when two connections use the extended
//    query protocol at once (node-postgres does for every query with parameters: Parse, Bind,
//    Describe, Execute, Sync), their messages interleave and one connection's Bind meets the
//    other's Parse ("bind message supplies 3 parameters, but prepared statement requires 4").
//    We keep a connection's messages together until its Sync, as a PostgreSQL backend would,
//    and keep the queue going after a failed message.
// 2. Named prepared statements and portals live in that one shared session, so two connections
//    preparing the same name collide ("prepared statement ... already exists"; rate-limiter-
//    flexible names its statements). We give each connection its own namespace by prefixing
//    the names in its Parse, Bind, Describe, Execute and Close messages, and drop its
//    statements when it disconnects.
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { PGlite } from "@electric-sql/pglite";

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

interface QueryQueue {
  db: PGlite;
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

const SYNC = 0x53; // 'S': ends an extended-protocol batch
const QUERY = 0x51; // 'Q': a simple query stands alone
const TERMINATE = 0x58; // 'X'

/** Whether, after this message, the backend may serve another connection. */
function endsBatch(message: Uint8Array): boolean {
  const type = message[0];
  // Startup, SSL and cancel requests have no type byte: their first byte is the length's (0).
  return type === SYNC || type === QUERY || type === TERMINATE || type === 0;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function readName(message: Uint8Array, offset: number): [string, number] {
  const end = message.indexOf(0, offset);
  if (end === -1) throw new Error("Malformed protocol message: unterminated name");
  return [decoder.decode(message.subarray(offset, end)), end + 1];
}

/**
 * Prefixes the statement and portal names of one message; the unnamed ("") ones stay unnamed,
 * as they are per connection already (and kept together by the batching below).
 * Returns the message unchanged when it carries no names.
 */
export function namespaceMessage(message: Uint8Array, prefix: string, prepared?: Set<string>): Uint8Array {
  const type = String.fromCharCode(message[0] ?? 0);
  // Positions of the names in the message body, after the type byte and the length.
  const namesAt: Record<string, number> = { P: 1, B: 2, E: 1, D: 1, C: 1 };
  const count = namesAt[type];
  if (count === undefined) return message;
  let offset = type === "D" || type === "C" ? 6 : 5;
  const head: Uint8Array[] = [message.subarray(0, type === "D" || type === "C" ? 6 : 5)];
  for (let i = 0; i < count; i++) {
    const [name, next] = readName(message, offset);
    const isStatement = type === "P" || (type === "B" && i === 1) || ((type === "D" || type === "C") && message[5] === 0x53);
    const renamed = name === "" ? "" : `${prefix}${name}`;
    if (type === "P" && name !== "") prepared?.add(renamed);
    if (type === "C" && isStatement && name !== "") prepared?.delete(renamed);
    head.push(encoder.encode(renamed), new Uint8Array([0]));
    offset = next;
  }
  const parts = [...head, message.subarray(offset)];
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  new DataView(out.buffer).setInt32(1, length - 1);
  return out;
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function isolateConnections(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let batchOwner: number | null = null;
  const preparedBy = new Map<number, Set<string>>();

  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (handlerId, message, onData) => {
    let prepared = preparedBy.get(handlerId);
    if (!prepared) preparedBy.set(handlerId, (prepared = new Set()));
    return enqueue(handlerId, namespaceMessage(message, `c${handlerId}:`, prepared), onData);
  };

  const clearForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    if (batchOwner === handlerId) batchOwner = null;
    clearForHandler(handlerId);
    toDeallocate.push(...(preparedBy.get(handlerId) ?? []));
    preparedBy.delete(handlerId);
    void queue.processQueue();
  };

  // A gone connection's statements are dropped between batches, never inside another's.
  const toDeallocate: string[] = [];
  const dropStatementsOfGoneConnections = async () => {
    if (toDeallocate.length === 0 || batchOwner !== null || queue.db.isInTransaction()) return;
    const sql = toDeallocate.map((name) => `DEALLOCATE ${quoteIdentifier(name)};`).join("\n");
    toDeallocate.length = 0;
    await queue.db.exec(sql).catch(() => {});
  };

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      await dropStatementsOfGoneConnections();
      while (this.queue.length > 0) {
        // A connection inside a transaction, or inside an unfinished batch, keeps the backend.
        const owner = batchOwner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) break; // wait for the owner's next message
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          this.lastHandlerId = item.handlerId;
          batchOwner = endsBatch(item.message) ? null : item.handlerId;
          item.resolve(bytes);
          await dropStatementsOfGoneConnections();
        } catch (error) {
          batchOwner = null;
          item.reject(error);
        }
      }
    } finally {
      this.processing = false;
    }
  }.bind(queue);
}
