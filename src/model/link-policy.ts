/**
 * The one policy for link targets, shared by `check` (which reports a refused
 * link at its place) and by the three renderers (which refuse to write one, as a
 * last defence): web, mail, phone and relative links; nothing that runs code,
 * reads local files or reaches a network share.
 */

export const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

/** Whitespace, control and invisible format characters (bidi overrides, zero-width spaces) anywhere in the target. */
const HIDDEN = /[\s\p{Cc}\p{Cf}]/u;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Why a link target is refused, or null when it is allowed. */
export function linkProblem(url: string): string | null {
  if (HIDDEN.test(url)) return 'it contains whitespace or a control character';
  if (url.includes('\\')) return 'it contains a backslash (a Windows path or network share)';
  if (url.startsWith('//')) return 'it starts with "//" (a link to another host without a scheme)';
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return null;
  if (!(ALLOWED_SCHEMES as readonly string[]).includes(scheme)) return `the scheme "${scheme}:" is not allowed`;
  const rest = url.slice(scheme.length + 1);
  if ((scheme === 'http' || scheme === 'https') && !(rest.startsWith('//') && URL.canParse(url) && new URL(url).hostname !== '')) return `it is not an ${scheme}: address with a host`;
  if (scheme === 'mailto' && !/^[^@?]+@[^@?]+/.test(rest)) return 'it does not name an e-mail address';
  if (scheme === 'tel' && !/^\+?[0-9][0-9().-]*$/.test(rest)) return 'it is not a telephone number';
  return null;
}

/** What `check` says about a refused link. */
export function describeLinkProblem(url: string, problem: string): string {
  return `link target "${url}" is not allowed: ${problem}; links may go to ${ALLOWED_SCHEMES.map((s) => `${s}:`).join(', ')} or relative addresses`;
}

/**
 * The renderers' last defence: `check` refuses such a link, so one reaching a
 * renderer is a defect, and the document is not written.
 */
export function allowedLink(url: string): string {
  const problem = linkProblem(url);
  if (problem) throw new Error(describeLinkProblem(url, problem));
  return url;
}
