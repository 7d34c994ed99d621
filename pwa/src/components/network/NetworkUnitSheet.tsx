/**
 * One unit, changed by head office: its name, city and code; a move under another unit (the
 * whole subtree follows); closing it, asked for confirmation first.
 */
import { useState } from 'preact/hooks';
import {
  CloseUnitDocument,
  MoveUnitDocument,
  type NetworkUnitFieldsFragment as NetworkUnit,
  UpdateUnitDocument,
} from '../../graphql/network.generated';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { moveTargets } from '../../lib/networkTree';

interface NetworkUnitSheetProps {
  unit: NetworkUnit;
  units: NetworkUnit[];
  onClose: () => void;
  onDone: (message: string) => void;
}

export function NetworkUnitSheet({ unit, units, onClose, onDone }: NetworkUnitSheetProps) {
  const update = useMutation(UpdateUnitDocument);
  const move = useMutation(MoveUnitDocument);
  const close = useMutation(CloseUnitDocument);
  const [name, setName] = useState(unit.name);
  const [city, setCity] = useState(unit.city ?? '');
  const [code, setCode] = useState(unit.externalCode ?? '');
  const targets = moveTargets(units, unit);
  const [parentId, setParentId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = update.busy || move.busy || close.busy;
  const closed = unit.closedAt !== null;

  async function act(work: () => Promise<string | null>) {
    setError(null);
    try {
      const refused = await work();
      if (refused) setError(refused);
    } catch {
      setError(t('errors.network'));
    }
  }

  const save = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const { updateUnit: reply } = await update.run({ input: { unitId: unit.id, name, city, externalCode: code } });
      if (reply.__typename !== 'UpdateUnitSuccess') return reply.message;
      onDone(t('network.saved', { name: reply.unit.name }));
      return null;
    });
  };

  const moveIt = () =>
    act(async () => {
      if (!parentId) return t('errors.required');
      const { moveUnit: reply } = await move.run({ input: { unitId: unit.id, parentId } });
      if (reply.__typename !== 'MoveUnitSuccess') return reply.message;
      onDone(t('network.moved', { name: unit.name, parent: units.find((u) => u.id === parentId)?.name ?? '' }));
      return null;
    });

  const closeIt = () =>
    act(async () => {
      const { closeUnit: reply } = await close.run({ unitId: unit.id });
      if (reply.__typename !== 'CloseUnitSuccess') return reply.message;
      onDone(t('network.closedDone', { name: unit.name }));
      return null;
    });

  return (
    <div class="admin-sheet" role="dialog" aria-modal="true" aria-labelledby="unit-edit-title">
      <form class="admin-sheet-body" onSubmit={save}>
        <h2 id="unit-edit-title">{t('network.editTitle', { name: unit.name })}</h2>
        <p class="lever-muted">
          {t(`network.kind.${unit.kind}`)}
          {closed ? ` · ${t('network.closed')}` : ''}
        </p>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
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
        <button type="submit" class="button button-primary button-block" disabled={busy}>
          {update.busy ? t('network.saving') : t('network.save')}
        </button>
        {targets.length > 0 && (
          <>
            <label class="field">
              <span>{t('network.moveUnder')}</span>
              <select value={parentId} onChange={(e) => setParentId(e.currentTarget.value)}>
                <option value="">{t('network.chooseParent')}</option>
                {targets.map((target) => (
                  <option key={target.id} value={target.id}>
                    {target.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" class="button button-block" onClick={() => void moveIt()} disabled={busy || !parentId}>
              {move.busy ? t('network.moving') : t('network.move')}
            </button>
          </>
        )}
        {!closed &&
          (confirming ? (
            <div class="profile-confirm" role="alertdialog" aria-labelledby="unit-close-title">
              <p id="unit-close-title" class="profile-name">
                {t('network.closeTitle', { name: unit.name })}
              </p>
              <p>{t('network.closeText')}</p>
              <button type="button" class="button button-danger button-block" onClick={() => void closeIt()} disabled={busy}>
                {t('network.closeConfirm')}
              </button>
              <button type="button" class="button button-block" onClick={() => setConfirming(false)} disabled={busy}>
                {t('network.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" class="button button-danger button-block" onClick={() => setConfirming(true)} disabled={busy}>
              {t('network.close')}
            </button>
          ))}
        <button type="button" class="button button-block" onClick={onClose} disabled={busy}>
          {t('network.dismiss')}
        </button>
      </form>
    </div>
  );
}
