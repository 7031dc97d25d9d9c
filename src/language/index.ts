// The public face of src/language/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { detectLanguage, stripQuotedText } from './detect-language.ts';
export { TEXT_BOUNDS, boundedPrefix } from './text-bounds.ts';
