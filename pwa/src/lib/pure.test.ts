import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { changed, pure } from './pure';

describe('pure', () => {
  it('tells props apart key by key, by identity', () => {
    const post = { id: '1' };
    expect(changed({ post, n: 1 }, { post, n: 1 })).toBe(false);
    expect(changed({ post }, { post: { id: '1' } })).toBe(true);
    expect(changed({ post, n: 1 }, { post })).toBe(true);
    expect(changed({ post }, { post, n: 1 })).toBe(true);
  });

  it('lets a row render again only when its props change, and renders the row itself', () => {
    const Row = ({ label }: { label: string }) => h('li', null, label);
    type Instance = { props: { label: string }; shouldComponentUpdate(next: { label: string }): boolean; render(p: { label: string }): unknown };
    const PureRow = pure(Row) as unknown as new (props: { label: string }) => Instance;
    const row = new PureRow({ label: 'a' });
    row.props = { label: 'a' };
    expect(row.shouldComponentUpdate({ label: 'a' })).toBe(false);
    expect(row.shouldComponentUpdate({ label: 'b' })).toBe(true);
    const element = row.render({ label: 'a' }) as { type: unknown; props: { label: string } };
    expect(element.type).toBe(Row);
    expect(element.props.label).toBe('a');
  });
});
