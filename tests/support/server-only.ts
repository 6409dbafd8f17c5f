// Stands in for the "server-only" package under vitest, where every module is server code.
export {};
