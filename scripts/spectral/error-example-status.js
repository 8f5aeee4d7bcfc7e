// House rule: an error example sits under the HTTP status it is documented for (its x-http-status).
export default function errorExampleStatus(response, _options, context) {
  const status = String(context.path[context.path.length - 1]);
  const results = [];
  for (const [mediaType, media] of Object.entries(response?.content ?? {})) {
    for (const [name, example] of Object.entries(media?.examples ?? {})) {
      const documented = example?.['x-http-status'];
      if (documented !== undefined && String(documented) !== status) {
        results.push({
          message: `example ${name} is documented for HTTP ${documented} (x-http-status) but placed under ${status}`,
          path: [...context.path, 'content', mediaType, 'examples', name],
        });
      }
      if (/^[45]/.test(status) && documented === undefined) {
        results.push({ message: `error example ${name} has no x-http-status`, path: [...context.path, 'content', mediaType, 'examples', name] });
      }
    }
  }
  return results;
}
