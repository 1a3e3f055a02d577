import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

import { IsEmailAddress } from '../../common/is-email-address.js';
import { TrimLower } from '../../common/transforms.js';
import { OwnProfileDto } from '../../users/dto/profile.dto.js';
import { PASSWORD_MAX_LENGTH } from '../../users/password-policy.js';

export class LoginDto {
  @ApiProperty({ example: 'sarah.whitfield@nhs.net' })
  @TrimLower()
  @IsEmailAddress({ message: 'email must be an email address such as name@nhs.net' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class TokensDto {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer`; lives 15 minutes.' }) accessToken: string;
  @ApiProperty({ example: 900, description: 'Seconds until the access token expires.' }) expiresIn: number;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ type: OwnProfileDto }) user: OwnProfileDto;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() userAgent: string;
  @ApiProperty() ip: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastUsedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'The session this request is made from.' }) current: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
}
