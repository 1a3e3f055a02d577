import { ForbiddenException, Injectable, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { ClientInfo } from '../common/client-info.decorator.js';
import { networkOf } from '../common/network-of.js';
import { AppConfig } from '../config/app-config.js';
import { ValidationProblem } from '../common/problem-details.js';
import { toOwnProfile } from '../users/dto/profile.dto.js';
import { hashPassword, verifyPassword } from '../users/password-hasher.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { AuthAttemptsService, type Limit } from './auth-attempts.service.js';
import type { AuthUser } from './auth-user.js';
import type { TokensDto } from './dto/auth.dto.js';
import type { ChangePasswordDto } from './dto/change-password.dto.js';
import { SessionsService } from './sessions.service.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const WRONG_CREDENTIALS = 'The email address or password is not correct.';


@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified when the email is unknown, so both failures cost the same time. */
  private dummyHash = '';

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly attempts: AuthAttemptsService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hashPassword('not-a-real-password-but-the-same-cost');
  }

  private accountLimit(email: string): Limit {
    return { key: `login:account:${email}`, max: this.config.rateLimits.loginPerAccountAndIp, windowMs: 15 * 60_000, what: 'failed sign-ins for this account' };
  }

  private ipLimit(ip: string): Limit {
    return { key: `login:ip:${networkOf(ip)}`, max: this.config.rateLimits.loginPerIp, windowMs: 60_000, what: 'failed sign-ins from your network' };
  }

  registerLimit(ip: string): Limit {
    return { key: `register:ip:${networkOf(ip)}`, max: this.config.rateLimits.registerPerIp, windowMs: 60 * 60_000, what: 'registrations from your network' };
  }

  /**
   * Checks an email and password. Unknown email and wrong password give the same
   * 401 after the same argon2 work; failures count towards both limits.
   */
  async verifyCredentials(email: string, password: string, client: ClientInfo): Promise<User> {
    const account = this.accountLimit(email);
    const network = this.ipLimit(client.ip);
    await this.attempts.check(network);
    await this.attempts.check(account);
    const user = await this.users.findByEmailWithPassword(email);
    const valid = await verifyPassword(user?.passwordHash ?? this.dummyHash, password);
    if (!user || !valid) {
      await Promise.all([this.attempts.hit(account), this.attempts.hit(network)]);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    await this.attempts.reset(account.key);
    this.requireNotSuspended(user);
    return user;
  }

  private requireNotSuspended(user: User): void {
    if (!user.isSuspended()) return;
    const until = user.suspendedUntil ? ` until ${user.suspendedUntil.toISOString()}` : '';
    throw new ForbiddenException(`Your account is suspended${until}: ${user.suspensionReason ?? 'no reason given'}.`);
  }

  async signIn(user: User, client: ClientInfo): Promise<TokensDto> {
    const { session, refreshToken } = await this.sessions.start(user.id, client.userAgent, client.ip);
    return this.tokens(user, session.id, refreshToken);
  }

  async refresh(refreshToken: string): Promise<TokensDto> {
    const { session, refreshToken: next } = await this.sessions.rotate(refreshToken);
    const user = await this.users.requireUser(session.userId).catch(() => {
      throw new UnauthorizedException('This account no longer exists.');
    });
    if (user.isSuspended()) {
      await this.sessions.end(session.id, 'suspended');
      this.requireNotSuspended(user);
    }
    return this.tokens(user, session.id, next);
  }

  private async tokens(user: User, sessionId: string, refreshToken: string): Promise<TokensDto> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role, sid: sessionId });
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_SECONDS, tokenType: 'Bearer', user: toOwnProfile(user) };
  }

  /** Needs the current password (wrong guesses count as failed sign-ins) and ends every other session. */
  async changePassword(caller: AuthUser, dto: ChangePasswordDto, client: ClientInfo): Promise<void> {
    const user = await this.users.findByIdWithPassword(caller.id);
    if (!user) throw new UnauthorizedException('This account no longer exists.');
    const account = this.accountLimit(user.email);
    await this.attempts.check(account);
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      await Promise.all([this.attempts.hit(account), this.attempts.hit(this.ipLimit(client.ip))]);
      throw new ValidationProblem([{ field: 'currentPassword', message: 'The current password is not correct' }]);
    }
    this.users.requireStrongPassword(dto.newPassword, user.email, 'newPassword');
    await this.users.setPasswordHash(user.id, await hashPassword(dto.newPassword));
    await this.sessions.endAllFor(user.id, 'password-changed', caller.sessionId);
  }
}
