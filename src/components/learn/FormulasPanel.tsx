import { Formulas } from './Formulas';

/** The Formulas tool tab: every formula with the page's current numbers. */
export default function FormulasPanel() {
  return <Formulas />;
}
