// An item's fields as a sentence names them ("… av texten", "beskrivningen kunde inte läsas").
export const FIELD_WORDS: Record<string, string> = {
  text: 'texten',
  description: 'beskrivningen',
  delomraden: 'delområdena',
  effektmal: 'effektmålen',
  indikator: 'indikatorn',
  ansvarsniva: 'ansvarsnivån',
  kalla: 'källan',
  extraChoice: 'valet om extra',
  extra: 'extra-markeringen',
  status: 'statusen',
  comments: 'kommentarerna',
  sources: 'förslagen den bygger på',
  cell: 'platsen',
  rank: 'prioriteten',
};
