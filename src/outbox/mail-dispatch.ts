import type { DataSource, EntityManager } from 'typeorm';

/**
 * How queued mail leaves: the mail module (above this layer) sets it up for its database
 * connection when it starts, so `queueMail` can schedule the sending in the caller's own
 * transaction without importing it. Kept per connection, so two app instances in one
 * process (as in tests) each keep their own.
 */
export interface MailDispatch {
  /** The host part of every Message-ID (the forum's public host). */
  messageIdDomain: string;
  /** Schedules the sending of a message queued in this transaction. */
  schedule(manager: EntityManager, messageId: string): Promise<void>;
}

const dispatches = new WeakMap<DataSource, MailDispatch>();

export function setMailDispatch(dataSource: DataSource, dispatch: MailDispatch | null): void {
  if (dispatch) dispatches.set(dataSource, dispatch);
  else dispatches.delete(dataSource);
}

/** None in a process without the mail module (a CLI): the worker schedules its rows when it starts. */
export function mailDispatchFor(dataSource: DataSource): MailDispatch | undefined {
  return dispatches.get(dataSource);
}
