import { Injectable, type PipeTransform } from '@nestjs/common';

import { Clock } from '../common/clock.js';
import { ValidationProblem } from '../common/problem-details.js';
import type { SuspendUserDto } from './dto/admin-user.dto.js';

/**
 * A suspension's end must be in the future by the forum's clock. A decorator on the DTO
 * can only ask the machine's time, which a test cannot move; this runs after validation.
 */
@Injectable()
export class SuspensionEndPipe implements PipeTransform<SuspendUserDto, SuspendUserDto> {
  constructor(private readonly clock: Clock) {}

  transform(dto: SuspendUserDto): SuspendUserDto {
    if (dto.until && dto.until.getTime() <= this.clock.nowMs())
      throw new ValidationProblem([{ field: 'until', message: 'until must be in the future' }]);
    return dto;
  }
}
