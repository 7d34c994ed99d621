import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { useMutation, useQuery } from '../../graphql/hooks';
import { MyBrandsDocument, SwitchBrandDocument } from '../../graphql/plans.generated';

/**
 * A partner agency's person chooses the brand it works on (only the brands that granted it);
 * the app starts again on that brand, since every request and socket decides with it.
 */
export function PlansBrandSwitcher({ onNotice }: { onNotice: (message: string) => void }) {
  const brands = useQuery(MyBrandsDocument, {});
  const switching = useMutation(SwitchBrandDocument);
  const list = brands.state.status === 'ready' ? brands.state.data.myBrands : [];
  const current = list.find((b) => b.current);
  const [chosen, setChosen] = useState<string | null>(null);
  if (list.length === 0) return null;
  const target = chosen ?? current?.organizationId ?? list[0]?.organizationId ?? '';
  return (
    <form
      class="plan-brands"
      data-testid="brand-switcher"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          const { switchBrand: result } = await switching.run({ organizationId: target });
          if (result.__typename === 'SwitchBrandSuccess') window.location.reload();
          else onNotice(result.message);
        } catch {
          onNotice(t('errors.network'));
        }
      }}
    >
      <p class="lever-muted">{t('ourPlan.brands.current', { name: current?.name ?? '–' })}</p>
      <label class="field">
        <span>{t('ourPlan.brands.label')}</span>
        <select value={target} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
          {list.map((brand) => (
            <option key={brand.organizationId} value={brand.organizationId}>
              {brand.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="button button-small" disabled={target === current?.organizationId}>
        {t('ourPlan.brands.switch')}
      </button>
    </form>
  );
}
