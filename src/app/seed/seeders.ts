import { CollaborativesSeeder } from '../../collaboratives/collaboratives.seed.js';
import { PracticesSeeder } from '../../practices/practices.seed.js';
import { ThreadsSeeder } from '../../threads/threads.seed.js';
import { UsersSeeder } from '../../users/users.seed.js';

/** Demo seeders in the order they run: each may rely on the rows of those before it. */
export const DEMO_SEEDERS = [UsersSeeder, CollaborativesSeeder, ThreadsSeeder, PracticesSeeder];
