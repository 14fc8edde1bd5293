import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/io/formats/detect.js';
import { readFixture } from './helpers.js';

describe('detectFormat', () => {
  it('reads the format from the content first', () => {
    expect(detectFormat(readFixture('xliff12-review.xlf'), 'notes.txt')).toBe('xliff');
    expect(detectFormat(readFixture('xliff2-review.xlf'), 'a')).toBe('xliff');
    expect(detectFormat(readFixture('review.tmx'), 'a.xml')).toBe('tmx');
    expect(detectFormat(readFixture('mt.po'), 'a.txt')).toBe('po');
    expect(detectFormat(readFixture('review.tsv'), 'a.txt')).toBe('tsv');
    expect(detectFormat('id,src,mt,pe\n1,a,b,c\n', 'x')).toBe('csv');
    expect(detectFormat(new TextEncoder().encode('\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE xliff [ <!ENTITY a "b"> ]>\n<xliff version="1.2"/>'), 'x')).toBe('xliff');
  });

  it('falls back to the extension, then to plain text', () => {
    expect(detectFormat('not xml at all', 'broken.xlf')).toBe('xliff');
    expect(detectFormat('a,b\n', 'x.csv')).toBe('csv');
    expect(detectFormat('The MT, with commas, in prose.\nAnother line.', 'mt.txt')).toBe('text');
    expect(detectFormat('<p>some html</p>', 'page.html')).toBe('text');
  });
});
