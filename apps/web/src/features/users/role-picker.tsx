'use client';
import { globalRoleKeys, type GlobalRoleKey } from '@racine/services/rbac/catalog';
import { Checkbox, Label } from '@racine/ui';

export const globalRoleInfo: Record<GlobalRoleKey, { label: string; description: string }> = {
  admin: { label: 'Admin', description: 'Runs the platform: every permission, everywhere.' },
  steward: { label: 'Data steward', description: 'Curates and governs data; creates workspaces.' },
  analyst: { label: 'Analyst', description: 'Works with governed data in their workspaces.' },
  viewer: { label: 'Viewer', description: 'Reads what their workspaces show.' },
};

export function RolePicker({
  value,
  onChange,
  idPrefix,
  disabled,
}: {
  value: readonly string[];
  onChange: (roles: GlobalRoleKey[]) => void;
  idPrefix: string;
  disabled?: boolean;
}) {
  return (
    <div className="grid gap-2" role="group" aria-label="Global roles">
      {globalRoleKeys.map((key) => {
        const id = `${idPrefix}-${key}`;
        const checked = value.includes(key);
        return (
          <div key={key} className="flex items-start gap-3 rounded-md border p-2.5">
            <Checkbox
              id={id}
              checked={checked}
              disabled={disabled}
              onCheckedChange={(next) => {
                const set = new Set(value as GlobalRoleKey[]);
                if (next === true) set.add(key);
                else set.delete(key);
                onChange(globalRoleKeys.filter((k) => set.has(k)));
              }}
              className="mt-0.5"
            />
            <div className="grid gap-0.5">
              <Label htmlFor={id}>{globalRoleInfo[key].label}</Label>
              <span className="text-xs text-muted-foreground">
                {globalRoleInfo[key].description}
              </span>
            </div>
          </div>
        );
      })}
    </div>
  );
}
