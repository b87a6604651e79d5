'use client';
import { X } from 'lucide-react';
import {
  Button,
  DataTableSearch,
  FilterSelect,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Switch,
} from '@racine/ui';
import { type ActivityFilterState, emptyFilters, isFiltered, type TimeRange } from './filters';

const commonTypes = [
  'workspace.',
  'workspace.member.',
  'workspace.resource.',
  'user.',
  'token.',
  'access.',
  'activity.',
];

export function ActivityToolbar({
  filters,
  onChange,
  search,
  onSearchChange,
  workspaces,
  actors,
  seenTypes,
}: {
  filters: ActivityFilterState;
  onChange: (next: ActivityFilterState) => void;
  search: string;
  onSearchChange: (value: string) => void;
  workspaces: { id: string; name: string }[];
  /** null when the caller may not list users: the actor filter is hidden. */
  actors: { id: string; name: string }[] | null;
  seenTypes: string[];
}) {
  const set = (patch: Partial<ActivityFilterState>) => onChange({ ...filters, ...patch });
  const typeOptions = [...new Set([...commonTypes, ...seenTypes])].sort();
  return (
    <div className="grid w-full gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <DataTableSearch
          value={search}
          onChange={onSearchChange}
          placeholder="Search the log…"
          label="Search activity"
          className="sm:w-64"
        />
        <Input
          aria-label="Event type"
          placeholder="Event type…"
          list="activity-types"
          value={filters.type}
          onChange={(e) => set({ type: e.target.value })}
          className="w-full sm:w-40"
        />
        <datalist id="activity-types">
          {typeOptions.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <FilterSelect
          value={filters.workspaceId}
          onChange={(v) => set({ workspaceId: v })}
          options={workspaces.map((w) => ({ value: w.id, label: w.name }))}
          allLabel="All workspaces"
          label="Workspace filter"
          className="w-full sm:w-44"
        />
        {actors ? (
          <FilterSelect
            value={filters.actorId}
            onChange={(v) => set({ actorId: v })}
            options={actors.map((a) => ({ value: a.id, label: a.name }))}
            allLabel="Anyone"
            label="Actor filter"
            className="w-full sm:w-40"
          />
        ) : null}
        <Select value={filters.range} onValueChange={(v) => set({ range: v as TimeRange })}>
          <SelectTrigger className="w-full sm:w-36" aria-label="Time range">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">Any time</SelectItem>
            <SelectItem value="1h">Last hour</SelectItem>
            <SelectItem value="24h">Last 24 hours</SelectItem>
            <SelectItem value="7d">Last 7 days</SelectItem>
            <SelectItem value="30d">Last 30 days</SelectItem>
            <SelectItem value="custom">Custom range…</SelectItem>
          </SelectContent>
        </Select>
        <label className="flex items-center gap-2 text-sm text-muted-foreground">
          <Switch
            checked={filters.guestOnly}
            onCheckedChange={(v) => set({ guestOnly: v })}
            data-testid="activity-guest-only"
          />
          Guests only
        </label>
        {isFiltered(filters) || search ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              onChange(emptyFilters);
              onSearchChange('');
            }}
          >
            <X />
            Clear
          </Button>
        ) : null}
      </div>
      {filters.range === 'custom' ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor="activity-from" className="text-muted-foreground">
            From
          </label>
          <Input
            id="activity-from"
            type="datetime-local"
            className="w-auto"
            value={filters.customFrom}
            onChange={(e) => set({ customFrom: e.target.value })}
          />
          <label htmlFor="activity-to" className="text-muted-foreground">
            to
          </label>
          <Input
            id="activity-to"
            type="datetime-local"
            className="w-auto"
            value={filters.customTo}
            onChange={(e) => set({ customTo: e.target.value })}
          />
        </div>
      ) : null}
    </div>
  );
}
