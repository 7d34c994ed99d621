/**
 * A very small router on the History API: the current location as a hook,
 * `navigate()` to change it, and `linkClick` to keep <a href> links in-app.
 */
import { useEffect, useState } from 'preact/hooks';

const CHANGE_EVENT = 'elan:navigate';

export interface AppLocation {
  pathname: string;
  search: string;
}

function current(): AppLocation {
  return { pathname: location.pathname, search: location.search };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const here = `${location.pathname}${location.search}`;
  if (to === here) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function useLocation(): AppLocation {
  const [value, setValue] = useState(current);
  useEffect(() => {
    const update = () => setValue(current());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE_EVENT, update);
    };
  }, []);
  return value;
}

/** onClick for same-origin links: navigate without a page load, unless a modifier asks for a new tab. */
export function linkClick(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  if (anchor.origin !== location.origin || anchor.target) return;
  event.preventDefault();
  navigate(`${anchor.pathname}${anchor.search}`);
}
