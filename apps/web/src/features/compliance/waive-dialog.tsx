'use client';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { MAX_WAIVER_DAYS } from '@racine/services/compliance/schemas';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Input,
  Spinner,
  Textarea,
} from '@racine/ui';

const today = () => new Date().toISOString().slice(0, 10);
/** The last day a waiver may run to (the server allows at most MAX_WAIVER_DAYS from now). */
const lastDay = () =>
  new Date(Date.now() + (MAX_WAIVER_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);

/**
 * The form's own shape (a date input gives a "YYYY-MM-DD" string); it is
 * turned into updateFinding's waiverReason + waivedUntil on submit, and the
 * server checks both again.
 */
const waiveForm = z.object({
  waiverReason: z
    .string()
    .trim()
    .min(10, 'Explain why in at least 10 characters: auditors read this.')
    .max(2000, 'Keep it under 2000 characters.'),
  waivedUntil: z
    .string()
    .min(1, 'Pick the day the waiver ends.')
    .refine((d) => d > today(), 'The waiver must end after today.')
    .refine((d) => d <= lastDay(), 'A waiver lasts at most a year; renew it when it ends.'),
});
type WaiveForm = z.infer<typeof waiveForm>;

export function WaiveDialog({
  open,
  onOpenChange,
  onWaive,
  pending,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onWaive: (values: { waiverReason: string; waivedUntil: Date }) => void;
  pending: boolean;
}) {
  const form = useForm<WaiveForm>({
    resolver: zodResolver(waiveForm),
    defaultValues: { waiverReason: '', waivedUntil: '' },
  });
  const { errors } = form.formState;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) form.reset();
      }}
    >
      <DialogContent data-testid="waive-dialog">
        <form
          className="grid gap-4"
          noValidate
          onSubmit={form.handleSubmit((v) =>
            // The end of the chosen day: the waiver holds through it.
            onWaive({
              waiverReason: v.waiverReason,
              waivedUntil: new Date(`${v.waivedUntil}T23:59:59.999Z`),
            }),
          )}
        >
          <DialogHeader>
            <DialogTitle>Waive this finding</DialogTitle>
            <DialogDescription>
              A waiver accepts the risk until a date. After it, the finding opens again if the rule
              still fails.
            </DialogDescription>
          </DialogHeader>
          <Field
            label="Justification"
            htmlFor="waiver-reason"
            error={errors.waiverReason?.message}
            hint="Why the risk is acceptable, and what mitigates it."
          >
            <Textarea
              id="waiver-reason"
              rows={4}
              autoFocus
              aria-invalid={!!errors.waiverReason}
              {...form.register('waiverReason')}
            />
          </Field>
          <Field label="Waived until" htmlFor="waived-until" error={errors.waivedUntil?.message}>
            <Input
              id="waived-until"
              type="date"
              min={today()}
              max={lastDay()}
              aria-invalid={!!errors.waivedUntil}
              {...form.register('waivedUntil')}
            />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? <Spinner /> : null}
              Waive finding
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
