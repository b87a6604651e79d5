import * as React from 'react';
import { cn } from './cn';
import { inputClass } from './input';

export function Textarea({ className, ...props }: React.ComponentProps<'textarea'>) {
  return <textarea className={cn(inputClass, 'min-h-20 h-auto py-2', className)} {...props} />;
}
