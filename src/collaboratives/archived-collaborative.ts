import { ConflictException } from '@nestjs/common';

/**
 * 409: the collaborative is archived, so nothing in it changes any more; it stays readable.
 * It lives here, beside the access rule that refuses posting, so collaboratives and every
 * feature above (through `content/content-errors.ts`) answer with the same status and words.
 */
export class ArchivedCollaborative extends ConflictException {
  constructor() {
    super('This collaborative is archived and read-only: it can be read, but nothing in it can change.');
  }
}
