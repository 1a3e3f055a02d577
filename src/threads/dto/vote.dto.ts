import { ApiProperty } from '@nestjs/swagger';

export class VoteStateDto {
  @ApiProperty({ description: 'Whether you now vote for it.' }) voted: boolean;
  @ApiProperty() voteCount: number;
}
