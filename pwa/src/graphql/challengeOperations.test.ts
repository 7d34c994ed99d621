/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as challengeOperations from './challengeOperations';
import type { Operation } from './operations';

const schemaFile = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
const documents = (Object.entries(challengeOperations) as [string, unknown][]).filter(
  (entry): entry is [string, Operation<unknown, unknown>] =>
    typeof entry[1] === 'object' && entry[1] !== null && 'query' in entry[1],
);

describe('challenge management operations', () => {
  it('are found and each names the operation it sends', () => {
    expect(documents.length).toBeGreaterThanOrEqual(8);
    for (const [, operation] of documents) {
      const names = parse(operation.query).definitions.flatMap((d) =>
        d.kind === 'OperationDefinition' ? [d.name?.value] : [],
      );
      expect(names).toEqual([operation.operationName]);
    }
  });

  it('are valid against the server’s committed schema', () => {
    const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
    for (const [name, operation] of documents) {
      expect(validate(schema, parse(operation.query)).map((e) => e.message), name).toEqual([]);
    }
  });
});
