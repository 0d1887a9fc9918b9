import { PathSegment, Problems, show } from '../diagnostics/problems';

/**
 * A syntax that names must follow, able to say what is wrong with a name in plain words
 * ("has uppercase letters", "is 70 characters long") and to propose a name that fits.
 */
export interface NameSyntax {
  /** The syntax in a few words, for messages: `a DNS-1123 label`. */
  readonly title: string;
  /** The rule spelled out, for messages. */
  readonly rule: string;
  /** What is wrong with `name`, as a phrase following "it"; `undefined` when the name is valid. */
  fault(name: string): string | undefined;
  /** A valid name close to `name`, if one can be made. */
  suggest(name: string): string | undefined;
}

/** The longest DNS label, label value or label name Kubernetes accepts. */
const MAX_LABEL = 63;
/** The longest DNS subdomain Kubernetes accepts. */
const MAX_SUBDOMAIN = 253;

/** Lists characters found in `name` that `allowed` does not match, once each. */
function strayCharacters(name: string, allowed: RegExp): string | undefined {
  const stray = [...new Set([...name].filter(c => !allowed.test(c)))];
  if (stray.length === 0) return undefined;
  return `contains ${stray.map(c => show(c)).join(', ')}`;
}

/** A DNS-1035 label, as Kubernetes checks it (length apart). */
// Stryker disable next-line Regex: a fast path; dnsPartFault finds no fault in a name it refuses wrongly (see dnsLabelFault)
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** A DNS-1123 label, as Kubernetes checks it (length apart). */
// Stryker disable next-line Regex: a fast path, as above
const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A label value or the name part of a label key, as Kubernetes checks it (length apart). */
// Stryker disable next-line Regex: a fast path; labelNameFault finds no fault in a name it refuses wrongly
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Faults of a DNS label: lowercase letters, digits and '-', alphanumeric at both ends. */
function dnsLabelFault(name: string, startsWithLetter: boolean): string | undefined {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path for valid names: dnsPartFault finds no fault in a valid name of any length, and 63 characters are not too long
  if (name.length <= MAX_LABEL && (startsWithLetter ? DNS_1035 : DNS_1123).test(name)) return undefined;
  if (name.length > MAX_LABEL) return `is ${name.length} characters long, more than ${MAX_LABEL}`;
  return dnsPartFault(name, startsWithLetter);
}

/**
 * Faults of the characters of a DNS label, its length apart. Characters that are not printable
 * ASCII (an escape sequence, a zero width space) are named first, before any other fault.
 */
function dnsPartFault(name: string, startsWithLetter: boolean): string | undefined {
  if (name === '') return 'is empty';
  const unprintable = strayCharacters(name, /[\x21-\x7e]/);
  if (unprintable) return unprintable;
  if (/[A-Z]/.test(name)) return 'has uppercase letters';
  const stray = strayCharacters(name, /[-a-z0-9]/);
  if (stray) return stray;
  if (startsWithLetter && !/^[a-z]/.test(name)) return 'does not start with a letter';
  if (name.startsWith('-')) return "starts with '-'";
  // Stryker disable next-line ConditionalExpression,StringLiteral: reached only for a name the label regex refused and no check above faulted, which ends with '-'
  if (name.endsWith('-')) return "ends with '-'";
  return undefined;
}

/** Lowercases a name and replaces what a DNS label cannot hold; `undefined` if nothing is left. */
function dnsLabelSuggestion(name: string, startsWithLetter: boolean): string | undefined {
  // Stryker disable next-line Regex: runs of '-' are made one just after, so replacing each character or each run gives the same
  let text = name.toLowerCase().replace(/[^-a-z0-9]+/g, '-').replace(/-+/g, '-');
  if (startsWithLetter) text = text.replace(/^[^a-z]+/, '');
  // Stryker disable next-line Regex: the text holds no run of '-' here, so `-+` and `-` match the same
  text = text.slice(0, MAX_LABEL).replace(/^-+|-+$/g, '');
  return text === '' || text === name ? undefined : text;
}

