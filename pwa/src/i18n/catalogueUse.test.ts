/// <reference types="node" />
/**
 * Every word a person sees comes from the catalogues: no text written
 * straight into the markup of components, no literal aria-label, placeholder,
 * title or alt. Components are parsed with the TypeScript compiler.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import fr from './fr.json';

const src = fileURLToPath(new URL('..', import.meta.url));
const TEXT_ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'alt', 'aria-description']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** JSX text with letters, and text attributes given as string literals. */
function hardCodedText(code: string): string[] {
  const source = ts.createSourceFile('component.tsx', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      TEXT_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      node.initializer.text !== ''
    ) {
      found.push(`${node.name.getText(source)}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = tsxFiles(src);

describe('user-visible text', () => {
  it('finds the components to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [file.slice(src.length), file] as const))('%s has no hard-coded text', (_, file) => {
    expect(hardCodedText(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the checker catches hard-coded words and lets catalogue calls through', () => {
    const code = `export const P = () => (
      <button aria-label="Fermer" title={t('composer.close')}>
        Publier {t('composer.submit')}
      </button>
    );`;
    expect(hardCodedText(code)).toEqual(['aria-label="Fermer"', 'Publier']);
  });

  it('every key used with t() exists in the French catalogue', () => {
    const keys = new Set(Object.keys(fr));
    const used = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)].map((match) => match[1] as string),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !keys.has(key))).toEqual([]);
  });
});
