/**
 * The Batch API's documented limits on one input file: "The file can contain up to 50,000 requests,
 * and can be up to 200 MB in size" (`CreateBatchRequest.input_file_id` in OpenAI's OpenAPI
 * description, github.com/openai/openai-openapi). "MB" is read as 10^6 bytes, the smaller reading,
 * so a file we write is within the limit whichever the API means.
 *
 * @example
 * batchLimits.maxRequestsPerFile; // 50000
 */
export const batchLimits = /* @__PURE__ */ Object.freeze({
  maxRequestsPerFile: 50_000,
  maxBytesPerFile: 200_000_000,
});

/** Limits a caller may lower (smaller files upload and finish sooner), never raise. */
export interface BatchFileLimits {
  /** Requests per file. Default and maximum 50,000. */
  readonly maxRequestsPerFile?: number | undefined;
  /** Bytes per file. Default and maximum 200,000,000. */
  readonly maxBytesPerFile?: number | undefined;
}
