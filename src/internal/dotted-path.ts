/** `path` extended by `key`, as issues spell paths: `messages.1.content` (a bare key at the root). */
export function childPath(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}
