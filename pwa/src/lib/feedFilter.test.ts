import { describe, expect, it } from 'vitest';
import { apiFilter, cleared, feedPathFor, filterFromSearch, isNarrowed, NO_FILTER, searchFromFilter } from './feedFilter';

describe('feed filter in the address', () => {
  it('the plain feed has a plain address', () => {
    expect(filterFromSearch('')).toEqual(NO_FILTER);
    expect(searchFromFilter(NO_FILTER)).toBe('');
    expect(apiFilter(NO_FILTER)).toBeNull();
  });

  it('goes to the address and back unchanged', () => {
    const filter = { kind: 'BEST_PRACTICE', scope: 'region', tag: 'relance', authorId: '42', recommended: true, order: 'TOP_OF_WEEK' } as const;
    const search = searchFromFilter(filter);
    expect(search).toBe('?kind=BEST_PRACTICE&scope=region&tag=relance&author=42&recommended=1&order=top');
    expect(filterFromSearch(search)).toEqual(filter);
  });

  it('becomes the API filter, the ordering apart', () => {
    expect(apiFilter(filterFromSearch('?scope=team&tag=%23Financement&order=top'))).toEqual({ within: 'UNIT', tag: 'financement' });
    expect(apiFilter(filterFromSearch('?scope=region&kind=WIN&author=7&recommended=1'))).toEqual({
      within: 'REGION',
      kind: 'WIN',
      authorId: '7',
      recommendedForMe: true,
    });
    expect(isNarrowed(filterFromSearch('?order=top'))).toBe(false);
  });

  it('ignores what it does not know rather than sending it', () => {
    expect(filterFromSearch('?kind=SYSTEM&scope=galaxy&author=abc&tag=<script>&order=random&recommended=yes')).toEqual(NO_FILTER);
  });

  it('a tapped #tag or name narrows the feed to it alone; clearing keeps the ordering', () => {
    expect(feedPathFor({ tag: 'accueil' })).toBe('/?tag=accueil');
    expect(feedPathFor({ authorId: '12' })).toBe('/?author=12');
    expect(cleared(filterFromSearch('?tag=accueil&kind=WIN&order=top'))).toEqual({ ...NO_FILTER, order: 'TOP_OF_WEEK' });
  });
});
