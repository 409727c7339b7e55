/** Renders the caption markup of src/i18n/rich.ts: `{x_t}` as <var>x</var><sub>t</sub>, `*a*` as <em>a</em>. */
import { parseRich, type RichSegment } from '../../i18n/rich';

function Segment({ s }: { s: RichSegment }) {
  switch (s.kind) {
    case 'text':
      return <>{s.text}</>;
    case 'em':
      return <em>{s.text}</em>;
    case 'sub':
      return <sub>{s.text}</sub>;
    case 'sup':
      return <sup>{s.text}</sup>;
    case 'var':
      return (
        <>
          <var>{s.name}</var>
          {s.sub && <sub>{s.sub}</sub>}
        </>
      );
  }
}

export function Rich({ text }: { text: string }) {
  return (
    <>
      {parseRich(text).map((s, k) => (
        <Segment key={k} s={s} />
      ))}
    </>
  );
}
