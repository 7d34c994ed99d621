/**
 * Whose face a notification line shows: the latest person behind it (`actorIds`, newest
 * first), else who awarded or assessed (`byId`), as called now with their photo; a line
 * written before people were kept by id has its first stored name (initials only).
 */
import type { NotificationLike, TextRef } from './systemTexts';

export interface Face {
  name: string;
  photoUrl: string | null;
}

function byId(people: readonly TextRef[], id: unknown): TextRef | undefined {
  return id === null || id === undefined ? undefined : people.find((person) => person.id === String(id));
}

export function notificationFace(item: NotificationLike): Face | null {
  const params = (item.params ?? {}) as Record<string, unknown>;
  const people = item.refs?.people ?? [];
  const ids = Array.isArray(params.actorIds) ? params.actorIds : [];
  const found = byId(people, ids[0]) ?? byId(people, params.byId);
  if (found) return { name: found.name, photoUrl: found.photoUrl ?? null };
  const stored = item.actorNames?.[0];
  return ids.length === 0 && stored ? { name: stored, photoUrl: null } : null;
}
