// Stage: route. Method and path -> the spec operation (literal segments in any casing, enum path
// parameters in any casing); an unknown path is the documented 404, a known path with another
// method a 405 listing the allowed ones.
import { matchRoute } from '../spec/routes.js';
import { envelope, namedError } from './errors.js';
import { jsonReply } from './exchange.js';
/** Sets ex.op; returns the reply when the request reaches no operation (`forwardUnknown`: leave it to the proxy). */
export function route(index, ex, forwardUnknown) {
    const found = matchRoute(index.routes, ex.method, ex.rawPath);
    if (found && 'op' in found) {
        ex.op = found.op;
        ex.canonicalPath = found.canonicalPath;
        ex.pathParams = found.pathParams;
        return undefined;
    }
    if (forwardUnknown)
        return 'unrouted';
    if (!found)
        return jsonReply(ex, 404, namedError(index, null, 'RESOURCE_NOT_FOUND').value);
    ex.headers.allow = found.allowed.join(', ');
    return jsonReply(ex, 405, envelope(405, 'Method not allowed', `The ${ex.request.method} method is not supported by ${ex.rawPath}; use ${found.allowed.join(' or ')}.`));
}
