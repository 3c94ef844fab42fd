// Every migration, by name, in order. Imported statically (never read from disk at run time) so
// the server survives bundling into one file.
import type { Migration } from 'kysely';
import * as initial from './2026_11_24_001_initial.js';
import * as notificationReadState from './2026_11_25_001_notification_read_state.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026_11_24_001_initial': initial,
  '2026_11_25_001_notification_read_state': notificationReadState,
};

export const FIRST_MIGRATION = '2026_11_24_001_initial';
