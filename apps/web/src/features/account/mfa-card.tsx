'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Input,
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { formatDate } from '~/lib/format';
import { RecoveryCodes } from './recovery-codes';

type Profile = RouterOutputs['user']['profile'];
type Enrolment = RouterOutputs['user']['enrollMfa'];

/** Two-factor authentication: set up with a QR code (or the secret typed in), then recovery codes; turn off; new codes. */
export function MfaCard({ profile }: { profile: Profile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = React.useState<Enrolment | null>(null);
  const [codes, setCodes] = React.useState<string[] | null>(null);
  const [dialog, setDialog] = React.useState<'disable' | 'regenerate' | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.user.profile.pathFilter()),
      queryClient.invalidateQueries(trpc.user.me.pathFilter()),
    ]);

  const enroll = useMutation(
    trpc.user.enrollMfa.mutationOptions({
      onSuccess: setEnrolment,
      onError: (error) => toast.fromError(error, 'Could not start setting up two-factor authentication'),
    }),
  );
  const verify = useMutation(
    trpc.user.verifyMfa.mutationOptions({
      onSuccess: async (r) => {
        setEnrolment(null);
        setCodes(r.recoveryCodes);
        toast.success('Two-factor authentication is on');
        await refresh();
      },
      onError: (error) => toast.fromError(error, 'Could not turn on two-factor authentication'),
    }),
  );

  return (
    <Card data-testid="mfa-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Two-factor authentication
          {profile.mfa.enabled ? <Badge variant="success">on</Badge> : <Badge variant="secondary">off</Badge>}
        </CardTitle>
        <CardDescription>
          {profile.mfa.enabled
            ? `Since ${formatDate(profile.mfa.enabledAt)}. Signing in asks for a code from your authenticator app. ${profile.mfa.recoveryCodesLeft} recovery code${profile.mfa.recoveryCodesLeft === 1 ? '' : 's'} left.`
            : 'Signing in will also ask for a 6-digit code from an authenticator app (1Password, Google Authenticator, Authy…).'}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {codes ? (
          <>
            <RecoveryCodes codes={codes} email={profile.email} />
            <div>
              <Button onClick={() => setCodes(null)}>I have saved them</Button>
            </div>
          </>
        ) : enrolment ? (
          <EnrolmentStep
            enrolment={enrolment}
            pending={verify.isPending}
            onVerify={(code) => verify.mutate({ code })}
            onCancel={() => setEnrolment(null)}
          />
        ) : profile.mfa.enabled ? (
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" onClick={() => setDialog('regenerate')}>
              New recovery codes
            </Button>
            <Button variant="outline" className="text-destructive hover:text-destructive" onClick={() => setDialog('disable')}>
              Turn off
            </Button>
          </div>
        ) : (
          <div>
            <Button onClick={() => enroll.mutate()} disabled={enroll.isPending} data-testid="mfa-enroll">
              {enroll.isPending ? <Spinner /> : <ShieldCheck />}
              Set up two-factor authentication
            </Button>
          </div>
        )}
      </CardContent>
      <DisableDialog open={dialog === 'disable'} onClose={() => setDialog(null)} onDone={refresh} />
      <RegenerateDialog
        open={dialog === 'regenerate'}
        onClose={() => setDialog(null)}
        onDone={async (next) => {
          setCodes(next);
          await refresh();
        }}
      />
    </Card>
  );
}

function EnrolmentStep({
  enrolment,
  pending,
  onVerify,
  onCancel,
}: {
  enrolment: Enrolment;
  pending: boolean;
  onVerify: (code: string) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = React.useState('');
  return (
    <div className="grid gap-4 sm:grid-cols-[auto_1fr]">
      {/* The QR code is a data URL made on the server; a white quiet zone keeps it scannable in dark mode. */}
      <img src={enrolment.qrDataUrl} alt="QR code to scan with your authenticator app" className="size-44 rounded-md bg-white p-1" data-testid="mfa-qr" />
      <form
        className="grid content-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          onVerify(code);
        }}
      >
        <p className="text-sm">1. Scan the QR code with your authenticator app, or type this key into it:</p>
        <code data-testid="mfa-secret" className="w-fit break-all rounded bg-muted px-2 py-1 font-mono text-sm tracking-wider">
          {enrolment.secret}
        </code>
        <Field label="2. Enter the 6-digit code it shows" htmlFor="mfa-code">
          <Input
            id="mfa-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            placeholder="123456"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            className="max-w-40 font-mono"
          />
        </Field>
        <div className="flex gap-2">
          <Button type="submit" disabled={pending || code.trim().length < 6}>
            {pending ? <Spinner /> : null}
            Turn on
          </Button>
          <Button type="button" variant="ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}

function DisableDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [password, setPassword] = React.useState('');
  const [code, setCode] = React.useState('');
  const disable = useMutation(
    trpc.user.disableMfa.mutationOptions({
      onSuccess: async () => {
        toast.success('Two-factor authentication is off');
        onClose();
        await onDone();
      },
      onError: (error) => toast.fromError(error, 'Could not turn off two-factor authentication'),
    }),
  );
  return (
    <Dialog open={open} onOpenChange={(o) => !o && !disable.isPending && onClose()}>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>Turn off two-factor authentication?</DialogTitle>
          <DialogDescription>Your password alone will sign you in. Confirm with your password and a current code.</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            disable.mutate({ password, code });
          }}
        >
          <Field label="Password" htmlFor="disable-password">
            <Input id="disable-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
          <Field label="Authentication code" htmlFor="disable-code">
            <Input id="disable-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose} disabled={disable.isPending}>
              Keep it on
            </Button>
            <Button type="submit" variant="destructive" disabled={disable.isPending || !password || !code}>
              {disable.isPending ? <Spinner /> : null}
              Turn off
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RegenerateDialog({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (codes: string[]) => Promise<unknown> }) {
  const trpc = useTRPC();
  const [code, setCode] = React.useState('');
  const regenerate = useMutation(
    trpc.user.regenerateRecoveryCodes.mutationOptions({
      onSuccess: async (r) => {
        toast.success('New recovery codes made; the old ones no longer work');
        onClose();
        setCode('');
        await onDone(r.recoveryCodes);
      },
      onError: (error) => toast.fromError(error, 'Could not make new recovery codes'),
    }),
  );
  return (
    <Dialog open={open} onOpenChange={(o) => !o && !regenerate.isPending && onClose()}>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>New recovery codes</DialogTitle>
          <DialogDescription>The codes you have now stop working. Confirm with a code from your authenticator app.</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            regenerate.mutate({ code });
          }}
        >
          <Field label="Authentication code" htmlFor="regenerate-code">
            <Input id="regenerate-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose} disabled={regenerate.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={regenerate.isPending || !code}>
              {regenerate.isPending ? <Spinner /> : null}
              Make new codes
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
