// Names for the generated schema types that the client passes around.
import type { components } from './schema';

type Schemas = components['schemas'];

export type Profile = Schemas['OwnProfileDto'];
export type PublicProfile = Schemas['PublicProfileDto'];
export type Tokens = Schemas['TokensDto'];
export type SessionInfo = Schemas['SessionDto'];
export type Problem = Schemas['ProblemDetailsDto'];
export type Role = Profile['role'];
export type Sector = Profile['sector'];
