/**
 * The module editor as pure logic: the form's values, read from a module's
 * source and turned into the input the server takes; sections added, moved
 * and removed; a first check of video links (the server decides).
 */
import type { ModuleSourceFieldsFragment } from '../graphql/authoring.generated';
import type { CreateTrainingModuleInput, Role } from '../graphql/types.generated';

export interface SectionDraft {
  /** Stable across moves, for the list's keys and labels. */
  key: string;
  title: string;
  body: string;
  imageId: string | null;
  imageUrl: string | null;
  videoUrl: string;
}

export interface ModuleFormValues {
  title: string;
  summary: string;
  durationMinutes: string;
  sections: SectionDraft[];
  /** The units of the audience; the role and due date apply to each. */
  unitIds: string[];
  role: Role | '';
  /** yyyy-mm-dd, or '' for no due date. */
  dueOn: string;
}

export type ModuleContentInput = Omit<CreateTrainingModuleInput, 'publish'>;

export const SECTIONS_MAX = 30;

let nextKey = 0;
function newKey(): string {
  nextKey += 1;
  return `section-${nextKey}`;
}

export function emptySection(): SectionDraft {
  return { key: newKey(), title: '', body: '', imageId: null, imageUrl: null, videoUrl: '' };
}

export function emptyModuleForm(): ModuleFormValues {
  return { title: '', summary: '', durationMinutes: '15', sections: [emptySection()], unitIds: [], role: '', dueOn: '' };
}

/** yyyy-mm-dd of an ISO date-time, in the reader's own calendar. */
export function dayOf(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The end of that day, in the reader's own time zone, as an ISO date-time. */
export function endOfDay(day: string): string {
  return new Date(`${day}T23:59:59`).toISOString();
}

export function fromModuleSource(source: ModuleSourceFieldsFragment): ModuleFormValues {
  const first = source.assignments[0];
  return {
    title: source.title,
    summary: source.summary,
    durationMinutes: String(source.durationMinutes),
    sections: source.sections.map((s) => ({
      key: newKey(),
      title: s.title,
      body: s.body,
      imageId: s.imageId,
      imageUrl: s.imageUrl,
      videoUrl: s.videoUrl ?? '',
    })),
    unitIds: [...new Set(source.assignments.map((a) => a.unitId))],
    role: first?.role ?? '',
    dueOn: first?.dueAt ? dayOf(first.dueAt) : '',
  };
}

export function toModuleInput(values: ModuleFormValues): ModuleContentInput {
  const minutes = Number.parseInt(values.durationMinutes, 10);
  const dueAt = values.dueOn ? endOfDay(values.dueOn) : null;
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    durationMinutes: Number.isFinite(minutes) ? minutes : 0,
    sections: values.sections.map((s) => ({
      title: s.title.trim(),
      body: s.body,
      imageId: s.imageId,
      // an image from the media service is named by its id; a link kept from older modules stays
      imageUrl: s.imageId ? null : s.imageUrl,
      videoUrl: s.videoUrl.trim() || null,
    })),
    assignments: values.unitIds.map((unitId) => ({ unitId, role: values.role || null, dueAt })),
  };
}

/** The sections with the one at `index` moved by `delta` (−1 up, +1 down), if it can move. */
export function moveSection(sections: SectionDraft[], index: number, delta: -1 | 1): SectionDraft[] {
  const target = index + delta;
  if (target < 0 || target >= sections.length) return sections;
  const moved = [...sections];
  [moved[index], moved[target]] = [moved[target] as SectionDraft, moved[index] as SectionDraft];
  return moved;
}

export function removeSection(sections: SectionDraft[], index: number): SectionDraft[] {
  return sections.length > 1 ? sections.filter((_, i) => i !== index) : sections;
}

export function addSection(sections: SectionDraft[]): SectionDraft[] {
  return sections.length < SECTIONS_MAX ? [...sections, emptySection()] : sections;
}

const VIDEO_HOSTS = /^https?:\/\/(www\.|m\.)?(youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|player\.vimeo\.com|dailymotion\.com|dai\.ly)\//i;

/** Whether a video link looks like one of the allowed hosts' (empty: no video). */
export function videoLinkLooksAllowed(link: string): boolean {
  return link.trim() === '' || VIDEO_HOSTS.test(link.trim());
}

/** The choice of units toggled. */
export function toggleUnit(unitIds: string[], unitId: string): string[] {
  return unitIds.includes(unitId) ? unitIds.filter((u) => u !== unitId) : [...unitIds, unitId];
}
