/** The skills grid form as pure logic: skills with their four levels, the input sent. */
import type { CreateSkillsGridInput, Role } from '../graphql/types.generated';

export const LEVELS = 4;
export const SKILLS_MAX = 20;

export interface SkillDraft {
  key: string;
  name: string;
  /** What levels 1 to 4 look like. */
  levels: string[];
}

export interface GridFormValues {
  name: string;
  role: Role;
  labelBadgeId: string;
  skills: SkillDraft[];
}

let nextKey = 0;

export function emptySkill(): SkillDraft {
  nextKey += 1;
  return { key: `skill-${nextKey}`, name: '', levels: Array.from({ length: LEVELS }, () => '') };
}

export function emptyGridForm(): GridFormValues {
  return { name: '', role: 'MEMBER', labelBadgeId: '', skills: [emptySkill()] };
}

export function toGridInput(values: GridFormValues): CreateSkillsGridInput {
  return {
    name: values.name.trim(),
    role: values.role,
    labelBadgeId: values.labelBadgeId || null,
    skills: values.skills.map((s) => ({ name: s.name.trim(), levels: s.levels.map((l) => l.trim()) })),
  };
}

export function addSkill(skills: SkillDraft[]): SkillDraft[] {
  return skills.length < SKILLS_MAX ? [...skills, emptySkill()] : skills;
}

export function removeSkill(skills: SkillDraft[], key: string): SkillDraft[] {
  return skills.length > 1 ? skills.filter((s) => s.key !== key) : skills;
}

export function setLevel(skill: SkillDraft, level: number, text: string): SkillDraft {
  return { ...skill, levels: skill.levels.map((l, i) => (i === level ? text : l)) };
}

/** Whether every skill is named, once, with its four levels described. */
export function gridComplete(values: GridFormValues): boolean {
  const names = values.skills.map((s) => s.name.trim().toLowerCase());
  return (
    values.name.trim().length >= 2 &&
    names.every((n) => n !== '') &&
    new Set(names).size === names.length &&
    values.skills.every((s) => s.levels.every((l) => l.trim() !== ''))
  );
}
