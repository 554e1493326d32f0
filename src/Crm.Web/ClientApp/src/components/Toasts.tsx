import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from '../router';

export interface Toast {
  tone: 'attention' | 'opportunity' | 'info' | 'error';
  title: string;
  message?: string;
  link?: { href: string; label: string };
}

interface ShownToast extends Toast {
  id: number;
}

const lifetimeMs = 8000;
const maxShown = 5;

const ToastContext = createContext<(toast: Toast) => void>(() => undefined);

export function useToast(): (toast: Toast) => void {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((shown) => shown.filter((toast) => toast.id !== id));
  }, []);

  const push = useCallback(
    (toast: Toast) => {
      const id = nextId.current++;
      setToasts((shown) => [...shown, { ...toast, id }].slice(-maxShown));
      timers.current.set(id, setTimeout(() => dismiss(id), lifetimeMs));
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return (
    <ToastContext.Provider value={push}>
      {children}
      <div className="toasts" role="region" aria-label="Notifications" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`} role="status" data-testid="toast">
            <div className="toast-body">
              <strong>{toast.title}</strong>
              {toast.message && <span>{toast.message}</span>}
              {toast.link && (
                <Link href={toast.link.href} onClick={() => dismiss(toast.id)}>
                  {toast.link.label}
                </Link>
              )}
            </div>
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
