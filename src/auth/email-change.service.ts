import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ClientInfo } from '../common/client-info.decorator.js';
import { ValidationProblem } from '../common/problem-details.js';
import { AppConfig } from '../config/app-config.js';
import { hasSqlState, UNIQUE_VIOLATION } from '../database/database-errors.js';
import type { AuthUser } from '../identity/auth-user.js';
import { queueMail } from '../outbox/queue-mail.js';
import { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';
import { CodeLimits } from './code-limits.js';
import type { ChangeEmailDto, ConfirmEmailChangeDto } from './dto/change-email.dto.js';
import type { MailSentDto } from './dto/one-time-code.dto.js';
import { CodeNotValid, OneTimeCodes } from './one-time-codes.js';
import { SessionsService } from './sessions.service.js';

/**
 * Moving an account to another address: the current password, then a code sent to the new
 * address. Nothing changes until that code comes back; then the old address is told, the
 * person's other sessions end and pending reset codes die.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly codes: OneTimeCodes,
    private readonly limits: CodeLimits,
    private readonly config: AppConfig,
  ) {}

  async start(caller: AuthUser, dto: ChangeEmailDto, client: ClientInfo): Promise<MailSentDto> {
    const user = await this.users.findByIdWithPassword(caller.id);
    if (!user) throw new CodeNotValid('change-email', 'This account no longer exists.');
    if (!(await this.auth.checkPassword(user, dto.currentPassword, client)))
      throw new ValidationProblem([{ field: 'currentPassword', message: 'The current password is not correct' }]);
    if (dto.newEmail === user.email)
      throw new ValidationProblem([{ field: 'newEmail', message: 'newEmail is already the address of your account' }]);
    this.users.requireAllowedDomain(dto.newEmail);
    await this.limits.takeSend(dto.newEmail, client.ip);
    await this.dataSource.transaction(async (manager) => {
      // An address that has an account is sent nothing, but the answer is the same: this
      // route must not tell anyone which addresses are registered.
      if (await this.users.lockByEmail(manager, dto.newEmail)) return;
      const { code, token } = await this.codes.issue(manager, 'change-email', user.id, dto.newEmail);
      await queueMail(manager, {
        to: dto.newEmail,
        template: 'address-confirmation',
        data: { name: user.displayName, code, link: `${this.config.publicUrl}/account/email?token=${token}` },
        category: 'account',
        recipientId: user.id,
      });
    });
    return {
      email: dto.newEmail,
      detail: `We have sent a code to ${dto.newEmail}. Enter it to move your account to that address; until then nothing changes. It works once, for a day.`,
    };
  }

  async confirm(caller: AuthUser, dto: ConfirmEmailChangeDto, client: ClientInfo): Promise<void> {
    const address = dto.token === undefined ? await this.codes.pendingAddress(caller.id, 'change-email') : null;
    const proof = dto.token !== undefined ? { token: dto.token } : { address: address ?? '', code: dto.code! };
    await this.limits.underTryLimits(address, client.ip, () =>
      this.codes.redeem('change-email', proof, async (manager, redeemed) => {
        // Someone else's link does nothing for this account.
        if (redeemed.userId !== caller.id) throw new CodeNotValid('change-email');
        const user = await this.users.lockById(manager, caller.id);
        if (!user) throw new CodeNotValid('change-email', 'This account no longer exists.');
        await manager
          .query(`UPDATE users SET email = $2 WHERE id = $1`, [user.id, redeemed.address])
          .catch((error: unknown) => {
            // Someone registered the new address after the code was sent.
            if (hasSqlState(error, UNIQUE_VIOLATION))
              throw new CodeNotValid('change-email', 'That address now belongs to another account.');
            throw error;
          });
        await this.codes.voidPending(manager, user.id, ['reset-password', 'change-email', 'confirm-address']);
        await this.sessions.endAllIn(manager, user.id, 'email-changed', caller.sessionId);
        await queueMail(manager, {
          to: user.email,
          template: 'email-changed',
          data: { name: user.displayName, newAddress: redeemed.address },
          category: 'account',
          recipientId: user.id,
        });
      }),
    );
  }
}
