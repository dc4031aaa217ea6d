// chatwright/batch: the Batch API workflow, which reads and writes files and so runs in Node only.
// Kept apart from the main entry so that browser bundles never see its `node:` imports.

export {
  BatchJob,
  type BatchPart,
  type BatchPartInput,
  type BatchProgress,
  type BatchWaitOptions,
} from './batch-job.js';
export { type ResumeBatchOptions, resumeBatch } from './resume-batch.js';
export { type BatchCreatedEvent, type SubmitBatchOptions, submitBatch } from './submit-batch.js';
export {
  type BatchInputFile,
  type BatchItem,
  type WriteBatchFilesOptions,
  writeBatchFiles,
} from './write-batch-files.js';