/** A DNS-1035 label: Service names. */
export const DNS_1035_LABEL: NameSyntax = {
  title: 'a DNS-1035 label',
  rule: "at most 63 characters: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit",
  fault: name => dnsLabelFault(name, true),
  suggest: name => dnsLabelSuggestion(name, true),
};

/** A DNS-1123 label: namespaces, container names, port names. */
export const DNS_1123_LABEL: NameSyntax = {
  title: 'a DNS-1123 label',
  rule: "at most 63 characters: lowercase letters, digits and '-', starting and ending with a letter or digit",
  fault: name => dnsLabelFault(name, false),
  suggest: name => dnsLabelSuggestion(name, false),
};

/**
 * Faults of dotted names: at most 253 characters, parts separated by '.', each part made like a
 * DNS-1123 label; `partLimit` caps each part at 63 characters too (DNS names; Kubernetes object
 * names have no such cap).
 */
function dottedNameFault(name: string, partLimit: boolean): string | undefined {
  if (name === '') return 'is empty';
  if (name.length > MAX_SUBDOMAIN) return `is ${name.length} characters long, more than ${MAX_SUBDOMAIN}`;
  for (const part of name.split('.')) {
    if (part === '') return "has an empty part between dots (or starts or ends with '.')";
    const fault = partLimit ? dnsLabelFault(part, false) : (DNS_1123.test(part) ? undefined : dnsPartFault(part, false));
    if (fault) return part === name ? fault : `has a part ${show(part)} that ${fault}`;
  }
  return undefined;
}

/** Lowercases each part of a dotted name and replaces what it cannot hold; `undefined` if that gives nothing valid. */
function dottedNameSuggestion(name: string, syntax: NameSyntax): string | undefined {
  const parts = name.split('.').map(part => dnsLabelSuggestion(part, false) ?? part).filter(part => part !== '');
  const text = parts.join('.').slice(0, MAX_SUBDOMAIN);
  return text === name || syntax.fault(text) ? undefined : text;
}

/**
 * A DNS-1123 subdomain, as Kubernetes checks it: names of most Kubernetes objects (Deployments,
 * Secrets, VirtualServices). Only the whole name is limited, to 253 characters.
 */
export const DNS_1123_SUBDOMAIN: NameSyntax = {
  title: 'a DNS-1123 subdomain',
  rule: "at most 253 characters: lowercase letters, digits and '-', in parts joined by '.', each part starting and ending with a letter or digit",
  fault: name => dottedNameFault(name, false),
  suggest: name => dottedNameSuggestion(name, DNS_1123_SUBDOMAIN),
};

/** A DNS name: hosts. Like a DNS-1123 subdomain, with each label at most 63 characters, as DNS requires. */
export const DNS_NAME: NameSyntax = {
  title: 'a DNS name',
  rule: "at most 253 characters: DNS-1123 labels (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit) joined by '.'",
  fault: name => dottedNameFault(name, true),
  suggest: name => dottedNameSuggestion(name, DNS_NAME),
};

/** Faults of a label value or of the name part of a label key. */
function labelNameFault(name: string): string | undefined {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path for valid names, as in dnsLabelFault
  if (name.length <= MAX_LABEL && LABEL_NAME.test(name)) return undefined;
  if (name.length > MAX_LABEL) return `is ${name.length} characters long, more than ${MAX_LABEL}`;
  const stray = strayCharacters(name, /[-A-Za-z0-9_.]/);
  if (stray) return stray;
  if (!/^[A-Za-z0-9]/.test(name)) return 'does not start with a letter or digit';
  // Stryker disable next-line ConditionalExpression: reached only for a name LABEL_NAME refused and no check above faulted, which ends badly
  if (!/[A-Za-z0-9]$/.test(name)) return 'does not end with a letter or digit';
  return undefined;
}

