import "server-only";
import { getPool } from "./db";

/**
 * Where every rate limit keeps its counts (rate-limiter-flexible's RateLimiterPostgres): the
 * auth_rate_limit table the migrations create, shared by every instance. Each limiter adds its
 * own keyPrefix (account, address, refusal).
 */
export const rateLimitStore = () => ({ storeClient: getPool(), storeType: "pool", tableName: "auth_rate_limit", tableCreated: true }) as const;
