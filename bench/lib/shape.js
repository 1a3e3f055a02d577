/**
 * The keys and value types of a JSON answer (arrays by their first element): what the
 * forum and the baseline must agree on for their figures to compare like with like.
 */
export function shapeOf(value) {
  if (Array.isArray(value)) return value.length > 0 ? [shapeOf(value[0])] : [];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shapeOf(value[key])]),
    );
  }
  return value === null ? 'null' : typeof value;
}

/** GETs each path with `token` and returns the shape of every answer. */
export async function answerShapes(url, paths, token) {
  const shapes = [];
  for (const path of paths) {
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    shapes.push({ path, status: response.status, shape: shapeOf(await response.json()) });
  }
  return JSON.stringify(shapes);
}
