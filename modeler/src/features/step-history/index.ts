import type { ModuleDeclaration } from 'didi';
import { StepHistoryOverlays } from './step-history-overlays.js';

/** Real step durations from deployed dossiers, drawn on the draft (the panel feeds them in). */
export const stepHistoryModule: ModuleDeclaration = {
  __init__: ['stepHistoryOverlays'],
  stepHistoryOverlays: ['type', StepHistoryOverlays],
};
