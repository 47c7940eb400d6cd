/** One value inside a parsed JSON document, with where it sits. */
export interface JsonNode {
  value: unknown;
  /** 0 for the root; each object or array one enters adds 1. */
  depth: number;
  /** True for an object's key, given as a string node at the path of its value. */
  isKey: boolean;
  /** Keys and indexes from the root, `['items', 0, 'tier']`; built on demand. */
  path(): (string | number)[];
}

interface Frame {
  value: unknown;
  depth: number;
  key: string | number | undefined;
  parent: Frame | undefined;
  isKey: boolean;
}

/**
 * Every value inside `root` (the root first, then depth-first) and every object key. Written with
 * an explicit stack, not recursion: a request body may nest thousands of levels deep, and walking
 * it must not overflow the call stack. Nodes link to their parent, so a deep walk stays linear.
 */
export function* jsonNodes(root: unknown): Generator<JsonNode> {
  const stack: Frame[] = [{ value: root, depth: 0, key: undefined, parent: undefined, isKey: false }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const current = frame;
    yield { value: current.value, depth: current.depth, isKey: current.isKey, path: () => pathOf(current) };
    if (current.isKey) continue;
    const { value, depth } = current;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], depth: depth + 1, key: i, parent: current, isKey: false });
      }
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const child = {
          value: (value as Record<string, unknown>)[key],
          depth: depth + 1,
          key,
          parent: current,
        };
        stack.push({ ...child, isKey: false }, { ...child, value: key, isKey: true });
      }
    }
  }
}

function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Frame | undefined = frame; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

/** True when `root` nests objects and arrays more than `maxDepth` deep (`{ "a": [] }` is 2). */
export function nestsDeeperThan(root: unknown, maxDepth: number): boolean {
  for (const { value, depth } of jsonNodes(root)) {
    if (value !== null && typeof value === 'object' && depth + 1 > maxDepth) return true;
  }
  return false;
}
