/**
 * The warn stage: {@link org.entente.server.warn.WarningRule}s turn detections into warnings, each a CAP
 * 1.2 alert plus a STIX 2.1 report, addressed through the sharing policy to the members concerned with a
 * view that names and counts only what each may see. {@link org.entente.server.warn.Warnings} raises them,
 * delivers them over Server-Sent Events and signed webhooks, records acknowledgements and escalates what
 * stays unacknowledged past its deadline.
 */
package org.entente.server.warn;
