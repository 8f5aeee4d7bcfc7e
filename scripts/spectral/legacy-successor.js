// House rule: a legacy operation (operationId `legacy…`) is deprecated and names its successor(s) by
// operationId, or says why it has none; a current operation is neither deprecated nor has x-successor.
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

export default function legacySuccessor(document) {
  const operations = [];
  for (const [pathName, item] of Object.entries(document?.paths ?? {})) {
    for (const method of METHODS) if (item?.[method]) operations.push({ pathName, method, op: item[method] });
  }
  const ids = new Set(operations.map(({ op }) => op.operationId));
  const results = [];
  for (const { pathName, method, op } of operations) {
    const at = ['paths', pathName, method];
    const legacy = String(op.operationId ?? '').startsWith('legacy');
    if (legacy !== (op.deprecated === true)) {
      results.push({ message: `${op.operationId}: operations named legacy… must be deprecated, and only they`, path: [...at, 'deprecated'] });
    }
    const successors = op['x-successor'] === undefined ? [] : [op['x-successor']].flat();
    if (!op.deprecated && (successors.length || op['x-no-successor-reason'])) {
      results.push({ message: `${op.operationId}: x-successor / x-no-successor-reason belong on deprecated operations only`, path: at });
    }
    if (op.deprecated && !successors.length && !op['x-no-successor-reason']) {
      results.push({ message: `${op.operationId}: deprecated without x-successor or x-no-successor-reason`, path: at });
    }
    for (const successor of successors) {
      if (!ids.has(successor)) results.push({ message: `${op.operationId}: x-successor "${successor}" is not an operationId of this spec`, path: [...at, 'x-successor'] });
      else if (!String(op.description ?? '').includes(successor)) results.push({ message: `${op.operationId}: the description must name its successor ${successor}`, path: [...at, 'description'] });
    }
  }
  return results;
}
