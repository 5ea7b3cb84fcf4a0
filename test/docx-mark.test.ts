import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxRenderer } from '../src/render/docx/index.js';
import { markPng } from '../src/render/docx/mark-image.js';
import type { SheetView } from '../src/render/index.js';
import { projectViews } from './helpers/views.js';

const views = await projectViews();

async function parts(view: SheetView): Promise<Record<string, Uint8Array>> {
  const output = await docxRenderer.render(view);
  if (output.kind !== 'binary') throw new Error('the Word renderer should give bytes');
  return unzipSync(output.bytes);
}

/** The target of a relationship of the main document, by id. */
function target(files: Record<string, Uint8Array>, id: string): string | undefined {
  const rels = strFromU8(files['word/_rels/document.xml.rels']!);
  return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
}

describe('the mark in the Word title band', () => {
  it.each(['fr', 'ar'])('opens the band of the %s sheet: the SVG, a PNG for readers without SVG, and the organisation as its alternative text', async (lang) => {
    const view = views.find((v) => v.lang === lang && v.sheet.id === 'partnerships')!;
    const files = await parts(view);
    const document = strFromU8(files['word/document.xml']!);
    const drawings = [...document.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].map((m) => m[0]);
    expect(drawings).toHaveLength(1);
    const drawing = drawings[0]!;
    // Before the organisation's name, in the band's first paragraph.
    const firstParagraph = /<w:p>[\s\S]*?<\/w:p>/.exec(document.slice(document.indexOf('<w:tbl>')))?.[0] ?? '';
    expect(firstParagraph).toContain(drawing);
    expect(firstParagraph.indexOf(drawing)).toBeLessThan(firstParagraph.indexOf(view.sheet.contact.organisation.toLocaleUpperCase(lang)));
    expect(drawing).toContain(`descr="${view.sheet.contact.organisation}"`);
    // 22 points square, in EMU (12,700 to the point; docx rounds to whole pixels at 96 to the inch).
    expect(drawing).toContain('<wp:extent cx="276225" cy="276225"/>');
    const png = target(files, /<a:blip r:embed="([^"]+)"/.exec(drawing)![1]!);
    const svg = target(files, /<asvg:svgBlip [^>]*r:embed="([^"]+)"/.exec(drawing)![1]!);
    expect(strFromU8(files[`word/${svg}`]!)).toBe(view.template.mark);
    const fallback = files[`word/${png}`]!;
    expect([...fallback.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(Buffer.from(fallback).equals(markPng(view.template.mark))).toBe(true);
  });

  it('draws the same PNG from the same SVG every time', () => {
    const svg = views[0]!.template.mark;
    const again = markPng(svg.replace('</svg>', '</svg>\n'));
    expect(again.equals(markPng(svg))).toBe(true);
  });
});
