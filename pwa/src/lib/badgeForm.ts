import type { BadgeCategory, BadgeKind, CreateBadgeInput } from '../graphql/types.generated';
/** The head-office badge form as pure logic: defaults, levels typed as a list, input to send. */

export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export interface BadgeFormValues {
  name: string;
  kind: BadgeKind;
  emoji: string;
  imageBase64: string | null;
  category: BadgeCategory;
  description: string;
  criteria: string;
  repeatable: boolean;
  validityDays: string;
  awardPolicy: CreateBadgeInput['awardPolicy'];
  levels: string;
}

export const emptyBadgeForm: BadgeFormValues = {
  name: '',
  kind: 'BADGE',
  emoji: '🏅',
  imageBase64: null,
  category: 'SALES',
  description: '',
  criteria: '',
  repeatable: false,
  validityDays: '',
  awardPolicy: 'MANAGERS',
  levels: '',
};

/** "Bronze, Argent / Or" → ["Bronze", "Argent", "Or"]: commas, slashes or new lines. */
export function parseLevels(text: string): string[] {
  return text
    .split(/[,/\n]/)
    .map((level) => level.trim())
    .filter((level, index, all) => level !== '' && all.indexOf(level) === index);
}

export function toCreateBadgeInput(values: BadgeFormValues): CreateBadgeInput {
  const days = Number.parseInt(values.validityDays, 10);
  const label = values.kind === 'LABEL';
  return {
    name: values.name.trim(),
    kind: values.kind,
    description: values.description.trim(),
    emoji: values.imageBase64 ? null : values.emoji.trim() || null,
    imageBase64: values.imageBase64,
    category: values.category,
    criteria: values.criteria.trim(),
    repeatable: label ? false : values.repeatable,
    validityDays: Number.isFinite(days) && days > 0 ? days : null,
    awardPolicy: values.awardPolicy,
    levels: label ? parseLevels(values.levels) : [],
  };
}

/** Why a chosen file is refused before upload (the server checks again, by decoding it). */
export function imageProblem(file: { size: number; type: string }): 'type' | 'size' | null {
  if (!IMAGE_TYPES.includes(file.type)) return 'type';
  if (file.size > IMAGE_MAX_BYTES) return 'size';
  return null;
}
