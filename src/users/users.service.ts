import { ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { decodeCursor, escapeLike, exactTimestamp, toPage, type Page } from '../common/pagination.js';
import { ValidationProblem } from '../common/problem-details.js';
import type { ListUsersQuery } from './dto/list-users.query.js';
import { slugify } from '../common/slug.js';
import { AppConfig } from '../config/app-config.js';
import { EventStore } from '../realtime/event-store.service.js';
import type { ChangeRoleDto, SuspendUserDto } from './dto/admin-user.dto.js';
import { toOwnProfile, toPublicProfile, type OwnProfileDto, type PublicProfileDto } from './dto/profile.dto.js';
import type { RegisterDto } from './dto/register.dto.js';
import type { UpdateProfileDto } from './dto/update-profile.dto.js';
import { hashPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { HANDLE_MAX_LENGTH } from './dto/update-profile.dto.js';
import { User, type Role } from './user.entity.js';
import { appendAudit, changedFields } from '../moderation/audit-writes.js';
import type { EntityManager } from 'typeorm';

const suspensionOf = (user: User) => ({ status: user.status, suspendedUntil: user.suspendedUntil, suspensionReason: user.suspensionReason });

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: AppConfig,
    private readonly events: EventStore,
  ) {}

  /** Creates an account; the same rules for self-registration, the CLI and the demo seed. */
  async register(dto: RegisterDto, role: Role = 'member'): Promise<OwnProfileDto> {
    this.requireAllowedDomain(dto.email);
    this.requireStrongPassword(dto.password, dto.email);
    const user = this.users.create({
      email: dto.email,
      handle: await this.freeHandle(dto.displayName),
      passwordHash: await hashPassword(dto.password),
      displayName: dto.displayName,
      organisation: dto.organisation,
      jobTitle: dto.jobTitle,
      sector: dto.sector,
      role,
    });
    try {
      return toOwnProfile(await this.users.save(user));
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException('An account with this email address already exists: sign in with it instead.');
      }
      throw error;
    }
  }

  /** A handle for @mentions made from the display name, numbered when taken. */
  async freeHandle(displayName: string): Promise<string> {
    const base = slugify(displayName, HANDLE_MAX_LENGTH - 4) || 'member';
    const taken = new Set(
      (await this.users.createQueryBuilder('u').select('lower(u.handle)', 'handle').where('u.handle ILIKE :prefix', { prefix: `${base}%` }).getRawMany())
        .map((row: { handle: string }) => row.handle),
    );
    if (!taken.has(base)) return base;
    for (let suffix = 2; ; suffix++) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
  }

  requireStrongPassword(password: string, email: string, field = 'password'): void {
    const problem = passwordProblem(password, email);
    if (problem) throw new ValidationProblem([{ field, message: problem }]);
  }

  private requireAllowedDomain(email: string): void {
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
    return this.users.createQueryBuilder('user').addSelect('user.passwordHash').where('user.email = :email', { email }).getOne();
  }

  findByIdWithPassword(id: string): Promise<User | null> {
    return this.users.createQueryBuilder('user').addSelect('user.passwordHash').where('user.id = :id', { id }).getOne();
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.users.update({ id }, { passwordHash });
  }

  async requireUser(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException('No user with this id.');
    return user;
  }

  /** For admins: everyone, newest first, searchable, with emails and status. */
  async list(query: ListUsersQuery): Promise<Page<OwnProfileDto>> {
    const qb = this.users
      .createQueryBuilder('u')
      .addSelect(exactTimestamp('u.created_at'), 'sort_key')
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(query.limit + 1);
    if (query.query) {
      qb.andWhere(
        `(u.display_name ILIKE '%' || :text || '%' OR u.email ILIKE '%' || :text || '%' OR u.handle ILIKE '%' || :text || '%' OR u.organisation ILIKE '%' || :text || '%')`,
        { text: escapeLike(query.query) },
      );
    }
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.cursor) {
      const [time, id] = decodeCursor(query.cursor, ['date', 'uuid']);
      qb.andWhere('(u.created_at, u.id) < (CAST(:time AS timestamptz), :id)', { time, id });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ sort_key: string }>();
    const rows = entities.map((user, index) => ({ user, sortKey: raw[index]!.sort_key }));
    return toPage(rows, query.limit, (row) => [row.sortKey, row.user.id], (row) => toOwnProfile(row.user));
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
    const user = await this.users.createQueryBuilder('u').where('lower(u.handle) = lower(:handle)', { handle }).getOne();
    if (!user) throw new NotFoundException('No one has this handle.');
    return toPublicProfile(user, { withEmail: caller.id === user.id || caller.role === 'admin' });
  }

  async updateProfile(caller: AuthUser, dto: UpdateProfileDto): Promise<OwnProfileDto> {
    const user = await this.requireUser(caller.id);
    Object.assign(user, dto);
    try {
      return toOwnProfile(await this.users.save(user));
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException(`The handle @${dto.handle} is taken. Choose another.`);
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
        const admins: Array<{ id: string }> = await manager.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE`);
        if (admins.length === 1 && admins[0]!.id === id) throw new ConflictException('This is the only admin. Make someone else an admin first.');
      }
      await manager.save(user);
      await appendAudit(manager, { actorId: actor.id, action: 'user.role-change', targetType: 'user', targetId: id, targetAuthorId: id, ...changedFields(before, { role: dto.role }) });
      await this.events.append(manager, { type: 'user.role-changed', userId: id, payload: { userId: id, role: dto.role } });
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
      await manager.query(`UPDATE sessions SET ended_at = now(), end_reason = 'suspended' WHERE user_id = $1 AND ended_at IS NULL`, [id]);
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
        payload: { action: 'user.unsuspend', targetType: 'user', targetId: id, threadId: null, practiceId: null, reason, actorId: actor.id },
      });
    });
    return toOwnProfile(user);
  }

  private audit(manager: EntityManager, actor: AuthUser, action: string, user: User, before: ReturnType<typeof suspensionOf>, reason: string) {
    return appendAudit(manager, { actorId: actor.id, action, targetType: 'user', targetId: user.id, targetAuthorId: user.id, reason, ...changedFields(before, suspensionOf(user)) });
  }
}
