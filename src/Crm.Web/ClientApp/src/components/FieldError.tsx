import { ApiError } from '../api/ApiError';

/** The rule the service says a field broke, shown beside that field. */
export function FieldError({ error, field }: { error: Error | null; field: string }) {
  const message = error instanceof ApiError ? error.fieldError(field) : undefined;
  return message ? (
    <span className="field-error" role="alert" data-field={field}>
      {message}
    </span>
  ) : null;
}

/** A failure that belongs to none of the fields shown beside their inputs. */
export function FormError({ error, fields }: { error: Error | null; fields: string[] }) {
  if (error === null || (error instanceof ApiError && fields.some((field) => error.fieldError(field) !== undefined))) {
    return null;
  }
  return (
    <p className="form-error" role="alert">
      {error.message}
    </p>
  );
}
