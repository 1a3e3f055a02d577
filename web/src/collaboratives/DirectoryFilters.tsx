import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useSearchParams } from 'react-router';
import { SECTOR_LABELS, SECTORS } from '../users/labels';
import { REGIONS, TYPE_LABELS, TYPES } from './labels';

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
        const form = new FormData(event.currentTarget);
        const next = new URLSearchParams();
        for (const name of ['q', 'type', 'sector', 'region']) {
          const value = String(form.get(name) ?? '').trim();
          if (value) next.set(name, value);
        }
        setParams(next);
      }}
    >
      <TextInput id="q" name="q" label="Search collaboratives" hint="Name, member organisations, region or description" defaultValue={params.get('q') ?? ''} />
      <Select id="type" name="type" label="Type" defaultValue={params.get('type') ?? ''}>
        <Select.Option value="">Any type</Select.Option>
        {TYPES.map((type) => (
          <Select.Option key={type} value={type}>
            {TYPE_LABELS[type]}
          </Select.Option>
        ))}
      </Select>
      <Select id="sector" name="sector" label="Sector" defaultValue={params.get('sector') ?? ''}>
        <Select.Option value="">Any sector</Select.Option>
        {SECTORS.map((sector) => (
          <Select.Option key={sector} value={sector}>
            {SECTOR_LABELS[sector]}
          </Select.Option>
        ))}
      </Select>
      <Select id="region" name="region" label="Region" defaultValue={params.get('region') ?? ''}>
        <Select.Option value="">Any region</Select.Option>
        {REGIONS.map((region) => (
          <Select.Option key={region} value={region}>
            {region}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit">Search</Button>
    </form>
  );
}
