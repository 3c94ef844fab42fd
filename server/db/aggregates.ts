// Sums that read back as JavaScript integers on both stores (PostgreSQL's sum(bigint) is numeric).
import { sql, type RawBuilder } from 'kysely';

export function sumInt(column: string): RawBuilder<number> {
  return sql<number>`cast(coalesce(sum(${sql.ref(column)}), 0) as bigint)`;
}
