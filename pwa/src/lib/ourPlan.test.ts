import { describe, expect, it } from 'vitest';
import { leverFigure, matchingUnits, objectiveSource, signed, stepLink, towardTarget, weekBars } from './ourPlan';

describe('« Notre plan » figures', () => {
  it('reads each lever in its own unit', () => {
    expect(leverFigure('TRAINING', 41.7, 'fr').replace(/\s/g, ' ')).toBe('41,7 %');
    expect(leverFigure('SATISFACTION', 82.5, 'en')).toBe('82.5');
    expect(leverFigure('SKILLS', 2.75, 'fr')).toBe('2,8/4');
    expect(leverFigure('QUIZ', null, 'fr')).toBe('–');
  });

  it('measures the way to the objective, capped at the objective', () => {
    expect(towardTarget(40, 80)).toBe(0.5);
    expect(towardTarget(120, 80)).toBe(1);
    expect(towardTarget(null, 80)).toBe(0);
    expect(towardTarget(50, null)).toBe(0);
  });

  it('tells an override from an objective spread from above and from the plan default', () => {
    expect(objectiveSource('7', '7')).toBe('own');
    expect(objectiveSource('2', '7')).toBe('spread');
    expect(objectiveSource(null, '7')).toBe('plan');
  });
});

describe('the next step', () => {
  it('opens where it is done', () => {
    expect(stepLink({ kind: 'COMPLETE_MODULE', subjectId: '4' }, '9')).toBe('/apprendre/4');
    expect(stepLink({ kind: 'TAKE_QUIZ', subjectId: '5' }, '9')).toBe('/quiz/5');
    expect(stepLink({ kind: 'START_ACTION_PLAN', subjectId: null }, '9')).toBe('/point-de-vente/9');
    expect(stepLink({ kind: 'FOLLOW_ACTION_PLAN', subjectId: '3' }, '9')).toBe('/point-de-vente/plans/3');
    expect(stepLink({ kind: 'PLAY_CHALLENGE', subjectId: '8' }, '9')).toBe('/challenges/8');
    expect(stepLink({ kind: 'ON_TRACK', subjectId: null }, '9')).toBeNull();
  });
});

describe('finding a unit among hundreds', () => {
  it('ignores accents and case and needs every word', () => {
    const units = [{ unitName: 'Élan Paris 15e' }, { unitName: 'Élan Lyon Part-Dieu' }, { unitName: 'Île-de-France' }];
    expect(matchingUnits(units, 'elan paris').map((u) => u.unitName)).toEqual(['Élan Paris 15e']);
    expect(matchingUnits(units, 'ile')).toHaveLength(1);
    expect(matchingUnits(units, '  ')).toHaveLength(3);
  });
});

describe('changes in the review', () => {
  it('carry their sign', () => {
    expect(signed(19, 'fr')).toBe('+19');
    expect(signed(-2.5, 'fr')).toBe('−2,5');
    expect(signed(0, 'en')).toBe('0');
    expect(signed(null, 'en')).toBe('–');
  });
});

describe('the weekly active people', () => {
  it('draws each week as the share of the people there, a sliver for one person in many, nothing for nobody', () => {
    expect(weekBars([{ activePeople: 3, people: 4 }, { activePeople: 1, people: 80 }, { activePeople: 0, people: 5 }, { activePeople: 2, people: 0 }])).toEqual([75, 4, 0, 0]);
  });
});
