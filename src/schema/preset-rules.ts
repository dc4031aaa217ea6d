import { hasItems, isSet, type Rule } from '../models/rule.js';
import { isJsonObject } from './primitives.js';

/*
 * Rules that hold for any builder, even an incomplete preset: the runtime mirror of the builder's
 * type-level gates (src/state/rules.ts), for JavaScript callers and presets loaded from JSON.
 */

/** The names of the tools of one kind (`function` or `custom`) in `tools`. */
function toolNames(tools: unknown, kind: 'function' | 'custom'): Set<string> {
  const names = new Set<string>();
  if (!Array.isArray(tools)) return names;
  for (const tool of tools) {
    if (isJsonObject(tool) && tool.type === kind) {
      const definition = tool[kind];
      if (isJsonObject(definition) && typeof definition.name === 'string') names.add(definition.name);
    }
  }
  return names;
}

const ADD_TOOL = { function: 'add it with .tool()', custom: 'add it with .customTool()' } as const;

/** A `{ type, function: { name } }` / `{ type, custom: { name } }` reference, or undefined. */
function namedReference(value: unknown): { kind: 'function' | 'custom'; name: string } | undefined {
  if (!isJsonObject(value) || (value.type !== 'function' && value.type !== 'custom')) return undefined;
  const target = value[value.type];
  if (!isJsonObject(target) || typeof target.name !== 'string') return undefined;
  return { kind: value.type, name: target.name };
}

/** The preset rules, in the order they report. */
export const presetRules: readonly Rule[] = [
  {
    reads: ['top_logprobs', 'logprobs'],
    check(body, report) {
      if (isSet(body.top_logprobs) && body.logprobs !== true) {
        report(
          ['top_logprobs'],
          'top_logprobs needs logprobs: true (call .logprobs() first)',
          body.top_logprobs,
        );
      }
    },
  },
  {
    reads: ['stream_options', 'stream'],
    check(body, report) {
      if (isSet(body.stream_options) && body.stream !== true) {
        report(
          ['stream_options'],
          'stream_options needs stream: true (call .stream() first)',
          body.stream_options,
        );
      }
    },
  },
  {
    reads: ['tool_choice', 'tools'],
    check(body, report) {
      const choice = body.tool_choice;
      if (choice === undefined) return;
      if (!hasItems(body.tools)) {
        report(['tool_choice'], 'tool_choice needs at least one tool (add one with .tool() first)', choice);
        return;
      }
      const named = namedReference(choice);
      if (named !== undefined && !toolNames(body.tools, named.kind).has(named.name)) {
        report(
          ['tool_choice', named.kind, 'name'],
          `tool_choice names "${named.name}" but no ${named.kind} tool of that name was added (${ADD_TOOL[named.kind]})`,
          named.name,
        );
      }
      if (!isJsonObject(choice) || choice.type !== 'allowed_tools' || !isJsonObject(choice.allowed_tools))
        return;
      const allowed = choice.allowed_tools.tools;
      if (!Array.isArray(allowed)) return;
      allowed.forEach((entry: unknown, index) => {
        const reference = namedReference(entry);
        if (reference !== undefined && !toolNames(body.tools, reference.kind).has(reference.name)) {
          report(
            ['tool_choice', 'allowed_tools', 'tools', index, reference.kind, 'name'],
            `allowed_tools lists "${reference.name}" but no ${reference.kind} tool of that name was added (${ADD_TOOL[reference.kind]})`,
            reference.name,
          );
        }
      });
    },
  },
  {
    reads: ['parallel_tool_calls', 'tools'],
    check(body, report) {
      if (body.parallel_tool_calls !== undefined && !hasItems(body.tools)) {
        report(
          ['parallel_tool_calls'],
          'parallel_tool_calls needs at least one tool (add one with .tool() first)',
          body.parallel_tool_calls,
        );
      }
    },
  },
  {
    // Tool names must be unique across kinds: the model calls a tool by name alone.
    reads: ['tools'],
    check(body, report) {
      if (!Array.isArray(body.tools)) return;
      const firstUse = new Map<string, number>();
      body.tools.forEach((tool: unknown, index) => {
        const reference = namedReference(tool);
        if (reference === undefined) return;
        const first = firstUse.get(reference.name);
        if (first === undefined) firstUse.set(reference.name, index);
        else {
          report(
            ['tools', index, reference.kind, 'name'],
            `tool name "${reference.name}" is already used by tools.${first} (tool names must be unique)`,
            reference.name,
          );
        }
      });
    },
  },
  {
    reads: ['functions'],
    check(body, report) {
      if (!Array.isArray(body.functions)) return;
      const firstUse = new Map<string, number>();
      body.functions.forEach((fn: unknown, index) => {
        if (!isJsonObject(fn) || typeof fn.name !== 'string') return;
        const first = firstUse.get(fn.name);
        if (first === undefined) firstUse.set(fn.name, index);
        else {
          report(
            ['functions', index, 'name'],
            `function name "${fn.name}" is already used by functions.${first} (function names must be unique)`,
            fn.name,
          );
        }
      });
    },
  },
  {
    reads: ['function_call', 'functions'],
    check(body, report) {
      const call = body.function_call;
      if (call === undefined) return;
      if (!hasItems(body.functions)) {
        report(['function_call'], 'function_call needs functions (add them with .functions() first)', call);
        return;
      }
      if (!isJsonObject(call) || typeof call.name !== 'string') return;
      const name = call.name;
      const known = body.functions.some((fn: unknown) => isJsonObject(fn) && fn.name === name);
      if (!known) {
        report(
          ['function_call', 'name'],
          `function_call names "${name}" but no function of that name was added (add it with .functions())`,
          name,
        );
      }
    },
  },
  {
    // Presence alone breaks this rule, so it runs even when either field is malformed.
    reads: ['functions', 'tools'],
    runsWhenBroken: true,
    check(body, report) {
      if (body.functions !== undefined && body.tools !== undefined) {
        report(
          ['functions'],
          'functions cannot be mixed with tools (use .tool() for every function)',
          body.functions,
        );
      }
    },
  },
  {
    reads: ['max_tokens', 'max_completion_tokens'],
    runsWhenBroken: true,
    check(body, report) {
      if (isSet(body.max_tokens) && isSet(body.max_completion_tokens)) {
        report(
          ['max_tokens'],
          'max_tokens and max_completion_tokens are both set (keep only maxCompletionTokens())',
          body.max_tokens,
        );
      }
    },
  },
];
