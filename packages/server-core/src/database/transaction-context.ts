import { AsyncLocalStorage } from 'node:async_hooks';
import { type EntityManager } from 'typeorm';

// The transaction the current request (async context) is in, if any: what
// lets `Transactions.run` join an outer transaction instead of opening a
// second one, and lets the SQLite gate recognise a statement sent from inside
// the transaction that holds it (a repository used by mistake inside
// `run(...)`) and run it there instead of waiting for itself forever.
// Hand-written on AsyncLocalStorage: nestjs-cls would add three packages and a
// module for these few lines, and the gate needs the store outside Nest too.
const current = new AsyncLocalStorage<EntityManager>();

/** The transactional manager of the calling context, if it is inside `Transactions.run`. */
export function currentTransaction(): EntityManager | undefined {
  return current.getStore();
}

/** Runs `work` with `manager` as the calling context's transaction. */
export function withTransactionContext<T>(manager: EntityManager, work: () => T): T {
  return current.run(manager, work);
}
