import { Injectable } from '@nestjs/common';

import { networkOf } from '../common/network-of.js';
import { AppConfig } from '../config/app-config.js';
import { AuthAttemptsService, type Limit } from './auth-attempts.service.js';

const HOUR_MS = 60 * 60_000;
/** Emails with codes one address may be sent in an hour: enough for typos and a slow inbox. */
const SENDS_PER_ADDRESS = 5;

/**
 * The limits on emailed codes, counted in the same atomic counters as sign-in: sending or
 * resending per network and per address, typing a code per network and per account and
 * network. Keyed by the address typed, never by whether it has an account, so a limit met
 * tells nobody which addresses are registered.
 */
@Injectable()
export class CodeLimits {
  constructor(
    private readonly attempts: AuthAttemptsService,
    private readonly config: AppConfig,
  ) {}

  /** Takes a slot to send one email to `address`, or throws 429. */
  async takeSend(address: string, ip: string): Promise<void> {
    await this.attempts.take(
      {
        key: `code:send:ip:${networkOf(ip)}`,
        max: this.config.rateLimits.registerPerIp,
        windowMs: HOUR_MS,
        what: 'emails with codes asked for from your network',
      },
      {
        key: `code:send:address:${address}`,
        max: SENDS_PER_ADDRESS,
        windowMs: HOUR_MS,
        what: 'emails to this address',
      },
    );
  }

  /** Whether another email to `address` is allowed now, taking its slot if so (for sign-in's quiet resend). */
  async mayResend(address: string, ip: string): Promise<boolean> {
    return this.takeSend(address, ip).then(
      () => true,
      () => false,
    );
  }

  /**
   * Runs one try of a code under the limits: slots are taken first, so a burst of tries
   * never checks more codes than allowed; a right code gives its slots back.
   */
  async underTryLimits<T>(address: string | null, ip: string, attempt: () => Promise<T>): Promise<T> {
    const limits: Limit[] = [
      {
        key: `code:try:ip:${networkOf(ip)}`,
        max: this.config.rateLimits.loginPerIp,
        windowMs: 60_000,
        what: 'wrong codes from your network',
      },
    ];
    if (address !== null) {
      limits.push({
        key: `code:try:pair:${address}:${networkOf(ip)}`,
        max: this.config.rateLimits.loginPerAccountAndIp,
        windowMs: 15 * 60_000,
        what: 'wrong codes for this address from your network',
      });
    }
    await this.attempts.take(...limits);
    const outcome = await attempt();
    await this.attempts.giveBack(...limits);
    return outcome;
  }
}
