import type { Profile, ProfileField } from '../api/types';
import { FieldError } from './FieldError';

export const profileFields: { field: ProfileField; label: string; type: string; hint?: string }[] = [
  { field: 'name', label: 'Name', type: 'text' },
  { field: 'email', label: 'Email', type: 'email' },
  { field: 'phone', label: 'Phone', type: 'tel', hint: 'International format, e.g. +55 11 98765 4321' },
  { field: 'company', label: 'Company', type: 'text' },
  { field: 'city', label: 'City', type: 'text' },
  { field: 'country', label: 'Country', type: 'text', hint: 'Two-letter code, e.g. BR' },
  { field: 'language', label: 'Language', type: 'text', hint: 'e.g. en or pt-BR' },
  { field: 'avatarUrl', label: 'Avatar URL', type: 'url' },
];

export type ProfileDraft = Record<ProfileField, string>;

export function draftOf(profile: Profile | null): ProfileDraft {
  return Object.fromEntries(profileFields.map(({ field }) => [field, profile?.[field] ?? ''])) as ProfileDraft;
}

/** Every profile input, each with the service's validation message beside it. */
export function ProfileFields({
  draft,
  onChange,
  error,
  only,
}: {
  draft: ProfileDraft;
  onChange: (draft: ProfileDraft) => void;
  error: Error | null;
  only?: ProfileField[];
}) {
  return (
    <div className="form-grid">
      {profileFields
        .filter(({ field }) => only === undefined || only.includes(field))
        .map(({ field, label, type, hint }) => (
          <label key={field} className="field">
            <span>{label}</span>
            <input name={field} type={type} value={draft[field]} onChange={(event) => onChange({ ...draft, [field]: event.target.value })} placeholder={hint} />
            <FieldError error={error} field={field} />
          </label>
        ))}
    </div>
  );
}
