export function findElectron(): { executable: string | null; reason: string | null };
export function ensureElectronSqlite(root: string): string;
