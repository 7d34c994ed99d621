import { Component, type ComponentType, h } from 'preact';

/**
 * The component rendered again only when one of its props changed (compared one by one, by
 * identity): a list that grows a few rows at a time re-renders the new rows, not every row.
 * What the component reads from a context or a store still renders it when that changes.
 */
export function pure<P extends object>(Inner: ComponentType<P>): ComponentType<P> {
  class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return changed(this.props as Record<string, unknown>, next as Record<string, unknown>);
    }

    override render(props: P) {
      return h(Inner as ComponentType<object>, props);
    }
  }
  (Pure as { displayName?: string }).displayName = `pure(${Inner.displayName ?? Inner.name})`;
  return Pure as unknown as ComponentType<P>;
}

/** Whether two props objects differ in any key (children included). */
export function changed(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  for (const key in before) if (!(key in after)) return true;
  for (const key in after) if (before[key] !== after[key]) return true;
  return false;
}
