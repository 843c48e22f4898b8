// Offline schema check of rendered Kubernetes manifests (run by deploy/validate.sh).
//   node check.mjs [--crds DIR] [--require-crds] FILE...
// Core kinds are validated with kubernetes-models (the Kubernetes OpenAPI schemas compiled for ajv): types, required
// fields, enums, formats. Those schemas allow unknown fields, as the API server's own would not: a misspelt field is
// NOT caught for core kinds. Custom resources are validated against the openAPIV3Schema of their CustomResourceDefinition
// when one is found in DIR (e.g. `kubectl get crd kafkas.kafka.strimzi.io -o yaml` where the operator is installed),
// strictly: a field the CRD does not declare is an error, as with kubeconform -strict. Without their CRD they are
// listed as not checked, and --require-crds makes that a failure.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const args = process.argv.slice(2);
let crdDir = null;
let requireCrds = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--crds") crdDir = args[++i] || null;
  else if (args[i] === "--require-crds") requireCrds = true;
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: node check.mjs [--crds DIR] [--require-crds] FILE...");
  process.exit(2);
}

function documents(file) {
  return parseAllDocuments(fs.readFileSync(file, "utf8")).map(doc => {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    return doc.toJS();
  }).filter(o => o != null);
}

// --- core kinds: kubernetes-models/<group>/<version>/<Kind>
const require = createRequire(import.meta.url);
const modelsRoot = path.dirname(require.resolve("kubernetes-models/package.json"));
async function coreModel(apiVersion, kind) {
  const file = path.join(modelsRoot, ...apiVersion.split("/"), `${kind}.js`);
  if (!fs.existsSync(file)) return null;
  const module = await import(file);
  return module[kind] ?? null;
}

// --- custom resources: their CRDs' schemas
const crds = new Map(); // "group/version/Kind" -> compiled validator
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
addFormats(ajv);

/** kubeconform -strict's rule: an object with declared properties and no other allowance takes no other field. */
function strict(schema, atRoot = true) {
  if (schema == null || typeof schema !== "object") return schema;
  const s = Array.isArray(schema) ? schema.map(x => strict(x, false)) : { ...schema };
  if (Array.isArray(s)) return s;
  for (const key of ["properties", "patternProperties"]) {
    if (s[key]) s[key] = Object.fromEntries(Object.entries(s[key]).map(([k, v]) => [k, strict(v, false)]));
  }
  for (const key of ["items", "additionalProperties", "not"]) {
    if (s[key] && typeof s[key] === "object") s[key] = strict(s[key], false);
  }
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    if (Array.isArray(s[key])) s[key] = s[key].map(x => strict(x, false));
  }
  if (s["x-kubernetes-int-or-string"] && !s.anyOf && !s.oneOf) {
    delete s.type;
    s.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (s.properties && s.additionalProperties === undefined && !s["x-kubernetes-preserve-unknown-fields"]) {
    s.additionalProperties = false;
  }
  if (atRoot && s.properties?.metadata) s.properties.metadata = { type: "object" }; // the API server's, not the CRD's
  return s;
}

function loadCrds(dir) {
  for (const name of fs.readdirSync(dir)) {
    if (!/\.(ya?ml|json)$/.test(name)) continue;
    for (const crd of documents(path.join(dir, name))) {
      if (crd.kind !== "CustomResourceDefinition") continue;
      for (const version of crd.spec.versions ?? []) {
        const schema = version.schema?.openAPIV3Schema;
        if (!schema) continue;
        crds.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(strict(schema)));
      }
    }
  }
}
if (crdDir) loadCrds(crdDir);

// --- the check
let checked = 0, failed = 0;
const notChecked = [];
for (const file of files) {
  for (const object of documents(file)) {
    const { apiVersion, kind } = object;
    const name = `${object.metadata?.namespace ? object.metadata.namespace + "/" : ""}${object.metadata?.name}`;
    const label = `${path.basename(file)}: ${apiVersion} ${kind} ${name}`;
    if (!apiVersion || !kind) {
      console.log(`FAIL ${label}: no apiVersion or kind`);
      failed++;
      continue;
    }
    const model = await coreModel(apiVersion, kind);
    if (model) {
      try {
        new model(object).validate();
        console.log(`ok   ${label}`);
      } catch (e) {
        console.log(`FAIL ${label}: ${e.message}`);
        failed++;
      }
      checked++;
      continue;
    }
    const validate = crds.get(`${apiVersion}/${kind}`);
    if (validate) {
      if (validate(object)) {
        console.log(`ok   ${label} (CRD schema, strict)`);
      } else {
        for (const error of validate.errors) {
          const extra = error.params?.additionalProperty ? ` '${error.params.additionalProperty}'` : "";
          console.log(`FAIL ${label}: ${error.instancePath || "/"} ${error.message}${extra}`);
        }
        failed++;
      }
      checked++;
      continue;
    }
    console.log(`---  ${label}: NOT CHECKED (no schema: give its CRD with --crds DIR)`);
    notChecked.push(`${apiVersion} ${kind}`);
  }
}
const kinds = [...new Set(notChecked)];
console.log(`${checked} checked, ${failed} failed, ${notChecked.length} not checked` +
    (kinds.length ? ` (${kinds.join(", ")})` : ""));
process.exit(failed > 0 || (requireCrds && notChecked.length > 0) ? 1 : 0);
