'use client';
import * as React from 'react';
import { ThemeProvider as NextThemesProvider, useTheme } from 'next-themes';
import { Monitor, Moon, Sun } from 'lucide-react';
import { cn } from './cn';

export { useTheme };

export function ThemeProvider({ children }: { children: React.ReactNode }) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
    >
      {children}
    </NextThemesProvider>
  );
}

const options = [
  { value: 'light', label: 'Light', Icon: Sun },
  { value: 'dark', label: 'Dark', Icon: Moon },
  { value: 'system', label: 'System', Icon: Monitor },
] as const;

export type ThemeChoice = (typeof options)[number]['value'];

/** A three-way segmented switch: light, dark, system. `onChange` lets the app also save the choice (to the user's profile). */
export function ThemeToggle({ className, onChange }: { className?: string; onChange?: (theme: ThemeChoice) => void }) {
  const { theme, setTheme } = useTheme();
  const [mounted, setMounted] = React.useState(false);
  React.useEffect(() => setMounted(true), []);
  return (
    <div
      role="radiogroup"
      aria-label="Theme"
      className={cn('inline-flex rounded-md border p-0.5', className)}
    >
      {options.map(({ value, label, Icon }) => {
        const checked = mounted && theme === value;
        return (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={label}
            title={label}
            onClick={() => {
              setTheme(value);
              if (value !== theme) onChange?.(value);
            }}
            className={cn(
              'flex size-7 items-center justify-center rounded-[5px] text-muted-foreground transition-colors hover:text-foreground cursor-pointer',
              checked && 'bg-accent text-foreground',
            )}
          >
            <Icon className="size-3.5" />
          </button>
        );
      })}
    </div>
  );
}
