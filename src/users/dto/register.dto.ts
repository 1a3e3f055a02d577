import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';

import { IsEmailAddress } from '../../common/is-email-address.js';
import { Trim, TrimLower } from '../../common/transforms.js';
import { PASSWORD_MAX_LENGTH } from '../password-policy.js';
import { type Sector, SECTORS } from '../user.entity.js';

export class RegisterDto {
  @ApiProperty({ example: 'sarah.whitfield@nhs.net', description: 'Work email; trimmed and lower-cased.' })
  @TrimLower()
  @IsEmailAddress({ message: 'email must be an email address such as name@nhs.net' })
  @MaxLength(254)
  email: string;

  @ApiProperty({
    minLength: 12,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'At least 12 characters, not your email, not a common password.',
  })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ example: 'Sarah Whitfield', minLength: 2, maxLength: 80 })
  @Trim()
  @IsString()
  @Length(2, 80)
  displayName: string;

  @ApiProperty({ example: 'Manchester University NHS Foundation Trust', minLength: 2, maxLength: 150 })
  @Trim()
  @IsString()
  @Length(2, 150)
  organisation: string;

  @ApiProperty({ example: 'Chief Operating Officer', minLength: 2, maxLength: 120 })
  @Trim()
  @IsString()
  @Length(2, 120)
  jobTitle: string;

  @ApiProperty({ enum: SECTORS })
  @IsIn(SECTORS, { message: `sector must be one of ${SECTORS.join(', ')}` })
  sector: Sector;
}
