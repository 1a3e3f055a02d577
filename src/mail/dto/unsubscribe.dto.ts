import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals } from 'class-validator';

import { Optional } from '../../common/transforms.js';
import {
  EMAIL_FREQUENCIES,
  EMAIL_KINDS,
  type EmailFrequency,
  type EmailKind,
} from '../../notifications/email-kinds.js';

/** Which emails a link turns off, and how that kind is sent now. */
export class UnsubscribeDto {
  @ApiProperty({ enum: EMAIL_KINDS }) kind: EmailKind;
  @ApiProperty({ description: 'What the kind covers, in words for people.' }) label: string;
  @ApiProperty({ enum: EMAIL_FREQUENCIES }) frequency: EmailFrequency;
}

/**
 * What RFC 8058 mail clients send (form-encoded): `List-Unsubscribe=One-Click`. The web
 * client's confirm page sends nothing. Either way the token in the path decides.
 */
export class OneClickDto {
  @ApiPropertyOptional({ enum: ['One-Click'] })
  @Optional()
  @Equals('One-Click', { message: 'List-Unsubscribe must be One-Click when sent' })
  'List-Unsubscribe'?: 'One-Click';
}
