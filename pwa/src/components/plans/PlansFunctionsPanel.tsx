import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { useMutation, useQuery } from '../../graphql/hooks';
import { Avatar } from '../ui/Avatar';
import { PlansLeverOwners } from './PlansLeverOwners';
import type { PlanViewLever } from '../../graphql/types.generated';
import { FunctionPeopleSearchDocument, PlanFunctionsDocument, SetPersonFunctionsDocument } from '../../graphql/plans.generated';

/** Head office gives its people their functions (commerce, marketing, qualité…): what they manage without being admins. */
export function PlansFunctionsPanel({
  onNotice,
  plan,
}: {
  onNotice: (message: string) => void;
  plan: { id: string; levers: readonly { lever: PlanViewLever; ownerFunctionId: string | null }[] } | null;
}) {
  const functions = useQuery(PlanFunctionsDocument, {});
  const [search, setSearch] = useState('');
  const found = useQuery(FunctionPeopleSearchDocument, { search }, { skip: search.trim().length < 2 });
  const save = useMutation(SetPersonFunctionsDocument);
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const list = functions.state.status === 'ready' ? functions.state.data.functions : [];
  const choose = (id: string, name: string) => {
    setPerson({ id, name });
    setChosen(new Set(list.filter((f) => f.people.some((p) => p.id === id)).map((f) => f.id)));
  };
  return (
    <details class="plan-objectives">
      <summary class="plan-summary">{t('functions.title')}</summary>
      <ul class="plan-history">
        {list.map((f) => (
          <li key={f.id}>
            <strong>{f.name}</strong> · {f.people.length ? f.people.map((p) => p.displayName).join(', ') : t('functions.nobody')}
          </li>
        ))}
      </ul>
      {plan ? (
        <PlansLeverOwners
          planId={plan.id}
          levers={plan.levers}
          functions={list}
          onSaved={() => onNotice(t('functions.ownerSaved'))}
          onNotice={onNotice}
        />
      ) : null}
      <label class="field">
        <span>{t('functions.find')}</span>
        <input type="search" value={search} onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)} />
      </label>
      {found.state.status === 'ready' ? (
        <ul class="lever-links">
          {found.state.data.people.edges.map(({ node }) => (
            <li key={node.id}>
              <button
                type="button"
                class="button button-small person-choice"
                aria-pressed={person?.id === node.id}
                onClick={() => choose(node.id, node.displayName)}
              >
                <Avatar name={node.displayName} photoUrl={node.photoUrl} size="xs" />
                <span>{node.displayName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {person ? (
        <form
          class="action-form"
          onSubmit={async (event) => {
            event.preventDefault();
            try {
              const { setPersonFunctions: result } = await save.run({ input: { userId: person.id, functionIds: [...chosen] } });
              if (result.__typename === 'SetPersonFunctionsSuccess') {
                onNotice(t('functions.saved', { name: person.name }));
                functions.reload();
              } else {
                onNotice(result.message);
              }
            } catch {
              onNotice(t('errors.network'));
            }
          }}
        >
          <fieldset class="quiz-question">
            <legend>{t('functions.of', { name: person.name })}</legend>
            {list.map((f) => (
              <label key={f.id} class="quiz-choice">
                <input
                  type="checkbox"
                  checked={chosen.has(f.id)}
                  onChange={() => {
                    const next = new Set(chosen);
                    if (next.has(f.id)) next.delete(f.id);
                    else next.add(f.id);
                    setChosen(next);
                  }}
                />
                <span>{f.name}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" class="button button-primary">
            {t('functions.save')}
          </button>
        </form>
      ) : null}
    </details>
  );
}
