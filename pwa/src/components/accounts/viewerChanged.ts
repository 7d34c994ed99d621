import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

const EVENT = 'elan:viewer-changed';

/** Tells the shell that the signed-in person changed (a new photo): header, menu and cache follow. */
export function announceViewer(viewer: Viewer): void {
  window.dispatchEvent(new CustomEvent<Viewer>(EVENT, { detail: viewer }));
}

export function onViewerChanged(listener: (viewer: Viewer) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<Viewer>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}
