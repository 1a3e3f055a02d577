import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useSearchParams } from 'react-router';

import { filterParams, FilterSelect } from '../forms/FilterSelect';
import { SECTOR_LABELS, SECTORS } from '../users/labels';
import { THEME_LABELS, THEMES } from './labels';
import { useCollaborativeOptions } from './use-collaborative-options';

const THEME_OPTIONS = THEMES.map((theme) => ({ value: theme, label: THEME_LABELS[theme] }));
const SECTOR_OPTIONS = SECTORS.map((sector) => ({ value: sector, label: SECTOR_LABELS[sector] }));

/** The library's filters, kept in the address. */
export function LibraryFilters() {
  const [params, setParams] = useSearchParams();
  const collaboratives = useCollaborativeOptions().map((collaborative) => ({
    value: collaborative.id,
    label: collaborative.name,
  }));
  return (
    <form
      className="app-filters"
      role="search"
      aria-label="Case studies"
      onSubmit={(event) => {
        event.preventDefault();
        setParams(filterParams(event.currentTarget, ['q', 'theme', 'sector', 'collaborativeId', 'sort']));
      }}
    >
      <TextInput id="q" name="q" label="Search case studies" defaultValue={params.get('q') ?? ''} />
      <FilterSelect name="theme" label="Theme" any="Any theme" options={THEME_OPTIONS} />
      <FilterSelect name="sector" label="Sector" any="Any sector" options={SECTOR_OPTIONS} />
      <FilterSelect name="collaborativeId" label="Collaborative" any="Any collaborative" options={collaboratives} />
      <Select id="sort" name="sort" label="Order" defaultValue={params.get('sort') ?? 'newest'}>
        <Select.Option value="newest">Newest first</Select.Option>
        <Select.Option value="endorsed">Most endorsed</Select.Option>
        <Select.Option value="discussed">Most discussed</Select.Option>
      </Select>
      <Button type="submit">Apply filters</Button>
    </form>
  );
}
