import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SseParser } from '../../src/stream/sse-parser.js';
import { bytesOf, splitBytes } from './support.js';

type Event = [data: string, event: string | undefined];

function parse(pieces: readonly (string | Uint8Array)[]): Event[] {
  const events: Event[] = [];
  const parser = new SseParser((data, event) => events.push([data, event]));
  for (const piece of pieces) parser.feed(bytesOf(piece));
  parser.end();
  return events;
}

// Multi-byte characters (2, 3 and 4 bytes), CRLF, CR, a comment, a named event, multi-line data.
const sample =
  ': keep-alive\n\n' +
  'data: {"content":"caf\u00e9 \u65e5\u672c \u{1F600}"}\r\n\r\n' +
  'event: error\rdata: {"error":{"message":"\u00fcber"}}\r\r' +
  'data: line one\ndata: line two\n\n' +
  'id: 7\nretry: 100\ndata: [DONE]\n\n';

const sampleEvents: Event[] = [
  ['{"content":"caf\u00e9 \u65e5\u672c \u{1F600}"}', undefined],
  ['{"error":{"message":"\u00fcber"}}', 'error'],
  ['line one\nline two', undefined],
  ['[DONE]', undefined],
];

test('parses the sample stream in one piece', () => {
  assert.equal(parse([sample]), sampleEvents);
});

test('gives the same events for every split point of the sample, in bytes', () => {
  const bytes = bytesOf(sample);
  for (let at = 0; at <= bytes.length; at++) {
    assert.equal(parse([bytes.subarray(0, at), bytes.subarray(at)]), sampleEvents, `split at byte ${at}`);
  }
});

test('gives the same events when fed one byte at a time and in odd-sized pieces', () => {
  assert.equal(parse(splitBytes(sample, [1])), sampleEvents);
  assert.equal(parse(splitBytes(sample, [3, 7, 2, 5])), sampleEvents);
});

test('treats LF, CRLF and CR as line ends', () => {
  assert.equal(parse(['data: a\n\n', 'data: b\r\n\r\n', 'data: c\r\r']), [
    ['a', undefined],
    ['b', undefined],
    ['c', undefined],
  ]);
});

test('a CR at the end of one piece and LF at the start of the next make one line end', () => {
  // Were they two line ends, the blank line between them would dispatch "a" on its own.
  assert.equal(parse(['data: a\r', '\ndata: b\r', '\n\r', '\n']), [['a\nb', undefined]]);
});

test('joins multi-line data with \\n and keeps empty data lines', () => {
  assert.equal(parse(['data: {\ndata:\ndata: "a": 1}\n\n']), [['{\n\n"a": 1}', undefined]]);
});

test('removes exactly one space after the colon', () => {
  assert.equal(parse(['data:x\n\ndata:  y\n\n']), [
    ['x', undefined],
    [' y', undefined],
  ]);
});

test('ignores comments, keep-alives, id, retry and unknown fields', () => {
  assert.equal(parse([': ping\n\n:\n\nid: 1\nretry: 5\nfoo: bar\ndata: x\n: inside\n\n']), [
    ['x', undefined],
  ]);
});

test('a line with only a field name is that field with an empty value', () => {
  assert.equal(parse(['data\n\n']), [['', undefined]]);
});

test('an event without data is not dispatched and its name does not leak into the next', () => {
  assert.equal(parse(['event: ping\n\ndata: x\n\n']), [['x', undefined]]);
});

test('the event name applies to its own event only', () => {
  assert.equal(parse(['event: error\ndata: a\n\ndata: b\n\n']), [
    ['a', 'error'],
    ['b', undefined],
  ]);
});

test('drops an event cut off by the end of the body', () => {
  assert.equal(parse(['data: a\n\ndata: {"partial"']), [['a', undefined]]);
  assert.equal(parse(['data: a\n\ndata: {"complete": true}\n']), [['a', undefined]]);
});

test('accepts a final [DONE] without its blank line', () => {
  assert.equal(parse(['data: a\n\ndata: [DONE]\n']), [
    ['a', undefined],
    ['[DONE]', undefined],
  ]);
  assert.equal(parse(['data: a\n\ndata: [DONE]']), [
    ['a', undefined],
    ['[DONE]', undefined],
  ]);
});

test('strips a byte order mark at the start', () => {
  assert.equal(parse([new Uint8Array([0xef, 0xbb]), new Uint8Array([0xbf]), 'data: a\n\n']), [
    ['a', undefined],
  ]);
});

test('replaces invalid UTF-8 instead of throwing', () => {
  assert.equal(parse([new Uint8Array([0x64, 0x61, 0x74, 0x61, 0x3a, 0x20, 0xff, 0x0a, 0x0a])]), [
    ['\ufffd', undefined],
  ]);
});

test('skips spaces before a field name (a recorded OpenRouter stream starts with " data:")', () => {
  assert.equal(parse([' data: a\n\n   \n\ndata: b\n\n']), [
    ['a', undefined],
    ['b', undefined],
  ]);
});

test('a long line across many pieces is reassembled', () => {
  const long = 'x'.repeat(10_000);
  assert.equal(parse(splitBytes(`data: ${long}\n\n`, [97])), [[long, undefined]]);
});

test.run();
