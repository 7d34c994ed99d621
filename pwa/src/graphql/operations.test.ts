/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationName } from './document';
import { QuizDocument } from './training.generated';

/** The SDL the server commits (schema/schema.graphql at the repository root). */
const schemaFile = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
// every generated module of documents the app (or its service worker) sends
const modules = import.meta.glob<Record<string, unknown>>('./*.generated.ts', { eager: true });
const documents = Object.values(modules)
  .flatMap((module) => Object.entries(module))
  .filter(([name]) => name.endsWith('Document'))
  .map(([name, document]) => [name, String(document)] as const);

describe('operations', () => {
  it('are found, each with its own operation name', () => {
    // the list grows with every domain; what must hold is that none is missing a name or reuses one
    expect(documents.length).toBeGreaterThan(90);
    const names = documents.map(([, text]) => operationName(text));
    expect(names.every((name) => name !== '')).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('each parse and name the operation they send', () => {
    for (const [name, text] of documents) {
      const document = parse(text);
      const names = document.definitions.flatMap((definition) =>
        definition.kind === 'OperationDefinition' ? [definition.name?.value] : [],
      );
      expect(names, name).toEqual([operationName(text)]);
      expect(`${operationName(text)}Document`).toBe(name);
    }
  });

  it('are valid against the server’s committed schema', () => {
    const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
    for (const [name, text] of documents) {
      const errors = validate(schema, parse(text)).map((error) => error.message);
      expect(errors, name).toEqual([]);
    }
  });

  it('never ask a quiz for its answers', () => {
    expect(String(QuizDocument)).not.toMatch(/correct|explanation/);
  });
});
