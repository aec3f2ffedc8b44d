/**
 * Adapts the Store's state tables to botbuilder's Storage contract, so conversation, user and dialog state
 * live in the same database as everything else (and survive restarts). eTag conflicts surface as the
 * same error botbuilder's own storages raise.
 */
import type { Storage, StoreItems } from 'botbuilder';
import type { StateItem, Store } from '../storage/store';

export class StoreStorage implements Storage {
  constructor(private readonly store: Store) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.store.readState(keys);
  }

  write(changes: StoreItems): Promise<void> {
    return this.store.writeState(changes as Record<string, StateItem>);
  }

  delete(keys: string[]): Promise<void> {
    return this.store.deleteState(keys);
  }
}
