import { readdirSync, readFileSync } from 'node:fs';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compactDocument, compactGeneratedModule } from './compact-documents.mjs';

const graphqlDir = new URL('../src/graphql/', import.meta.url);
const generated = readdirSync(graphqlDir).filter((name) => name.endsWith('.generated.ts'));

describe('compacting the generated documents for the bundle', () => {
  it('keeps every document the same to the server', () => {
    // given every document the generator wrote
    const texts = generated.flatMap((name) =>
      [...readFileSync(new URL(name, graphqlDir), 'utf8').matchAll(/new TypedDocumentString\(`([^`]*)`/g)].map((m) => m[1]),
    );
    expect(texts.length).toBeGreaterThan(90);
    for (const text of texts) {
      // when it is compacted, then it parses to the same document, in fewer bytes
      const compact = compactDocument(text);
      expect(print(parse(compact))).toBe(print(parse(text)));
      expect(compact.length).toBeLessThan(text.length);
    }
  });

  it('marks each construction pure so unused documents leave the bundle', () => {
    const module = 'export const ADocument = new TypedDocumentString(`\n  query A($id: ID!) {\n  a(id: $id) { b }\n}`);';
    expect(compactGeneratedModule(module)).toBe(
      'export const ADocument = /* @__PURE__ */ new TypedDocumentString(`query A($id:ID!){a(id:$id){b}}`);',
    );
  });
});
