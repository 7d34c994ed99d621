/**
 * A generated document (`src/graphql/<domain>.generated.ts`): the text the
 * client sends, typed with its result and variables. Dependency-free, so the
 * service worker can send documents too.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

export type TypedDocument<TData, TVariables> = DocumentTypeDecoration<TData, TVariables> & { toString(): string };

export type ResultOf<T> = T extends DocumentTypeDecoration<infer TData, unknown> ? TData : never;
export type VariablesOf<T> = T extends DocumentTypeDecoration<unknown, infer TVariables> ? TVariables : never;

const OPERATION = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/** The name of the one operation in a document (fragments follow it, never precede it). */
export function operationName(document: { toString(): string }): string {
  return OPERATION.exec(document.toString())?.[1] ?? '';
}

/** What goes in the POST body or the socket's subscribe message. */
export function requestPayload(
  document: { toString(): string },
  variables: unknown,
): { operationName: string; query: string; variables: Record<string, unknown> | undefined } {
  return {
    operationName: operationName(document),
    query: document.toString(),
    variables: (variables ?? undefined) as Record<string, unknown> | undefined,
  };
}
