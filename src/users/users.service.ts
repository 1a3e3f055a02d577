import { randomInt } from 'node:crypto';

import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { appendAudit, changedFields } from '../audit/audit-writes.js';
import { escapeLike, type Page } from '../common/pagination.js';
import { type FieldError, ValidationProblem } from '../common/problem-details.js';
import { slugify } from '../common/slug.js';
import { AppConfig } from '../config/app-config.js';
import { hasSqlState, UNIQUE_VIOLATION } from '../database/database-errors.js';
import { Keyset } from '../database/keyset.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { ChangeProfileDto, ChangeRoleDto, SuspendUserDto } from './dto/admin-user.dto.js';
import type { ListUsersQuery } from './dto/list-users.query.js';
import { type OwnProfileDto, type PublicProfileDto, toOwnProfile, toPublicProfile } from './dto/profile.dto.js';
import type { RegisterDto } from './dto/register.dto.js';
import type { UpdateProfileDto } from './dto/update-profile.dto.js';
import { HANDLE_MAX_LENGTH } from './dto/update-profile.dto.js';
import { hashPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { isReservedName, RESERVED_NAME_SQL_PARAMETERS, reservedNameSql } from './reserved-names.js';
import { type Role, User } from './user.entity.js';

const suspensionOf = (user: User) => ({
  status: user.status,
  suspendedUntil: user.suspendedUntil,
  suspensionReason: user.suspensionReason,
});

/** Registrations racing for one handle try again this many times in all. */
const HANDLE_ATTEMPTS = 10;
/** How many free handles racers spread over after a collision. */
const SPREAD = 16;

const NEWEST_FIRST = new Keyset([
  { sql: 'u.created_at', kind: 'timestamp' },
  { sql: 'u.id', kind: 'uuid' },
]);

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: AppConfig,
    private readonly events: EventStore,
  ) {}

  /** What every new account must satisfy, whoever makes it: throws a problem the person can act on. */
  requireValidRegistration(dto: RegisterDto, role: Role = 'member'): void {
    this.requireAllowedDomain(dto.email);
    this.requireStrongPassword(dto.password, dto.email);
    if (role === 'member') this.requireOwnNames({ displayName: dto.displayName });
  }

  /**
   * Creates an account outside self-registration: the CLI, where the operator vouches for
   * the address (`confirmed`), and tests. A taken address is a 409 here; self-registration
   * (auth/registration.service.ts) answers it without saying so.
   */
  async register(
    dto: RegisterDto,
    role: Role = 'member',
    options: { confirmed?: boolean } = {},
  ): Promise<OwnProfileDto> {
    this.requireValidRegistration(dto, role);
    const passwordHash = await hashPassword(dto.password);
    const user = await this.users.manager.transaction((manager) =>
      this.createAccount(manager, dto, passwordHash, role, options.confirmed ? new Date() : null),
    );
    if (!user)
      throw new ConflictException('An account with this email address already exists: sign in with it instead.');
    return toOwnProfile(user);
  }

  /**
   * Inserts an account in the caller's transaction, or answers null when the address already
   * has one. Nothing is thrown for a taken address, so the transaction can go on (and queue
   * the owner's email).
   */
  async createAccount(
    manager: EntityManager,
    dto: RegisterDto,
    passwordHash: string,
    role: Role,
    emailConfirmedAt: Date | null,
  ): Promise<User | null> {
    for (let attempt = 1; ; attempt++) {
      const handle = await this.freeHandle(dto.displayName, role, attempt > 1);
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO users (email, handle, password_hash, display_name, organisation, job_title, sector, role, email_confirmed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          dto.email,
          handle,
          passwordHash,
          dto.displayName,
          dto.organisation,
          dto.jobTitle,
          dto.sector,
          role,
          emailConfirmedAt,
        ],
      );
      if (inserted.length > 0) return manager.findOneByOrFail(User, { id: inserted[0]!.id });
      if (await manager.existsBy(User, { email: dto.email })) return null;
      // Two people with the same name registering at once were handed the same free
      // handle; the later one takes the next free one.
      if (attempt >= HANDLE_ATTEMPTS)
        throw new ConflictException('Too many people are registering with this name at once. Try again.');
    }
  }

  /**
   * A handle for @mentions made from the display name, numbered when taken. A member's is
   * never a reserved one: slugify drops letters it cannot spell in ASCII, so an allowed
   * name such as "Admin Дмитрий" would otherwise become @admin.
   */
  async freeHandle(displayName: string, role: Role = 'member', spread = false): Promise<string> {
    const slug = slugify(displayName, HANDLE_MAX_LENGTH - 4);
    const base = slug && (role !== 'member' || !isReservedName(slug)) ? slug : 'member';
    const taken = new Set(
      (
        await this.users
          .createQueryBuilder('u')
          .select('lower(u.handle)', 'handle')
          .where('u.handle ILIKE :prefix', { prefix: `${base}%` })
          .getRawMany()
      ).map((row: { handle: string }) => row.handle),
    );
    const free: string[] = [];
    if (!taken.has(base)) free.push(base);
    for (let suffix = 2; free.length < (spread ? SPREAD : 1); suffix++) {
      if (!taken.has(`${base}-${suffix}`)) free.push(`${base}-${suffix}`);
    }
    // After a collision, racers each take one of the next few free handles at random, so
    // they do not all chase the same one again.
    return spread ? free[randomInt(free.length)]! : free[0]!;
  }

  /**
   * Members may not pose as staff or as the forum (issue #22); staff may, and admins grant
   * such names through the admin route. Only the names given are checked: callers pass
   * just what changes, so someone who already holds one can still edit the rest.
   */
  private requireOwnNames(names: { handle?: string; displayName?: string }): void {
    const errors: FieldError[] = [];
    if (names.handle !== undefined && isReservedName(names.handle)) {
      errors.push({
        field: 'handle',
        message:
          "handle cannot be a staff title or the forum's name (such as admin, moderator or support): choose one of your own",
      });
    }
    if (names.displayName !== undefined && isReservedName(names.displayName)) {
      errors.push({
        field: 'displayName',
        message:
          "displayName cannot be a staff title or the forum's name (such as Admin, Moderator or Support): use your own name",
      });
    }
    if (errors.length > 0) throw new ValidationProblem(errors);
  }

  requireStrongPassword(password: string, email: string, field = 'password'): void {
    const problem = passwordProblem(password, email);
    if (problem) throw new ValidationProblem([{ field, message: problem }]);
  }

  requireAllowedDomain(email: string): void {
    const allowed = this.config.allowedEmailDomains;
    if (allowed.length === 0) return;
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (!allowed.some((entry) => domain === entry || domain.endsWith(`.${entry}`))) {
      throw new UnprocessableEntityException(
        `Only email addresses at ${allowed.join(', ')} can register here. Use your NHS work email address.`,
      );
    }
  }

  /** With the password hash, for sign-in only. Email is expected normalised. */
  findByEmailWithPassword(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
  }

  findByIdWithPassword(id: string): Promise<User | null> {
    return this.users.createQueryBuilder('user').addSelect('user.passwordHash').where('user.id = :id', { id }).getOne();
  }

  async setPasswordHash(id: string, passwordHash: string, manager: EntityManager = this.users.manager): Promise<void> {
    await manager.update(User, { id }, { passwordHash });
  }

  /** The account at `email`, with its hash, locked for the rest of the caller's transaction. */
  lockByEmail(manager: EntityManager, email: string): Promise<User | null> {
    return manager
      .createQueryBuilder(User, 'user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .setLock('pessimistic_write')
      .getOne();
  }

  lockById(manager: EntityManager, id: string): Promise<User | null> {
    return manager
      .createQueryBuilder(User, 'user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * A code sent to the account's address came back. The first time, anything the account
   * posted before may have been posted by someone other than the address's owner: when the
   * owner proves it by a password reset (`takingOver`), they are asked to review it.
   */
  async confirmAddress(manager: EntityManager, id: string, now: Date, takingOver = false): Promise<void> {
    await manager.query(
      `UPDATE users SET
         takeover_review_since = CASE
           WHEN $3 AND email_confirmed_at IS NULL AND (
             EXISTS (SELECT 1 FROM threads WHERE author_id = $1)
             OR EXISTS (SELECT 1 FROM replies WHERE author_id = $1)
             OR EXISTS (SELECT 1 FROM practices WHERE author_id = $1)
             OR EXISTS (SELECT 1 FROM practice_comments WHERE author_id = $1))
           THEN $2::timestamptz ELSE takeover_review_since END,
         email_confirmed_at = coalesce(email_confirmed_at, $2)
       WHERE id = $1`,
      [id, now, takingOver],
    );
  }

  async requireUser(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException('No user with this id.');
    return user;
  }

  /** For admins: everyone, newest first, searchable, with emails and status. */
  async list(query: ListUsersQuery): Promise<Page<OwnProfileDto>> {
    const qb = this.users.createQueryBuilder('u');
    if (query.query) {
      qb.andWhere(
        `(u.display_name ILIKE '%' || :text || '%' OR u.email ILIKE '%' || :text || '%' OR u.handle ILIKE '%' || :text || '%' OR u.organisation ILIKE '%' || :text || '%')`,
        { text: escapeLike(query.query) },
      );
    }
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.reservedName !== undefined) {
      qb.andWhere(`(${reservedNameSql('u.handle')} OR ${reservedNameSql('u.display_name')}) = :reservedName`, {
        ...RESERVED_NAME_SQL_PARAMETERS,
        reservedName: query.reservedName,
      });
    }
    const { rows, nextCursor } = await NEWEST_FIRST.fetchEntities(qb, query);
    return { items: rows.map((row) => toOwnProfile(row.entity)), nextCursor };
  }

  async me(caller: AuthUser): Promise<OwnProfileDto> {
    return toOwnProfile(await this.requireUser(caller.id));
  }

  /** Public fields for everyone; the email only for the person themself or an admin. */
  async profile(caller: AuthUser, id: string): Promise<PublicProfileDto> {
    const user = await this.requireUser(id);
    return toPublicProfile(user, { withEmail: caller.id === id || caller.role === 'admin' });
  }

  async profileByHandle(caller: AuthUser, handle: string): Promise<PublicProfileDto> {
    const user = await this.users
      .createQueryBuilder('u')
      .where('lower(u.handle) = lower(:handle)', { handle })
      .getOne();
    if (!user) throw new NotFoundException('No one has this handle.');
    return toPublicProfile(user, { withEmail: caller.id === user.id || caller.role === 'admin' });
  }

  async updateProfile(caller: AuthUser, dto: UpdateProfileDto): Promise<OwnProfileDto> {
    const user = await this.requireUser(caller.id);
    // The stored role decides, not the token's: a member demoted a minute ago is a member.
    if (user.role === 'member') {
      this.requireOwnNames({
        handle: dto.handle !== undefined && dto.handle !== user.handle.toLowerCase() ? dto.handle : undefined,
        displayName:
          dto.displayName !== undefined && dto.displayName !== user.displayName ? dto.displayName : undefined,
      });
    }
    Object.assign(user, dto);
    return toOwnProfile(await this.saveNamed(user, dto.handle));
  }

  /**
   * An admin sets someone's handle or display name, reserved ones included (a staff
   * account's "Forum Moderator"). Audited as role changes are: who, when, from what to what.
   */
  async changeProfile(actor: AuthUser, id: string, dto: ChangeProfileDto): Promise<OwnProfileDto> {
    const user = await this.requireUser(id);
    const before = { handle: user.handle, displayName: user.displayName };
    const changes = changedFields(before, {
      handle: dto.handle ?? user.handle,
      displayName: dto.displayName ?? user.displayName,
    });
    if (Object.keys(changes.after).length === 0) return toOwnProfile(user);
    Object.assign(user, changes.after);
    await this.users.manager.transaction(async (manager) => {
      await this.saveNamed(user, dto.handle, manager);
      await appendAudit(manager, {
        actorId: actor.id,
        action: 'user.profile-change',
        targetType: 'user',
        targetId: id,
        targetAuthorId: id,
        ...changes,
      });
    });
    return toOwnProfile(user);
  }

  /** Saves a user whose handle may have changed: a handle someone else has is a 409 that says so. */
  private async saveNamed(
    user: User,
    handle: string | undefined,
    manager: EntityManager = this.users.manager,
  ): Promise<User> {
    try {
      return await manager.save(user);
    } catch (error) {
      if (hasSqlState(error, UNIQUE_VIOLATION)) {
        throw new ConflictException(`The handle @${handle} is taken. Choose another.`);
      }
      throw error;
    }
  }

  /**
   * Role changes are audited like moderation: who, when, from what to what. The last admin
   * keeps the role: with none left, nobody could make another but from the command line.
   */
  async changeRole(actor: AuthUser, id: string, dto: ChangeRoleDto): Promise<OwnProfileDto> {
    const user = await this.requireUser(id);
    const before = { role: user.role };
    user.role = dto.role;
    await this.users.manager.transaction(async (manager) => {
      if (dto.role !== 'admin') {
        // Every admin row locked, in one order, and read afresh: two admins demoting each other at once take turns.
        const admins: Array<{ id: string }> = await manager.query(
          `SELECT id FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE`,
        );
        if (admins.length === 1 && admins[0]!.id === id)
          throw new ConflictException('This is the only admin. Make someone else an admin first.');
      }
      await manager.save(user);
      await appendAudit(manager, {
        actorId: actor.id,
        action: 'user.role-change',
        targetType: 'user',
        targetId: id,
        targetAuthorId: id,
        ...changedFields(before, { role: dto.role }),
      });
      await this.events.append(manager, {
        type: 'user.role-changed',
        userId: id,
        payload: { userId: id, role: dto.role },
      });
    });
    return toOwnProfile(user);
  }

  /**
   * Locks the person out: sign-in and refresh stop working, every session ends, and the
   * `user.suspended` event disconnects their live sockets. Site moderators and admins
   * only (the caller's role is checked by the route); never an admin, never yourself.
   */
  async suspend(actor: AuthUser, id: string, dto: SuspendUserDto): Promise<OwnProfileDto> {
    if (actor.id === id) throw new ForbiddenException('You cannot suspend yourself.');
    const user = await this.requireUser(id);
    if (user.role === 'admin') throw new ConflictException('An admin cannot be suspended. Change their role first.');
    const before = suspensionOf(user);
    Object.assign(user, { status: 'suspended', suspendedUntil: dto.until ?? null, suspensionReason: dto.reason });
    await this.users.manager.transaction(async (manager) => {
      await manager.save(user);
      await manager.query(
        `UPDATE sessions SET ended_at = now(), end_reason = 'suspended' WHERE user_id = $1 AND ended_at IS NULL`,
        [id],
      );
      await this.audit(manager, actor, 'user.suspend', user, before, dto.reason);
      await this.events.append(manager, {
        type: 'user.suspended',
        userId: id,
        payload: { userId: id, until: user.suspendedUntil?.toISOString() ?? null, reason: dto.reason },
      });
    });
    return toOwnProfile(user);
  }

  async reinstate(actor: AuthUser, id: string, reason: string): Promise<OwnProfileDto> {
    if (actor.id === id) throw new ForbiddenException('You cannot lift your own suspension.');
    const user = await this.requireUser(id);
    if (user.status !== 'suspended') throw new ConflictException('This person is not suspended.');
    const before = suspensionOf(user);
    Object.assign(user, { status: 'active', suspendedUntil: null, suspensionReason: null });
    await this.users.manager.transaction(async (manager) => {
      await manager.save(user);
      await this.audit(manager, actor, 'user.unsuspend', user, before, reason);
      await this.events.append(manager, {
        type: 'moderation.notice',
        userId: id,
        payload: {
          action: 'user.unsuspend',
          targetType: 'user',
          targetId: id,
          threadId: null,
          practiceId: null,
          reason,
          actorId: actor.id,
        },
      });
    });
    return toOwnProfile(user);
  }

  private audit(
    manager: EntityManager,
    actor: AuthUser,
    action: string,
    user: User,
    before: ReturnType<typeof suspensionOf>,
    reason: string,
  ) {
    return appendAudit(manager, {
      actorId: actor.id,
      action,
      targetType: 'user',
      targetId: user.id,
      targetAuthorId: user.id,
      reason,
      ...changedFields(before, suspensionOf(user)),
    });
  }
}
