import type { validateRequest } from '../schema/validate-request.js';

/** What `validate()` returns: valibot's result for the whole request, with every issue and its path. */
export type RequestValidation = ReturnType<typeof validateRequest>;
