// House rule: the /v2/manage/2fa/ MFA configuration operations are authorised by the M2M bearer token alone,
// as the official OpenAPI file states (no API key, API secret or user token), and no other operation lists
// the M2M token. The client's credential routing relies on both halves.
const CONFIGURATION = /^\/v2\/manage\/2fa\//;

export default function m2mSecurity(operation, _options, context) {
  const pathName = context.path[1];
  const requirements = Array.isArray(operation?.security) ? operation.security : [];
  const usesM2m = requirements.some((r) => r && 'M2MBearerToken' in r);
  if (CONFIGURATION.test(String(pathName))) {
    const onlyM2m = requirements.length === 1 && Object.keys(requirements[0] ?? {}).join() === 'M2MBearerToken';
    return onlyM2m ? [] : [{ message: `${pathName}: security must be exactly [{ M2MBearerToken: [] }]`, path: [...context.path, 'security'] }];
  }
  return usesM2m ? [{ message: `${pathName}: only /v2/manage/2fa/ operations may use M2MBearerToken`, path: [...context.path, 'security'] }] : [];
}
