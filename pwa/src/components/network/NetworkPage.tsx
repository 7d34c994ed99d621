/**
 * /admin/network (admins and managers, from the profile menu): the tree of the viewer's scope.
 * Head office adds, renames, moves and closes units, and imports or exports the network as CSV;
 * managers read their subtree.
 */
import './network.css';
import { useState } from 'preact/hooks';
import { type ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { useQuery } from '../../graphql/hooks';
import { NetworkUnitsDocument, type NetworkUnitFieldsFragment as NetworkUnit } from '../../graphql/network.generated';
import { t } from '../../i18n';
import { treeRows } from '../../lib/networkTree';
import { NetworkCreateSheet } from './NetworkCreateSheet';
import { NetworkImport } from './NetworkImport';
import { NetworkTree } from './NetworkTree';
import { NetworkUnitSheet } from './NetworkUnitSheet';

interface NetworkPageProps {
  viewer: Viewer;
  onNotice: (message: string) => void;
}

export function NetworkPage({ viewer, onNotice }: NetworkPageProps) {
  if (viewer.role === 'MEMBER') {
    return (
      <section class="lever-page">
        <p class="lever-state">{t('network.managersOnly')}</p>
      </section>
    );
  }
  return <NetworkScreen viewer={viewer} onNotice={onNotice} />;
}

function NetworkScreen({ viewer, onNotice }: NetworkPageProps) {
  const { state, reload } = useQuery(NetworkUnitsDocument, {});
  const [showClosed, setShowClosed] = useState(true);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<NetworkUnit | null>(null);
  const admin = viewer.role === 'ADMIN';
  const units = state.status === 'ready' ? state.data.networkUnits : [];
  const shown = showClosed ? units : units.filter((u) => u.closedAt === null);
  const done = (message: string) => {
    setCreating(false);
    setEditing(null);
    onNotice(message);
    reload();
  };

  return (
    <section class="lever-page admin-page" aria-labelledby="network-title">
      <h1 id="network-title" class="lever-title">
        {t('network.title')}
      </h1>
      <p class="lever-muted">{admin ? t('network.intro') : t('network.introManager')}</p>
      {admin && (
        <button type="button" class="button button-primary button-block" onClick={() => setCreating(true)} disabled={units.length === 0}>
          {t('network.add')}
        </button>
      )}
      {admin && (
        <NetworkImport
          onApplied={(message) => {
            onNotice(message);
            reload();
          }}
        />
      )}
      <label class="network-check">
        <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />
        <span>{t('network.showClosed')}</span>
      </label>
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && (
        <>
          <p class="lever-muted" role="status">
            {t('network.count', { count: shown.length })}
          </p>
          <NetworkTree rows={treeRows(shown)} onEdit={admin ? setEditing : null} />
        </>
      )}
      {creating && <NetworkCreateSheet units={units} onClose={() => setCreating(false)} onDone={done} />}
      {editing && <NetworkUnitSheet unit={editing} units={units} onClose={() => setEditing(null)} onDone={done} />}
    </section>
  );
}
