import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Opens a route to callers who are not signed in; everything else is private. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
