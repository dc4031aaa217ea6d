/*
 * An OpenAPI document cut down to one operation: that path and method, and every component it reaches
 * through `$ref` (transitively), unchanged. Prism reads and compiles every operation of a spec before
 * it listens; the official spec has 182 paths, and this one operation starts about six times faster,
 * validated by the very same schemas.
 */

type Json = { [key: string]: unknown };

/** `spec` with only `paths[path][method]` and the components it references. */
export function specForOperation(spec: Json, path: string, method: string): Json {
  const paths = spec.paths as Record<string, Record<string, unknown>>;
  const operation = paths[path]?.[method];
  if (operation === undefined) throw new Error(`the spec has no ${method.toUpperCase()} ${path}`);
  const components = (spec.components ?? {}) as Record<string, Record<string, unknown>>;
  const kept: Record<string, Record<string, unknown>> = {};
  const seen = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key !== '$ref' || typeof value !== 'string') {
        walk(value);
        continue;
      }
      if (seen.has(value)) continue;
      seen.add(value);
      // Only local component references: `#/components/<section>/<name>`.
      const [hash, root, section, name] = value.split('/');
      if (hash !== '#' || root !== 'components' || section === undefined || name === undefined) continue;
      const target = components[section]?.[name];
      const inSection = kept[section] ?? {};
      inSection[name] = target;
      kept[section] = inSection;
      walk(target);
    }
  };
  walk(operation);
  // Security schemes are named by `security`, not referenced: Prism needs them for its 401.
  if (components.securitySchemes !== undefined) kept.securitySchemes = components.securitySchemes;
  // Webhooks and vendor extensions at the root refer to other components: left out with them.
  const { openapi, info, servers, security } = spec;
  return { openapi, info, servers, security, paths: { [path]: { [method]: operation } }, components: kept };
}
