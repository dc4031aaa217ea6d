// The `chatwright/testing` entry: a scripted OpenAI-compatible server for tests, no network needed.

export type {
  FakeBatchAnswer,
  FakeBatchInputLine,
  FakeBatchScript,
  FakeFile,
} from './fake-batches.js';
export {
  answerBody,
  answerChunks,
  completionBody,
  completionChunks,
  errorBody,
  type FakeAnswer,
  type FakeCompletionInit,
  type FakeErrorBody,
  type FakeToolCall,
} from './fake-bodies.js';
export { type FakeHeaders, type FakeReply, replies } from './fake-replies.js';
export { createFakeServer, type FakeServer, type FakeServerOptions } from './fake-server.js';
export type { RecordedRequest } from './recorded-request.js';
