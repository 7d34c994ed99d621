/** The tree of units, one row each: name, level, code, people; closed units greyed (history). */
import { type NetworkUnitFieldsFragment as NetworkUnit } from '../../graphql/network.generated';
import { t } from '../../i18n';
import { type TreeRow } from '../../lib/networkTree';

interface NetworkTreeProps {
  rows: TreeRow<NetworkUnit>[];
  /** Head office changes units; managers only read. */
  onEdit: ((unit: NetworkUnit) => void) | null;
}

const MAX_INDENT = 4; // deeper levels line up: a phone is 360 px wide

export function NetworkTree({ rows, onEdit }: NetworkTreeProps) {
  if (rows.length === 0) return <p class="lever-empty">{t('network.empty')}</p>;
  return (
    <ul class="network-tree" aria-label={t('network.treeLabel')}>
      {rows.map(({ unit, level }) => {
        const closed = unit.closedAt !== null;
        return (
          <li
            key={unit.id}
            class={closed ? 'network-row network-row-closed' : 'network-row'}
            style={{ '--indent': Math.min(level, MAX_INDENT) }}
          >
            <span class="network-row-text">
              <strong>{unit.name}</strong>
              <span class="network-row-meta">
                {t(`network.kind.${unit.kind}`)}
                {unit.externalCode ? ` · ${unit.externalCode}` : ''}
                {unit.city ? ` · ${unit.city}` : ''}
                {' · '}
                {t('network.people', { count: unit.peopleCount })}
              </span>
              {closed && <span class="status-chip">{t('network.closed')}</span>}
            </span>
            {onEdit && unit.parentId !== null && (
              <button type="button" class="button button-small" aria-label={t('network.editUnit', { name: unit.name })} onClick={() => onEdit(unit)}>
                {t('network.edit')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
