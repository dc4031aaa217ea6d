/** The values of a Map in ascending key order (keys arrive in order almost always: no sort then). */
export function sortedByKey<T>(map: ReadonlyMap<number, T>): T[] {
  const keys = [...map.keys()];
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i] as number) < (keys[i - 1] as number)) {
      keys.sort((a, b) => a - b);
      break;
    }
  }
  return keys.map((key) => map.get(key) as T);
}
