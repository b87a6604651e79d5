'use client';
import { Download } from 'lucide-react';
import { Button, CopyButton } from '@racine/ui';

/** Recovery codes, shown once: copy them or download a text file before leaving. */
export function RecoveryCodes({ codes, email }: { codes: string[]; email: string }) {
  const text = codes.join('\n');
  const download = () => {
    const blob = new Blob([`Racine recovery codes for ${email}\nEach code works once.\n\n${text}\n`], { type: 'text/plain' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'racine-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">
        Keep these somewhere safe. Each one signs you in once if you lose your authenticator. They will not be shown again.
      </p>
      <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 rounded-md border bg-muted/40 p-3 font-mono text-sm">
        {codes.map((c) => (
          <li key={c} data-testid="recovery-code">
            {c}
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <CopyButton value={text} label="Copy codes" variant="outline" size="sm" />
        <Button variant="outline" size="sm" onClick={download}>
          <Download />
          Download
        </Button>
      </div>
    </div>
  );
}
