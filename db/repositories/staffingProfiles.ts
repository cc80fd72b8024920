import type { Database } from 'better-sqlite3';
import type { ChannelStaffingSettings, StaffingProfile } from '../../shared/api/channels/staffing';
import { deleteNamed, listNamed, upsertNamed, type NamedRow } from './namedRecords';

interface Row extends NamedRow {
  channel: StaffingProfile['channel'];
  queue_name: string | null;
  settings: string;
}

const toProfile = (row: Row): StaffingProfile => ({
  id: row.id,
  name: row.name,
  channel: row.channel,
  queueName: row.queue_name,
  settings: JSON.parse(row.settings) as ChannelStaffingSettings,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function listStaffingProfiles(db: Database): StaffingProfile[] {
  return listNamed<Row>(db, 'staffing_profiles').map(toProfile);
}

export function saveStaffingProfile(db: Database, profile: Pick<StaffingProfile, 'name' | 'channel' | 'queueName' | 'settings'>): StaffingProfile {
  return toProfile(
    upsertNamed<Row>(db, 'staffing_profiles', profile.name, {
      channel: profile.channel,
      queue_name: profile.queueName,
      settings: JSON.stringify(profile.settings),
    }),
  );
}

export function deleteStaffingProfile(db: Database, id: number): boolean {
  return deleteNamed(db, 'staffing_profiles', id);
}
