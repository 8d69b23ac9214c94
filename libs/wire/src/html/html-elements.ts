/** Elements of HTML as written in article bodies and in attacks on them; any other <word> is text. */
const HTML_ELEMENTS =
  'a|abbr|address|article|aside|audio|b|base|blockquote|body|br|button|caption|center|cite|code|dd|del|details|div|dl|dt|em|embed|figcaption|figure|font|footer|form|frame|frameset|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|li|link|main|mark|math|meta|nav|noscript|object|ol|option|p|picture|pre|q|s|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|u|ul|video';
const HTML_TAG = new RegExp(`<(?:/?(?:${HTML_ELEMENTS})(?=[\\s/>])[^>]*>|!--)`, 'i');

/**
 * Whether text the sender did not label holds HTML: only an HTML element (or a
 * comment) makes it so. "<line>", "<AFP>" or "a <b" typed in plain text are words.
 */
export function looksLikeHtml(value: string): boolean {
  return HTML_TAG.test(value);
}
