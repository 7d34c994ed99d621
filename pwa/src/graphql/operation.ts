/** A GraphQL document tagged with its result and variable types; no dependency, so the service worker can use it. */
export interface Operation<TData, TVariables> {
  readonly operationName: string;
  readonly query: string;
  /** Phantom field: never set, only carries the types. */
  readonly __types?: (variables: TVariables) => TData;
}

export function operation<TData, TVariables = Record<string, never>>(
  operationName: string,
  query: string,
): Operation<TData, TVariables> {
  return { operationName, query };
}
