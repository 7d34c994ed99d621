/**
 * Extension point for Web Push (challenge rank changes, badges, likes).
 *
 * Later work adds here: a `push` listener that shows a notification from the
 * server's payload, and a `notificationclick` listener that focuses or opens
 * the app at the notification's URL. The subscription itself is made from
 * the page (PushManager + `registerPushSubscription` with `vapidPublicKey`).
 * Nothing is registered until then, on purpose: no fake notifications.
 */
export function registerPushHandlers(_worker: ServiceWorkerGlobalScope): void {}
