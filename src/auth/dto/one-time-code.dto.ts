import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

import { IsEmailAddress } from '../../common/is-email-address.js';
import { TrimLower } from '../../common/transforms.js';
import { PASSWORD_MAX_LENGTH } from '../../users/password-policy.js';

const CODE_PATTERN = /^\d{6}$/;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

/** Just an address: to ask for a code or a reset. */
export class EmailOnlyDto {
  @ApiProperty({ example: 'sarah.whitfield@nhs.net', description: 'Trimmed and lower-cased.' })
  @TrimLower()
  @IsEmailAddress({ message: 'email must be an email address such as name@nhs.net' })
  @MaxLength(254)
  email: string;
}

/**
 * The proof from an email: the six-digit code with the address it was sent to, or the
 * token from the email's link. One of the two.
 */
export class CodeProofDto {
  @ApiPropertyOptional({ description: 'With `code`: the address the code was sent to.' })
  @ValidateIf((dto: CodeProofDto) => dto.token === undefined || dto.email !== undefined)
  @TrimLower()
  @IsEmailAddress({ message: "email must be the address the code was sent to (or send the link's token instead)" })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '042917', description: 'The six-digit code from the email.' })
  @ValidateIf((dto: CodeProofDto) => dto.token === undefined || dto.code !== undefined)
  @IsString()
  @Matches(CODE_PATTERN, { message: 'code must be the six digits from the email' })
  code?: string;

  @ApiPropertyOptional({ description: "The token from the email's link, instead of email and code." })
  @ValidateIf((dto: CodeProofDto) => dto.token !== undefined)
  @IsString()
  @Matches(TOKEN_PATTERN, { message: "token must be the whole token from the email's link" })
  token?: string;
}

export class ResetPasswordDto extends CodeProofDto {
  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

/** Sent whether or not the address has an account, so the answer tells nobody which do. */
export class MailSentDto {
  @ApiProperty() email: string;
  @ApiProperty({ description: 'What happens next, in words to show the person.' }) detail: string;
}
