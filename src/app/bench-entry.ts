/**
 * What the benchmark imports from the build, in one place: the benchmark and its raw
 * baseline run the very same SQL and rendering as the forum, and moving a file in src/
 * must not break them unseen.
 */
export { MAY_READ_EACH_SQL } from '../collaboratives/read-rule.js';
export { prepareBody } from '../common/markdown.js';
export { SerialRunner } from '../common/serial-runner.js';
export { HIDDEN_NOTICE } from '../content/hidden-notice.js';
export { createDatabaseIfMissing, freePort, startEmbeddedPostgres } from '../database/embedded-postgres.js';
export { POOL_OPTIONS } from '../database/pool-options.js';
export { appendEvents } from '../events/event-append.js';
export {
  INSERT_NOTIFICATIONS_SQL,
  insertNotificationsParams,
  notificationData,
  NOTIFICATIONS_CURSOR,
  NOTIFICATIONS_WORKER_LOCK,
} from '../notifications/notification-writes.js';
export { postTextSql } from '../notifications/post-text.js';
export { SNIPPET_OPTIONS, START, STOP, TITLE_OPTIONS, toMarkedHtml } from '../search/highlight.js';
export { REPLY_RECIPIENTS_SQL } from '../threads/thread-notifications.js';
export { viewerStateSql } from '../threads/viewer-state.js';
export { dataSourceOptions } from './data-source-options.js';
