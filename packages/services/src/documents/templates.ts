/** Starting content for a new document: a blank page, or headings to fill in. */
export const documentTemplates = {
  blank: { name: 'Blank', kind: 'note', text: '' },
  runbook: {
    name: 'Runbook',
    kind: 'runbook',
    text: [
      '# Runbook',
      '',
      '## Purpose',
      'What this procedure is for and when to use it.',
      '',
      '## Prerequisites',
      '- Access needed',
      '- Tools needed',
      '',
      '## Steps',
      '1. ',
      '',
      '## Verification',
      'How to tell that it worked.',
      '',
      '## Rollback',
      'How to undo it safely.',
      '',
      '## Contacts',
      '- Owner: ',
      '',
    ].join('\n'),
  },
  incidentReview: {
    name: 'Incident review',
    kind: 'note',
    text: ['# Incident review', '', '## Summary', '', '## Timeline', '', '## Impact', '', '## Root cause', '', '## Actions', '- [ ] ', ''].join('\n'),
  },
  meetingNotes: {
    name: 'Meeting notes',
    kind: 'note',
    text: ['# Meeting notes', '', '## Attendees', '', '## Agenda', '', '## Decisions', '', '## Action items', '- [ ] ', ''].join('\n'),
  },
} as const;

export type DocumentTemplateKey = keyof typeof documentTemplates;
export const documentTemplateKeys = Object.keys(documentTemplates) as [DocumentTemplateKey, ...DocumentTemplateKey[]];
