// Reading invoices. Invoices are written once by cycle closing and never changed.
import { Invoice as InvoiceSchema, InvoiceLine, type Invoice } from '../../shared/billing/api.js';
import type { InvoiceRow } from '../db/schema.js';
import type { Db, Tx } from '../db/transaction.js';

export async function invoiceExists(db: Db | Tx, teamId: string, cycleStart: string): Promise<boolean> {
  const row = await db.selectFrom('invoices').select('id').where('team_id', '=', teamId).where('cycle_start', '=', cycleStart).executeTakeFirst();
  return row !== undefined;
}

export function toInvoice(row: InvoiceRow): Invoice {
  return InvoiceSchema.parse({
    id: row.id,
    teamId: row.team_id,
    cycle: { start: row.cycle_start, end: row.cycle_end },
    currency: row.currency,
    totalMinor: row.total_minor,
    status: 'final',
    issuedAt: row.issued_at,
    lines: InvoiceLine.array().parse(JSON.parse(row.lines)),
  });
}

/** Newest cycle first. */
export async function listInvoices(db: Db, teamId: string): Promise<Invoice[]> {
  const rows = await db.selectFrom('invoices').selectAll().where('team_id', '=', teamId).orderBy('cycle_start', 'desc').execute();
  return rows.map(toInvoice);
}

export async function findInvoice(db: Db, teamId: string, id: string): Promise<Invoice | undefined> {
  const row = await db.selectFrom('invoices').selectAll().where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
  return row ? toInvoice(row) : undefined;
}
