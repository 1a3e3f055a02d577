import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

class FieldErrorDto {
  @ApiProperty({ example: 'title' }) field: string;
  @ApiProperty({ example: 'title must be 5 characters or more' }) message: string;
}

/** The RFC 9457 body of every error response. */
export class ProblemDetailsDto {
  @ApiProperty({ example: '/problems/not-found' }) type: string;
  @ApiProperty({ example: 'Not found' }) title: string;
  @ApiProperty({ example: 404 }) status: number;
  @ApiProperty({ example: 'No thread with this id.' }) detail: string;
  @ApiPropertyOptional({ example: '/api/threads/0b7c…' }) instance?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (problem details with per-field `errors`)',
  401: 'Not signed in, or the token is not valid',
  403: 'Signed in but not allowed',
  404: 'Not found (or not visible to you)',
  409: 'Conflicts with the current state',
  413: 'Body over 1 MiB',
  422: 'Understood but refused',
  429: 'Too many requests (see Retry-After)',
};

/** Documents the error statuses a route can answer, all as problem details. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto, FieldErrorDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem details',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}
