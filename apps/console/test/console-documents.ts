import { type DocumentNode, Kind } from '@0no-co/graphql.web';
import { documentText } from '../src/data/graphql';
import { documentsOf } from '../src/data/resource-descriptor';
import { RESOURCE_DESCRIPTORS } from '../src/resources';

// Every *.queries.ts module of the console: the documents its pages send (ESLint keeps `graphql()` in
// these files and the resource descriptors, so no document hides in a component).
const QUERY_MODULES = import.meta.glob<Record<string, unknown>>('../src/**/*.queries.ts', { eager: true });

function isOperation(value: unknown): value is DocumentNode {
  const document = value as DocumentNode | null;
  return document?.kind === Kind.DOCUMENT && document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
}

/** Where each document is, and its text as sent, for every *.queries.ts export. */
export function queryModuleDocuments(): [string, string][] {
  return Object.entries(QUERY_MODULES).flatMap(([file, module]) =>
    Object.entries(module).flatMap(([name, value]) =>
      isOperation(value) ? [[`${file}#${name}`, documentText(value)] as [string, string]] : [],
    ),
  );
}

/** The documents of every resource descriptor, by resource. */
export function descriptorDocuments(): [resource: string, where: string, text: string][] {
  return Object.entries(RESOURCE_DESCRIPTORS).flatMap(([resource, descriptor]) =>
    documentsOf(descriptor).map(
      (document, i) => [resource, `${resource}[${i}]`, documentText(document)] as [string, string, string],
    ),
  );
}
