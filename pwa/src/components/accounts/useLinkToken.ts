import { useState } from 'preact/hooks';
import { tokenFromHash } from '../../lib/routes';

/**
 * The token of the mailed link this page was opened with (after the « # »), read once; it then
 * leaves the address bar, so it stays out of the history and of anything shared from the page.
 */
export function useLinkToken(): string | null {
  const [token] = useState(() => {
    const found = tokenFromHash(location.hash);
    if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
    return found;
  });
  return token;
}
