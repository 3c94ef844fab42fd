export function NoAuth() {
  return <p className="empty-note">This request does not use any authorization.</p>;
}
