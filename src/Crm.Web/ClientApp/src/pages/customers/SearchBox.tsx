import { useEffect, useRef, useState } from 'react';

const debounceMs = 300;

/** Searches as the person types, once they pause; the URL (and so the list) follows the box, never the other way mid-typing. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState(value);
  const lastSent = useRef(value);
  const latestOnSearch = useRef(onSearch);
  useEffect(() => {
    latestOnSearch.current = onSearch;
  });

  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text.trim() === lastSent.current) {
      return undefined;
    }
    const timer = setTimeout(() => {
      lastSent.current = text.trim();
      latestOnSearch.current(text);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <input
      type="search"
      name="q"
      className="search"
      placeholder="Search name, email, company, phone or tag"
      aria-label="Search customers"
      value={text}
      onChange={(event) => setText(event.target.value)}
    />
  );
}
