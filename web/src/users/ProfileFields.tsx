import { Radios, TextInput } from 'nhsuk-react-components';

import type { PublicProfile } from '../api/types';
import type { FieldSpecs } from '../forms/form-errors';
import { SECTOR_LABELS, SECTORS } from './labels';

export const PROFILE_FIELDS: FieldSpecs = {
  displayName: { label: 'Full name', whenEmpty: 'Enter your full name' },
  organisation: { label: 'Organisation', whenEmpty: 'Enter the organisation you work for' },
  jobTitle: { label: 'Job title', whenEmpty: 'Enter your job title' },
  sector: { label: 'Sector', whenEmpty: 'Select the sector your organisation works in' },
};

interface Props {
  errorFor(field: string): string | undefined;
  /** The current profile, when editing it. */
  profile?: Pick<PublicProfile, 'displayName' | 'organisation' | 'jobTitle' | 'sector'>;
}

/** The questions that registering and editing a profile share. */
export function ProfileFields({ errorFor, profile }: Props) {
  return (
    <>
      <TextInput
        id="displayName"
        name="displayName"
        label="Full name"
        autoComplete="name"
        defaultValue={profile?.displayName}
        error={errorFor('displayName')}
      />
      <TextInput
        id="organisation"
        name="organisation"
        label="Organisation"
        hint="For example, Manchester University NHS Foundation Trust"
        autoComplete="organization"
        defaultValue={profile?.organisation}
        error={errorFor('organisation')}
      />
      <TextInput
        id="jobTitle"
        name="jobTitle"
        label="Job title"
        autoComplete="organization-title"
        defaultValue={profile?.jobTitle}
        error={errorFor('jobTitle')}
      />
      <Radios
        legend="Which sector does your organisation work in?"
        legendProps={{ size: 's' }}
        name="sector"
        error={errorFor('sector')}
      >
        {SECTORS.map((sector, index) => (
          // The first option carries the field's id, so the error summary's link lands on it.
          <Radios.Item
            key={sector}
            id={index === 0 ? 'sector' : `sector-${sector}`}
            value={sector}
            defaultChecked={profile?.sector === sector}
          >
            {SECTOR_LABELS[sector]}
          </Radios.Item>
        ))}
      </Radios>
    </>
  );
}
