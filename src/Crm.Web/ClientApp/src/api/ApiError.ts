/** A failed API call, carrying RFC 9457 problem details: `fieldErrors` maps each field to the rules it broke. */
export class ApiError extends Error {
  readonly status: number;
  readonly fieldErrors: Record<string, string[]>;

  constructor(status: number, message: string, fieldErrors: Record<string, string[]> = {}) {
    super(message);
    this.status = status;
    this.fieldErrors = fieldErrors;
  }

  /** The first rule broken by `field`, for showing beside that field. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors[field]?.[0];
  }

  static async from(response: Response): Promise<ApiError> {
    const problem = await response.json().catch(() => null);
    const fallback = response.status === 401 ? 'The key is not valid or was revoked.' : `The service answered ${response.status}.`;
    if (problem === null || typeof problem !== 'object') {
      return new ApiError(response.status, fallback);
    }
    const { title, detail, errors } = problem as { title?: string; detail?: string; errors?: Record<string, string[]> };
    return new ApiError(response.status, detail ?? title ?? fallback, normalizeFieldNames(errors ?? {}));
  }
}

/** `profile.email` and `tags[2]` are shown beside the `email` and `tags` inputs. */
function normalizeFieldNames(errors: Record<string, string[]>): Record<string, string[]> {
  const normalized: Record<string, string[]> = {};
  for (const [field, rules] of Object.entries(errors)) {
    const name = field.replace(/^profile\./i, '').replace(/\[\d+\]$/, '');
    const key = name.charAt(0).toLowerCase() + name.slice(1);
    normalized[key] = [...(normalized[key] ?? []), ...rules];
  }
  return normalized;
}
