import { Progress } from '@racine/ui';

/** "3 / 50" with a bar that turns amber near the limit and red at it. */
export function Quota({
  label,
  used,
  max,
  testId,
}: {
  label: string;
  used: number;
  max: number;
  testId?: string;
}) {
  return (
    <div className="grid gap-1.5">
      <div className="flex items-baseline justify-between text-sm">
        <span className="text-muted-foreground">{label}</span>
        <span className="font-medium tabular-nums" data-testid={testId}>
          {used} / {max}
        </span>
      </div>
      <Progress value={used} max={max} quota aria-label={`${label}: ${used} of ${max}`} />
    </div>
  );
}
