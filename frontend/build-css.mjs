// Builds build/css/site.css: Bootstrap's SCSS (the parts site.scss names) with the product's
// fonts and styles, compiled by sass, then reduced by PurgeCSS to the selectors that the
// templates, the Python code (form widgets) and the form templates of crispy-bootstrap5 name.
// Usage: node frontend/build-css.mjs [extra template folders...]  (the Makefile passes crispy's)
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";
import { PurgeCSS } from "purgecss";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const output = join(root, "build", "css", "site.css");

const compiled = sass.compile(join(root, "frontend", "site.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "expanded",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "color-functions"],
});

const content = [
  "templates/**/*.html",
  "assessment/**/*.py",
  "static/js/**/*.js",
  ...process.argv.slice(2).map((folder) => `${folder}/**/*.html`),
].map((glob) => (glob.startsWith("/") ? glob : join(root, glob)));

const [purged] = await new PurgeCSS().purge({
  content,
  css: [{ raw: compiled.css }],
  // Classes made at run time: a message's level (alert-{{ message.tags }}).
  safelist: { standard: [/^alert-(success|info|warning|danger)$/] },
  fontFace: false,
  keyframes: true,
  variables: false,
});

// Minified by sass itself: compile the purged CSS again, compressed.
const minified = sass.compileString(purged.css, { style: "compressed" }).css;
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, minified + "\n");
console.log(`${output}: ${(compiled.css.length / 1024).toFixed(0)} kB compiled, ` +
  `${(minified.length / 1024).toFixed(0)} kB after PurgeCSS and minification`);
