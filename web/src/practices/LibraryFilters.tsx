import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useSearchParams } from 'react-router';
import { SECTOR_LABELS, SECTORS } from '../users/labels';
import { THEME_LABELS, THEMES } from './labels';
import { useCollaborativeOptions } from './use-collaborative-options';

/** The library's filters, kept in the address. */
export function LibraryFilters() {
  const [params, setParams] = useSearchParams();
  const collaboratives = useCollaborativeOptions();
  return (
    <form
      className="app-filters"
      role="search"
      aria-label="Case studies"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const next = new URLSearchParams();
        for (const name of ['q', 'theme', 'sector', 'collaborativeId', 'sort']) {
          const value = String(form.get(name) ?? '').trim();
          if (value) next.set(name, value);
        }
        setParams(next);
      }}
    >
      <TextInput id="q" name="q" label="Search case studies" defaultValue={params.get('q') ?? ''} />
      <Select id="theme" name="theme" label="Theme" defaultValue={params.get('theme') ?? ''}>
        <Select.Option value="">Any theme</Select.Option>
        {THEMES.map((theme) => (
          <Select.Option key={theme} value={theme}>
            {THEME_LABELS[theme]}
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
      {/* Keyed by the options' count: a select's default applies only when it first renders. */}
      <Select key={collaboratives.length} id="collaborativeId" name="collaborativeId" label="Collaborative" defaultValue={params.get('collaborativeId') ?? ''}>
        <Select.Option value="">Any collaborative</Select.Option>
        {collaboratives.map((collaborative) => (
          <Select.Option key={collaborative.id} value={collaborative.id}>
            {collaborative.name}
          </Select.Option>
        ))}
      </Select>
      <Select id="sort" name="sort" label="Order" defaultValue={params.get('sort') ?? 'newest'}>
        <Select.Option value="newest">Newest first</Select.Option>
        <Select.Option value="endorsed">Most endorsed</Select.Option>
        <Select.Option value="discussed">Most discussed</Select.Option>
      </Select>
      <Button type="submit">Apply filters</Button>
    </form>
  );
}
