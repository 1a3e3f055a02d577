import { ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { ClientInfo } from '../common/client-info.decorator.js';
import { Clock } from '../common/clock.js';
import { problem } from '../common/problem-details.js';
import { AppConfig } from '../config/app-config.js';
import { queueMail } from '../outbox/queue-mail.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { CodeLimits } from './code-limits.js';
import type { CodeProofDto, MailSentDto } from './dto/one-time-code.dto.js';
import { CodeNotValid, OneTimeCodes, proofOf } from './one-time-codes.js';

/** The answer to registering and to asking for a code again, whatever the address. */
export function codeSentTo(email: string): MailSentDto {
  return {
    email,
    detail: `We have sent a code to ${email}. Enter it, or open the link in the email, to confirm your address and sign in. It works once, for a day.`,
  };
}

/** 403 for a right password on an account whose address is not confirmed yet. */
export class AddressNotConfirmed extends ForbiddenException {
  constructor(email: string) {
    super(
      problem(
        403,
        `Confirm your email address first: we have sent a code to ${email}. Enter it on the confirmation page, or open the link in the email.`,
        { type: '/problems/address-not-confirmed', title: 'Email address not confirmed' },
      ),
    );
  }
}

/**
 * Proof that a new account's address reaches its owner: a code (or link) by email, and
 * nothing else until it comes back. Accounts from before confirmation existed are sent one
 * at their next sign-in.
 */
@Injectable()
export class AddressConfirmation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly codes: OneTimeCodes,
    private readonly limits: CodeLimits,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Queues a new code (voiding the older) in the caller's transaction. */
  async send(manager: EntityManager, user: Pick<User, 'id' | 'email' | 'displayName'>): Promise<void> {
    const { code, token } = await this.codes.issue(manager, 'confirm-address', user.id, user.email);
    await queueMail(manager, {
      to: user.email,
      template: 'address-confirmation',
      data: { name: user.displayName, code, link: `${this.config.publicUrl}/confirm-address?token=${token}` },
      category: 'account',
      recipientId: user.id,
    });
  }

  /** Asking again answers the same for any address; only an unconfirmed account is sent a code. */
  async resend(email: string, client: ClientInfo): Promise<MailSentDto> {
    await this.limits.takeSend(email, client.ip);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockByEmail(manager, email);
      if (user && !user.emailConfirmedAt) await this.send(manager, user);
    });
    return codeSentTo(email);
  }

  /**
   * A right password on an unconfirmed account: a code goes out (unless the address's
   * emails are over their limit: an earlier one still works) and sign-in is refused.
   */
  async refuseUnconfirmed(user: User, client: ClientInfo): Promise<never> {
    if (await this.limits.mayResend(user.email, client.ip)) {
      await this.dataSource.transaction((manager) => this.send(manager, user));
    }
    throw new AddressNotConfirmed(user.email);
  }

  /** Spends the code and confirms the address; answers the account, to be signed in. */
  async confirm(dto: CodeProofDto, client: ClientInfo): Promise<User> {
    const proof = proofOf(dto);
    return this.limits.underTryLimits('address' in proof ? proof.address : null, client.ip, () =>
      this.codes.redeem('confirm-address', proof, async (manager, redeemed) => {
        const user = await this.users.lockById(manager, redeemed.userId);
        if (!user || user.email !== redeemed.address) throw new CodeNotValid('confirm-address');
        await this.users.confirmAddress(manager, user.id, this.clock.now());
        return user;
      }),
    );
  }
}
