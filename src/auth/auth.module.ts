import { createSecretKey } from 'node:crypto';

import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AppConfig } from '../config/app-config.js';
import { UsersModule } from '../users/users.module.js';
import { AccessTokens } from './access-tokens.service.js';
import { AddressConfirmationController } from './address-confirmation.controller.js';
import { AddressConfirmation } from './address-confirmation.service.js';
import { AuthController } from './auth.controller.js';
import { ACCESS_TOKEN_SECONDS, AuthService } from './auth.service.js';
import { AuthAttempt } from './auth-attempt.entity.js';
import { AuthAttemptsService } from './auth-attempts.service.js';
import { CodeLimits } from './code-limits.js';
import { EmailChangeController } from './email-change.controller.js';
import { EmailChangeService } from './email-change.service.js';
import { OneTimeCode } from './one-time-code.entity.js';
import { OneTimeCodes } from './one-time-codes.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetService } from './password-reset.service.js';
import { RefreshCookie } from './refresh-cookie.js';
import { RefreshToken } from './refresh-token.entity.js';
import { RegistrationService } from './registration.service.js';
import { Session } from './session.entity.js';
import { SessionsService } from './sessions.service.js';
import { LocalStrategy } from './strategies/local.strategy.js';

@Module({
  imports: [
    UsersModule,
    PassportModule,
    TypeOrmModule.forFeature([Session, RefreshToken, AuthAttempt, OneTimeCode]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject made once: given a string, jsonwebtoken first tries it as a PEM key on
        // every call (an exception each time) before taking it as a secret.
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_SECONDS },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, PasswordResetController, AddressConfirmationController, EmailChangeController],
  providers: [
    AuthService,
    SessionsService,
    AuthAttemptsService,
    OneTimeCodes,
    CodeLimits,
    PasswordResetService,
    AddressConfirmation,
    RegistrationService,
    EmailChangeService,
    LocalStrategy,
    AccessTokens,
    RefreshCookie,
  ],
  exports: [SessionsService, AccessTokens],
})
export class AuthModule {}
