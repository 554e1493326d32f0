const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const dateTimeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** "just now", "5 minutes ago", "yesterday", "3 months ago". */
export function relativeTime(iso: string | null, now: number): string {
  if (iso === null) {
    return 'never';
  }
  const elapsed = now - Date.parse(iso);
  // A time slightly ahead of this browser's clock is clock skew, not the future.
  if (elapsed < minute) {
    return 'just now';
  }
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * day],
    ['month', 30 * day],
    ['week', 7 * day],
    ['day', day],
    ['hour', hour],
    ['minute', minute],
  ];
  const [unit, size] = units.find(([, length]) => elapsed >= length)!;
  return relative.format(-Math.round(elapsed / size), unit);
}

export function dateTime(iso: string | null): string {
  return iso === null ? '—' : dateTimeFormat.format(new Date(iso));
}

export function date(iso: string | null): string {
  return iso === null ? '—' : dateFormat.format(new Date(iso));
}

/** Whole amounts without decimals, others with two; without a currency, since a customer's orders may mix them. */
export function money(amount: number, currency?: string): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  return new Intl.NumberFormat('en', {
    ...(currency ? { style: 'currency', currency } : {}),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

export function plural(amount: number, one: string, many: string = `${one}s`): string {
  return `${count(amount)} ${amount === 1 ? one : many}`;
}

export function count(value: number): string {
  return new Intl.NumberFormat('en').format(value);
}
