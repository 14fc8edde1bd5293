import { it } from 'vitest';
import { classifyBetween } from './make-edit.js';
it('scratch', () => {
  console.log(classifyBetween('the summit of the OTAN in July', 'the summit of NATO in July', { source: "le sommet de l'OTAN en juillet" }));
  console.log(classifyBetween('the itinéraires of Mr. Carney', 'the itineraries of Mr. Carney', { source: 'les itinéraires de M. Carney' }));
});
