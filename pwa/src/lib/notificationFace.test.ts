import { describe, expect, it } from 'vitest';
import { notificationFace } from './notificationFace';

const refs = (people: { id: string; name: string; photoUrl?: string | null }[]) => ({ people, badges: [], challenges: [] });

describe('notificationFace', () => {
  it('shows the latest person behind a line, with their photo', () => {
    const item = {
      kind: 'POST_LIKED', text: '', count: 2, params: { actorIds: [7, 8] },
      refs: refs([{ id: '8', name: 'Léa Martin' }, { id: '7', name: 'Karim Benali', photoUrl: '/media/k.webp' }]),
    };
    expect(notificationFace(item)).toEqual({ name: 'Karim Benali', photoUrl: '/media/k.webp' });
  });

  it('shows who awarded a badge, and initials when they have no photo', () => {
    const item = { kind: 'BADGE_AWARDED', text: '', count: 1, params: { byId: 3, badgeId: 1 }, refs: refs([{ id: '3', name: 'Sarah François' }]) };
    expect(notificationFace(item)).toEqual({ name: 'Sarah François', photoUrl: null });
  });

  it('keeps the stored name of an old line, and no face for a line about no one', () => {
    expect(notificationFace({ kind: 'POST_COMMENTED', text: '', count: 1, params: {}, actorNames: ['Julie Moreau'] }))
      .toEqual({ name: 'Julie Moreau', photoUrl: null });
    expect(notificationFace({ kind: 'TRAINING_REMINDER', text: '', count: 1, params: { moduleId: 2 }, refs: refs([]) })).toBeNull();
  });

  it('shows no face for someone who no longer exists', () => {
    expect(notificationFace({ kind: 'RANK_OVERTAKEN', text: '', count: 1, params: { actorIds: [9] }, refs: refs([]) })).toBeNull();
  });
});
