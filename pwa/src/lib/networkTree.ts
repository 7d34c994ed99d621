/**
 * Pure logic of the network screen: the tree in reading order (children by name), which levels
 * go below a unit, and where a unit may move (never below itself, always below a higher level).
 */

export type UnitKind = 'ORGANIZATION' | 'REGION' | 'DISTRIBUTOR' | 'POINT_OF_SALE' | 'TEAM';

export interface TreeUnit {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  closedAt: string | null;
}

export const KIND_RANK: Record<UnitKind, number> = { ORGANIZATION: 0, REGION: 1, DISTRIBUTOR: 2, POINT_OF_SALE: 3, TEAM: 4 };
const KINDS: UnitKind[] = ['REGION', 'DISTRIBUTOR', 'POINT_OF_SALE', 'TEAM'];

export interface TreeRow<U extends TreeUnit> {
  unit: U;
  /** 0 for the top of what the viewer sees. */
  level: number;
}

/** Units as rows of a tree: each parent before its children, siblings by name (French order). */
export function treeRows<U extends TreeUnit>(units: readonly U[]): TreeRow<U>[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, U[]>();
  for (const unit of units) {
    // a unit whose parent is not shown (a manager's own unit) is a top
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const byName = (a: U, b: U) => a.name.localeCompare(b.name, 'fr');
  const rows: TreeRow<U>[] = [];
  const walk = (parent: string | null, level: number) => {
    for (const unit of [...(children.get(parent) ?? [])].sort(byName)) {
      rows.push({ unit, level });
      walk(unit.id, level + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** The levels a new unit may have under a parent of this kind. */
export function kindsBelow(parent: UnitKind): UnitKind[] {
  return KINDS.filter((kind) => KIND_RANK[kind] > KIND_RANK[parent]);
}

/** The ids of a unit and of everything below it. */
export function subtreeIds(units: readonly TreeUnit[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && found.has(unit.parentId) && !found.has(unit.id)) {
        found.add(unit.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Where a unit may move: open units of a higher level, not inside it, not its parent already. */
export function moveTargets<U extends TreeUnit>(units: readonly U[], moving: TreeUnit): U[] {
  const inside = subtreeIds(units, moving.id);
  return units.filter(
    (u) => !inside.has(u.id) && u.id !== moving.parentId && u.closedAt === null && KIND_RANK[u.kind] < KIND_RANK[moving.kind],
  );
}

/** Open units that may take a child (every level but the last). */
export function possibleParents<U extends TreeUnit>(units: readonly U[]): U[] {
  return units.filter((u) => u.closedAt === null && kindsBelow(u.kind).length > 0);
}
