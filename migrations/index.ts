// Every migration, oldest first. `npm run migration:generate -- <Name>` adds new files here.
import { CreateCollaboratives1795504333697 } from './1795504333697-CreateCollaboratives.js';
import { CreateUsersAndSessions1795504910259 } from './1795504910259-CreateUsersAndSessions.js';
import { CreateMembershipAndFollows1795505348641 } from './1795505348641-CreateMembershipAndFollows.js';
import { CreateEvents1795505434155 } from './1795505434155-CreateEvents.js';
import { CreateEventHorizonAndNotifications1795506651259 } from './1795506651259-CreateEventHorizonAndNotifications.js';
import { CreateThreads1795506775347 } from './1795506775347-CreateThreads.js';
import { AddThreadSearch1795506775348 } from './1795506775348-AddThreadSearch.js';
import { CreateThreadFollows1795509069654 } from './1795509069654-CreateThreadFollows.js';
import { CreatePractices1795509305195 } from './1795509305195-CreatePractices.js';
import { CreateModeration1795600000000 } from './1795600000000-CreateModeration.js';
import { AddEventReaderIndexes1795600000001 } from './1795600000001-AddEventReaderIndexes.js';
import { CountPracticeViewsOnce1795600000002 } from './1795600000002-CountPracticeViewsOnce.js';
import { AddThreadJoinIndex1795600000003 } from './1795600000003-AddThreadJoinIndex.js';
import { GinIndexesWithoutPendingList1795600000004 } from './1795600000004-GinIndexesWithoutPendingList.js';
import { RedactionIndexesAndScrub1795600000005 } from './1795600000005-RedactionIndexesAndScrub.js';
import { StorePostExcerptsAndMentions1795600000006 } from './1795600000006-StorePostExcerptsAndMentions.js';
import { CreateMailOutbox1795600000008 } from './1795600000008-CreateMailOutbox.js';
import { CreateOneTimeCodes1795600000009 } from './1795600000009-CreateOneTimeCodes.js';
import { CreateEmailPreferences1795600000010 } from './1795600000010-CreateEmailPreferences.js';

export const MIGRATIONS = [
  CreateCollaboratives1795504333697,
  CreateUsersAndSessions1795504910259,
  CreateMembershipAndFollows1795505348641,
  CreateEvents1795505434155,
  CreateEventHorizonAndNotifications1795506651259,
  CreateThreads1795506775347,
  AddThreadSearch1795506775348,
  CreateThreadFollows1795509069654,
  CreatePractices1795509305195,
  CreateModeration1795600000000,
  AddEventReaderIndexes1795600000001,
  CountPracticeViewsOnce1795600000002,
  AddThreadJoinIndex1795600000003,
  GinIndexesWithoutPendingList1795600000004,
  RedactionIndexesAndScrub1795600000005,
  StorePostExcerptsAndMentions1795600000006,
  CreateMailOutbox1795600000008,
  CreateOneTimeCodes1795600000009,
  CreateEmailPreferences1795600000010,
];
