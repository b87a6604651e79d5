'use client';
import { FilterSelect } from '@racine/ui';
import { useWorkspaces } from '~/components/shell/workspace-context';

/** "Workspace filter" of a list toolbar: the workspaces the user may see; `null` = all of them. */
export function WorkspaceFilter({
  value,
  onChange,
  className = 'w-44',
}: {
  value: string | null;
  onChange: (workspaceId: string | null) => void;
  className?: string;
}) {
  const { workspaces } = useWorkspaces();
  return (
    <FilterSelect
      value={value}
      onChange={onChange}
      options={workspaces.map((w) => ({ value: w.id, label: w.name }))}
      allLabel="All workspaces"
      label="Workspace filter"
      className={className}
    />
  );
}
