/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as operations from './operations';

/** The SDL the server commits (schema/schema.graphql at the repository root). */
const schemaFile = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
const documents = (Object.entries(operations) as [string, unknown][]).filter(
  (entry): entry is [string, operations.Operation<unknown, unknown>] =>
    typeof entry[1] === 'object' && entry[1] !== null && 'query' in entry[1],
);

describe('operations', () => {
  it('are all found', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(
      [
        'CREATE_POST',
        'FEED',
        'FEED_EVENTS',
        'LIKE_POST',
        'LOGIN',
        'LOGOUT',
        'ME',
        'SIGN_UP',
        'UNLIKE_POST',
        'NOTIFICATIONS',
        'UNREAD_COUNT',
        'MARK_NOTIFICATIONS_READ',
        'NOTIFICATION_EVENTS',
        'VAPID_PUBLIC_KEY',
        'PUSH_SETTINGS',
        'REGISTER_PUSH_SUBSCRIPTION',
        'UNREGISTER_PUSH_SUBSCRIPTION',
        'REMOVE_PUSH_DEVICE',
        'UPDATE_PUSH_PREFERENCES',
        'BADGES',
        'PERSON',
        'WALL_OF_FAME',
        'AWARDABLE_PEOPLE',
        'AWARD_BADGE',
        'FEED_PREFERENCE',
        'SET_HIDDEN_FROM_FEED',
        'CREATE_BADGE',
        'REVOKE_AWARD',
        'RETIRE_BADGE',
        'BADGE_RULES',
        'CREATE_BADGE_RULE',
      ].sort(),
    );
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

  it.skipIf(!existsSync(schemaFile))('are valid against the server’s committed schema', () => {
    const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
    for (const [name, operation] of documents) {
      const errors = validate(schema, parse(operation.query)).map((error) => error.message);
      expect(errors, name).toEqual([]);
    }
  });
});
