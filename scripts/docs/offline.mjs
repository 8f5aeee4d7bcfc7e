// Makes the page that `redocly build-docs --inlineBundle` writes load nothing from another host.
//
// What the inlined Redoc 3 bundle (@redocly/cli 2.77, Redoc 3.0.x) would fetch from outside, and why:
//   - https://cdn.redoc.ly/redoc/logo-mini(-full).svg: the "API docs by Redocly" logo in the sidebar footer,
//     an <img> mounted on every page load. That is the CDN request `--inlineBundle` leaves in.
//   - https://cdn.redocly.com/icons/{fa,code}/...: icon packs, drawn with CSS mask-image when a page uses an
//     icon. This page uses none, but the base URLs would load if one appeared.
//   - https://otel.cloud.redocly.com/v1/traces: reader telemetry, sent unless the options say
//     `disableTelemetry` (redocly.yaml `telemetry: off` makes build-docs write `"disableTelemetry":true`).
//   - The favicon: browsers ask the page's host for /favicon.ico; the template declares an empty data: icon.
// Everything else with a remote host in the file is a link the reader may click (Redocly, ChatGPT, Claude and
// library documentation), text of the API description (example values), or an XML namespace name; the
// offline test (test/docs/offline.test.ts) keeps that list honest.
//
// Each patch must match exactly as written for the pinned Redoc version: if a Redoc upgrade changes the
// code, the build fails here, and whoever upgrades re-checks what the new bundle loads.

const PATCHES = [
  {
    what: 'Redocly logo <img> from cdn.redoc.ly (sidebar footer), replaced by the word "Redoc"',
    find: /\(0,(\w+)\.jsx\)\(`img`,\{alt:`redocly logo`,onError:\(\)=>\w+\(!1\),src:\w+\?`https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini-full\.svg`:`https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini\.svg`\}\)/g,
    replace: (_, jsx) => `(0,${jsx}.jsx)(\`span\`,{style:{fontWeight:600},children:\`Redoc\`})`,
    count: 1,
  },
  {
    what: 'icon pack base URLs on cdn.redocly.com, pointed at an empty data: URL',
    find: /\{"font-awesome":`https:\/\/cdn\.redocly\.com\/icons\/fa\/[\d.]+`,code:`https:\/\/cdn\.redocly\.com\/icons\/code\/[\d.]+`\}/g,
    replace: () => '{"font-awesome":`data:,`,code:`data:,`}',
    count: 1,
  },
  {
    what: 'telemetry endpoint otel.cloud.redocly.com (already disabled), pointed at an empty data: URL',
    find: /`https:\/\/otel\.cloud\.redocly\.com\/v1\/traces`/g,
    replace: () => '`data:,`',
    count: 1,
  },
];

/** Hosts that must not appear anywhere in the page once patched. */
export const LOADED_HOSTS = ['cdn.redoc.ly', 'cdn.redocly.com', 'otel.cloud.redocly.com', 'fonts.googleapis.com', 'fonts.gstatic.com'];

/**
 * Applies exact-match patches to the built page. Each must match `count` times, else the build fails: the
 * patches are written against the pinned Redoc version, and an upgrade must be re-checked, not silently missed.
 */
export function applyPatches(html, patches, file = 'scripts/docs/offline.mjs') {
  let out = html;
  for (const patch of patches) {
    const matches = out.match(patch.find)?.length ?? 0;
    if (matches !== patch.count) {
      throw new Error(
        `docs patch "${patch.what}" matched ${matches} time(s), expected ${patch.count}. ` +
          `The inlined Redoc bundle changed (an @redocly/cli upgrade?): check the new page and update ${file}.`,
      );
    }
    out = out.replace(patch.find, patch.replace);
  }
  return out;
}

export function makeOffline(html) {
  const out = applyPatches(html, PATCHES);
  if (!/const __redoc_options = \{[^\n]*"disableTelemetry":true/.test(out)) {
    throw new Error('docs: the page would send reader telemetry; redocly.yaml must keep `telemetry: off`.');
  }
  const left = LOADED_HOSTS.filter((host) => out.includes(host));
  if (left.length) throw new Error(`docs: the page still names ${left.join(', ')}, which it would load from.`);
  return out;
}
