import type PDFDocument from 'pdfkit';

type Pdf = InstanceType<typeof PDFDocument>;

/**
 * What `draw` draws on the current page, as a Form XObject instead (drawn
 * once, shown on any page with `Do`): pdfkit draws into the page's content
 * stream and resources, so they point at the form's while it draws. Called
 * right after `addPage`, under the page's initial transform, which is the
 * one each page shows the form under.
 */
export function formXObject(pdf: Pdf, draw: () => void): PDFKit.PDFKitReference {
  const page = pdf.page as PDFKit.PDFPage & { resources: PDFKit.PDFKitReference };
  const resources = pdf.ref({ ProcSet: ['PDF', 'Text'] });
  const form = pdf.ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, page.width, page.height],
    Resources: resources,
  });
  const own = { content: page.content, resources: page.resources };
  page.content = form;
  page.resources = resources;
  try {
    draw();
  } finally {
    page.content = own.content;
    page.resources = own.resources;
  }
  // (pdfkit's typings ask for a last chunk; there is none)
  form.end(undefined);
  resources.end(undefined);
  return form;
}
