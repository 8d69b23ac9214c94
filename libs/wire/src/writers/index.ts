/** The article as consumers receive it: ninjs 3.1 and NewsML-G2 2.35 (read API, feeds, subscriber pushes). */
export { articleUri, toNinjs, type NinjsDocument, type StoreFacts } from './ninjs-writer.js';
export { NEWSML_G2_MEDIA_TYPE, toNewsMlG2, toNewsMlG2Cancel, type NewsMlG2Options } from './newsml-g2-writer.js';
