// Bundles the console into ../BsgFunds.Api/wwwroot/console (git-ignored; the API copies wwwroot to its output) and
// prints the bundle's size, plain and gzipped (docs/console.md quotes it).
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const out = new URL("../BsgFunds.Api/wwwroot/console/", import.meta.url).pathname;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  sourcemap: false,
  legalComments: "linked",
  outfile: `${out}console.js`,
});
cpSync("static", out, { recursive: true });
const sizes = {};
for (const file of ["console.js", "console.css", "index.html"]) {
  const bytes = readFileSync(`${out}${file}`);
  sizes[file] = { bytes: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}
writeFileSync(`${out}bundle-size.json`, JSON.stringify(sizes, null, 2));
console.log(`console bundle: ${JSON.stringify(sizes)}`);
