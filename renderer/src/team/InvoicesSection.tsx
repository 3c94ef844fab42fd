// Invoices (billing users): one per closed cycle, each with its lines — seats, the AI add-on and
// one team-level "AI credit usage" line — quantity, unit price and amount.
import { useState } from 'react';
import type { Invoice } from '../../../shared/billing/api';
import { formatCycle, formatExactMoney, formatMoney, formatUnitPrice } from '../credits/format';
import { rpc } from '../rpc';
import { RefreshButton, RemoteError } from './RemoteStatus';
import { useRemote } from './useRemote';

const KIND_LABELS: Record<Invoice['lines'][number]['kind'], string> = {
  seats: 'Seats',
  ai_addon: 'AI add-on',
  ai_credit_usage: 'AI credit usage',
};

export function InvoicesSection() {
  const list = useRemote(() => rpc['team.invoices']({}), 'invoices');
  const [openId, setOpenId] = useState<string | null>(null);
  const invoices = list.data?.invoices ?? [];
  return (
    <div className="team-section" data-testid="invoices">
      <div className="team-toolbar">
        <h3 className="team-heading">Invoices</h3>
        <RefreshButton remote={list} />
      </div>
      <RemoteError remote={list} />
      {list.data && invoices.length === 0 && <p className="muted">No invoices yet: one is issued when a billing cycle closes.</p>}
      <ul className="invoice-list">
        {invoices.map((inv) => {
          const open = openId === inv.id || (openId === null && inv === invoices[0]);
          return (
            <li key={inv.id} className="invoice" data-testid="invoice">
              <button className="invoice-head" aria-expanded={open} onClick={() => setOpenId(open ? '' : inv.id)}>
                <span>{formatCycle(inv.cycle)}</span>
                <strong data-testid="invoice-total">{formatMoney(inv.totalMinor, inv.currency)}</strong>
              </button>
              {open && <InvoiceLines invoice={inv} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function InvoiceLines({ invoice }: { invoice: Invoice }) {
  return (
    <table className="data-table invoice-lines" aria-label={`Invoice ${formatCycle(invoice.cycle)}`}>
      <thead>
        <tr>
          <th>Kind</th>
          <th>Description</th>
          <th className="num">Quantity</th>
          <th className="num">Unit price</th>
          <th className="num">Amount</th>
        </tr>
      </thead>
      <tbody>
        {invoice.lines.map((line, i) => (
          <tr key={i} data-testid={`invoice-line-${line.kind}`}>
            <td>{KIND_LABELS[line.kind]}</td>
            <td>{line.description}</td>
            <td className="num" data-testid="line-quantity">
              {line.quantity}
            </td>
            <td className="num">{formatUnitPrice(line.unitPrice, invoice.currency)}</td>
            <td className="num" data-testid="line-amount" title={`exactly ${formatExactMoney(line.amountExactMinor, invoice.currency)}`}>
              {formatMoney(line.amountMinor, invoice.currency)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>Total</td>
          <td className="num">{formatMoney(invoice.totalMinor, invoice.currency)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
