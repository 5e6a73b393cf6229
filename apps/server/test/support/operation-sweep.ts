import { type TestServer } from '@pingyi/testing';

// Builds a syntactically valid call of every root query and mutation from the
// live schema (introspection), filling required arguments with dummy values,
// so tests can check who is refused by the guard before any argument matters.

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
  defaultValue: string | null;
}
interface FullType {
  kind: string;
  name: string;
  fields: { name: string; args: InputValue[]; type: TypeRef }[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `{
  __schema {
    queryType { name }
    mutationType { name }
    types {
      kind name
      fields { name args { name defaultValue type { ${TYPE_REF} } } type { ${TYPE_REF} } }
      inputFields { name defaultValue type { ${TYPE_REF} } }
      enumValues { name }
    }
  }
}`;

/** One root operation, ready to send. */
export interface SweptOperation {
  readonly kind: 'query' | 'mutation';
  readonly field: string;
  readonly document: string;
}

const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);

export async function sweepOperations(server: TestServer): Promise<SweptOperation[]> {
  const { data, errors } = await server.gql(INTROSPECTION);
  if (!data) throw new Error(`introspection failed: ${JSON.stringify(errors)}`);
  const types = new Map<string, FullType>((data.__schema.types as FullType[]).map((t) => [t.name, t]));

  const literal = (ref: TypeRef, depth = 0): string => {
    if (ref.kind === 'NON_NULL' && ref.ofType) return literal(ref.ofType, depth);
    if (ref.kind === 'LIST') return '[]';
    const type = types.get(ref.name ?? '');
    if (ref.kind === 'ENUM') return type?.enumValues?.[0]?.name ?? 'x';
    if (ref.kind === 'INPUT_OBJECT') {
      if (depth > 5) return '{}';
      const required = (type?.inputFields ?? []).filter((f) => f.type.kind === 'NON_NULL' && f.defaultValue === null);
      return `{ ${required.map((f) => `${f.name}: ${literal(f.type, depth + 1)}`).join(', ')} }`;
    }
    switch (ref.name) {
      case 'Int':
      case 'Float':
        return '1';
      case 'Boolean':
        return 'true';
      case 'ID':
        return '"1"';
      case 'DateTime':
        return '"2025-01-01T00:00:00.000Z"';
      default:
        return '"x"';
    }
  };

  const operations: SweptOperation[] = [];
  for (const [kind, root] of [
    ['query', data.__schema.queryType?.name],
    ['mutation', data.__schema.mutationType?.name],
  ] as const) {
    for (const field of types.get(root ?? '')?.fields ?? []) {
      const args = field.args.filter((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null);
      const argText = args.length ? `(${args.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
      const returns = named(field.type);
      const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(returns.kind) ? ' { __typename }' : '';
      operations.push({ kind, field: field.name, document: `${kind} { ${field.name}${argText}${selection} }` });
    }
  }
  return operations;
}
