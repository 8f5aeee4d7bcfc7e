// Stage: validate. Prism's own security and request validators on the normalised request; the
// violations go to `sl-violations` (with the missing credential named, which Prism does not do).
import { narrowResource } from '../prism/narrow.js';
import { validator } from '../prism/prism.js';
import { missingCredentials, toReported } from './errors.js';
import { setViolationHeader } from './exchange.js';
/** Fills ex.violations / ex.reported; true when the request is valid. */
export function validate(ex) {
    const op = ex.op;
    const input = ex.input;
    const sec = validator.validateSecurity({ resource: op.resource, element: input });
    if (sec._tag === 'Left')
        ex.violations.push(...sec.left);
    const inp = validator.validateInput({ resource: narrowResource(op.resource, input.url.query, input.headers), element: input });
    if (inp._tag === 'Left')
        ex.violations.push(...inp.left);
    const reported = ex.violations.map((v) => toReported(v));
    if (sec._tag === 'Left') {
        for (const scheme of missingCredentials(op, input)) {
            const isBearer = scheme.type === 'http';
            reported.push({
                location: ['request', isBearer ? 'header' : (scheme.in ?? 'query'), isBearer ? 'Authorization' : (scheme.name ?? scheme.key)],
                severity: 'Error',
                code: 'required',
                message: `Missing credential ${isBearer ? `Authorization: ${scheme.scheme ?? 'Bearer'} <token>` : `${scheme.in} ${scheme.name}`} (security scheme ${scheme.key})`,
            });
        }
    }
    ex.reported = reported;
    if (reported.length)
        setViolationHeader(ex, reported);
    if (ex.verbose)
        for (const v of reported)
            ex.verbose.push(`violation ${v.location.join('.')} ${v.message}`);
    return !ex.violations.some((v) => v.severity === 0);
}
