import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ClientInfo } from '../common/client-info.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { queueMail } from '../outbox/queue-mail.js';
import type { RegisterDto } from '../users/dto/register.dto.js';
import { hashPassword } from '../users/password-hasher.js';
import { UsersService } from '../users/users.service.js';
import { AddressConfirmation, codeSentTo } from './address-confirmation.service.js';
import { CodeLimits } from './code-limits.js';
import type { MailSentDto } from './dto/one-time-code.dto.js';

/**
 * Self-registration. The new account cannot sign in until its address is confirmed. An
 * address that already has an account gets the same answer after the same work (the
 * password is hashed either way), and its owner is emailed instead, so registering tells
 * nobody which addresses have accounts.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly confirmation: AddressConfirmation,
    private readonly limits: CodeLimits,
    private readonly config: AppConfig,
  ) {}

  async register(dto: RegisterDto, client: ClientInfo): Promise<MailSentDto> {
    this.users.requireValidRegistration(dto);
    const passwordHash = await hashPassword(dto.password);
    // Over the address's email limit nothing is sent, but the answer stays the same.
    const send = await this.limits.mayResend(dto.email, client.ip);
    await this.dataSource.transaction(async (manager) => {
      const created = await this.users.createAccount(manager, dto, passwordHash, 'member', null);
      if (!send) return;
      if (created) return this.confirmation.send(manager, created);
      const owner = await this.users.lockByEmail(manager, dto.email);
      if (!owner) return;
      await queueMail(manager, {
        to: owner.email,
        template: 'registration-attempt',
        data: {
          name: owner.displayName,
          signInLink: `${this.config.publicUrl}/sign-in`,
          resetLink: `${this.config.publicUrl}/forgot-password`,
        },
        category: 'account',
        recipientId: owner.id,
      });
    });
    return codeSentTo(dto.email);
  }
}
