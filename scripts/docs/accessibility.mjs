// What our template's colours cannot fix for WCAG 2.1 AA, patched into the page that `redocly build-docs` writes
// (Redoc 3.0.x inlined by @redocly/cli 2.77), with the same count-checked patches as scripts/docs/offline.mjs:
//   - heading order: an operation's title is an <h2>, but Redoc puts its "Request" and "Responses" headings at
//     level 4 and the parameter groups ("Path", "Query", "Headers") at <h5>, skipping a level (axe
//     heading-order). They become <h3> and <h4> (Redoc styles them as such: a little larger).
//   - label in name (WCAG 2.5.3): the response-example picker is a button labelled "Example" that shows the
//     chosen example's name, so its accessible name does not contain its visible text. The fixed label goes,
//     and the button is named by what it shows.
//   - landmarks: the sidebar (search box, menu, the colour-mode switch) is a plain <div>, so its content is
//     outside every landmark (axe region). It becomes a navigation landmark, both in the prerendered HTML and in
//     the bundle that hydrates it, so that the two agree and a re-render keeps the role.
// The header and footer landmarks and the main content's <main> come from the template and Redoc.
import { applyPatches } from './offline.mjs';

const SIDEBAR_LABEL = 'API reference';
const HERE = 'scripts/docs/accessibility.mjs';

const PATCHES = [
  {
    what: 'operation section headings ("Request", "Responses", ...) from level 4 to level 3',
    find: /(nodeType:\w+\.HEADER,level:)4(,label:)/g,
    replace: (_, before, after) => `${before}3${after}`,
    count: 9,
  },
  {
    what: 'parameter group headings ("Path", "Query", "Headers") from <h5> to <h4>',
    find: /(\w+=\w+)\.h5(`\n {2}font-size: var\(--font-size-md\);\n {2}font-weight: var\(--font-weight-semibold\);\n {2}line-height: var\(--line-height-lg\);\n {2}color: var\(--text-color-primary\);\n {2}margin: 0 0 var\(--spacing-xxs\);)/g,
    replace: (_, name, rest) => `${name}.h4${rest}`,
    count: 1,
  },
  {
    what: 'response example picker named by its visible text, not a fixed "Example"',
    find: /,"aria-label":`Example`,options:/g,
    replace: () => ',options:',
    count: 1,
  },
  {
    // The sidebar component (its props: className, collapsedSidebar) renders this styled <div> itself.
    what: 'sidebar as a navigation landmark, in the bundle',
    find: /\((\w+),\{className:(\w+),\$collapsedSidebar:(\w+),\$open:(\w+),onClick:(\w+),children:/g,
    replace: (whole) => whole.replace(',children:', `,role:\`navigation\`,"aria-label":\`${SIDEBAR_LABEL}\`,children:`),
    count: 1,
  },
  {
    what: 'sidebar as a navigation landmark, in the prerendered HTML',
    find: /<div class="([\w -]*\bmenu-content)">/g,
    replace: (_, classes) => `<div class="${classes}" role="navigation" aria-label="${SIDEBAR_LABEL}">`,
    count: 1,
  },
];

export function makeAccessible(html) {
  return applyPatches(html, PATCHES, HERE);
}
