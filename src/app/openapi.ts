import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import { REFRESH_COOKIE } from '../auth/refresh-cookie.js';

/** OpenAPI 3 built from the DTOs, with Swagger UI at /docs and the JSON at /docs/openapi.json. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Collaboratives Forum API')
    .setDescription(
      'Peer learning for the leaders of NHS trusts in provider collaboratives. Errors are RFC 9457 problem details; lists are cursor-paginated as `{ items, nextCursor }`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addCookieAuth(
      REFRESH_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        description: 'The refresh token, set by sign-in and refresh; HttpOnly, so pages never see it.',
      },
      REFRESH_COOKIE,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
}
