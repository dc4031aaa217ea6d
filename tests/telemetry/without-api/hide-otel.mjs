// Registered with `--import` before the script runs: resolving `@opentelemetry/api` fails as it does
// when the package is not installed, so the script sees chatwright without it.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier === '@opentelemetry/api' || specifier.startsWith('@opentelemetry/api/')) {
        const error = new Error("Cannot find package '@opentelemetry/api'");
        error.code = 'ERR_MODULE_NOT_FOUND';
        throw error;
      }
      return next(specifier, context);
    }
  `)}`,
);
