import sanitizeHtml from 'sanitize-html';
import { boundedPrefix, TEXT_BOUNDS } from '../../language/index.ts';

// What an e-mail's HTML may keep. Strict on purpose: no scripts, handlers, forms, frames,
// embeds, or styles that fetch anything. Remote images are held back: their address moves to
// data-src, so they load only when an agent asks (a remote image is a read receipt and a
// tracker). The web app also renders this inside a sandboxed iframe with a CSP.
const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'center',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'li',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
];
const SAFE_VALUE = /^(?!.*(?:url\s*\(|expression\s*\(|javascript:|@import|\\))[^;{}<>]*$/i;
const STYLE_PROPERTIES = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'text-align',
  'text-decoration',
  'direction',
  'line-height',
  'margin',
  'margin-top',
  'margin-bottom',
  'margin-left',
  'margin-right',
  'padding',
  'padding-top',
  'padding-bottom',
  'padding-left',
  'padding-right',
  'border',
  'border-collapse',
  'width',
  'height',
  'vertical-align',
  'white-space',
];

export interface SanitizedHtml {
  html: string;
  /** How many remote images were held back. */
  remoteImages: number;
}

/** The first TEXT_BOUNDS.htmlChars of the HTML, made safe to show; tags left open at the cut are closed. */
export function sanitizeEmailHtml(dirty: string): SanitizedHtml {
  let remoteImages = 0;
  const html = sanitizeHtml(boundedPrefix(dirty, TEXT_BOUNDS.htmlChars), {
    allowedTags: ALLOWED_TAGS,
    disallowedTagsMode: 'discard',
    allowedAttributes: {
      '*': [
        'style',
        'dir',
        'lang',
        'align',
        'title',
        'colspan',
        'rowspan',
        'width',
        'height',
        'valign',
        'bgcolor',
        'color',
      ],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'data-src', 'data-cid', 'alt', 'width', 'height'],
      font: ['face', 'size', 'color'],
    },
    allowedStyles: { '*': Object.fromEntries(STYLE_PROPERTIES.map((p) => [p, [SAFE_VALUE]])) },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['data'] },
    allowProtocolRelative: false,
    // The content of these is never text the customer wrote.
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'head', 'xml', 'template'],
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' },
      }),
      img: (tagName, attribs) => {
        const src = (attribs.src ?? '').trim();
        const out: Record<string, string> = {};
        for (const key of ['alt', 'width', 'height'] as const) if (attribs[key] !== undefined) out[key] = attribs[key];
        if (/^https?:\/\//i.test(src)) {
          remoteImages++;
          out['data-src'] = src;
        } else if (/^data:image\/(png|gif|jpe?g|webp);base64,[a-z0-9+/=\s]+$/i.test(src)) {
          // Inline data images fetch nothing: kept as they are.
          return { tagName, attribs: { ...out, src } };
        } else if (src.toLowerCase().startsWith('cid:')) {
          out['data-cid'] = src.slice(4);
        }
        return { tagName, attribs: out };
      },
    },
  });
  return { html, remoteImages };
}
