// Renders a Markdown file as frontends do, with HTML enabled, and reads its front matter as static-site generators do.
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import yaml from 'js-yaml';

const markdown = readFileSync(process.argv[2], 'utf8');
const renderers = {
  'default, html': new MarkdownIt({ html: true }),
  'default, html, linkify': new MarkdownIt({ html: true, linkify: true }),
  'commonmark, html': new MarkdownIt('commonmark', { html: true }),
};
const html = Object.fromEntries(Object.entries(renderers).map(([name, md]) => [name, md.render(markdown)]));
const end = markdown.startsWith('---\n') ? markdown.indexOf('\n---\n', 4) : -1;
const frontMatter = end < 0 ? null : yaml.load(markdown.slice(4, end + 1));
process.stdout.write(JSON.stringify({ html, frontMatter }));
