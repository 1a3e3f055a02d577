import { ForbiddenException, Injectable, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import type { ClientInfo } from '../common/client-info.decorator.js';
import { Clock } from '../common/clock.js';
import { londonDateTime } from '../common/london-time.js';
import { networkOf } from '../common/network-of.js';
import { ValidationProblem } from '../common/problem-details.js';
import { AppConfig } from '../config/app-config.js';
import type { AuthUser } from '../identity/auth-user.js';
import { toOwnProfile } from '../users/dto/profile.dto.js';
import { hashPassword, verifyPassword } from '../users/password-hasher.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { AddressConfirmation } from './address-confirmation.service.js';
import { AuthAttemptsService, type Limit, tooMany } from './auth-attempts.service.js';
import type { TokensDto } from './dto/auth.dto.js';
import type { ChangePasswordDto } from './dto/change-password.dto.js';
import type { Session } from './session.entity.js';
import { SessionsService } from './sessions.service.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

/** What sign-in and refresh hand out: the body for the client, the refresh token for its cookie. */
export interface IssuedTokens {
  body: TokensDto;
  refreshToken: string;
  sessionExpiresAt: Date;
}
const WRONG_CREDENTIALS = 'The email address or password is not correct.';
/** How often an account past its failure ceiling may be tried, from anywhere. */
const SLOW_LANE_MS = 10_000;
/** How long an address that signed in to an account skips that account's slow lane. */
const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60_000;

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
    private readonly clock: Clock,
    private readonly confirmation: AddressConfirmation,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hashPassword('not-a-real-password-but-the-same-cost');
  }

  /** The tight limit: one address guessing one account's password. */
  private pairLimit(email: string, ip: string): Limit {
    return {
      key: `login:pair:${email}:${networkOf(ip)}`,
      max: this.config.rateLimits.loginPerAccountAndIp,
      windowMs: 15 * 60_000,
      what: 'failed sign-ins for this account from your network',
    };
  }

  /** The looser ceiling over every address: past it the account slows down, it never locks. */
  private accountLimit(email: string): Limit {
    return {
      key: `login:account:${email}`,
      max: this.config.rateLimits.loginPerAccount,
      windowMs: 15 * 60_000,
      what: 'failed sign-ins for this account',
    };
  }

  /** One attempt at a time for an account past its ceiling, from anywhere. */
  private slowLane(email: string): Limit {
    return {
      key: `login:slow:${email}`,
      max: 1,
      windowMs: SLOW_LANE_MS,
      what: 'failed sign-ins for this account from many places',
    };
  }

  private ipLimit(ip: string): Limit {
    return {
      key: `login:ip:${networkOf(ip)}`,
      max: this.config.rateLimits.loginPerIp,
      windowMs: 60_000,
      what: 'failed sign-ins from your network',
    };
  }

  registerLimit(ip: string): Limit {
    return {
      key: `register:ip:${networkOf(ip)}`,
      max: this.config.rateLimits.registerPerIp,
      windowMs: 60 * 60_000,
      what: 'registrations from your network',
    };
  }

  /**
   * Runs one password check under the sign-in limits. Slots are taken first, so no burst
   * checks more passwords than the limits allow; a right password gives its slots back
   * and clears this address's failures for the account (the owner's own typos).
   */
  private async underLimits<T>(email: string, ip: string, check: () => Promise<T | null>): Promise<T | null> {
    const network = this.ipLimit(ip);
    const pair = this.pairLimit(email, ip);
    const account = this.accountLimit(email);
    const known = `login:known:${email}:${networkOf(ip)}`;
    await this.attempts.take(network, pair);
    const underCeiling = (await this.attempts.tryTake(account)).taken;
    // Past the ceiling, strangers queue in the slow lane; an address the owner has signed in
    // from before does not, so a botnet cannot keep the owner out by always being first.
    if (!underCeiling && !(await this.attempts.holds(known))) {
      const slow = this.slowLane(email);
      const outcome = await this.attempts.tryTake(slow);
      if (!outcome.taken) {
        await this.attempts.giveBack(network, pair);
        throw tooMany(slow, outcome.retryAfter);
      }
    }
    const taken = [network, ...(underCeiling ? [account] : [])];
    let passed: T | null;
    try {
      passed = await check();
    } catch (error) {
      // Not a wrong password (the database or the hasher failed): it must not count as one.
      await this.attempts.giveBack(pair, ...taken).catch(() => undefined);
      throw error;
    }
    if (passed === null) return null;
    await this.attempts.giveBack(...taken);
    await this.attempts.reset(pair.key);
    await this.attempts.remember(known, KNOWN_ADDRESS_MS);
    return passed;
  }

  /**
   * Checks an email and password. Unknown email and wrong password give the same
   * 401 after the same argon2 work; failures count towards every sign-in limit.
   */
  async verifyCredentials(email: string, password: string, client: ClientInfo): Promise<User> {
    const user = await this.underLimits(email, client.ip, async () => {
      const found = await this.users.findByEmailWithPassword(email);
      const valid = await verifyPassword(found?.passwordHash ?? this.dummyHash, password);
      return found && valid ? found : null;
    });
    if (!user) throw new UnauthorizedException(WRONG_CREDENTIALS);
    this.requireNotSuspended(user);
    // Only after the right password, so it tells nobody else whether the address has an account.
    if (!user.emailConfirmedAt) await this.confirmation.refuseUnconfirmed(user, client);
    return user;
  }

  private requireNotSuspended(user: User): void {
    if (!user.isSuspended(this.clock.now())) return;
    const until = user.suspendedUntil ? ` until ${londonDateTime(user.suspendedUntil)}` : '';
    throw new ForbiddenException(`Your account is suspended${until}: ${user.suspensionReason ?? 'no reason given'}.`);
  }

  async signIn(user: User, client: ClientInfo): Promise<IssuedTokens> {
    const { session, refreshToken } = await this.sessions.start(user.id, client.userAgent, client.ip);
    return this.tokens(user, session, refreshToken);
  }

  /** Signs in the account whose address a code just confirmed, as a password sign-in would. */
  async signInConfirmed(user: User, client: ClientInfo): Promise<IssuedTokens> {
    this.requireNotSuspended(user);
    return this.signIn(user, client);
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const { session, refreshToken: next } = await this.sessions.rotate(refreshToken);
    const user = await this.users.requireUser(session.userId).catch(() => {
      throw new UnauthorizedException('This account no longer exists.');
    });
    if (user.isSuspended(this.clock.now())) {
      await this.sessions.end(session.id, 'suspended');
      this.requireNotSuspended(user);
    }
    return this.tokens(user, session, next);
  }

  private async tokens(user: User, session: Session, refreshToken: string): Promise<IssuedTokens> {
    // Issued at the clock's time, so its 15 minutes run on the same clock that checks them.
    const iat = Math.floor(this.clock.nowMs() / 1000);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role, sid: session.id, iat });
    const body: TokensDto = {
      accessToken,
      expiresIn: ACCESS_TOKEN_SECONDS,
      tokenType: 'Bearer',
      user: toOwnProfile(user),
    };
    return { body, refreshToken, sessionExpiresAt: session.expiresAt };
  }

  /** Whether `password` is the account's, counted as a sign-in attempt (a wrong one is a failure). */
  async checkPassword(user: User, password: string, client: ClientInfo): Promise<boolean> {
    const verified = await this.underLimits(user.email, client.ip, async () =>
      (await verifyPassword(user.passwordHash, password)) ? true : null,
    );
    return verified === true;
  }

  /** Needs the current password (wrong guesses count as failed sign-ins) and ends every other session. */
  async changePassword(caller: AuthUser, dto: ChangePasswordDto, client: ClientInfo): Promise<void> {
    const user = await this.users.findByIdWithPassword(caller.id);
    if (!user) throw new UnauthorizedException('This account no longer exists.');
    const verified = await this.underLimits(user.email, client.ip, async () =>
      (await verifyPassword(user.passwordHash, dto.currentPassword)) ? true : null,
    );
    if (!verified)
      throw new ValidationProblem([{ field: 'currentPassword', message: 'The current password is not correct' }]);
    this.users.requireStrongPassword(dto.newPassword, user.email, 'newPassword');
    await this.users.setPasswordHash(user.id, await hashPassword(dto.newPassword));
    await this.sessions.endAllFor(user.id, 'password-changed', caller.sessionId);
  }
}
