import { Select } from 'nhsuk-react-components';
import { useSearchParams } from 'react-router';

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * One filter of a list whose filters live in the address: a select named like its query
 * parameter, starting from the address's value, with an "any" choice first.
 */
export function FilterSelect({
  name,
  label,
  any,
  options,
}: {
  name: string;
  label: string;
  any: string;
  options: readonly FilterOption[];
}) {
  const [params] = useSearchParams();
  return (
    // Keyed by the options' count: a select's default applies only when it first renders (options may load later).
    <Select key={options.length} id={name} name={name} label={label} defaultValue={params.get(name) ?? ''}>
      <Select.Option value="">{any}</Select.Option>
      {options.map((option) => (
        <Select.Option key={option.value} value={option.value}>
          {option.label}
        </Select.Option>
      ))}
    </Select>
  );
}

/** The named fields of a submitted filter form that have a value, as the address's query. */
export function filterParams(form: HTMLFormElement, names: readonly string[]): URLSearchParams {
  const data = new FormData(form);
  const next = new URLSearchParams();
  for (const name of names) {
    const value = String(data.get(name) ?? '').trim();
    if (value) next.set(name, value);
  }
  return next;
}
