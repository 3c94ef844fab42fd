import type { Cookie } from '../../../shared/model';

export function CookiesView({ cookies }: { cookies: Cookie[] }) {
  if (cookies.length === 0) return <p className="empty-note section-pad">This response set no cookies.</p>;
  return (
    <div className="section-pad scroll">
      <CookieTable cookies={cookies} label="Response cookies" testId="response-cookies" />
    </div>
  );
}

export function CookieTable({
  cookies,
  label,
  testId,
  onDelete,
}: {
  cookies: Cookie[];
  label: string;
  testId?: string;
  onDelete?: (c: Cookie) => void;
}) {
  return (
    <table className="data-table" aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          <th>Name</th>
          <th>Value</th>
          <th>Domain</th>
          <th>Path</th>
          <th>Expires</th>
          <th>Flags</th>
          {onDelete && <th aria-label="Actions" />}
        </tr>
      </thead>
      <tbody>
        {cookies.map((c) => (
          <tr key={`${c.domain}|${c.path}|${c.name}`}>
            <td className="mono strong">{c.name}</td>
            <td className="mono wrap">{c.value}</td>
            <td className="mono">{c.domain}</td>
            <td className="mono">{c.path}</td>
            <td>{c.expires ? new Date(c.expires).toLocaleString() : 'Session'}</td>
            <td className="flags">
              {c.httpOnly && <span className="flag">HttpOnly</span>}
              {c.secure && <span className="flag">Secure</span>}
              {c.sameSite && <span className="flag">SameSite={c.sameSite}</span>}
            </td>
            {onDelete && (
              <td>
                <button className="link-button danger" aria-label={`Delete cookie ${c.name}`} onClick={() => onDelete(c)}>
                  Delete
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
