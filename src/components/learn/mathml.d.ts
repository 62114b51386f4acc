// MathML elements in JSX (React renders them in the MathML namespace inside <math>; its types
// do not list them). Only the elements and attributes the formulas use.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type MathProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & { display?: 'block' | 'inline'; alttext?: string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      math: MathProps;
      mrow: MathProps;
      mi: MathProps;
      mn: MathProps;
      mo: MathProps;
      mtext: MathProps;
      mfrac: MathProps;
      msup: MathProps;
      msub: MathProps;
      munder: MathProps;
      mspace: MathProps & { width?: string };
    }
  }
}
