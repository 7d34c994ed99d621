import { describe, expect, it } from 'vitest';
import {
  addSection,
  dayOf,
  emptyModuleForm,
  fromModuleSource,
  moveSection,
  removeSection,
  SECTIONS_MAX,
  toggleUnit,
  toModuleInput,
  videoLinkLooksAllowed,
} from './moduleForm';

const source = {
  id: '7',
  publication: 'DRAFT' as const,
  title: 'Accueil client',
  summary: 'Les bases',
  durationMinutes: 20,
  openToAll: false,
  quizId: null,
  sections: [
    { title: 'Un regard', body: '## Saluer', imageId: '12', imageUrl: '/media/x-full.webp', videoUrl: null, pdfUrl: null },
    { title: 'Écouter', body: '- Usage', imageId: null, imageUrl: null, videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', pdfUrl: null },
  ],
  assignments: [
    { unitId: '4', unitName: 'Lille', role: 'MEMBER' as const, dueAt: '2030-03-14T22:59:59Z' },
    { unitId: '5', unitName: 'Arras', role: 'MEMBER' as const, dueAt: '2030-03-14T22:59:59Z' },
  ],
};

describe('the module form', () => {
  it('reads a source back and sends the same content', () => {
    const values = fromModuleSource(source);
    expect(values.unitIds).toEqual(['4', '5']);
    expect(values.role).toBe('MEMBER');
    expect(values.dueOn).toBe(dayOf('2030-03-14T22:59:59Z'));
    const input = toModuleInput(values);
    expect(input.sections).toEqual([
      { title: 'Un regard', body: '## Saluer', imageId: '12', imageUrl: null, videoUrl: null },
      { title: 'Écouter', body: '- Usage', imageId: null, imageUrl: null, videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    ]);
    expect(input.durationMinutes).toBe(20);
    expect(input.assignments?.map((a) => [a.unitId, a.role])).toEqual([['4', 'MEMBER'], ['5', 'MEMBER']]);
    expect(dayOf(input.assignments?.[0]?.dueAt ?? '')).toBe(values.dueOn);
  });

  it('sends no role and no due date when none is chosen', () => {
    const values = { ...emptyModuleForm(), title: ' Accueil ', unitIds: ['4'] };
    expect(toModuleInput(values).assignments).toEqual([{ unitId: '4', role: null, dueAt: null }]);
    expect(toModuleInput(values).title).toBe('Accueil');
  });

  it('moves, adds and removes sections within bounds', () => {
    const values = fromModuleSource(source);
    const [first, second] = values.sections;
    expect(moveSection(values.sections, 0, 1)).toEqual([second, first]);
    expect(moveSection(values.sections, 0, -1)).toBe(values.sections);
    expect(removeSection(values.sections, 0)).toEqual([second]);
    expect(removeSection([first!], 0)).toEqual([first]);
    let many = values.sections;
    for (let i = 0; i < 40; i += 1) many = addSection(many);
    expect(many).toHaveLength(SECTIONS_MAX);
    expect(new Set(many.map((s) => s.key)).size).toBe(SECTIONS_MAX);
  });

  it('tells a video link of an allowed host from another', () => {
    expect(videoLinkLooksAllowed('')).toBe(true);
    expect(videoLinkLooksAllowed('https://youtu.be/dQw4w9WgXcQ')).toBe(true);
    expect(videoLinkLooksAllowed('https://vimeo.com/76979871')).toBe(true);
    expect(videoLinkLooksAllowed('https://youtube.com.evil.example/watch?v=x')).toBe(false);
    expect(videoLinkLooksAllowed('https://video.example.com/v/1')).toBe(false);
  });

  it('toggles a unit in and out of the audience', () => {
    expect(toggleUnit(['4'], '5')).toEqual(['4', '5']);
    expect(toggleUnit(['4', '5'], '4')).toEqual(['5']);
  });
});
