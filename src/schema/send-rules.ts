import { modelRules } from '../models/model-rules.js';
import { isSet, type Rule, wantsAudio } from '../models/rule.js';

/*
 * Rules for a request about to be sent, on top of the preset rules: what a complete request needs.
 * The builder's `SendProblem` type (src/state/rules.ts) states the same rules at compile time.
 */

const rules: readonly Rule[] = [
  {
    reads: ['model'],
    check(body, report) {
      if (body.model === undefined) report(['model'], 'model is required (call .model() first)', undefined);
    },
  },
  {
    reads: ['messages'],
    check(body, report) {
      if (!Array.isArray(body.messages) || body.messages.length === 0) {
        report(
          ['messages'],
          'messages needs at least one message (add one with .user(), .system() or .messages())',
          body.messages,
        );
      }
    },
  },
  {
    reads: ['modalities', 'audio'],
    check(body, report) {
      const audioOutput = wantsAudio(body);
      if (audioOutput && !isSet(body.audio)) {
        report(
          ['modalities'],
          "modalities include 'audio', which needs audio (set the voice and format with .audio())",
          body.modalities,
        );
      } else if (!audioOutput && isSet(body.audio)) {
        report(
          ['audio'],
          "audio needs 'audio' in modalities (call .modalities(['text', 'audio']))",
          body.audio,
        );
      }
    },
  },
];

/** The send rules with the model's own rules (src/models/): one list, run in one pass over the body. */
export const sendRules: readonly Rule[] = [...rules, ...modelRules];
