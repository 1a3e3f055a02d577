import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Db, PgBoss } from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';

import { AppConfig } from '../config/app-config.js';
import { setMailDispatch } from '../outbox/mail-dispatch.js';
import { MailSender, MAX_RETRY_SECONDS } from './mail-sender.service.js';
import { MailTransport } from './mail-transport.js';

/** The pg-boss queue with one job per message, whose id is the message's id. */
export const SEND_QUEUE = 'mail-send';
/** pg-boss's own tables live here, created and upgraded by pg-boss itself (see docs/mail.md). */
export const PGBOSS_SCHEMA = 'pgboss';
/** How long one attempt may run before pg-boss treats its instance as gone and retries it elsewhere. */
const ATTEMPT_SECONDS = 120;

interface SendJob {
  id: string;
}

/** pg-boss statements run on the caller's transaction, so a job exists exactly when its message does. */
export function onManager(manager: EntityManager): Db {
  return { executeSql: async (text, values) => ({ rows: await manager.query(text, values) }) };
}

/**
 * Sends queued mail through pg-boss: at least once and never lost. Each message gets one job,
 * created in the transaction that queues it (`queueMail` calls `schedule` with that
 * transaction), so a committed message always has a job and a rolled-back one never does.
 * pg-boss hands each job to one worker of one instance at a time, retries failures with
 * exponential backoff, and gives a job whose instance died back to the others once its
 * time limit passes. The attempt itself, and giving up, are MailSender's.
 */
@Injectable()
export class MailQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MailQueue');
  private boss: PgBoss | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly sender: MailSender,
    private readonly transport: MailTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { mail } = this.config;
    const boss = new PgBoss({
      connectionString: (this.dataSource.options as { url: string }).url,
      schema: PGBOSS_SCHEMA,
      max: 3,
      application_name: 'forum-mail',
      useListenNotify: true,
      superviseIntervalSeconds: Math.max(1, mail.pollSeconds),
    });
    boss.on('error', (error) => this.logger.warn(`pg-boss: ${error.message}`));
    await boss.start();
    await boss.createQueue(SEND_QUEUE, {
      notify: true,
      retryLimit: 100_000, // never the limit: MailSender gives up after MAIL_GIVE_UP_HOURS
      retryDelay: mail.retrySeconds,
      retryBackoff: true,
      retryDelayMax: MAX_RETRY_SECONDS,
      expireInSeconds: ATTEMPT_SECONDS,
      // Kept waiting at least as long as MailSender keeps trying, plus a day.
      retentionSeconds: mail.giveUpHours * 3600 + 86_400,
    });
    this.boss = boss;
    setMailDispatch(this.dataSource, {
      messageIdDomain: new URL(this.config.publicUrl).hostname,
      schedule: (manager, id) => this.schedule(manager, id),
    });
    await boss.work<SendJob>(
      SEND_QUEUE,
      {
        // A new message wakes a worker at once (NOTIFY); a retry falling due is found by polling.
        pollingIntervalSeconds: mail.pollSeconds,
        notifyPollingIntervalSeconds: mail.pollSeconds,
        localConcurrency: 2,
      },
      async ([job]) => {
        const outcome = await this.sender.attempt(job!.data.id);
        if (outcome === 'retry') throw new Error('Not sent yet: retrying');
      },
    );
    await this.scheduleOrphans();
  }

  /** Creates the job of a message queued in this transaction (or queued again by an admin). */
  async schedule(manager: EntityManager, id: string): Promise<void> {
    if (!this.boss) throw new Error('The mail queue is not running');
    await this.boss.send(SEND_QUEUE, { id }, { id, db: onManager(manager) });
  }

  /** An admin's retry of a failed message: its old job goes, a new one with the same id comes. */
  async reschedule(manager: EntityManager, id: string): Promise<void> {
    if (!this.boss) throw new Error('The mail queue is not running');
    await this.boss.deleteJob(SEND_QUEUE, id, { db: onManager(manager) });
    await this.schedule(manager, id);
  }

  /**
   * Messages queued where the mail module was not running (a command-line tool) have no job
   * yet: give them one. A message that has one keeps it (same id: pg-boss skips the insert).
   */
  private async scheduleOrphans(): Promise<void> {
    const pending: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM mail_messages WHERE status = 'pending'`,
    );
    for (const { id } of pending) await this.boss!.send(SEND_QUEUE, { id }, { id });
  }

  async onApplicationShutdown(): Promise<void> {
    setMailDispatch(this.dataSource, null);
    await this.boss?.stop({ graceful: true, timeout: 10_000 });
    this.boss = null;
    await this.transport.close();
  }
}
