// The web host's per-launch token: taken from the page URL (?token=…) and kept in sessionStorage
// so that a reload of the same tab still connects.
const KEY = 'courier.token';

export function readToken(): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(KEY, fromUrl);
    } catch {
      // Storage may be unavailable (private mode); the URL still carries the token.
    }
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
