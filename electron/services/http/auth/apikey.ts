// API key: a header (`<key>: <value>`) or a query parameter (`?<key>=<value>`, URL-encoded).
import type { AuthScheme } from './types.js';

export const apiKeyAuth: AuthScheme<'apikey'> = {
  type: 'apikey',
  apply(auth, target) {
    if (auth.key === '') return;
    if (auth.in === 'query') {
      const pair = `${encodeURIComponent(auth.key)}=${encodeURIComponent(auth.value)}`;
      target.url.search = target.url.search ? `${target.url.search}&${pair}` : `?${pair}`;
    } else {
      target.headers.setDefault(auth.key, auth.value);
    }
  },
};
