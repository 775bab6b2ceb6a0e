/**
 * imsmanifest.xml of a SCORM 1.2 package: one organization with one item, launched by one SCO
 * resource that lists every file of the package. No mastery score: the package itself decides
 * passed or failed by the platform's rules (an LMS would otherwise overrule it with the score).
 * Pure.
 */

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export interface ManifestInput {
  /** A unique identifier for the package, e.g. continuum-module-at-the-border-fr. */
  identifier: string;
  title: string;
  /** The page the LMS launches. */
  launch: string;
  files: readonly string[];
  /** The package's version (the content's), for LMSs that track updates. */
  version: number;
}

/**
 * @example scormManifest({ identifier: 'p', title: 'A & B', launch: 'index.html', files: ['index.html'], version: 1 })
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<manifest identifier="p" version="1" ...><title>A &amp; B</title>...'
 */
export function scormManifest(input: ManifestInput): string {
  const id = escapeXml(input.identifier);
  const title = escapeXml(input.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${input.version}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(input.launch)}">
${input.files.map((f) => `      <file href="${escapeXml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}
