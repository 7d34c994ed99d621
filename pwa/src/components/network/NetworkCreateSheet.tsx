/** « Ajouter une unité »: under which open unit, of which level (below the parent's), its name, city and code. */
import { useState } from 'preact/hooks';
import { CreateUnitDocument, type NetworkUnitFieldsFragment as NetworkUnit } from '../../graphql/network.generated';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { kindsBelow, possibleParents, type UnitKind } from '../../lib/networkTree';

interface NetworkCreateSheetProps {
  units: NetworkUnit[];
  onClose: () => void;
  onDone: (message: string) => void;
}

export function NetworkCreateSheet({ units, onClose, onDone }: NetworkCreateSheetProps) {
  const create = useMutation(CreateUnitDocument);
  const parents = possibleParents(units);
  const [parentId, setParentId] = useState(parents[0]?.id ?? '');
  const parent = parents.find((u) => u.id === parentId);
  const kinds = parent ? kindsBelow(parent.kind) : [];
  const [kind, setKind] = useState<UnitKind>(kinds[0] ?? 'REGION');
  const [name, setName] = useState('');
  const [city, setCity] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosenKind = kinds.includes(kind) ? kind : kinds[0];

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!chosenKind || !name.trim()) return setError(t('errors.required'));
    setError(null);
    try {
      const { createUnit: reply } = await create.run({
        input: { parentId, kind: chosenKind, name, city: city || null, externalCode: code || null },
      });
      if (reply.__typename !== 'CreateUnitSuccess') return setError(reply.message);
      onDone(t('network.created', { name: reply.unit.name }));
    } catch {
      setError(t('errors.network'));
    }
  };

  return (
    <div class="admin-sheet" role="dialog" aria-modal="true" aria-labelledby="unit-create-title">
      <form class="admin-sheet-body" onSubmit={(e) => void submit(e)}>
        <h2 id="unit-create-title">{t('network.createTitle')}</h2>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <label class="field">
          <span>{t('network.parent')}</span>
          <select value={parentId} onChange={(e) => setParentId(e.currentTarget.value)}>
            {parents.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('network.kindLabel')}</span>
          <select value={chosenKind} onChange={(e) => setKind(e.currentTarget.value as UnitKind)}>
            {kinds.map((choice) => (
              <option key={choice} value={choice}>
                {t(`network.kind.${choice}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('network.name')}</span>
          <input value={name} maxLength={120} required onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('network.city')}</span>
          <input value={city} maxLength={80} onInput={(e) => setCity(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('network.code')}</span>
          <input value={code} maxLength={40} onInput={(e) => setCode(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button-primary button-block" disabled={create.busy}>
          {create.busy ? t('network.saving') : t('network.create')}
        </button>
        <button type="button" class="button button-block" onClick={onClose} disabled={create.busy}>
          {t('network.cancel')}
        </button>
      </form>
    </div>
  );
}
