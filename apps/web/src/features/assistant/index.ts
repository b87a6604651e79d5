// What the shell and the command palette use of the assistant.
export { AssistantProvider, assistantShortcut, useAssistant } from './assistant-provider';
export { AssistantSheet } from './assistant-sheet';
export { AssistantButton } from './assistant-button';
