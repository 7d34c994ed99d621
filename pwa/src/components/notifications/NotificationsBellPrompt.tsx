import { useQuery } from '../../graphql/hooks';
import { PushChoiceNeededDocument } from '../../graphql/pushSettings.generated';
import { NotificationsChoicePrompt } from './NotificationsChoicePrompt';

/** On the bell: the prompt to choose, only for a person whose devices get nothing yet. */
export function NotificationsBellPrompt() {
  const { state } = useQuery(PushChoiceNeededDocument, {});
  if (state.status !== 'ready' || !state.data.pushPreferences.choiceNeeded) return null;
  return <NotificationsChoicePrompt />;
}
