'use client';
import { Badge, cn } from '@racine/ui';
import { executionStyle, type StatusStyle, stepStyle } from './status-style';

function StatusBadgeView({
  style,
  status,
  testId,
  className,
}: {
  style: StatusStyle;
  status: string;
  testId: string;
  className?: string;
}) {
  const Icon = style.icon;
  return (
    <Badge
      variant={style.badge}
      data-testid={testId}
      data-status={status}
      title={style.description}
      className={className}
    >
      <Icon className={cn(style.spin && 'animate-spin')} aria-hidden />
      {style.label}
    </Badge>
  );
}

export function ExecutionStatusBadge({
  status,
  className,
}: {
  status: string;
  className?: string;
}) {
  return (
    <StatusBadgeView
      style={executionStyle(status)}
      status={status}
      testId="execution-status"
      className={className}
    />
  );
}

export function StepStatusBadge({ status, className }: { status: string; className?: string }) {
  return (
    <StatusBadgeView
      style={stepStyle(status)}
      status={status}
      testId="step-status"
      className={className}
    />
  );
}

/** Just the icon, tinted: for dense rows and graph nodes. */
export function StepStatusIcon({ status, className }: { status: string; className?: string }) {
  const style = stepStyle(status);
  const Icon = style.icon;
  return (
    <Icon
      className={cn('size-3.5 shrink-0', style.text, style.spin && 'animate-spin', className)}
      aria-label={style.label}
    />
  );
}
