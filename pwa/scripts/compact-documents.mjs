/**
 * A Vite plugin for the generated documents (src/graphql/*.generated.ts):
 * the code generator writes each document as indented text in
 * `new TypedDocumentString(`…`)`. At build time the text loses the whitespace
 * GraphQL ignores (fewer bytes in the bundle and in each request), and the
 * construction is marked pure so documents no screen uses are dropped.
 * The committed files stay exactly the generator's output.
 */

const PUNCTUATOR = /\s*([{}():,=!@[\]|])\s*/g;

/** The same document with the least whitespace (the app's documents hold no string literals). */
export function compactDocument(text) {
  if (text.includes('"')) return text.trim();
  return text.replace(/\s+/g, ' ').replace(PUNCTUATOR, '$1').trim();
}

const DOCUMENT = /new TypedDocumentString\(`([^`]*)`/g;

export function compactGeneratedModule(code) {
  return code.replace(DOCUMENT, (_, text) => `/* @__PURE__ */ new TypedDocumentString(\`${compactDocument(text)}\``);
}

export function compactDocuments() {
  return {
    name: 'elan-compact-documents',
    transform(code, id) {
      if (!id.endsWith('.generated.ts')) return null;
      return { code: compactGeneratedModule(code), map: null };
    },
  };
}
