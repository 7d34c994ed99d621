import { useEffect, useState } from 'preact/hooks';
import { getConnectionState, onConnectionState, type ConnectionState } from '../../graphql/client';

export function useConnectionState(): ConnectionState {
  const [state, setState] = useState(getConnectionState);
  useEffect(() => {
    setState(getConnectionState());
    return onConnectionState(setState);
  }, []);
  return state;
}
