// Parses a mermaid flowchart (the file named by the first argument) with mermaid's own parser and
// prints what mermaid understood, as JSON: the diagram type, the nodes' labels and shapes, the
// subgraphs' titles and members, and the edges. A syntax error exits 1 with mermaid's message.
// mermaid sanitises labels with DOMPurify, which needs a DOM: jsdom provides one, no browser.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');

const text = readFileSync(process.argv[2], 'utf8');
try {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db;
  console.log(JSON.stringify({
    type: diagram.type,
    nodes: [...db.getVertices().values()].map(v => ({ id: v.id, text: v.text, shape: v.type })),
    subgraphs: db.getSubGraphs().map(s => ({ id: s.id, title: s.title, nodes: s.nodes })),
    edges: db.getEdges().map(e => ({ from: e.start, to: e.end, text: e.text, stroke: e.stroke })),
  }));
} catch (error) {
  console.error(String(error.message ?? error));
  process.exit(1);
}
