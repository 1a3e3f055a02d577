import { Button, TextInput } from 'nhsuk-react-components';
import { useSearchParams } from 'react-router';

import { filterParams, FilterSelect } from '../forms/FilterSelect';
import { SECTOR_LABELS, SECTORS } from '../users/labels';
import { REGIONS, TYPE_LABELS, TYPES } from './labels';

const TYPE_OPTIONS = TYPES.map((type) => ({ value: type, label: TYPE_LABELS[type] }));
const SECTOR_OPTIONS = SECTORS.map((sector) => ({ value: sector, label: SECTOR_LABELS[sector] }));
const REGION_OPTIONS = REGIONS.map((region) => ({ value: region, label: region }));

/** The directory's search and filters, kept in the address so a filtered list can be shared. */
export function DirectoryFilters() {
  const [params, setParams] = useSearchParams();
  return (
    <form
      className="app-filters"
      role="search"
      aria-label="Collaboratives"
      onSubmit={(event) => {
        event.preventDefault();
        setParams(filterParams(event.currentTarget, ['q', 'type', 'sector', 'region']));
      }}
    >
      <TextInput
        id="q"
        name="q"
        label="Search collaboratives"
        hint="Name, member organisations, region or description"
        defaultValue={params.get('q') ?? ''}
      />
      <FilterSelect name="type" label="Type" any="Any type" options={TYPE_OPTIONS} />
      <FilterSelect name="sector" label="Sector" any="Any sector" options={SECTOR_OPTIONS} />
      <FilterSelect name="region" label="Region" any="Any region" options={REGION_OPTIONS} />
      <Button type="submit">Search</Button>
    </form>
  );
}
