import { Button, TextInput } from 'nhsuk-react-components';
import { useSearchParams } from 'react-router';

import { emptyRequiredFields, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { FoundUser } from './FoundUser';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FIELDS: FieldSpecs = { id: { label: 'Member ID', whenEmpty: 'Enter the member ID of the person' } };

/**
 * Role management. The API cannot list or search members yet, so an admin finds someone by the
 * member ID shown on that person's account page. The ID lives in the address, so a reload or a
 * shared link opens the same person.
 */
export function AdminUsersPage() {
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const { errors, attempt, errorFor, onSubmit } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const wanted = text(form, 'id');
    if (!UUID.test(wanted))
      return [{ field: 'id', message: 'Enter a member ID like 3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b' }];
    setParams({ id: wanted.toLowerCase() });
  });
  return (
    <FormPage title="Manage member roles" errors={errors} attempt={attempt}>
      <p>Moderators review reports, act on posts and suspend accounts; admins also manage roles.</p>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id="id"
          name="id"
          label="Member ID"
          hint="Members find their ID on their account page. Searching by name will come with the member list."
          spellCheck={false}
          autoComplete="off"
          defaultValue={id ?? ''}
          error={errorFor('id')}
        />
        <Button type="submit" secondary>
          Find member
        </Button>
      </form>
      {id && <FoundUser key={id} id={id} />}
    </FormPage>
  );
}
