import type { TrainingModuleQuery } from '../../graphql/training.generated';

type ContentBlock = NonNullable<NonNullable<TrainingModuleQuery['trainingModule']>['sections']>[number]['blocks'][number];
type TextSpan = NonNullable<NonNullable<TrainingModuleQuery['trainingModule']>['sections']>[number]['blocks'][number]['spans'][number];

/** A section's text, parsed on the server, rendered as elements with text children only. */
function Spans({ spans }: { spans: TextSpan[] }) {
  return (
    <>
      {spans.map((span, index) => {
        if (span.kind === 'STRONG') return <strong key={index}>{span.text}</strong>;
        if (span.kind === 'EM') return <em key={index}>{span.text}</em>;
        if (span.kind === 'LINK' && span.href && /^https?:\/\//.test(span.href)) {
          return (
            <a key={index} href={span.href} target="_blank" rel="noopener noreferrer nofollow">
              {span.text}
            </a>
          );
        }
        return <span key={index}>{span.text}</span>;
      })}
    </>
  );
}

export function TrainingBlocks({ blocks }: { blocks: ContentBlock[] }) {
  return (
    <div class="training-text">
      {blocks.map((block, index) => {
        if (block.kind === 'HEADING2') return <h3 key={index}><Spans spans={block.spans} /></h3>;
        if (block.kind === 'HEADING3') return <h4 key={index}><Spans spans={block.spans} /></h4>;
        if (block.kind === 'PARAGRAPH') return <p key={index}><Spans spans={block.spans} /></p>;
        const items = block.items.map((item, n) => (
          <li key={n}>
            <Spans spans={item.spans} />
          </li>
        ));
        return block.kind === 'BULLETS' ? <ul key={index}>{items}</ul> : <ol key={index}>{items}</ol>;
      })}
    </div>
  );
}
