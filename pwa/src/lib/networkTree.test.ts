import { describe, expect, it } from 'vitest';
import { kindsBelow, moveTargets, possibleParents, treeRows, type TreeUnit } from './networkTree';

const unit = (id: string, name: string, kind: TreeUnit['kind'], parentId: string | null, closedAt: string | null = null): TreeUnit => ({
  id,
  name,
  kind,
  parentId,
  closedAt,
});

const NETWORK = [
  unit('1', 'Siège', 'ORGANIZATION', null),
  unit('2', 'Sud-Ouest', 'REGION', '1'),
  unit('3', 'Nord', 'REGION', '1'),
  unit('4', 'Lille', 'POINT_OF_SALE', '3'),
  unit('5', 'Arras', 'POINT_OF_SALE', '3'),
  unit('6', 'Équipe VO', 'TEAM', '4'),
  unit('7', 'Agen', 'POINT_OF_SALE', '2', '2026-10-01T00:00:00Z'),
];

describe('treeRows', () => {
  it('puts each parent before its children, siblings in French alphabetical order', () => {
    expect(treeRows(NETWORK).map((r) => `${r.level}:${r.unit.name}`)).toEqual([
      '0:Siège',
      '1:Nord',
      '2:Arras',
      '2:Lille',
      '3:Équipe VO',
      '1:Sud-Ouest',
      '2:Agen',
    ]);
  });

  it('starts a manager’s tree at their own unit', () => {
    expect(treeRows(NETWORK.slice(2, 6)).map((r) => r.level)).toEqual([0, 1, 1, 2]);
  });
});

describe('where units go', () => {
  it('offers only the levels below a parent', () => {
    expect(kindsBelow('REGION')).toEqual(['DISTRIBUTOR', 'POINT_OF_SALE', 'TEAM']);
    expect(kindsBelow('TEAM')).toEqual([]);
  });

  it('never moves a unit below itself, a lower level, a closed unit or where it already is', () => {
    expect(moveTargets(NETWORK, NETWORK[3] as TreeUnit).map((u) => u.name)).toEqual(['Siège', 'Sud-Ouest']);
    expect(moveTargets(NETWORK, NETWORK[2] as TreeUnit).map((u) => u.name)).toEqual([]);
  });

  it('offers open parents that can take a child', () => {
    expect(possibleParents(NETWORK).map((u) => u.name)).toEqual(['Siège', 'Sud-Ouest', 'Nord', 'Lille', 'Arras']);
  });
});
