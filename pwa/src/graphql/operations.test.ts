/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as challengeOperations from './challengeOperations';
import * as feedOperations from './feedOperations';
import * as levers from './levers';
import * as operations from './operations';
import * as outboxOperations from './outboxOperations';

/** The SDL the server commits (schema/schema.graphql at the repository root). */
const schemaFile = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
// every module of documents the app (or its service worker) sends
const modules = [operations, feedOperations, outboxOperations, challengeOperations, levers];
const documents = (modules.flatMap((module) => Object.entries(module)) as [string, unknown][]).filter(
  (entry): entry is [string, operations.Operation<unknown, unknown>] =>
    typeof entry[1] === 'object' && entry[1] !== null && 'query' in entry[1],
);

describe('operations', () => {
  it('are found, each with its own operation name', () => {
    // the list grows with every domain; what must hold is that none is missing a name or reuses one
    expect(documents.length).toBeGreaterThan(10);
    const names = documents.map(([, operation]) => operation.operationName);
    expect(new Set(names).size).toBe(names.length);
  });

  it('each parse and name the operation they send', () => {
    for (const [, operation] of documents) {
      const document = parse(operation.query);
      const names = document.definitions.flatMap((definition) =>
        definition.kind === 'OperationDefinition' ? [definition.name?.value] : [],
      );
      expect(names).toEqual([operation.operationName]);
    }
  });

  it('are valid against the server’s committed schema', () => {
    const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
    for (const [name, operation] of documents) {
      const errors = validate(schema, parse(operation.query)).map((error) => error.message);
      expect(errors, name).toEqual([]);
    }
  });
});
