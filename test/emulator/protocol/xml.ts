// XML of the AWS Query protocol as IAM and STS write it: <ActionResponse xmlns=…>
// wrapping <ActionResult> and <ResponseMetadata>, lists as <member> elements,
// timestamps in ISO 8601 without milliseconds, and the <ErrorResponse> format.

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch]);
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** "2024-01-02T03:04:05Z": IAM's timestamp form. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type XmlValue = string | number | boolean | Date | undefined;

/** `<name>value</name>` with the value escaped; nothing when the value is undefined (IAM omits absent fields). */
export function field(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  const text = value instanceof Date ? isoSeconds(value) : String(value);
  return `<${name}>${escapeXml(text)}</${name}>`;
}

/** `<name>…</name>` around already-built XML. */
export function wrap(name: string, innerXml: string): string {
  return `<${name}>${innerXml}</${name}>`;
}

/** A Query-protocol list: `<name><member>…</member>…</name>`. */
export function memberList(name: string, membersXml: readonly string[]): string {
  return wrap(name, membersXml.map((member) => wrap('member', member)).join(''));
}

/** Complete success document; actions without output (UpdateAccessKey) pass no result. */
export function successDocument(action: string, namespace: string, resultXml: string | undefined, requestId: string): string {
  const result = resultXml === undefined ? '' : wrap(`${action}Result`, resultXml);
  return (
    `<${action}Response xmlns="${namespace}">` +
    result +
    wrap('ResponseMetadata', field('RequestId', requestId)) +
    `</${action}Response>\n`
  );
}

export interface ErrorDetails {
  readonly type: 'Sender' | 'Receiver';
  readonly code: string;
  /** Some IAM errors (ReportNotPresent) come without a message. */
  readonly message?: string;
}

/** IAM/STS error document: ErrorResponse > Error{Type, Code, Message} + RequestId. */
export function errorDocument(namespace: string, error: ErrorDetails, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${namespace}">` +
    wrap('Error', field('Type', error.type) + field('Code', error.code) + field('Message', error.message)) +
    field('RequestId', requestId) +
    '</ErrorResponse>\n'
  );
}
