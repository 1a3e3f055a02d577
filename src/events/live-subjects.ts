import { Injectable } from '@nestjs/common';

import type { AuthUser } from '../identity/auth-user.js';

export const SUBJECT_KINDS = ['collaborativeId', 'threadId', 'practiceId'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** A room a reader may join, and the collaborative it belongs to (null for none). */
export interface ResolvedSubject {
  room: string;
  collaborativeId: string | null;
}

/** Answers whether `user` may read the subject with this id; null for hidden or missing alike. */
export type SubjectResolver = (user: AuthUser, id: string) => Promise<ResolvedSubject | null>;

/**
 * What a socket may subscribe to. Each module that owns a kind of subject registers the
 * resolver that applies its own access rule, so the gateway never reads their tables.
 */
@Injectable()
export class LiveSubjects {
  private readonly resolvers = new Map<SubjectKind, SubjectResolver>();

  register(kind: SubjectKind, resolver: SubjectResolver): void {
    this.resolvers.set(kind, resolver);
  }

  async resolve(user: AuthUser, kind: SubjectKind, id: string): Promise<ResolvedSubject | null> {
    const resolver = this.resolvers.get(kind);
    return resolver ? resolver(user, id) : null;
  }
}
