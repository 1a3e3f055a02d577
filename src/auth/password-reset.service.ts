import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ClientInfo } from '../common/client-info.decorator.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { queueMail } from '../outbox/queue-mail.js';
import { hashPassword } from '../users/password-hasher.js';
import { UsersService } from '../users/users.service.js';
import { CodeLimits } from './code-limits.js';
import type { MailSentDto, ResetPasswordDto } from './dto/one-time-code.dto.js';
import { CodeNotValid, OneTimeCodes, proofOf } from './one-time-codes.js';
import { SessionsService } from './sessions.service.js';

/**
 * "Forgot your password?": a code or link by email, then a new password. Asking answers
 * the same whether or not the address has an account; a reset ends every session (and so
 * every socket), kills the other pending reset codes and emails a notice.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly codes: OneTimeCodes,
    private readonly limits: CodeLimits,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async request(email: string, client: ClientInfo): Promise<MailSentDto> {
    await this.limits.takeSend(email, client.ip);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockByEmail(manager, email);
      if (!user) return;
      const { code, token } = await this.codes.issue(manager, 'reset-password', user.id, user.email);
      await queueMail(manager, {
        to: user.email,
        template: 'password-reset',
        data: { name: user.displayName, code, link: `${this.config.publicUrl}/reset-password?token=${token}` },
        category: 'account',
        recipientId: user.id,
      });
    });
    return {
      email,
      detail: `If ${email} has an account here, we have sent it a code and a link to reset the password. They work once, for an hour.`,
    };
  }

  async reset(dto: ResetPasswordDto, client: ClientInfo): Promise<void> {
    const proof = proofOf(dto);
    await this.limits.underTryLimits('address' in proof ? proof.address : null, client.ip, () =>
      this.codes.redeem('reset-password', proof, async (manager, redeemed) => {
        const user = await this.users.lockById(manager, redeemed.userId);
        // The account moved to another address since this code was sent.
        if (!user || user.email !== redeemed.address) throw new CodeNotValid('reset-password');
        // Refused before anything changes: the code is not spent on a weak password.
        this.users.requireStrongPassword(dto.newPassword, user.email, 'newPassword');
        await this.users.setPasswordHash(user.id, await hashPassword(dto.newPassword), manager);
        // The code reached the address, so it is confirmed, and its owner now holds the account.
        await this.users.confirmAddress(manager, user.id, this.clock.now(), true);
        await this.codes.voidPending(manager, user.id, ['reset-password']);
        await this.sessions.endAllIn(manager, user.id, 'password-reset');
        await queueMail(manager, {
          to: user.email,
          template: 'password-changed',
          data: { name: user.displayName },
          category: 'account',
          recipientId: user.id,
        });
      }),
    );
  }
}
