import { useEffect, useRef, useState, type ReactNode } from 'react';

interface VirtualListProps {
  count: number;
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  /** Called when the view comes within `threshold` rows of the end, to load the next page. */
  onNearEnd: () => void;
  /** Called with the rows rendered (in view plus overscan), first inclusive, last exclusive. */
  onRangeChange?: (first: number, last: number) => void;
  threshold?: number;
  overscan?: number;
  footer?: ReactNode;
  label: string;
}

/**
 * Renders only the rows in view (plus a few either side), absolutely placed inside a spacer as tall as every row, so a
 * list of 100,000 rows costs the browser as much as one screenful.
 */
export function VirtualList({ count, rowHeight, renderRow, onNearEnd, onRangeChange, threshold = 30, overscan = 8, footer, label }: VirtualListProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const element = viewport.current!;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  useEffect(() => {
    if (last >= count - threshold) {
      onNearEnd();
    }
  }, [last, count, threshold, onNearEnd]);

  useEffect(() => onRangeChange?.(first, last), [first, last, onRangeChange]);

  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    rows.push(
      <div key={index} className="virtual-row" role="row" aria-rowindex={index + 2} style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight }}>
        {renderRow(index)}
      </div>,
    );
  }

  return (
    <div ref={viewport} className="virtual-viewport" role="rowgroup" aria-label={label} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <div className="virtual-spacer" style={{ height: count * rowHeight }}>
        {rows}
      </div>
      {footer}
    </div>
  );
}