/** Replaces what a label value cannot hold; `undefined` if nothing is left. */
function labelNameSuggestion(name: string): string | undefined {
  const text = name.replace(/[^-A-Za-z0-9_.]+/g, '-').slice(0, MAX_LABEL).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return text === '' || text === name ? undefined : text;
}

/** A Kubernetes label value that may be empty: values of `labels` and `selector`. */
export const LABEL_VALUE: NameSyntax = {
  title: 'a Kubernetes label value',
  rule: "empty, or at most 63 characters: letters, digits, '-', '_' and '.', starting and ending with a letter or digit",
  fault: name => (name === '' ? undefined : labelNameFault(name)),
  suggest: labelNameSuggestion,
};

/** A Kubernetes label value that may not be empty: version names, which are the `version` label. */
export const VERSION_NAME: NameSyntax = {
  title: 'a non-empty Kubernetes label value',
  rule: "at most 63 characters: letters, digits, '-', '_' and '.', starting and ending with a letter or digit",
  fault: name => (name === '' ? 'is empty' : labelNameFault(name)),
  suggest: labelNameSuggestion,
};

/** A Kubernetes label or annotation key: an optional DNS-1123 subdomain prefix and '/', then a name. */
export const LABEL_KEY: NameSyntax = {
  title: 'a Kubernetes label key',
  rule: "a name of at most 63 characters (letters, digits, '-', '_' and '.', starting and ending with a letter or digit), "
    + "optionally after a DNS-1123 subdomain prefix and '/', as in `example.com/tier`",
  fault: key => {
    const parts = key.split('/');
    if (parts.length > 2) return "has more than one '/'";
    const name = parts[parts.length - 1];
    if (parts.length === 2) {
      const prefixFault = DNS_1123_SUBDOMAIN.fault(parts[0]);
      if (prefixFault) return `has a prefix ${show(parts[0])} that ${prefixFault}`;
    }
    if (name === '') return parts.length === 2 ? "has nothing after '/'" : 'is empty';
    const fault = labelNameFault(name);
    return fault && parts.length === 2 ? `has a name ${show(name)} that ${fault}` : fault;
  },
  suggest: key => {
    const slash = key.lastIndexOf('/');
    const name = labelNameSuggestion(key.slice(slash + 1)) ?? key.slice(slash + 1);
    const prefix = slash < 0 ? '' : `${DNS_1123_SUBDOMAIN.suggest(key.slice(0, slash)) ?? key.slice(0, slash)}/`;
    const text = `${prefix}${name}`;
    return text === key || LABEL_KEY.fault(text) ? undefined : text;
  },
};

/** An HTTP field name: an RFC 7230 token. Header names and cookie names. */
export const HTTP_TOKEN: NameSyntax = {
  title: 'an HTTP token (RFC 7230)',
  rule: "letters, digits and !#$%&'*+-.^_`|~, no spaces, colons or other separators",
  fault: name => (name === '' ? 'is empty' : strayCharacters(name, /[!#$%&'*+\-.^_`|~0-9A-Za-z]/)),
  suggest: name => {
    const text = name.replace(/[^!#$%&'*+\-.^_`|~0-9A-Za-z]+/g, '-').replace(/^-+|-+$/g, '');
    return text === '' || text === name ? undefined : text;
  },
};

/**
 * Reports a problem at `path` when `name` does not follow `syntax`, saying what is wrong,
 * what the syntax is and, when it can, a name that fits. `what` names the thing: `service name`.
 * Returns whether the name is valid.
 */
export function checkName(problems: Problems, path: PathSegment[], name: string, syntax: NameSyntax, what: string): boolean {
  const fault = syntax.fault(name);
  if (fault === undefined) return true;
  const suggestion = syntax.suggest(name);
  problems.add(path, `${show(name)} is not a valid ${what}: it ${fault}. Use ${syntax.title}: ${syntax.rule}`
    + (suggestion !== undefined ? `; for example ${show(suggestion)}` : ''));
  return false;
}
