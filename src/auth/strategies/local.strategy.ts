import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';

import type { User } from '../../users/user.entity.js';
import { AuthService } from '../auth.service.js';

/** Email and password from the body, checked by AuthService with its limits. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: FastifyRequest, email: string, password: string): Promise<User> {
    return this.auth.verifyCredentials(email, password, {
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? '',
    });
  }
}
