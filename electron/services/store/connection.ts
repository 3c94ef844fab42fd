// The open workspace database with its prepared-statement cache. Every store module works through
// one of these, so a statement is prepared once per connection however many modules use it.
import type Database from 'better-sqlite3';

export class Connection {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  /** The prepared statement for `sql`, prepared on first use and kept until close. */
  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Runs `fn` in one transaction (a savepoint when nested); it takes the write lock up front. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.statements.clear();
  }
}
