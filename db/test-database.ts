import { openDatabase, type AppDatabase } from './client';

/** A fresh in-memory database with every migration applied, for unit and integration tests. */
export function createTestDatabase(): AppDatabase {
  return openDatabase(':memory:');
}
