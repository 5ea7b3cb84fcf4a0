import { checkProject } from '../../src/check/index.js';
import { sheetView, type SheetView } from '../../src/render/index.js';
import { readProject } from '../../src/sources/index.js';
import { REPO } from './project.js';

/** Views of every sheet of a project (the repository by default), as the build makes them. */
export async function projectViews(root: string = REPO): Promise<SheetView[]> {
  const result = await checkProject(await readProject(root));
  if (result.diagnostics.some((d) => d.severity === 'error')) {
    throw new Error(`the project has errors:\n${result.diagnostics.map((d) => d.message).join('\n')}`);
  }
  return result.sheets.map((sheet) => {
    const languages = result.sheets.filter((s) => s.id === sheet.id).map((s) => s.lang);
    return sheetView(sheet, result.templates.get(sheet.meta.template)!, { languages });
  });
}
