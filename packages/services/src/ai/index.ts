// The ai barrel: re-export this folder's public functions here.
export * from './types';
export * from './schemas';
export { aiTools, describeTools, findTool, runTool, type RunToolOptions } from './tools/index';
export { ask, chooseEngine, type AskStreamItem, type EngineChoice } from './ask';
export { builtinEngine } from './builtin/engine';
export { parseQuestion, type Intent, type Parsed, type Slots, type Vocabulary } from './builtin/parse';
export { SHAPES, suggestQuestions } from './builtin/grammar';
export { deleteConversation, getConversation, listConversations, renameConversation, type AiMessageView } from './conversations';
export { confirmToolCall } from './confirm';
export { acceptanceByType, listRecommendations, recordFeedback } from './recommendations/index';
export { ACCEPTANCE_PRIOR, acceptanceRate, BASE_PRIORITY } from './recommendations/rank';
export type { Candidate, RecommendationAction } from './recommendations/candidates';
