// A correction to @electric-sql/pglite-socket 0.2.17, whose server multiplexes every client
// connection onto the one PGlite. It queues each protocol *message* on its own, so when two
// connections use the extended query protocol at once (node-postgres does for every query with
// parameters: Parse, Bind, Describe, Execute, Sync), their messages interleave and one
// connection's Bind meets the other's Parse ("bind message supplies 3 parameters, but prepared
// statement requires 4"). This keeps a connection's messages together until its Sync, as a real
// PostgreSQL backend would, and keeps the queue going after a failed message.
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

export function keepExtendedQueriesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let batchOwner: number | null = null;

  const clearForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    if (batchOwner === handlerId) batchOwner = null;
    clearForHandler(handlerId);
    void queue.processQueue();
  };

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
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
