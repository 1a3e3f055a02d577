import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

import { IsEmailAddress } from '../../common/is-email-address.js';
import { TrimLower } from '../../common/transforms.js';
import { PASSWORD_MAX_LENGTH } from '../../users/password-policy.js';

export class ChangeEmailDto {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ example: 'sarah.whitfield@mft.nhs.uk', description: 'Trimmed and lower-cased.' })
  @TrimLower()
  @IsEmailAddress({ message: 'newEmail must be an email address such as name@nhs.net' })
  @MaxLength(254)
  newEmail: string;
}

/** The code sent to the new address, or the token from that email's link. */
export class ConfirmEmailChangeDto {
  @ApiPropertyOptional({ example: '042917', description: 'The six-digit code sent to the new address.' })
  @ValidateIf((dto: ConfirmEmailChangeDto) => dto.token === undefined || dto.code !== undefined)
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the six digits from the email' })
  code?: string;

  @ApiPropertyOptional({ description: "The token from the email's link, instead of the code." })
  @ValidateIf((dto: ConfirmEmailChangeDto) => dto.token !== undefined)
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: "token must be the whole token from the email's link" })
  token?: string;
}
