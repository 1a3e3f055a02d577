import { Global, Module } from '@nestjs/common';

import { ContentKinds } from './content-kinds.js';
import { ContentWrites } from './content-writes.js';

/** The post lifecycle every kind of content shares; threads and practices register their kinds into it. */
@Global()
@Module({ providers: [ContentKinds, ContentWrites], exports: [ContentKinds, ContentWrites] })
export class ContentModule {}
