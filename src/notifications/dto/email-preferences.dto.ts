import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

import { EMAIL_FREQUENCIES, type EmailFrequency } from '../email-kinds.js';

const message = `must be one of ${EMAIL_FREQUENCIES.join(', ')}`;

function Frequency(description: string) {
  return (target: object, key: string) => {
    ApiProperty({ enum: EMAIL_FREQUENCIES, description })(target, key);
    IsIn(EMAIL_FREQUENCIES as unknown as string[], { message: `${key} ${message}` })(target, key);
  };
}

/**
 * How a person wants each kind of notification emailed: at once (after a short grace window),
 * in the digest, or never. Moderators' notices are account mail and always sent.
 */
export class EmailPreferencesDto {
  @Frequency('Replies to your questions, threads you follow and comments on your case studies.')
  replies: EmailFrequency;

  @Frequency('When someone @mentions you.')
  mentions: EmailFrequency;

  @Frequency('When your reply is accepted as the answer.')
  'accepted-answers': EmailFrequency;

  @Frequency('New threads and case studies in collaboratives you follow.')
  'followed-collaboratives': EmailFrequency;

  @Frequency('The outcome of your requests to join a collaborative.')
  'join-requests': EmailFrequency;
}
