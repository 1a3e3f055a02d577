import type { EntityManager } from 'typeorm';
import { Reply } from './reply.entity.js';
import { Thread } from './thread.entity.js';

/*
 * One query each. `findOne` with `relations` costs two round trips: TypeORM pages any
 * joined query with a `SELECT DISTINCT id` subquery first, even for a many-to-one join
 * that cannot multiply rows. These loads sit on every read and inside write transactions
 * (while row locks are held), so they use the query builder, which joins without paging.
 */

export function threadWithAuthor(manager: EntityManager, id: string): Promise<Thread | null> {
  return manager.createQueryBuilder(Thread, 'thread').leftJoinAndSelect('thread.author', 'author').where('thread.id = :id', { id }).getOne();
}

export function replyWithAuthor(manager: EntityManager, id: string): Promise<Reply | null> {
  return manager.createQueryBuilder(Reply, 'reply').leftJoinAndSelect('reply.author', 'author').where('reply.id = :id', { id }).getOne();
}

/** The reply with its author and its thread (the thread without its author). */
export function replyWithAuthorAndThread(manager: EntityManager, id: string): Promise<Reply | null> {
  return manager
    .createQueryBuilder(Reply, 'reply')
    .leftJoinAndSelect('reply.author', 'author')
    .leftJoinAndSelect('reply.thread', 'thread')
    .where('reply.id = :id', { id })
    .getOne();
}
