#!/usr/bin/env bash
# Offline checks of the deployment files, since no container engine or cluster runs here (docs/operations.md):
# every YAML file parses, the compose file has its five services and the Kubernetes Deployment its probes, the
# Dockerfile passes dockerfilelint, and (where kubectl is installed) the kustomization renders.
# Tools come from the npm registry into .tools/validate on first use. Ends with "deployment files valid".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tools=.tools/validate
if [ ! -x "$tools/node_modules/.bin/dockerfilelint" ] || [ ! -d "$tools/node_modules/yaml4" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --silent --no-save dockerfilelint@1.8.0 yaml4@npm:js-yaml@4.1.0 >/dev/null)
fi

NODE_PATH="$tools/node_modules" node - <<'JS'
const fs = require("fs"), path = require("path"), yaml = require("yaml4");
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (/\.ya?ml$/.test(entry.name)) files.push(file);
  }
})("deploy");
const docs = {};
for (const file of files) docs[file] = yaml.loadAll(fs.readFileSync(file, "utf8"));
const fail = (message) => { console.error(`invalid: ${message}`); process.exit(1); };

const compose = docs["deploy/compose/docker-compose.yml"][0];
for (const service of ["db", "migrate", "api-1", "api-2", "proxy"]) if (!compose.services[service]) fail(`compose has no service ${service}`);
if (compose.services["api-1"].environment.Cluster__Enabled !== "true") fail("compose API nodes do not run as a cluster");

const deployment = docs["deploy/k8s/deployment.yaml"][0];
const api = deployment.spec.template.spec.containers.find((c) => c.name === "api");
for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) if (!api[probe]?.httpGet?.path?.startsWith("/health")) fail(`the API container has no ${probe} on /health`);
if (deployment.spec.replicas < 2) fail("fewer than two API replicas");
const cluster = docs["deploy/k8s/postgres-cluster.yaml"][0];
if (cluster.kind !== "Cluster" || cluster.spec.instances < 2) fail("PostgreSQL is not a CloudNativePG cluster with a replica");
const kustomization = docs["deploy/k8s/kustomization.yaml"][0];
for (const resource of kustomization.resources) if (!fs.existsSync(path.join("deploy/k8s", resource))) fail(`kustomization names a missing file ${resource}`);
console.log(`${files.length} YAML files parse; compose, deployment, database cluster and kustomization are complete`);
JS

"$tools/node_modules/.bin/dockerfilelint" deploy/Dockerfile
if command -v kubectl >/dev/null 2>&1; then
  kubectl kustomize deploy/k8s >/dev/null && echo "kubectl kustomize deploy/k8s renders"
else
  echo "kubectl not installed: kustomization not rendered"
fi
echo "deployment files valid"
