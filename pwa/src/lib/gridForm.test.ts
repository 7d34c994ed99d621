import { describe, expect, it } from 'vitest';
import { addSkill, emptyGridForm, gridComplete, removeSkill, setLevel, SKILLS_MAX, toGridInput } from './gridForm';

describe('the skills grid form', () => {
  it('sends skills with their four levels and no label when none is chosen', () => {
    const values = emptyGridForm();
    const skill = ['Découvre', 'Applique', 'Maîtrise', 'Transmet'].reduce((s, text, i) => setLevel(s, i, ` ${text} `), {
      ...values.skills[0]!,
      name: ' Accueil ',
    });
    expect(toGridInput({ ...values, name: 'Vendeur', skills: [skill] })).toEqual({
      name: 'Vendeur',
      role: 'MEMBER',
      labelBadgeId: null,
      skills: [{ name: 'Accueil', levels: ['Découvre', 'Applique', 'Maîtrise', 'Transmet'] }],
    });
  });

  it('is complete once every skill is named once with its four levels', () => {
    const filled = (name: string) => ({ ...emptyGridForm().skills[0]!, name, levels: ['a', 'b', 'c', 'd'] });
    expect(gridComplete({ ...emptyGridForm(), name: 'Vendeur', skills: [filled('Accueil')] })).toBe(true);
    expect(gridComplete({ ...emptyGridForm(), name: 'Vendeur', skills: [filled('Accueil'), filled('accueil')] })).toBe(false);
    expect(gridComplete({ ...emptyGridForm(), name: 'Vendeur' })).toBe(false);
  });

  it('keeps between one and twenty skills', () => {
    let skills = emptyGridForm().skills;
    expect(removeSkill(skills, skills[0]!.key)).toBe(skills);
    for (let i = 0; i < 30; i += 1) skills = addSkill(skills);
    expect(skills).toHaveLength(SKILLS_MAX);
  });
});
