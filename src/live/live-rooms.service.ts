import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { DataSource } from 'typeorm';

import { AccessService } from '../collaboratives/access.service.js';
import { readableSql } from '../collaboratives/read-rule.js';
import { rooms, type RoutedEvent } from '../events/envelope.js';
import { LiveSubjects, type ResolvedSubject, type SubjectKind } from '../events/live-subjects.js';
import { isSiteStaff } from '../identity/auth-user.js';
import type { LiveSocket } from './live-socket.js';

/** Which rooms a socket is in, and keeping that true when access changes. */
@Injectable()
export class LiveRooms {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly subjects: LiveSubjects,
  ) {}

  /** The person's own room and every collaborative they follow and may read. */
  async joinInitialRooms(socket: LiveSocket): Promise<void> {
    const { user } = socket.data;
    const followed: Array<{ id: string }> = await this.dataSource.query(
      `SELECT f.collaborative_id AS id FROM collaborative_follows f WHERE f.user_id = $1 AND ${readableSql('f.collaborative_id', '$1', '$2')}`,
      [user.id, isSiteStaff(user)],
    );
    socket.join(rooms.user(user.id));
    for (const { id } of followed) this.enter(socket, { room: rooms.collaborative(id), collaborativeId: id });
  }

  private enter(socket: LiveSocket, subject: ResolvedSubject): void {
    socket.join(subject.room);
    socket.data.subjects.set(subject.room, subject.collaborativeId);
  }

  async join(socket: LiveSocket, kind: SubjectKind, id: string): Promise<ResolvedSubject | null> {
    const subject = await this.subjects.resolve(socket.data.user, kind, id);
    if (subject) this.enter(socket, subject);
    return subject;
  }

  async leave(socket: LiveSocket, kind: SubjectKind, id: string): Promise<void> {
    const room =
      kind === 'threadId' ? rooms.thread(id) : kind === 'practiceId' ? rooms.practice(id) : rooms.collaborative(id);
    socket.leave(room);
    socket.data.subjects.delete(room);
  }

  /**
   * Local sockets of one person, by who they signed in as, not by their room: a socket
   * joins its rooms only once its set-up runs (which queues under load), and a
   * suspension in between must still end it. Access changes are rare, so a scan is fine.
   */
  private socketsOf(namespace: Namespace, userId: string): LiveSocket[] {
    return [...(namespace.sockets.values() as Iterable<LiveSocket>)].filter(
      (socket) => socket.data.user?.id === userId,
    );
  }

  /**
   * Access changes take effect at once: a suspended person or one whose role changed is
   * disconnected (they reconnect with their new rights), as is a socket of a session that
   * ended (sign-out, password change, a replayed refresh token); someone who left a collaborative
   * they can no longer read leaves its rooms; a new member joins its room.
   */
  async applyAccessChange(namespace: Namespace, event: RoutedEvent): Promise<void> {
    const { type, data } = event.envelope;
    if (type === 'user.suspended' || type === 'user.role-changed') {
      for (const socket of this.socketsOf(namespace, (data as { userId: string }).userId)) socket.disconnect(true);
      return;
    }
    if (type === 'session.ended') {
      // Only the ended sessions' sockets: the person's other devices stay connected.
      const { userId, sessionIds } = data as { userId: string; sessionIds: string[] };
      const ended = new Set(sessionIds);
      for (const socket of this.socketsOf(namespace, userId))
        if (ended.has(socket.data.user.sessionId)) socket.disconnect(true);
      return;
    }
    if (type === 'thread.moved') return this.recheckThreadRoom(namespace, (data as { threadId: string }).threadId);
    if (type === 'collaborative.visibility-changed')
      return this.recheckCollaborative(namespace, (data as { collaborativeId: string }).collaborativeId);
    if (type !== 'membership.changed') return;
    const { collaborativeId, userId, role } = data as { collaborativeId: string; userId: string; role: string | null };
    for (const socket of this.socketsOf(namespace, userId)) {
      const access = await this.access.lookup(socket.data.user, collaborativeId);
      if (access?.canRead && role !== null) {
        this.enter(socket, { room: rooms.collaborative(collaborativeId), collaborativeId });
      } else if (!access?.canRead) {
        this.leaveCollaborative(socket, collaborativeId);
      }
    }
  }

  /** Every local socket with a room in the collaborative is asked again whether it may read it. */
  private async recheckCollaborative(namespace: Namespace, collaborativeId: string): Promise<void> {
    for (const socket of namespace.sockets.values() as Iterable<LiveSocket>) {
      if (![...socket.data.subjects.values()].includes(collaborativeId)) continue;
      const access = await this.access.lookup(socket.data.user, collaborativeId);
      if (!access?.canRead) this.leaveCollaborative(socket, collaborativeId);
    }
  }

  /** Leaves the collaborative's room and every thread or case-study room inside it. */
  private leaveCollaborative(socket: LiveSocket, collaborativeId: string): void {
    for (const [room, owner] of socket.data.subjects) {
      if (owner === collaborativeId) {
        socket.leave(room);
        socket.data.subjects.delete(room);
      }
    }
  }

  /** A thread that moved collaborative is readable by other people now: each socket in its room is asked again. */
  private async recheckThreadRoom(namespace: Namespace, threadId: string): Promise<void> {
    const room = rooms.thread(threadId);
    for (const socketId of [...(namespace.adapter.rooms.get(room) ?? [])]) {
      const socket = namespace.sockets.get(socketId) as LiveSocket | undefined;
      if (!socket) continue;
      const subject = await this.subjects.resolve(socket.data.user, 'threadId', threadId);
      if (subject) {
        socket.data.subjects.set(room, subject.collaborativeId);
      } else {
        socket.leave(room);
        socket.data.subjects.delete(room);
      }
    }
  }
}
