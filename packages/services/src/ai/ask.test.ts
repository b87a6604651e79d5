import { describe, expect, it } from 'vitest';
import { chooseEngine } from './ask';
import { builtinEngine } from './builtin/engine';
import { modelEngine } from './model/index';

describe('chooseEngine', () => {
  it('is the built-in engine on a fresh install (nothing configured)', () => {
    expect(chooseEngine({})).toEqual({ mode: 'builtin', engine: builtinEngine });
  });
  it('is the model engine once a base URL and a model are set', () => {
    expect(chooseEngine({ RACINE_AI_BASE_URL: 'http://localhost:11434/v1', RACINE_AI_MODEL: 'llama3.1' })).toEqual({ mode: 'model', engine: modelEngine });
  });
  it('is the model engine (which then says what is missing) when half configured', () => {
    expect(chooseEngine({ RACINE_AI_MODEL: 'llama3.1' }).mode).toBe('model');
  });
});
