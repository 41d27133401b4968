// Series colours from the Okabe-Ito palette (distinct with colour-blindness), each with its own
// dash pattern, so two lines never differ by colour alone.
const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#F0E442"];
const DASHES = [undefined, "6 3", "2 3", "8 3 2 3", "12 4", "3 6", "1 2", "10 2 2 2"];

export function seriesStyle(index: number): { stroke: string; strokeDasharray: string | undefined } {
  return { stroke: COLOURS[index % COLOURS.length]!, strokeDasharray: DASHES[index % DASHES.length] };
}

export const seriesColour = (index: number) => COLOURS[index % COLOURS.length]!;
