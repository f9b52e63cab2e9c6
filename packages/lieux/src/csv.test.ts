import { describe, expect, it } from 'vitest'
import { detectDelimiter, formatCsvCell, formatCsvLine, parseCsv } from './csv.js'

describe('parseCsv', () => {
  it('reads quoted cells holding commas, doubled quotes and line breaks, with the line each record starts on', () => {
    const text = 'id,nom\n1,"Espace ""Cyber"", Guéret"\n2,"Ligne 1\nLigne 2"\n3,simple\n'
    expect(parseCsv(text).records).toEqual([
      { line: 1, cells: ['id', 'nom'] },
      { line: 2, cells: ['1', 'Espace "Cyber", Guéret'] },
      { line: 3, cells: ['2', 'Ligne 1\nLigne 2'], endLine: 4 },
      { line: 5, cells: ['3', 'simple'] },
    ])
  })
  it('handles CRLF line ends and a missing final line end', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4').records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ])
  })
  it('keeps empty cells, including a trailing one', () => {
    expect(parseCsv('a,b,c\n1,,\n').records[1]?.cells).toEqual(['1', '', ''])
  })
  it('cuts a never-closed quoted cell at the end of its line and goes on reading the next rows', () => {
    const { records } = parseCsv('id,nom\n1,"Cyber base\n2,Médiathèque\n3,EPN\n')
    expect(records[1]).toEqual({ line: 2, cells: ['1', 'Cyber base'], unclosedQuoteLine: 2 })
    expect(records.slice(2).map((r) => [r.line, r.cells])).toEqual([
      [3, ['2', 'Médiathèque']],
      [4, ['3', 'EPN']],
    ])
  })
  it('skips lines made only of separators and says which', () => {
    const result = parseCsv('a,b\n1,2\n,\n\n3,4\n')
    expect(result.records.map((r) => r.line)).toEqual([1, 2, 5])
    expect(result.blankLines).toEqual([3, 4])
  })
  it('reads other separators', () => {
    expect(parseCsv('a;b\n"x;y";2\n', ';').records[1]?.cells).toEqual(['x;y', '2'])
  })
})

describe('detectDelimiter', () => {
  it('finds the separator of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('id,nom,commune\n')).toBe(',')
    expect(detectDelimiter('id;nom;commune\n')).toBe(';')
    expect(detectDelimiter('id\tnom\tcommune\n')).toBe('\t')
    expect(detectDelimiter('"a;b;c",nom\n')).toBe(',')
  })
})

describe('formatCsvCell', () => {
  it('quotes only what needs it', () => {
    expect(formatCsvCell('simple')).toBe('simple')
    expect(formatCsvCell('a,b')).toBe('"a,b"')
    expect(formatCsvCell('dit "bonjour"')).toBe('"dit ""bonjour"""')
    expect(formatCsvCell('deux\nlignes')).toBe('"deux\nlignes"')
    expect(formatCsvCell(' espace')).toBe('" espace"')
  })
  it('writes lines that parse back to the same cells', () => {
    const cells = ['a,b', '"q"', 'x\r\ny', '', 'é|ü']
    expect(parseCsv(formatCsvLine(cells)).records[0]?.cells).toEqual(cells)
  })
})
